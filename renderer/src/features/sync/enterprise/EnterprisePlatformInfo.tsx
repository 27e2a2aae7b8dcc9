/**
 * The enterprise on the platform: not yet synced / submitted / opening / opened, its group code,
 * and once BOSS opened it the maintenance account, the second-level domain and the SMS extension.
 * A badge leads to the sync centre when this enterprise has conflicts.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../../shared/api';
import { apiErrorText } from '../../../ui/apiErrors';
import { shortTime } from '../state/format';
import { usePlatformInfo, type PlatformView } from './usePlatformInfo';
import '../sync.css';

type Order = Output<'sync.platformInfo'>['orders'][number];
type Opening = NonNullable<Order['opening']>;

const STATUS_COLOR: Record<string, string> = { registered: 'blue', opening: 'processing', opened: 'green', cancelled: 'default' };

function StatusTag({ view }: { view: PlatformView }) {
  const { t } = useTranslation();
  const status = view.info.status;
  const waiting = view.info.orders.some((o) => o.platformStatus === 'submitted');
  const key = status === 'registered' && waiting ? 'submittedOrder' : (status ?? 'local');
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[status ?? ''] ?? 'default'} data-testid="platform-status">
        {t(`sync.platform.status.${key}`)}
      </Tag>
      {view.pendingOps > 0 && <Typography.Text type="secondary">{t('sync.platform.pending', { count: view.pendingOps })}</Typography.Text>}
    </Space>
  );
}

function Password({ value }: { value: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (shown)
    return (
      <Typography.Text className="ecw-mono" copyable>
        {value}
      </Typography.Text>
    );
  return (
    <Space size={4}>
      <span>••••••</span>
      <Button type="link" size="small" onClick={() => setShown(true)}>
        {t('sync.platform.showPassword')}
      </Button>
    </Space>
  );
}

function openingItems(t: TFunction, o: Opening) {
  return [
    {
      key: 'account',
      label: t('sync.platform.account'),
      children: (
        <Typography.Text className="ecw-mono" copyable data-testid="platform-account">
          {o.maintenanceAccount.login}
        </Typography.Text>
      ),
    },
    { key: 'password', label: t('sync.platform.initialPassword'), children: <Password value={o.maintenanceAccount.initialPassword} /> },
    {
      key: 'domain',
      label: t('sync.platform.domain'),
      children: o.domain ? (
        <Typography.Text className="ecw-mono" copyable>
          {o.domain.fqdn}
        </Typography.Text>
      ) : (
        t('sync.platform.noDomain')
      ),
    },
    {
      key: 'sms',
      label: t('sync.platform.sms'),
      children: (
        <span data-testid="platform-sms">
          {t('sync.platform.smsText', { full: o.smsServiceCode.full, extension: o.smsServiceCode.extension })}
        </span>
      ),
    },
    { key: 'openedAt', label: t('sync.platform.openedAt'), children: shortTime(o.openedAt) },
  ];
}

export function EnterprisePlatformInfo({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { view, error } = usePlatformInfo(enterpriseId);
  const extra =
    view && view.conflicts > 0 ? (
      <Link to={`/sync?tab=conflicts&row=${encodeURIComponent(enterpriseId)}`} data-testid="platform-conflicts">
        <Tag color="red" icon={<WarningOutlined />}>
          {t('sync.platform.conflicts', { count: view.conflicts })}
        </Tag>
      </Link>
    ) : null;
  const opening = view?.info.orders.find((o) => o.opening)?.opening ?? null;
  const failures = view?.info.orders.filter((o) => o.failure && !o.opening) ?? [];
  return (
    <Card size="small" title={t('sync.platform.title')} extra={extra} className="ecw-sync-platform" data-testid="enterprise-platform">
      {error && !view ? <Alert type="warning" showIcon title={apiErrorText(error)} /> : null}
      {view && (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'status', label: t('sync.platform.statusLabel'), children: <StatusTag view={view} /> },
            {
              key: 'groupCode',
              label: t('sync.platform.groupCode'),
              children: <span data-testid="platform-group-code">{view.info.groupCode ?? opening?.groupCode ?? '—'}</span>,
            },
            ...(opening ? openingItems(t, opening) : []),
          ]}
        />
      )}
      {failures.map((o) => (
        <Alert
          key={o.orderId}
          type="error"
          showIcon
          className="ecw-sync-gap"
          title={t('sync.platform.failed', { message: t(`sync.rejection.${o.failure!.code}`, { defaultValue: o.failure!.message }) })}
        />
      ))}
    </Card>
  );
}
