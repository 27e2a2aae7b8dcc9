/** The group's roster orders, newest first: what each carried and what the platform answered. */
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';

type Order = Output<'roster.list'>['orders'][number];

const COLORS: Record<Order['status'], string> = { sending: 'blue', submitted: 'gold', completed: 'green', failed: 'red', refused: 'red' };

export function OrderList({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <Typography.Text type="secondary">{t('roster.orders.none')}</Typography.Text>;
  return (
    <Table<Order>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={orders}
      data-testid="roster-orders"
      columns={[
        { title: t('roster.orders.createdAt'), key: 'at', render: (_, o) => new Date(o.createdAt).toLocaleString() },
        { title: t('roster.orders.createdBy'), dataIndex: 'createdBy' },
        { title: t('roster.orders.changes'), dataIndex: 'changes' },
        {
          title: t('roster.orders.answer'),
          key: 'status',
          render: (_, o) => (
            <>
              <Tag color={COLORS[o.status]}>{t(`roster.orders.status.${o.status}`)}</Tag>
              {o.status === 'completed' ? t('roster.orders.result', { confirmed: o.confirmed, sentBack: o.sentBack }) : null}
              {o.failure ? (
                <Typography.Text type="danger">
                  {t(`roster.orders.failure.${o.failure.code}`, { defaultValue: o.failure.message })}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
