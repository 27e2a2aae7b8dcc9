/** The quote for what is chosen so far (`orders.quote`), recomputed as the plan or the date changes. */
import type { Input } from '../../../../../shared/api';
import { useApiQuery } from '../../../api/hooks';

export function useQuotePreview(input: Input<'orders.quote'> | null) {
  const quote = useApiQuery('orders.quote', input ?? { planCode: '', openDate: '' }, { enabled: input !== null });
  if (!input) return { quote: null, error: null, loading: false };
  return { quote: quote.data ?? null, error: quote.error, loading: quote.isPending };
}
