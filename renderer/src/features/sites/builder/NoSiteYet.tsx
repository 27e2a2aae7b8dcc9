/** An enterprise without a site: start from the customer's material, or from the industry template's columns. */
import { Button, Card, Divider, Space, Typography } from 'antd';
import { AppstoreAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Enterprise } from '../../../../../shared/domain/enterprise';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { useBuilder } from '../state/siteStore';
import { DropZone } from '../intake/DropZone';
import { IntakeError, IntakeProgress } from '../intake/IntakePanel';
import { useImport } from '../intake/useImport';

export function NoSiteYet({ enterprise }: { enterprise: Enterprise }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const { run, start } = useImport(enterprise.id);
  const create = useApiMutation('sites.create', {
    onSuccess: (site) => {
      useBuilder.getState().receive(site);
      useBuilder.getState().setTab('content');
    },
    onError: showError,
  });

  const startImport = (files: Parameters<typeof start>[0]) => {
    useBuilder.getState().setTab('intake');
    void start(files);
  };
  const createBlank = () => create.mutate({ enterpriseId: enterprise.id });

  return (
    <Card className="ecw-nosite" data-testid="no-site">
      <Typography.Title level={4}>{t('sites.start.title', { name: enterprise.name })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sites.start.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={12} className="ecw-fill">
        <DropZone disabled={run.busy || create.isPending} onFiles={startImport} />
        <IntakeProgress run={run} />
        <IntakeError run={run} retry={() => run.failed && void start(run.failed)} />
      </Space>
      <Divider plain>{t('sites.start.or')}</Divider>
      <Button
        icon={<AppstoreAddOutlined />}
        loading={create.isPending}
        disabled={run.busy}
        onClick={createBlank}
        data-testid="site-create-blank"
      >
        {t('sites.start.blank')}
      </Button>
    </Card>
  );
}
