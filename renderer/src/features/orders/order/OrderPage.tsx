/**
 * /orders/:orderId — the service order through its life: the exact quote and the customer's
 * signature (draft), then the printable PDF (signed), then 提交 (queued for the platform).
 */
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { findPlan } from '../../../../../shared/domain/catalog';
import type { Order } from '../../../../../shared/domain/order';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { apiQueryKey } from '../../../api/queryCache';
import { apiErrorText, useShowError } from '../../../ui/apiErrors';
import { AuditTrail } from '../../../ui/AuditTrail';
import { OrderStatusTag } from '../common/OrderStatusTag';
import { QuoteView } from '../common/QuoteView';
import { orderKindLabel } from '../common/promotionDays';
import { DocumentViewer } from '../documents/DocumentViewer';
import { OrderSummary } from './OrderSummary';
import { SignaturePanel } from './SignaturePanel';
import { SubmittedBanner } from './SubmittedBanner';
import '../orders.css';

const STEP: Record<Order['status'], number> = { draft: 1, signed: 3, submitted: 4 };

export function OrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const { modal, message } = AntApp.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const order = useApiQuery('orders.get', { id: orderId });
  const enterpriseId = order.data?.enterpriseId;
  const enterprise = useApiQuery('enterprises.get', { id: enterpriseId ?? '' }, { enabled: enterpriseId !== undefined });
  const catalog = useApiQuery('catalog.current', {});
  // What a change returns is the order as it now is: shown at once, before the change event's re-read.
  const show = (changed: Order) => client.setQueryData(apiQueryKey('orders.get', { id: changed.id }), changed);
  const submitOrder = useApiMutation('orders.submit', { onSuccess: show });
  const discardDraft = useApiMutation('orders.discardDraft');

  if (order.error && !order.data)
    return (
      <Result
        status="warning"
        title={apiErrorText(order.error)}
        extra={<Button onClick={() => void navigate('/enterprises')}>{t('enterprises.list.title')}</Button>}
      />
    );
  const o = order.data;
  if (!o) return <Spin />;

  const submit = async () => {
    try {
      await submitOrder.mutateAsync({ id: o.id });
      void message.success(t('orders.page.submitted'));
    } catch (error) {
      showError(error);
    }
  };
  const discard = () => {
    modal.confirm({
      title: t('orders.page.discardConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await discardDraft.mutateAsync({ id: o.id });
          void message.success(t('orders.page.discarded'));
          void navigate(`/enterprises/${o.enterpriseId}`);
        } catch (error) {
          showError(error);
        }
      },
    });
  };

  const plan = catalog.data ? findPlan(catalog.data, o.planCode) : undefined;
  const quote = (
    <QuoteView
      quote={o.quote}
      kind={o.kind}
      plan={plan}
      {...(o.kind === 'change' && plan ? { change: { plan, effectiveDate: o.effectiveDate } } : {})}
      {...(o.kind === 'cancel' ? { cancelDate: o.effectiveDate } : {})}
      {...(o.promotion ? { promotion: o.promotion } : {})}
    />
  );

  return (
    <div className="ecw-page">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[
          { title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> },
          { title: <Link to={`/enterprises/${o.enterpriseId}`}>{enterprise.data?.name ?? '…'}</Link> },
          { title: o.number },
        ]}
      />
      <div className="ecw-order-head">
        <Space align="center" wrap>
          <Typography.Title level={3} className="ecw-order-title">
            {t('orders.page.title', { number: o.number })}
          </Typography.Title>
          <Tag>{orderKindLabel(t, o)}</Tag>
          <OrderStatusTag status={o.status} platformStatus={o.platformStatus} />
        </Space>
        <Space>
          {o.status === 'draft' && (
            <Button danger onClick={discard} data-testid="order-discard">
              {t('orders.page.discard')}
            </Button>
          )}
          {o.status === 'signed' && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={submitOrder.isPending}
              onClick={() => void submit()}
              data-testid="order-submit"
              autoFocus
            >
              {t('orders.page.submit')}
            </Button>
          )}
        </Space>
      </div>
      <Steps
        className="ecw-order-steps"
        size="small"
        current={STEP[o.status]}
        items={[
          { title: t('orders.page.stepQuote') },
          { title: t('orders.page.stepSign') },
          { title: t('orders.page.stepDocument') },
          { title: t('orders.page.stepSubmit') },
        ]}
      />
      {o.status === 'submitted' && <SubmittedBanner order={o} />}
      {o.status === 'signed' && <Alert type="info" showIcon title={t('orders.page.signedHint')} className="ecw-order-banner" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          {o.status === 'draft' ? (
            <Card size="small" title={t('orders.new.quoteTitle')}>
              {quote}
            </Card>
          ) : (
            <Card size="small" title={t('orders.document.title')}>
              {o.documentId ? <DocumentViewer documentId={o.documentId} /> : <Spin />}
            </Card>
          )}
        </Col>
        <Col xs={24} xl={11}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {o.status === 'draft' && (
              <Card size="small" title={t('orders.sign.title')}>
                <SignaturePanel
                  order={o}
                  defaultSigner={enterprise.data?.contact.name ?? ''}
                  key={enterprise.data ? 'ready' : 'loading'}
                  onSigned={show}
                />
              </Card>
            )}
            <Card size="small" title={t('enterprises.detail.info')}>
              <OrderSummary order={o} enterprise={enterprise.data ?? null} catalog={catalog.data ?? null} />
            </Card>
            {o.status !== 'draft' && (
              <Card size="small" title={t('orders.new.quoteTitle')}>
                {quote}
              </Card>
            )}
            <Card size="small" title={t('orders.page.audit')}>
              <AuditTrail entries={o.audit} testId="order-audit" />
            </Card>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
