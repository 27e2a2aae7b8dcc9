/** Who, what, when: the order's facts as the PDF prints them. */
import { Descriptions } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../../shared/domain/catalog';
import { findPlan } from '../../../../../shared/domain/catalog';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import type { Order } from '../../../../../shared/domain/order';
import { orderDates, orderKindLabel } from '../common/promotionDays';

const at = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export function OrderSummary({ order, enterprise, catalog }: { order: Order; enterprise: Enterprise | null; catalog: Catalog | null }) {
  const { t } = useTranslation();
  const planName = (code?: string) => (code ? ((catalog && findPlan(catalog, code)?.name) ?? code) : '');
  const plan = order.previousPlanCode ? `${planName(order.previousPlanCode)} → ${planName(order.planCode)}` : order.quote.plan.name;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="order-summary"
      items={[
        { key: 'number', label: t('orders.field.number'), children: order.number },
        {
          key: 'enterprise',
          label: t('orders.field.enterprise'),
          children: enterprise ? <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link> : '…',
        },
        { key: 'kind', label: t('orders.field.kind'), children: orderKindLabel(t, order) },
        { key: 'plan', label: t('orders.field.plan'), children: plan },
        { key: 'date', label: t('orders.field.date'), children: order.requestDate },
        {
          key: 'effective',
          label: t(order.promotion ? 'orders.promotion.period' : 'orders.field.effectiveDate'),
          children: orderDates(t, order),
        },
        { key: 'manager', label: t('enterprises.field.manager'), children: order.createdBy },
        {
          key: 'signer',
          label: t('orders.field.signer'),
          children: order.signerName ? `${order.signerName}（${at(order.signedAt)}）` : '—',
        },
      ]}
    />
  );
}
