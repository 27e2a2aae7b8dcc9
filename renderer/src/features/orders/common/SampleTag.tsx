import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Marks a number that is sample catalog data, not the operator's published price. */
export function SampleTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('orders.plan.sampleHint')}>
      <Tag color="orange" className="ecw-sample-tag">
        {t('common.sample')}
      </Tag>
    </Tooltip>
  );
}
