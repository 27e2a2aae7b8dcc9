/**
 * A submitted order's way to the platform: waiting in this device's sync queue, received by the
 * platform (waiting for BOSS to open it), opened, or failed — read from the queue and from what the
 * platform reported, so the page follows each sync.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../../../shared/domain/order';
import { useApiQuery } from '../../../api/hooks';

type Stage = 'queued' | 'received' | 'opened' | 'failed';

function useStage(order: Order): { stage: Stage; failure?: { code: string; message: string } } {
  const queue = useApiQuery('sync.queue', { limit: 1000 });
  const info = useApiQuery('sync.platformInfo', { enterpriseId: order.enterpriseId });
  const queued = !queue.data || queue.data.ops.some((op) => op.rowId === order.id);
  const platform = info.data?.orders.find((o) => o.orderId === order.id);
  if (queued) return { stage: 'queued' };
  if (platform?.failure) return { stage: 'failed', failure: platform.failure };
  if (platform?.opening || platform?.platformStatus === 'opened' || platform?.platformStatus === 'completed') return { stage: 'opened' };
  return { stage: 'received' };
}

export function SubmittedBanner({ order }: { order: Order }) {
  const { t } = useTranslation();
  const { stage, failure } = useStage(order);
  return (
    <Alert
      type={stage === 'failed' ? 'error' : stage === 'queued' ? 'info' : 'success'}
      showIcon
      title={t(`orders.page.stage.${stage}`)}
      // A promotion opens no service: its own words, but for a failure (the platform's reason).
      description={t(order.promotion && stage !== 'failed' ? `orders.promotion.stageHint.${stage}` : `orders.page.stageHint.${stage}`, {
        message: failure ? t(`sync.rejection.${failure.code}`, { defaultValue: failure.message }) : '',
      })}
      className="ecw-order-banner"
      data-testid="order-submitted"
      data-stage={stage}
    />
  );
}
