/** Shown instead of the app when the database is corrupt, from a newer version, or cannot be opened. */
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api';
import { ApiCallError } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { errorText } from '../i18n';

export function RecoveryScreen({ status, onRecovered }: { status: Output<'system.status'>; onRecovered: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const problem = status.problem!;
  const backup = useApiMutation('system.exportBackup', {
    onError: (error) => void message.error(error instanceof ApiCallError ? errorText(error.error) : String(error)),
  });
  const startFreshCall = useApiMutation('system.startFresh');
  const startFresh = () => {
    modal.confirm({
      title: t('recovery.startFresh'),
      content: t('recovery.startFreshConfirm'),
      onOk: async () => {
        const { movedTo } = await startFreshCall.mutateAsync({});
        void message.success(t('recovery.startedFresh', { movedTo }));
        onRecovered();
      },
    });
  };

  return (
    <main style={{ maxWidth: 720, margin: '64px auto', padding: 16 }}>
      <Card title={t('recovery.title')} data-testid="recovery-screen">
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Alert type="error" showIcon message={t(`recovery.${problem.code}`, { ...problem })} />
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('recovery.dataDir')}>{status.dataDir}</Descriptions.Item>
            <Descriptions.Item label={t('recovery.detail')}>
              <Typography.Text code>{problem.message}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {backup.data && <Alert type="success" showIcon message={t('recovery.backupDone', backup.data)} />}
          <Space>
            <Button type="primary" loading={backup.isPending} onClick={() => backup.mutate({})}>
              {t('recovery.exportBackup')}
            </Button>
            <Button danger onClick={startFresh}>
              {t('recovery.startFresh')}
            </Button>
          </Space>
        </Space>
      </Card>
    </main>
  );
}
