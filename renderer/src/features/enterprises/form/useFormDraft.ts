/**
 * A half-filled form kept as a draft on the backend (`drafts.save`, ~300 ms after the last
 * keystroke): navigating away, a reload or a crash loses nothing. Cleared after a real save.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api/client';

const SAVE_DELAY_MS = 300;

export interface DraftState {
  loaded: boolean;
  /** The stored draft found when the page opened. */
  restored: { value: unknown; updatedAt: string } | null;
  error: unknown;
}

export function useFormDraft(key: string) {
  const [state, setState] = useState<DraftState>({ loaded: false, restored: null, error: null });
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
    call('drafts.get', { key })
      .then((found) => setState({ loaded: true, restored: found, error: null }))
      .catch((error: unknown) => setState({ loaded: true, restored: null, error }));
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
    setState((s) => ({ ...s, restored: null }));
  }, [key]);

  /** No more draft saves from this page (the record itself was saved). */
  const close = useCallback(() => {
    closed.current = true;
    return discard();
  }, [discard]);

  return { ...state, save, discard, close };
}
