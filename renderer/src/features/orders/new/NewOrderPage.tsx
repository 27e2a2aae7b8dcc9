/**
 * /enterprises/:id/orders/new — 开户 / 变更套餐 / 取消 (whichever the enterprise's state allows) or
 * 门户首页推荐 (a promotion: start date and months), the plan, the date (today by default), and the
 * exact quote before the order is created.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Form, InputNumber, Radio, Row, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import {
  findPlan,
  MAX_PROMOTION_MONTHS,
  PORTAL_PROMOTION_CODE,
  promotionEndDate,
  type Catalog,
} from '../../../../../shared/domain/catalog';
import { chinaDate, firstOfNextMonth } from '../../../../../shared/domain/dates';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { Kbd } from '../../../ui/Kbd';
import { validationText } from '../../../i18n';
import { QuoteView } from '../common/QuoteView';
import { PlanPicker } from './PlanPicker';
import { useQuotePreview } from './useQuotePreview';
import { allowedKinds, createInput, previewInput, promotionMonthsInRange, type FormKind } from './orderDraft';
import '../orders.css';

interface Errors {
  plan?: string;
  date?: string;
  months?: string;
  form?: string;
}

/** Which field a refusal belongs to, and its text (a schema refusal of the months by its validation key). */
function errorsOf(error: unknown): Errors {
  const e = apiErrorOf(error);
  const field = e.field ?? e.issues?.[0]?.field;
  if (field === 'promotionMonths') return { months: validationText(e.issues?.[0]?.code, { max: MAX_PROMOTION_MONTHS }) };
  const text = apiErrorText(error);
  return field === 'planCode' ? { plan: text } : field === 'date' ? { date: text } : { form: text };
}

export function NewOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const enterprise = useApiQuery('enterprises.get', { id });
  const catalog = useApiQuery('catalog.current', {});
  const current = useApiQuery('orders.currentPlan', { enterpriseId: id });

  const failed = enterprise.error ?? catalog.error ?? current.error;
  if (failed)
    return (
      <Alert
        type="error"
        showIcon
        title={apiErrorText(failed)}
        action={<Button onClick={() => [enterprise, catalog, current].forEach((q) => void q.refetch())}>{t('common.retry')}</Button>}
      />
    );
  if (!enterprise.data || !catalog.data || current.data === undefined) return <Spin />;

  return (
    <div className="ecw-page">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[
          { title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> },
          { title: <Link to={`/enterprises/${id}`}>{enterprise.data.name}</Link> },
          { title: t('orders.new.title') },
        ]}
      />
      <Typography.Title level={3} className="ecw-page-title">
        {t('orders.new.title')} · {enterprise.data.name}
      </Typography.Title>
      <NewOrderForm
        enterpriseId={id}
        catalog={catalog.data}
        current={current.data}
        onCreated={(orderId) => void navigate(`/orders/${orderId}`)}
        onCancel={() => void navigate(`/enterprises/${id}`)}
      />
    </div>
  );
}

type CurrentPlan = Output<'orders.currentPlan'>;

const DATE_LABELS: Record<FormKind, string> = {
  open: 'orders.field.openDate',
  change: 'orders.field.changeDate',
  cancel: 'orders.field.cancelDate',
  promotion: 'orders.promotion.startDate',
};

interface FormProps {
  enterpriseId: string;
  catalog: Catalog;
  current: CurrentPlan;
  onCreated: (orderId: string) => void;
  onCancel: () => void;
}

