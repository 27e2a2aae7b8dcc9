/**
 * A half-filled form kept as a draft on the backend (`drafts.save`, ~300 ms after the last
 * keystroke): navigating away, a reload or a crash loses nothing. Cleared after a real save.
 * The saves are silent background writes (no busy state), flushed when the page goes away.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/hooks';
import { apiQueryKey } from '../../../api/queryCache';

const SAVE_DELAY_MS = 300;

export interface DraftState {
  loaded: boolean;
  /** The stored draft found when the page opened. */
  restored: { value: unknown; updatedAt: string } | null;
  error: unknown;
}

export function useFormDraft(key: string) {
  const client = useQueryClient();
  const stored = useApiQuery('drafts.get', { key }, { onlyWhileShown: true });
  const pending = useRef<{ value: unknown; timer: ReturnType<typeof setTimeout> } | null>(null);
  const closed = useRef(false);

  const flush = useCallback(() => {
    const job = pending.current;
    if (!job) return;
    clearTimeout(job.timer);
    pending.current = null;
    void call('drafts.save', { key, value: job.value }).catch(() => undefined);
  }, [key]);

  useEffect(() => {
    closed.current = false;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key, flush]);

  const save = useCallback(
    (value: unknown) => {
      if (closed.current) return;
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { value, timer: setTimeout(flush, SAVE_DELAY_MS) };
    },
    [flush],
  );

  /** After a successful save or when the user throws the draft away. */
  const discard = useCallback(async () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
    await call('drafts.delete', { key }).catch(() => undefined);
    client.setQueryData(apiQueryKey('drafts.get', { key }), null);
  }, [key, client]);

  /** No more draft saves from this page (the record itself was saved). */
  const close = useCallback(() => {
    closed.current = true;
    return discard();
  }, [discard]);

  const state: DraftState = { loaded: !stored.isPending, restored: stored.data ?? null, error: stored.error };
  return { ...state, save, discard, close };
}
