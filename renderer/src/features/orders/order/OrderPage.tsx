/**
 * /orders/:orderId — the service order through its life: the exact quote and the customer's
 * signature (draft), then the printable PDF (signed), then 提交 (queued for the platform).
 */
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App as AntApp, Breadcrumb, Button, Card, Col, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { findPlan } from '../../../../../shared/domain/catalog';
import type { Order } from '../../../../../shared/domain/order';
import { call, subscribe } from '../../../api/client';
import { apiErrorText, useShowError } from '../../../app/apiErrors';
import { AuditTrail } from '../../../app/AuditTrail';
import { OrderStatusTag } from '../common/OrderStatusTag';
import { QuoteView } from '../common/QuoteView';
import { useLoad } from '../common/useLoad';
import { DocumentViewer } from '../documents/DocumentViewer';
import { OrderSummary } from './OrderSummary';
import { SignaturePanel } from './SignaturePanel';
import '../orders.css';

const STEP: Record<Order['status'], number> = { draft: 1, signed: 3, submitted: 4 };

export function OrderPage() {
  const { t } = useTranslation();
  const { orderId = '' } = useParams();
  const navigate = useNavigate();
  const { modal, message } = AntApp.useApp();
  const showError = useShowError();
  const order = useLoad(orderId, () => call('orders.get', { id: orderId }));
  const enterpriseId = order.value?.enterpriseId;
  const enterprise = useLoad(enterpriseId ?? null, () => call('enterprises.get', { id: enterpriseId! }));
  const catalog = useLoad('catalog', () => call('catalog.current', {}));
  const { reload } = order;

  useEffect(() => subscribe('data.changed', ({ entity, id }) => entity === 'service_order' && id === orderId && reload()), [orderId, reload]);

  if (order.error && !order.value)
    return <Result status="warning" title={apiErrorText(order.error)} extra={<Button onClick={() => void navigate('/enterprises')}>{t('enterprises.list.title')}</Button>} />;
  const o = order.value;
  if (!o) return <Spin />;

  const submit = async () => {
    try {
      await call('orders.submit', { id: o.id });
      void message.success(t('orders.page.submitted'));
      reload();
    } catch (error) {
      showError(error);
    }
  };
  const discard = () =>
    modal.confirm({
      title: t('orders.page.discardConfirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call('orders.discardDraft', { id: o.id });
          void message.success(t('orders.page.discarded'));
          void navigate(`/enterprises/${o.enterpriseId}`);
        } catch (error) {
          showError(error);
        }
      },
    });

  const plan = catalog.value ? findPlan(catalog.value, o.planCode) : undefined;
  const quote = (
    <QuoteView
      quote={o.quote}
      kind={o.kind}
      plan={plan}
      {...(o.kind === 'change' && plan ? { change: { plan, effectiveDate: o.effectiveDate } } : {})}
      {...(o.kind === 'cancel' ? { cancelDate: o.effectiveDate } : {})}
    />
  );

  return (
    <div className="ecw-page">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[
          { title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> },
          { title: <Link to={`/enterprises/${o.enterpriseId}`}>{enterprise.value?.name ?? '…'}</Link> },
          { title: o.number },
        ]}
      />
      <div className="ecw-order-head">
        <Space align="center" wrap>
          <Typography.Title level={3} className="ecw-order-title">
            {t('orders.page.title', { number: o.number })}
          </Typography.Title>
          <Tag>{t(`orders.kind.${o.kind}`)}</Tag>
          <OrderStatusTag status={o.status} />
        </Space>
        <Space>
          {o.status === 'draft' && (
            <Button danger onClick={discard} data-testid="order-discard">
              {t('orders.page.discard')}
            </Button>
          )}
          {o.status === 'signed' && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => void submit()} data-testid="order-submit" autoFocus>
              {t('orders.page.submit')}
            </Button>
          )}
        </Space>
      </div>
      <Steps
        className="ecw-order-steps"
        size="small"
        current={STEP[o.status]}
        items={[{ title: t('orders.page.stepQuote') }, { title: t('orders.page.stepSign') }, { title: t('orders.page.stepDocument') }, { title: t('orders.page.stepSubmit') }]}
      />
      {o.status === 'submitted' && (
        <Alert type="success" showIcon title={t('orders.page.submitted')} description={t('orders.page.submittedHint')} className="ecw-order-banner" data-testid="order-submitted" />
      )}
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
                <SignaturePanel order={o} defaultSigner={enterprise.value?.contact.name ?? ''} key={enterprise.value ? 'ready' : 'loading'} onSigned={() => reload()} />
              </Card>
            )}
            <Card size="small" title={t('enterprises.detail.info')}>
              <OrderSummary order={o} enterprise={enterprise.value} catalog={catalog.value} />
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
