/**
 * /enterprises/:id/site — the site builder: the customer's material in, columns and items edited,
 * template, SMS and domain set, with the four channels previewed live beside the editor, then
 * exported and signed off by the customer.
 */
import { Link, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { apiErrorText } from '../../../app/apiErrors';
import { useLoad } from '../../orders/common/useLoad';
import { LiveCompiler } from '../preview/LiveCompiler';
import { PreviewPanel } from '../preview/PreviewPanel';
import { useBuilder } from '../state/siteStore';
import { BuilderHeader } from './BuilderHeader';
import { EditorTabs } from './EditorTabs';
import { NoSiteYet } from './NoSiteYet';
import { useLeaveGuard } from './useLeaveGuard';
import { useSiteSync } from './useSiteSync';
import '../sites.css';

export function SiteBuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const enterprise = useLoad(id, () => call('enterprises.get', { id }));
  const site = useBuilder((s) => s.site);
  const loadError = useBuilder((s) => s.loadError);
  const loading = useBuilder((s) => s.loading);
  const storeEnterprise = useBuilder((s) => s.enterpriseId);
  useSiteSync(id);
  useLeaveGuard();

  if (enterprise.error) return <Result status="warning" title={apiErrorText(enterprise.error)} extra={<Link to="/sites">{t('sites.list.title')}</Link>} />;
  const e = enterprise.value;
  if (!e || storeEnterprise !== id) return <Spin />;

  const crumbs = [
    { title: <Link to="/sites">{t('sites.list.title')}</Link> },
    { title: <Link to={`/enterprises/${e.id}`}>{e.name}</Link> },
    { title: t('sites.builder.crumb') },
  ];

  return (
    <div className="ecw-builder" data-testid="site-builder">
      <Breadcrumb className="ecw-breadcrumb" items={crumbs} />
      {loadError ? (
        <Alert type="error" showIcon title={apiErrorText(loadError)} action={<Button onClick={() => void useBuilder.getState().reload()}>{t('common.retry')}</Button>} />
      ) : null}
      {!site && loading ? <Spin /> : null}
      {!site && !loading && !loadError ? <NoSiteYet enterprise={e} /> : null}
      {site ? (
        <>
          <BuilderHeader enterprise={e} site={site} />
          <div className="ecw-builder-body">
            <div className="ecw-builder-editor">
              <EditorTabs enterprise={e} />
            </div>
            <div className="ecw-builder-preview">
              <PreviewPanel enterpriseId={e.id} />
            </div>
          </div>
          <LiveCompiler />
        </>
      ) : null}
    </div>
  );
}
