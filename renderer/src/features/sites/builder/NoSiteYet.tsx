/** An enterprise without a site: start from the customer's material, or from the industry template's columns. */
import { useState } from 'react';
import { Button, Card, Divider, Space, Typography } from 'antd';
import { AppstoreAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { call } from '../../../api/client';
import { useShowError } from '../../../app/apiErrors';
import { useBuilder } from '../state/siteStore';
import { DropZone } from '../intake/DropZone';
import { IntakeError, IntakeProgress } from '../intake/IntakePanel';
import { useImport } from '../intake/useImport';

export function NoSiteYet({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const { run, start } = useImport(enterprise.id);
  const [creating, setCreating] = useState(false);

  const startImport = (files: Parameters<typeof start>[0]) => {
    useBuilder.getState().setTab('intake');
    void start(files);
  };
  const createBlank = async () => {
    setCreating(true);
    try {
      const site = await call('sites.create', { enterpriseId: enterprise.id });
      useBuilder.setState({ site, tab: 'content' });
    } catch (error) {
      showError(error);
    } finally {
      setCreating(false);
    }
  };

  return (
    <Card className="ecw-nosite" data-testid="no-site">
      <Typography.Title level={4}>{t('sites.start.title', { name: enterprise.name })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sites.start.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={12} className="ecw-fill">
        <DropZone disabled={run.busy || creating} onFiles={startImport} />
        <IntakeProgress run={run} />
        <IntakeError run={run} retry={() => run.failed && void start(run.failed)} />
      </Space>
      <Divider plain>{t('sites.start.or')}</Divider>
      <Button icon={<AppstoreAddOutlined />} loading={creating} disabled={run.busy} onClick={() => void createBlank()} data-testid="site-create-blank">
        {t('sites.start.blank')}
      </Button>
    </Card>
  );
}
