/** The SMS the enterprise's plan includes each month (from its current plan and the catalog), if it has one. */
import { useEffect, useState } from 'react';
import { findPlan } from '../../../../../shared/domain/catalog';
import { call } from '../../../api/client';

export interface PlanSms {
  planName: string;
  included: number;
}

export function usePlanSms(enterpriseId: string): PlanSms | null {
  const [plan, setPlan] = useState<PlanSms | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([call('orders.currentPlan', { enterpriseId }), call('catalog.current', {})])
      .then(([current, catalog]) => {
        const found = current ? findPlan(catalog, current.planCode) : undefined;
        if (live) setPlan(current && found ? { planName: current.planName, included: found.smsIncluded } : null);
      })
      .catch(() => live && setPlan(null));
    return () => {
      live = false;
    };
  }, [enterpriseId]);
  return plan;
}
