/**
 * An opened enterprise's SMS this month (or one of the two before) against what its plan includes,
 * and the month's bill: function fee + SMS beyond the included amount (the billing module's quote
 * over the platform's count, `sms.usage`).
 */
import { Card, Descriptions, Progress, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../../shared/domain/billing';
import { useApiQuery } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';

/** This China month and the two before, newest first (`YYYY-MM`). */
function recentMonths(now = Date.now()): string[] {
  const china = new Date(now + 8 * 3_600_000);
  return [0, 1, 2].map((back) => new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - back, 1)).toISOString().slice(0, 7));
}

export function SmsUsageCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]!);
  const { data, error } = useApiQuery('sms.usage', { enterpriseId, month });
  const percent = data && data.smsIncluded > 0 ? Math.min(100, Math.round((data.smsSent / data.smsIncluded) * 100)) : 0;
  return (
    <Card
      size="small"
      title={t('orders.smsUsage.title')}
      extra={<Segmented size="small" value={month} options={months} onChange={(value) => setMonth(value)} data-testid="sms-usage-month" />}
      data-testid="sms-usage"
    >
      {error ? (
        <Typography.Text type="secondary">{apiErrorText(error)}</Typography.Text>
      ) : (
        data && (
          <>
            <Progress percent={percent} status={data.smsOverage > 0 ? 'exception' : 'normal'} format={() => `${data.smsSent} / ${data.smsIncluded}`} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('orders.smsUsage.overage')}>{t('orders.smsUsage.messages', { count: data.smsOverage })}</Descriptions.Item>
              <Descriptions.Item label={t('orders.smsUsage.functionFee')}>{t('orders.smsUsage.yuan', { amount: formatYuan(data.functionFeeFen) })}</Descriptions.Item>
              <Descriptions.Item label={t('orders.smsUsage.smsFee')}>{t('orders.smsUsage.yuan', { amount: formatYuan(data.smsFeeFen) })}</Descriptions.Item>
              <Descriptions.Item label={t('orders.smsUsage.total')}>
                <strong data-testid="sms-usage-total">{t('orders.smsUsage.yuan', { amount: formatYuan(data.totalFeeFen) })}</strong>
              </Descriptions.Item>
            </Descriptions>
          </>
        )
      )}
    </Card>
  );
}
