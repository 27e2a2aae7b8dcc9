/**
 * One call's answer as state (value, error, loaded), fetched again when `key` changes or on
 * `reload()`. While reloading, the previous value stays on screen; a null key loads nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  value: T | null;
  error: unknown;
  loaded: boolean;
  reload: () => void;
}

interface State<T> {
  key: string | null;
  value: T | null;
  error: unknown;
}

export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  const [state, setState] = useState<State<T>>({ key: null, value: null, error: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    loader
      .current()
      .then((value) => live && setState({ key, value, error: null }))
      .catch((error: unknown) => live && setState((s) => ({ key, value: s.key === key ? s.value : null, error })));
    return () => {
      live = false;
    };
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const current = state.key === key;
  return { value: current ? state.value : null, error: current ? state.error : null, loaded: current, reload };
}
