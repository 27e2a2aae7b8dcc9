/**
 * /enterprises/:id/site — the site builder: the customer's material in, columns and items edited,
 * template, SMS and domain set, with the four channels previewed live beside the editor, then
 * exported and signed off by the customer.
 */
import { Link, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';
import { apiErrorText } from '../../../ui/apiErrors';
import { LiveCompiler } from '../preview/LiveCompiler';
import { PreviewPanel } from '../preview/PreviewPanel';
import { useBuilder } from '../state/siteStore';
import { BuilderHeader } from './BuilderHeader';
import { EditorTabs } from './EditorTabs';
import { NoSiteYet } from './NoSiteYet';
import { useLeaveGuard } from './useLeaveGuard';
import { useSiteSync } from './useSiteSync';
import { SitePublicationBar } from '../../publishing';
import '../sites.css';

export function SiteBuilderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const enterprise = useApiQuery('enterprises.get', { id });
  const read = useApiQuery('sites.getForEnterprise', { enterpriseId: id });
  const site = useBuilder((s) => s.site);
  const storeEnterprise = useBuilder((s) => s.enterpriseId);
  useSiteSync(id, read.data);
  useLeaveGuard();

  if (enterprise.error)
    return <Result status="warning" title={apiErrorText(enterprise.error)} extra={<Link to="/sites">{t('sites.list.title')}</Link>} />;
  const e = enterprise.data;
  if (!e || storeEnterprise !== id) return <Spin />;

  const crumbs = [
    { title: <Link to="/sites">{t('sites.list.title')}</Link> },
    { title: <Link to={`/enterprises/${e.id}`}>{e.name}</Link> },
    { title: t('sites.builder.crumb') },
  ];

  return (
    <div className="ecw-builder" data-testid="site-builder">
      <Breadcrumb className="ecw-breadcrumb" items={crumbs} />
      {read.error ? (
        <Alert
          type="error"
          showIcon
          title={apiErrorText(read.error)}
          action={<Button onClick={() => void read.refetch()}>{t('common.retry')}</Button>}
        />
      ) : null}
      {!site && read.isPending ? <Spin /> : null}
      {!site && read.data === null ? <NoSiteYet enterprise={e} /> : null}
      {site ? (
        <>
          <BuilderHeader enterprise={e} site={site} />
          <SitePublicationBar siteId={site.id} />
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
