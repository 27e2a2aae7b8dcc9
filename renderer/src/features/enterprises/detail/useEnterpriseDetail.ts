/** Everything the detail page shows, each part read on its own so one failure does not hide the rest. */
import { useApiQuery } from '../../../api/hooks';

export interface Part<T> {
  value: T | null;
  error: unknown;
  loaded: boolean;
}

const partOf = <T>(query: { data: T | undefined; error: unknown; isPending: boolean }): Part<T> => ({
  value: query.data ?? null,
  error: query.error,
  loaded: !query.isPending,
});

export function useEnterpriseDetail(id: string) {
  const enterprise = useApiQuery('enterprises.get', { id });
  const audit = useApiQuery('enterprises.audit', { id });
  const orders = useApiQuery('orders.listForEnterprise', { enterpriseId: id });
  const documents = useApiQuery('documents.listForEnterprise', { enterpriseId: id });
  const plan = useApiQuery('orders.currentPlan', { enterpriseId: id });
  const reload = () => [enterprise, audit, orders, documents, plan].forEach((q) => void q.refetch());
  return {
    enterprise: partOf(enterprise),
    audit: partOf(audit),
    orders: partOf(orders),
    documents: partOf(documents),
    plan: partOf(plan),
    reload,
  };
}
