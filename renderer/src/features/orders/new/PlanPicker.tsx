/** The plans of the current catalog as cards: 企业建站 标准版/商务版, then the 动力100 bundles with their components. */
import { Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../../shared/domain/billing';
import type { Plan } from '../../../../../shared/domain/catalog';
import { SampleTag } from '../common/SampleTag';

interface Props {
  plans: Plan[];
  value: string | undefined;
  onChange: (code: string) => void;
  /** A change cannot pick the plan the enterprise already has. */
  currentCode?: string;
  invalid?: boolean;
}

function PlanCard({ plan, current }: { plan: Plan; current: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="ecw-plan-body" data-testid={`plan-${plan.code}`}>
      <div className="ecw-plan-name">
        {plan.name}
        {current && <Tag color="blue">{t('orders.new.current')}</Tag>}
      </div>
      <div className="ecw-plan-fee">
        {t('orders.plan.perMonth', { fee: formatYuan(plan.monthlyFeeFen) })}
        {plan.sample.monthlyFee && <SampleTag />}
      </div>
      <Typography.Text type="secondary">
        {plan.smsIncluded ? t('orders.plan.smsIncluded', { n: plan.smsIncluded.toLocaleString('en-US') }) : t('orders.plan.noSms')}
      </Typography.Text>
      {plan.family === 'power100' && (
        <ul className="ecw-plan-components">
          {plan.components.map((c) => (
            <li key={c.code} title={c.description}>
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PlanPicker({ plans, value, onChange, currentCode, invalid }: Props) {
  const { t } = useTranslation();
  const onSale = plans.filter((p) => p.available);
  const families = [
    { key: 'site', title: t('orders.new.familySite'), plans: onSale.filter((p) => p.family === 'site') },
    { key: 'power100', title: t('orders.new.familyPower100'), plans: onSale.filter((p) => p.family === 'power100') },
  ];
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(e.target.value as string)}
      className={`ecw-plan-picker${invalid ? ' is-invalid' : ''}`}
      id="order-plan"
    >
      {families.map((family) => (
        <div key={family.key} className="ecw-plan-family">
          <Typography.Text strong>{family.title}</Typography.Text>
          <div className="ecw-plan-grid">
            {family.plans.map((plan) => (
              <Radio key={plan.code} value={plan.code} disabled={plan.code === currentCode} className="ecw-plan-card">
                <PlanCard plan={plan} current={plan.code === currentCode} />
              </Radio>
            ))}
          </div>
        </div>
      ))}
    </Radio.Group>
  );
}
