/**
 * What a control shows while the user's choices are on their way to the backend: the latest
 * choice, until every save it started has finished; then what is saved. So a second click on a
 * checkbox or a switch acts on what the user sees, not on the value from before the first save.
 */
import { useCallback, useState } from 'react';

export function useChosen<T>(saved: T): [T, (value: T, saving: Promise<unknown>) => void] {
  const [chosen, setChosen] = useState<{ value: T; waiting: number } | null>(null);
  const choose = useCallback((value: T, saving: Promise<unknown>) => {
    setChosen((c) => ({ value, waiting: (c?.waiting ?? 0) + 1 }));
    const done = () => setChosen((c) => (c && c.waiting > 1 ? { ...c, waiting: c.waiting - 1 } : null));
    saving.then(done, done);
  }, []);
  return [chosen ? chosen.value : saved, choose];
}
