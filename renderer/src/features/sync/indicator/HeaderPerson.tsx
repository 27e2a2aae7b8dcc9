/**
 * Who is working, in the header: the operator this device was set up for, and — when the platform
 * account signed in here is another person — that account (the one the platform records for every
 * change), flagged, with a way to make the device's operator the same person.
 */
import { Button, Popover, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../../shared/api';
import { useApiMutation } from '../../../api/hooks';
import { apiQueryKey } from '../../../api/queryCache';
import { useShowError } from '../../../ui/apiErrors';
import { useSyncStatus } from '../state/syncStore';

type Operator = NonNullable<Output<'system.status'>['operator']>;

export function HeaderPerson({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const client = useQueryClient();
  const status = useSyncStatus();
  const setOperator = useApiMutation('system.setOperator');
  const account = status?.signedIn ? status.account : null;
  const local = (
    <span className="ecw-header-operator" data-testid="operator-name">
      {operator.name}
    </span>
  );
  if (!account || account.name === operator.name) return local;

  const takeAccount = async () => {
    try {
      await setOperator.mutateAsync({ name: account.name, channel: operator.channel });
      // The start-up status holds the operator and is read once: read it again.
      await client.refetchQueries({ queryKey: apiQueryKey('system.status', {}), exact: true });
    } catch (error) {
      showError(error);
    }
  };
  const explanation = (
    <div className="ecw-person-popover">
      <Typography.Paragraph>
        {t('sync.person.differs', { account: account.name, login: account.login, operator: operator.name })}
      </Typography.Paragraph>
      <Button
        type="primary"
        size="small"
        loading={setOperator.isPending}
        onClick={() => void takeAccount()}
        data-testid="person-use-account"
      >
        {t('sync.person.useAccount', { account: account.name })}
      </Button>
    </div>
  );
  return (
    <Popover content={explanation} title={t('sync.person.title')} trigger="click">
      <button
        type="button"
        className="ecw-header-person"
        data-testid="header-person"
        title={t('sync.person.label', { account: account.name, operator: operator.name })}
      >
        <WarningOutlined className="ecw-header-person-warn" />
        <span data-testid="platform-account-name">{account.name}</span>
        <span className="ecw-header-person-local">
          {t('sync.person.local')} {local}
        </span>
      </button>
    </Popover>
  );
}
