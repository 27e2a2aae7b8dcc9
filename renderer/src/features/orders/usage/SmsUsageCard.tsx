/**
 * An enterprise's SMS in a month of its service against what its plan includes, and the month's
 * bill: function fee + SMS beyond the included amount (the billing module's quote over the
 * platform's count, `sms.usage`). The months offered run from the opening to now, or to the end of
 * a cancelled service (`sms.usageMonths`), whose last billed months stay readable.
 */
import { Alert, Card, Descriptions, Progress, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SmsUsage } from '../../../../../shared/api/smsUsage';
import { formatYuan } from '../../../../../shared/domain/billing';
import { useApiQuery } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';

export function SmsUsageCard({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { data: period } = useApiQuery('sms.usageMonths', { enterpriseId });
  const [chosen, setChosen] = useState<string>();
  if (!period) return null;
  const month = chosen && period.months.includes(chosen) ? chosen : period.months[0]!;
  return (
    <Card
      size="small"
      title={t('orders.smsUsage.title')}
      extra={
        <Select
          size="small"
          value={month}
          options={period.months.map((m) => ({ value: m, label: m }))}
          onChange={setChosen}
          aria-label={t('orders.smsUsage.month')}
          popupMatchSelectWidth={false}
          virtual={false}
          data-testid="sms-usage-month"
        />
      }
      data-testid="sms-usage"
    >
      {period.endDate && (
        <Alert
          type="info"
          showIcon
          title={t('orders.smsUsage.ended', { date: period.endDate })}
          style={{ marginBottom: 12 }}
          data-testid="sms-usage-ended"
        />
      )}
      <MonthUsage enterpriseId={enterpriseId} month={month} />
    </Card>
  );
}

function MonthUsage({ enterpriseId, month }: { enterpriseId: string; month: string }) {
  const { t } = useTranslation();
  const { data, error } = useApiQuery('sms.usage', { enterpriseId, month });
  if (error) return <Typography.Text type="secondary">{apiErrorText(error)}</Typography.Text>;
  if (!data) return null;
  return <UsageFigures usage={data} label={t('orders.smsUsage.title')} />;
}

function UsageFigures({ usage, label }: { usage: SmsUsage; label: string }) {
  const { t } = useTranslation();
  const percent = usage.smsIncluded > 0 ? Math.min(100, Math.round((usage.smsSent / usage.smsIncluded) * 100)) : 0;
  const yuan = (fen: number) => t('orders.smsUsage.yuan', { amount: formatYuan(fen) });
  return (
    <>
      <Progress
        aria-label={label}
        percent={percent}
        status={usage.smsOverage > 0 ? 'exception' : 'normal'}
        format={() => `${usage.smsSent} / ${usage.smsIncluded}`}
      />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('orders.smsUsage.overage')}>
          {t('orders.smsUsage.messages', { count: usage.smsOverage })}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.smsUsage.functionFee')}>{yuan(usage.functionFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.smsUsage.smsFee')}>{yuan(usage.smsFeeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('orders.smsUsage.total')}>
          <strong data-testid="sms-usage-total">{yuan(usage.totalFeeFen)}</strong>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
