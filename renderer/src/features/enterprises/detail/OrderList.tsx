/** The enterprise's service orders with their status (草稿 / 已签字 / 已提交). */
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../../shared/domain/billing';
import type { Order } from '../../../../../shared/domain/order';
import { orderDates, orderKindLabel, OrderStatusTag } from '../../orders';

export function OrderList({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<Order>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...orders].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))}
      // Secondary text rather than antd's disabled grey, which is unreadable (1.8:1).
      locale={{ emptyText: <Typography.Text type="secondary">{t('enterprises.detail.noOrders')}</Typography.Text> }}
      onRow={(order) =>
        ({
          onClick: () => void navigate(`/orders/${order.id}`),
          className: 'ecw-clickable',
          'data-testid': 'order-row',
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        { key: 'kind', title: t('orders.field.kind'), render: (_, o) => orderKindLabel(t, o) },
        { key: 'plan', title: t('orders.field.plan'), render: (_, o) => o.quote.plan.name },
        { key: 'effective', title: t('orders.field.effectiveDate'), render: (_, o) => orderDates(t, o) },
        {
          key: 'first',
          title: t('orders.field.firstMonthFee'),
          align: 'right',
          render: (_, o) => `${formatYuan(o.quote.firstMonth.feeFen)} ${t('common.yuan')}`,
        },
        {
          key: 'status',
          title: t('orders.field.status'),
          render: (_, o) => <OrderStatusTag status={o.status} platformStatus={o.platformStatus} />,
        },
        { key: 'created', title: t('orders.field.createdAt'), render: (_, o) => dayjs(o.createdAt).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
