/**
 * What the enterprise page shows about the platform: its platform status and opening results, and
 * this device's open conflicts and unsent changes for the enterprise and its orders. Read again
 * after every sync (the status' last sync time or counts change) and on local changes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../../shared/api';
import { call, subscribe } from '../../../api/client';
import { useSyncStore } from '../state/syncStore';

export interface PlatformView {
  info: Output<'sync.platformInfo'>;
  conflicts: number;
  pendingOps: number;
}

async function readView(enterpriseId: string): Promise<PlatformView> {
  const [info, conflicts, queue] = await Promise.all([
    call('sync.platformInfo', { enterpriseId }),
    call('sync.conflicts', {}),
    call('sync.queue', { limit: 1000 }),
  ]);
  const rows = new Set([enterpriseId, ...info.orders.map((o) => o.orderId)]);
  return {
    info,
    conflicts: conflicts.filter((c) => rows.has(c.rowId) || rows.has(c.existingId ?? '')).length,
    pendingOps: queue.ops.filter((op) => rows.has(op.rowId)).length,
  };
}

export function usePlatformInfo(enterpriseId: string): { view: PlatformView | null; error: unknown } {
  const [state, setState] = useState<{ view: PlatformView | null; error: unknown }>({ view: null, error: null });
  const signature = useSyncStore((s) => (s.status ? `${s.status.lastSyncAt}|${s.status.conflicts}|${s.status.pendingOps}` : ''));
  const load = useCallback(() => {
    readView(enterpriseId)
      .then((view) => setState({ view, error: null }))
      .catch((error: unknown) => setState((s) => ({ view: s.view, error })));
  }, [enterpriseId]);
  useEffect(load, [load, signature]);
  useEffect(() => subscribe('data.changed', ({ entity }) => (entity === 'enterprise' || entity === 'service_order' || entity === 'sync') && load()), [load]);
  return state;
}
