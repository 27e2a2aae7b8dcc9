/** The quote for what is chosen so far (`orders.quote`), recomputed as the plan or the date changes. */
import { useEffect, useState } from 'react';
import type { Input, Output } from '../../../../../shared/api';
import { call } from '../../../api/client';

export function useQuotePreview(input: Input<'orders.quote'> | null) {
  const [state, setState] = useState<{ key: string; quote: Output<'orders.quote'> | null; error: unknown }>({ key: '', quote: null, error: null });
  const key = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!key) return;
    let live = true;
    call('orders.quote', JSON.parse(key) as Input<'orders.quote'>)
      .then((quote) => live && setState({ key, quote, error: null }))
      .catch((error: unknown) => live && setState({ key, quote: null, error }));
    return () => {
      live = false;
    };
  }, [key]);
  if (!key) return { quote: null, error: null, loading: false };
  return state.key === key ? { quote: state.quote, error: state.error, loading: false } : { quote: null, error: null, loading: true };
}
