/** The SMS the enterprise's plan includes each month (from its current plan and the catalog), if it has one. */
import { findPlan } from '../../../../../shared/domain/catalog';
import { useApiQuery } from '../../../api/hooks';

export interface PlanSms {
  planName: string;
  included: number;
}

export function usePlanSms(enterpriseId: string): PlanSms | null {
  const current = useApiQuery('orders.currentPlan', { enterpriseId }).data;
  const catalog = useApiQuery('catalog.current', {}).data;
  const found = current && catalog ? findPlan(catalog, current.planCode) : undefined;
  return current && found ? { planName: current.planName, included: found.smsIncluded } : null;
}
