/** Everything the detail page shows, each part loaded on its own so one failure does not hide the rest. */
import { useCallback, useEffect, useState } from 'react';
import type { Output, ProcedureName } from '../../../../../shared/api';
import { call, subscribe } from '../../../api/client';

export interface Part<T> {
  value: T | null;
  error: unknown;
  loaded: boolean;
}

const empty = <T,>(): Part<T> => ({ value: null, error: null, loaded: false });

function load<N extends ProcedureName>(promise: Promise<Output<N>>, set: (part: Part<Output<N>>) => void) {
  promise.then((value) => set({ value, error: null, loaded: true })).catch((error: unknown) => set({ value: null, error, loaded: true }));
}

export function useEnterpriseDetail(id: string) {
  const [enterprise, setEnterprise] = useState(empty<Output<'enterprises.get'>>());
  const [audit, setAudit] = useState(empty<Output<'enterprises.audit'>>());
  const [orders, setOrders] = useState(empty<Output<'orders.listForEnterprise'>>());
  const [documents, setDocuments] = useState(empty<Output<'documents.listForEnterprise'>>());
  const [plan, setPlan] = useState(empty<Output<'orders.currentPlan'>>());

  const reload = useCallback(() => {
    load<'enterprises.get'>(call('enterprises.get', { id }), setEnterprise);
    load<'enterprises.audit'>(call('enterprises.audit', { id }), setAudit);
    load<'orders.listForEnterprise'>(call('orders.listForEnterprise', { enterpriseId: id }), setOrders);
    load<'documents.listForEnterprise'>(call('documents.listForEnterprise', { enterpriseId: id }), setDocuments);
    load<'orders.currentPlan'>(call('orders.currentPlan', { enterpriseId: id }), setPlan);
  }, [id]);

  useEffect(reload, [reload]);
  useEffect(() => subscribe('data.changed', ({ entity, id: changed }) => {
    if (entity !== 'enterprise' || !changed || changed === id) reload();
  }), [id, reload]);

  return { enterprise, audit, orders, documents, plan, reload };
}
