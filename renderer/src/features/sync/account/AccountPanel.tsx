/** Who this device syncs as, where the platform is, and signing out (local data and the queue stay). */
import { App as AntApp, Button, Descriptions, Popconfirm } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncAccount, SyncStatus } from '../../../../../shared/api/sync';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { useRefreshSyncStatus } from '../state/syncStore';
import { forgetOfflineSignIn } from './offlineSignIn';

const regionText = (a: SyncAccount) => [a.region.province, a.region.city].filter(Boolean).join(' ');

export function AccountPanel({ status, offline }: { status: SyncStatus; offline: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const refreshStatus = useRefreshSyncStatus();
  const signOutCall = useApiMutation('sync.signOut');
  const account = status.account!;

  const signOut = async () => {
    try {
      await signOutCall.mutateAsync({});
      forgetOfflineSignIn();
      await refreshStatus();
      void message.success(t('sync.account.signedOut'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div data-testid="sync-account">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'name',
            label: t('sync.account.name'),
            children: <span data-testid="sync-account-name">{`${account.name}（${account.login}）`}</span>,
          },
          {
            key: 'role',
            label: t('sync.account.role'),
            children: `${t(`sync.role.${account.role}`, { defaultValue: account.role })}${regionText(account) ? ` · ${regionText(account)}` : ''}`,
          },
          { key: 'server', label: t('sync.account.server'), children: <span className="ecw-mono">{account.server}</span> },
          {
            key: 'mode',
            label: t('sync.account.mode'),
            children: offline ? t('sync.account.offlineMode') : t(`sync.account.tokenStore.${status.tokenStore}`),
          },
        ]}
      />
      <div className="ecw-sync-account-actions">
        <Popconfirm
          title={t('sync.account.signOutConfirm')}
          okText={t('sync.account.signOut')}
          cancelText={t('common.cancel')}
          onConfirm={() => void signOut()}
        >
          <Button icon={<LogoutOutlined />} loading={signOutCall.isPending} data-testid="sync-sign-out">
            {t('sync.account.signOut')}
          </Button>
        </Popconfirm>
      </div>
    </div>
  );
}
