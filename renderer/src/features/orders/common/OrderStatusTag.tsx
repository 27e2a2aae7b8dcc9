import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../../shared/domain/order';

const COLORS: Record<OrderStatus, string> = { draft: 'default', signed: 'blue', submitted: 'green' };

/** 草稿 / 已签字 / 已提交. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="order-status">
      {t(`orders.status.${status}`)}
    </Tag>
  );
}
