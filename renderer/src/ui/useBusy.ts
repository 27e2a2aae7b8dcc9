/** Buttons whose work takes a while: which one is running (for its spinner); a failure shown as a toast. */
import { useCallback, useState } from 'react';
import { useShowError } from './apiErrors';

export function useBusy<K extends string>() {
  const showError = useShowError();
  const [busy, setBusy] = useState<K | null>(null);
  const run = useCallback(
    async (key: K, work: () => Promise<void>) => {
      setBusy(key);
      try {
        await work();
      } catch (error) {
        showError(error);
      } finally {
        setBusy(null);
      }
    },
    [showError],
  );
  return { busy, run };
}
