/**
 * What the enterprise page shows about the platform: its platform status and opening results, and
 * this device's open conflicts and unsent changes for the enterprise and its orders. Read again
 * after every sync (the status' last sync time or counts change) and on local changes: the
 * contract says these answers read the enterprise, its orders and sync, so the cache re-reads them.
 */
import type { Output } from '../../../../../shared/api';
import { useApiQuery } from '../../../api/hooks';

export interface PlatformView {
  info: Output<'sync.platformInfo'>;
  conflicts: number;
  pendingOps: number;
}

export function usePlatformInfo(enterpriseId: string): { view: PlatformView | null; error: unknown } {
  const info = useApiQuery('sync.platformInfo', { enterpriseId });
  const conflicts = useApiQuery('sync.conflicts', {});
  const queue = useApiQuery('sync.queue', { limit: 1000 });
  const error = info.error ?? conflicts.error ?? queue.error;
  if (!info.data || !conflicts.data || !queue.data) return { view: null, error };
  const rows = new Set([enterpriseId, ...info.data.orders.map((o) => o.orderId)]);
  const view = {
    info: info.data,
    conflicts: conflicts.data.filter((c) => rows.has(c.rowId) || rows.has(c.existingId ?? '')).length,
    pendingOps: queue.data.ops.filter((op) => rows.has(op.rowId)).length,
  };
  return { view, error };
}
