/**
 * 客户确认: the customer, having seen the previews, signs on screen; the 网站确认单 PDF names the
 * revision signed and is kept with the enterprise's documents. Shows whether the site changed since.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { SignOffTag } from '../builder/BuilderHeader';
import { FindingRow } from '../preview/ReportPanel';
import { useCompiled } from '../state/compiledStore';
import { hasDrafts } from '../state/drafts';
import { useBuilder } from '../state/siteStore';
import { SignOffForm } from './SignOffForm';

/** The check's errors, each with its "去修改": the customer signs only a site without any. */
function BlockingErrors() {
  const { t } = useTranslation();
  const compiled = useCompiled((s) => s.compiled);
  const errors = compiled?.result.report.findings.filter((f) => f.severity === 'error') ?? [];
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="ecw-gap-bottom"
      title={t('sites.signoff.blocked', { count: errors.length })}
      description={<List size="small" dataSource={errors} renderItem={(f) => <FindingRow finding={f} />} />}
      data-testid="signoff-blocked"
    />
  );
}

export function SignOffCard({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const site = useBuilder((s) => s.site!);
  const drafts = useBuilder((s) => hasDrafts(s.drafts));
  const [documentTitle, setDocumentTitle] = useState('');
  const signedCurrent = site.signedOffRevision === site.revision;
  const hasErrors = useCompiled((s) => (s.compiled?.result.report.summary.errors ?? 0) > 0);

  return (
    <Card size="small" title={t('sites.signoff.title')} data-testid="signoff-card" extra={<SignOffTag site={site} />}>
      <Typography.Paragraph type="secondary">{t('sites.signoff.intro', { revision: site.revision })}</Typography.Paragraph>
      {drafts ? <Alert type="warning" showIcon title={t('sites.signoff.draftsWarning')} className="ecw-gap-bottom" /> : null}
      {signedCurrent ? null : <BlockingErrors />}
      {documentTitle ? (
        <Alert
          type="success"
          showIcon
          className="ecw-gap-bottom"
          title={t('sites.signoff.stored', { title: documentTitle })}
          data-testid="signoff-stored"
        />
      ) : null}
      {signedCurrent ? (
        <Alert
          type="success"
          showIcon
          title={t('sites.signoff.signed', { revision: site.revision })}
          description={
            <span>
              {t('sites.signoff.signedHint')} <Link to={`/enterprises/${enterprise.id}`}>{t('sites.signoff.documents')}</Link>
            </span>
          }
          data-testid="signoff-current"
        />
      ) : (
        <SignOffForm enterprise={enterprise} disabled={drafts || hasErrors} onSigned={setDocumentTitle} />
      )}
    </Card>
  );
}
