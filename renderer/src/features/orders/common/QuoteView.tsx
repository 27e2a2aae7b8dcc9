/**
 * The exact quote, as the backend computed it (the same numbers go into the PDF): monthly fee,
 * SMS included, the first-month rule in words, what a change or a cancellation means, month by month.
 * A promotion (门户首页推荐) has no SMS: its fee, the days it shows, and its months.
 */
import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan, type Quote, type QuoteMonth } from '../../../../../shared/domain/billing';
import type { Plan } from '../../../../../shared/domain/catalog';
import { addMonths, dayOf, monthOf } from '../../../../../shared/domain/dates';
import type { Order, OrderKind } from '../../../../../shared/domain/order';
import { lastPromotionDay, orderDates } from './promotionDays';
import { SampleTag } from './SampleTag';

interface Props {
  quote: Quote;
  kind: OrderKind;
  /** The catalog's plan the quote is for (its sample flags). */
  plan?: Plan;
  /** A change: the new plan and the date it applies from. */
  change?: { plan: Pick<Plan, 'name' | 'monthlyFeeFen'>; effectiveDate: string };
  cancelDate?: string;
  promotion?: Order['promotion'];
}

const yuan = (fen: number) => formatYuan(fen);

function RuleSentence({ quote, kind, change, cancelDate, promotion }: Props) {
  const { t } = useTranslation();
  if (promotion)
    return t('orders.promotion.rule', {
      start: promotion.startDate,
      months: promotion.months,
      last: lastPromotionDay(promotion),
      fee: yuan(quote.plan.monthlyFeeFen),
    });
  if (kind === 'change' && change)
    return t('orders.quote.change', { date: change.effectiveDate, plan: change.plan.name, fee: yuan(change.plan.monthlyFeeFen) });
  if (kind === 'cancel' && cancelDate)
    return t('orders.quote.cancel', { month: monthOf(cancelDate), next: addMonths(monthOf(cancelDate), 1) });
  const key = quote.firstMonth.rule === 'first_half' ? 'orders.quote.firstHalf' : 'orders.quote.firstFull';
  return t(key, { day: dayOf(quote.openDate), fee: yuan(quote.firstMonth.feeFen) });
}

export function QuoteView(props: Props) {
  const { t } = useTranslation();
  const { quote, plan, promotion } = props;
  const p = quote.plan;
  const sms = !promotion;
  // The plan column only matters when a change makes it differ from month to month.
  const onePlan = new Set(quote.months.map((m) => m.planCode)).size <= 1;
  return (
    <div className="ecw-quote" data-testid="quote">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'fee',
            label: t('orders.quote.monthlyFee'),
            children: (
              <span data-testid="quote-monthly-fee">
                {yuan(p.monthlyFeeFen)} {t('common.yuan')}
                {plan?.sample.monthlyFee && <SampleTag />}
              </span>
            ),
          },
          ...(sms
            ? [
                {
                  key: 'sms',
                  label: t('orders.quote.smsIncluded'),
                  children: t('orders.quote.smsCount', { n: p.smsIncluded.toLocaleString('en-US') }),
                },
                {
                  key: 'rate',
                  label: t('orders.quote.smsRate'),
                  children: (
                    <span>
                      {t('orders.quote.rateValue', { rate: yuan(p.smsRateFen) })}
                      {plan?.sample.smsRate && <SampleTag />}
                    </span>
                  ),
                },
              ]
            : [
                {
                  key: 'period',
                  label: t('orders.promotion.period'),
                  children: (
                    <span data-testid="quote-promotion-period">{orderDates(t, { effectiveDate: promotion.startDate, promotion })}</span>
                  ),
                },
              ]),
        ]}
      />
      <Alert
        className="ecw-quote-rule"
        type="success"
        showIcon
        title={
          <span data-testid="quote-rule">
            <RuleSentence {...props} />
          </span>
        }
      />
      <Typography.Text strong className="ecw-quote-months-title">
        {t('orders.quote.months')}
      </Typography.Text>
      <Table<QuoteMonth>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={quote.months}
        scroll={{ y: 480 }}
        data-testid="quote-months"
        columns={[
          { key: 'month', title: t('orders.quote.month'), dataIndex: 'month', width: 90 },
          ...(onePlan ? [] : [{ key: 'plan', title: t('orders.field.plan'), render: (_: unknown, m: QuoteMonth) => m.planName }]),
          {
            key: 'rule',
            title: t('orders.quote.rule'),
            render: (_, m) => (
              <Tag color={m.rule === 'first_half' ? 'gold' : m.rule === 'cancellation' ? 'red' : undefined}>
                {t(`orders.quote.rules.${m.rule}`)}
              </Tag>
            ),
          },
          { key: 'fn', title: t('orders.quote.functionFee'), align: 'right', render: (_, m) => yuan(m.functionFeeFen) },
          ...(sms
            ? [
                {
                  key: 'sms',
                  title: t('orders.quote.smsFee'),
                  align: 'right' as const,
                  render: (_: unknown, m: QuoteMonth) => yuan(m.smsFeeFen),
                },
              ]
            : []),
          { key: 'total', title: t('orders.quote.total'), align: 'right', render: (_, m) => <strong>{yuan(m.totalFeeFen)}</strong> },
        ]}
      />
      <div className="ecw-quote-total" data-testid="quote-total">
        {t('orders.quote.totalLine', { count: quote.months.length, total: yuan(quote.totalFeeFen) })}
      </div>
      {quote.usesSampleRates && <Alert type="warning" showIcon title={t('orders.quote.sampleWarning')} />}
    </div>
  );
}
