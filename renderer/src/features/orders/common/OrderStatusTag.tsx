import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, PlatformOrderStatus } from '../../../../../shared/domain/order';

const COLORS: Record<OrderStatus, string> = { draft: 'default', signed: 'blue', submitted: 'green' };
const PLATFORM_COLORS: Record<Exclude<PlatformOrderStatus, 'submitted'>, string> = { opened: 'green', completed: 'green', failed: 'red' };

/** 草稿 / 已签字 / 已提交 — or, once a sync brought the platform's answer, 已开通 / 已办结 / 办理失败. */
export function OrderStatusTag({ status, platformStatus }: { status: OrderStatus; platformStatus?: PlatformOrderStatus | undefined }) {
  const { t } = useTranslation();
  if (platformStatus && platformStatus !== 'submitted')
    return (
      <Tag color={PLATFORM_COLORS[platformStatus]} data-testid="order-status">
        {t(`orders.platformStatus.${platformStatus}`)}
      </Tag>
    );
  return (
    <Tag color={COLORS[status]} data-testid="order-status">
      {t(`orders.status.${status}`)}
    </Tag>
  );
}
