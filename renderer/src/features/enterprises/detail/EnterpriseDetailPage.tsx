/** /enterprises/:id — the data, its orders, its signed documents and who did what. */
import type { ReactNode } from 'react';
import { useNavigate, useParams, Link } from 'react-router';
import { Alert, Breadcrumb, Button, Card, Col, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Order } from '../../../../../shared/domain/order';
import { apiErrorOf, apiErrorText } from '../../../ui/apiErrors';
import { AuditTrail } from '../../../ui/AuditTrail';
import { EnterpriseInfo } from './EnterpriseInfo';
import { OrderList } from './OrderList';
import { DocumentList } from './DocumentList';
import { EnterprisePlatformInfo } from '../../sync';
import { RosterSummary } from '../../roster';
import { MemberReportCard, SmsActivityCard, VisitStatsChart } from '../../publishing';
import { SmsUsageCard } from '../../orders';
import { useEnterpriseDetail, type Part } from './useEnterpriseDetail';
import '../enterprises.css';

/** A part that loaded shows itself; one that failed says why, in the user's language. */
function PartBody<T>({ part, children }: { part: Part<T>; children: (value: T) => ReactNode }) {
  if (part.error) return <Alert type="warning" showIcon title={apiErrorText(part.error)} />;
  if (!part.loaded) return <Spin size="small" />;
  return <>{children(part.value as T)}</>;
}

/** The enterprise's own trail and its orders' trails, as one story in time order. */
function withOrderEntries(entries: AuditEntry[], orders: Order[]): AuditEntry[] {
  const fromOrders = orders.flatMap((o) => o.audit.map((e) => ({ ...e, detail: { ...(e.detail ?? {}), orderNumber: o.number } })));
  return [...entries, ...fromOrders].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { enterprise, audit, orders, documents, plan, reload } = useEnterpriseDetail(id);

  if (enterprise.error) {
    const notFound = apiErrorOf(enterprise.error).code === 'not_found';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={apiErrorText(enterprise.error)}
        extra={
          <Button onClick={notFound ? () => void navigate('/enterprises') : reload}>
            {notFound ? t('enterprises.list.title') : t('common.retry')}
          </Button>
        }
      />
    );
  }
  const e = enterprise.value;
  if (!e) return <Spin />;

  return (
    <div className="ecw-page">
      <Breadcrumb
        className="ecw-breadcrumb"
        items={[{ title: <Link to="/enterprises">{t('enterprises.list.title')}</Link> }, { title: e.name }]}
      />
      <div className="ecw-detail-head">
        <Space align="center" wrap>
          <Typography.Title level={3} className="ecw-detail-title" data-testid="enterprise-title">
            {e.name}
          </Typography.Title>
          {plan.value ? (
            <Tag color="green" data-testid="current-plan">
              {t('enterprises.detail.hasPlan', { plan: plan.value.planName, date: plan.value.openDate })}
            </Tag>
          ) : (
            plan.loaded && !plan.error && <Tag>{t('enterprises.detail.noPlan')}</Tag>
          )}
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/enterprises/${e.id}/edit`)} data-testid="enterprise-edit">
            {t('common.edit')}
          </Button>
          <Button icon={<GlobalOutlined />} onClick={() => void navigate(`/enterprises/${e.id}/site`)} data-testid="enterprise-site">
            {t('sites.builder.open')}
          </Button>
          <Button
            type="primary"
            autoFocus
            icon={<FileAddOutlined />}
            onClick={() => void navigate(`/enterprises/${e.id}/orders/new`)}
            data-testid="order-new"
          >
            {t('enterprises.detail.newOrder')}
          </Button>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('enterprises.detail.info')}>
              <EnterpriseInfo enterprise={e} />
            </Card>
            <Card size="small" title={t('enterprises.detail.orders')}>
              <PartBody part={orders}>{(list) => <OrderList orders={list} />}</PartBody>
            </Card>
            <Card size="small" title={t('enterprises.detail.documents')}>
              <PartBody part={documents}>{(list) => <DocumentList documents={list} />}</PartBody>
            </Card>
            {/* In the wide column: a draw's seed is 32 characters and must stay readable to be checked. */}
            {plan.value && <SmsActivityCard enterpriseId={e.id} />}
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <EnterprisePlatformInfo enterpriseId={e.id} />
          <RosterSummary enterpriseId={e.id} />
          <VisitStatsChart enterpriseId={e.id} />
          {plan.value && <MemberReportCard enterpriseId={e.id} />}
          {/* Also after a cancellation: the service's last billed months stay readable. */}
          <SmsUsageCard enterpriseId={e.id} />
          <Card size="small" title={t('enterprises.detail.audit')}>
            <PartBody part={audit}>
              {(entries) => <AuditTrail entries={withOrderEntries(entries, orders.value ?? [])} testId="enterprise-audit" />}
            </PartBody>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
