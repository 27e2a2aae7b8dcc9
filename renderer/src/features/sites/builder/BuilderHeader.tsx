/** The builder's title line: which revision is open, whether the customer signed it, the site's address, the checks' verdict. */
import { Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import type { Site } from '../../../../../shared/api/sites';
import { siteUrls } from '../../../../../shared/sites';
import { useCompiled } from '../state/compiledStore';
import { useBuilder } from '../state/siteStore';

export function SignOffTag({ site }: { site: Site }) {
  const { t } = useTranslation();
  const signed = site.signedOffRevision;
  if (!signed) return <Tag data-testid="signoff-state">{t('sites.signoff.notSigned')}</Tag>;
  if (signed === site.revision)
    return (
      <Tag color="green" icon={<CheckCircleOutlined />} data-testid="signoff-state">
        {t('sites.signoff.signed', { revision: signed })}
      </Tag>
    );
  return (
    <Tooltip title={t('sites.signoff.changedHint')}>
      <Tag color="orange" icon={<ExclamationCircleOutlined />} data-testid="signoff-state">
        {t('sites.signoff.changed', { revision: signed, current: site.revision })}
      </Tag>
    </Tooltip>
  );
}

function ReportBadge() {
  const { t } = useTranslation();
  const compiled = useCompiled((s) => s.compiled);
  const setTab = useBuilder((s) => s.setTab);
  if (!compiled) return null;
  const { errors, warnings } = compiled.result.report.summary;
  if (!errors && !warnings)
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('sites.report.allClear')}
      </Tag>
    );
  return (
    <Tag
      color={errors ? 'red' : 'gold'}
      icon={<WarningOutlined />}
      className="ecw-clickable"
      onClick={() => setTab('publish')}
      data-testid="report-badge"
    >
      {t('sites.report.badge', { errors, warnings })}
    </Tag>
  );
}

/** Shown while edits are queued or on their way, so a slow save is never mistaken for a lost one. */
function SavingTag() {
  const { t } = useTranslation();
  const pending = useBuilder((s) => s.pendingEdits);
  if (!pending) return null;
  return (
    <Tag icon={<SyncOutlined spin />} color="processing" data-testid="site-saving">
      {t('sites.saving', { count: pending })}
    </Tag>
  );
}

export function BuilderHeader({ enterprise, site }: { enterprise: Enterprise; site: Site }) {
  const { t } = useTranslation();
  const urls = siteUrls(site.content);
  return (
    <div className="ecw-builder-head">
      <Space align="center" wrap size={[8, 4]}>
        <Typography.Title level={4} className="ecw-builder-title" data-testid="builder-title">
          {t('sites.builder.title', { name: enterprise.name })}
        </Typography.Title>
        <Tag color="blue" data-testid="site-revision">
          {t('sites.revision', { revision: site.revision })}
        </Tag>
        <SavingTag />
        <SignOffTag site={site} />
        <ReportBadge />
      </Space>
      <Typography.Text type="secondary" className="ecw-mono" copyable={{ text: urls.web }}>
        {urls.web}
      </Typography.Text>
    </div>
  );
}
