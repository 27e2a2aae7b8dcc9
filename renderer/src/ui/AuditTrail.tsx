/** The audit trail (who did what, when), newest last, as the backend records it. */
import { Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PORTAL_PROMOTION_CODE } from '../../../shared/domain/catalog';
import type { AuditEntry } from '../../../shared/domain/order';

/** A readable line for an entry's detail: changed field names, a status, a signer. */
function detailText(entry: AuditEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  const detail = entry.detail ?? {};
  const parts: string[] = [];
  if (typeof detail.orderNumber === 'string') parts.push(detail.orderNumber);
  // A promotion is an open order of its own catalog item: named as such, not 开户.
  if (typeof detail.kind === 'string')
    parts.push(t(detail.planCode === PORTAL_PROMOTION_CODE ? 'orders.kind.promotion' : `orders.kind.${detail.kind}`));
  if (Array.isArray(detail.fields) && detail.fields.length)
    parts.push(
      t('audit.changedFields', {
        fields: detail.fields.map((f) => t(`enterprises.field.${String(f)}`, { defaultValue: String(f) })).join('、'),
      }),
    );
  if (typeof detail.signerName === 'string') parts.push(t('audit.signer', { name: detail.signerName }));
  if (typeof detail.planName === 'string') parts.push(detail.planName);
  return parts.join('；');
}

export function AuditTrail({ entries, testId }: { entries: AuditEntry[]; testId?: string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;
  return (
    <Timeline
      data-testid={testId}
      items={entries.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        content: (
          <div data-testid="audit-entry">
            <div>
              <Typography.Text strong>{entry.actor}</Typography.Text> {t(`audit.${entry.action}`, { defaultValue: entry.action })}
              {detailText(entry, t) && <Typography.Text type="secondary">（{detailText(entry, t)}）</Typography.Text>}
            </div>
            <Typography.Text type="secondary" className="ecw-audit-time">
              {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
