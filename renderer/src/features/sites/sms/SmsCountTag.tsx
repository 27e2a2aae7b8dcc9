/** How a text will be billed, signature included: "38 字 · 1 条". */
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { countWithSignature } from '../../../../../shared/sites';

export function SmsCountTag({ text, signature, limit }: { text: string; signature: string; limit?: number }) {
  const { t } = useTranslation();
  const count = countWithSignature(text, signature);
  const over = limit !== undefined && count.messages > limit;
  return (
    <Tooltip title={t('sites.sms.billingRule')}>
      <Tag color={over ? 'red' : count.messages > 1 ? 'gold' : 'default'} className="ecw-sms-count">
        {t('sites.sms.count', { chars: count.chars, messages: count.messages })}
      </Tag>
    </Tooltip>
  );
}