function NewOrderForm({ enterpriseId, catalog, current, onCreated, onCancel }: FormProps) {
  const { t } = useTranslation();
  const kinds = allowedKinds(current);
  const [kind, setKind] = useState<FormKind>(kinds[0]!);
  const [planCode, setPlanCode] = useState<string | undefined>();
  const [promotionMonths, setPromotionMonths] = useState<number | null>(1);
  const [today] = useState(() => chinaDate(new Date()));
  const [date, setDate] = useState(today);
  const [errors, setErrors] = useState<Errors>({});
  const createOrder = useApiMutation('orders.create');
  const choice = { kind, planCode, date, promotionMonths };
  const preview = useQuotePreview(previewInput(choice, current));
  const quotedPlanCode = kind === 'promotion' ? PORTAL_PROMOTION_CODE : kind === 'cancel' ? current?.planCode : planCode;
  const chosenPlan = findPlan(catalog, quotedPlanCode ?? '');

  const create = async () => {
    if ((kind === 'open' || kind === 'change') && !planCode) return setErrors({ plan: validationText('plan.required') });
    setErrors({});
    try {
      const order = await createOrder.mutateAsync(createInput(enterpriseId, choice));
      onCreated(order.id);
    } catch (error) {
      setErrors(errorsOf(error));
    }
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void create();
    } else if (event.key === 'Escape' && !event.defaultPrevented && (event.target as HTMLElement).getAttribute('aria-expanded') !== 'true')
      onCancel();
  };

  // Keyboard first: start on the order type (then Tab to the plans, Space or arrows to choose).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => root.current?.querySelector<HTMLInputElement>('input[type=radio]:checked')?.focus(), []);

  const dateLabel = DATE_LABELS[kind];
  const dateHint =
    kind === 'change'
      ? t('orders.new.changeEffective', { date: firstOfNextMonth(date) })
      : t(kind === 'promotion' ? 'orders.promotion.startHint' : 'orders.new.dateHint');

  return (
    <Form layout="vertical" component="div" onKeyDown={onKeyDown}>
      <Row gutter={[16, 16]} ref={root}>
        <Col xs={24} xl={13}>
          <Card size="small" title={t('orders.field.kind')}>
            <Form.Item className="ecw-form-item">
              <Radio.Group
                value={kind}
                onChange={(e) => (setKind(e.target.value as FormKind), setErrors({}))}
                optionType="button"
                buttonStyle="solid"
                options={kinds.map((k) => ({ value: k, label: t(`orders.kind.${k}`) }))}
                data-testid="order-kind"
              />
              <Typography.Paragraph type="secondary" className="ecw-kind-hint">
                {t(`orders.kindHint.${kind}`)}
                {current && ` · ${t('orders.field.currentPlan')}：${current.planName}（${current.openDate}）`}
              </Typography.Paragraph>
            </Form.Item>
            {kind === 'promotion' && (
              <Form.Item
                label={t('orders.promotion.months')}
                required
                htmlFor="order-promotion-months"
                validateStatus={errors.months ? 'error' : undefined}
                help={errors.months ?? t('orders.promotion.monthsHint', { max: MAX_PROMOTION_MONTHS })}
                className="ecw-form-item"
              >
                <InputNumber
                  id="order-promotion-months"
                  value={promotionMonths}
                  precision={0}
                  suffix={t('orders.promotion.monthsUnit')}
                  onChange={(n) => (setPromotionMonths(n), setErrors({}))}
                  data-testid="order-promotion-months"
                />
              </Form.Item>
            )}
            {(kind === 'open' || kind === 'change') && (
              <Form.Item
                label={t('orders.field.plan')}
                required
                validateStatus={errors.plan ? 'error' : undefined}
                help={errors.plan}
                className="ecw-form-item"
              >
                <PlanPicker
                  plans={catalog.plans}
                  value={planCode}
                  onChange={(code) => (setPlanCode(code), setErrors({}))}
                  currentCode={kind === 'change' ? current?.planCode : undefined}
                  invalid={Boolean(errors.plan)}
                />
              </Form.Item>
            )}
            <Form.Item
              label={t(dateLabel)}
              required
              htmlFor="order-date"
              validateStatus={errors.date ? 'error' : undefined}
              help={errors.date ?? dateHint}
              className="ecw-form-item"
            >
              <DatePicker
                id="order-date"
                value={dayjs(date)}
                format="YYYY-MM-DD"
                allowClear={false}
                onChange={(d) => d && (setDate(d.format('YYYY-MM-DD')), setErrors({}))}
                data-testid="order-date"
              />
            </Form.Item>
            {kind === 'open' && date < today && (
              <Alert
                type="warning"
                showIcon
                title={t('orders.new.pastOpenDate', { date, today })}
                style={{ marginBottom: 12 }}
                data-testid="order-date-past"
              />
            )}
            {errors.form && <Alert type="error" showIcon title={errors.form} style={{ marginBottom: 12 }} data-testid="order-error" />}
            <div className="ecw-actions">
              <Button type="primary" loading={createOrder.isPending} onClick={() => void create()} data-testid="order-create">
                {t('orders.new.create')} <Kbd>Ctrl+Enter</Kbd>
              </Button>
              <Button onClick={onCancel}>
                {t('common.cancel')} <Kbd>Esc</Kbd>
              </Button>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={t('orders.new.quoteTitle')}>
            {preview.error ? (
              <Alert type="warning" showIcon title={apiErrorText(preview.error)} />
            ) : preview.quote ? (
              <QuoteView
                quote={preview.quote}
                kind={kind === 'promotion' ? 'open' : kind}
                plan={chosenPlan}
                {...(kind === 'change' && chosenPlan ? { change: { plan: chosenPlan, effectiveDate: firstOfNextMonth(date) } } : {})}
                {...(kind === 'cancel' ? { cancelDate: date } : {})}
                {...(kind === 'promotion' && promotionMonthsInRange(promotionMonths)
                  ? { promotion: { months: promotionMonths, startDate: date, endDate: promotionEndDate(date, promotionMonths) } }
                  : {})}
              />
            ) : preview.loading ? (
              <Spin description={t('orders.quote.loading')} />
            ) : (
              <Typography.Text type="secondary">
                {kind === 'promotion' ? t('orders.promotion.chooseMonths', { max: MAX_PROMOTION_MONTHS }) : t('orders.new.choosePlanFirst')}
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
