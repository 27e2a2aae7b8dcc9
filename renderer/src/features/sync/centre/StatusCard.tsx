/** The state in one sentence, the numbers behind it, and 立即同步. */
import { useState } from 'react';
import { App as AntApp, Button, Card, Progress, Statistic, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SyncReport, SyncStatus } from '../../../../../shared/api/sync';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation } from '../../../api/hooks';
import { useShowError } from '../../../ui/apiErrors';
import { retryOnlineSignIn } from '../account/offlineSignIn';
import { centreDetail, describeStatus } from '../indicator/describeStatus';
import { STATUS_ICONS } from '../indicator/statusIcons';
import { percent, shortTime } from '../state/format';
import type { OfflineAccount } from '../state/syncStore';
import { lastErrorText } from './lastErrorText';

/** States in which the last failure explains something (signed out: the sign-in form says it all). */
const SHOW_ERROR_IN = new Set(['offline', 'retrying', 'needs_attention']);

function reportText(t: TFunction, r: SyncReport): { type: 'success' | 'info' | 'warning'; text: string } {
  if (r.outcome === 'ok' && r.conflicts > 0)
    return { type: 'warning', text: t('sync.report.ok', r) + t('sync.report.conflicts', { count: r.conflicts }) };
  if (r.outcome === 'ok') return { type: 'success', text: t('sync.report.ok', r) };
  return { type: r.outcome === 'offline' ? 'info' : 'warning', text: t(`sync.report.${r.outcome}`) };
}

export function StatusCard({ status, offline, onSynced }: { status: SyncStatus; offline: OfflineAccount | null; onSynced: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const syncNowCall = useApiMutation('sync.now');
  const [busy, setBusy] = useState(false);
  const view = describeStatus(t, status, offline);
  const canSync = status.signedIn || offline !== null;

  const syncNow = async () => {
    setBusy(true);
    try {
      if (offline) await retryOnlineSignIn(client);
      const report = await syncNowCall.mutateAsync({});
      const shown = reportText(t, report);
      void message.open({ key: 'sync-now', type: shown.type, content: shown.text, duration: 6 });
      onSynced();
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  const p = status.progress;
  return (
    <Card size="small" className="ecw-sync-status" data-testid="sync-status">
      <div className="ecw-sync-status-main">
        <span className={`ecw-sync-status-icon is-${view.tone}`}>{STATUS_ICONS[view.tone]}</span>
        <div className="ecw-sync-status-text">
          <div className="ecw-sync-status-label" data-testid="sync-status-label">
            {view.label}
          </div>
          <div className="ecw-muted">{canSync ? centreDetail(t, status, view) : t('sync.status.signInFirst')}</div>
        </div>
        <Button
          type="primary"
          size="large"
          icon={<SyncOutlined spin={busy} />}
          disabled={!canSync || busy}
          onClick={() => void syncNow()}
          data-testid="sync-now"
        >
          {t('sync.status.syncNow')}
        </Button>
      </div>
      {p &&
        (p.phase !== 'pull' ? (
          <Progress percent={percent(p.done, p.total)} status="active" size="small" aria-label={t('sync.status.progress')} />
        ) : (
          <Progress percent={100} status="active" showInfo={false} size="small" aria-label={t('sync.status.progress')} />
        ))}
      <div className="ecw-sync-stats">
        <Statistic title={t('sync.status.lastSync')} value={shortTime(status.lastSyncAt)} />
        <Statistic title={t('sync.status.pendingOps')} value={status.pendingOps} />
        <Statistic
          title={t('sync.status.pendingUploads')}
          value={status.pendingUploads}
          suffix={status.failedUploads ? t('sync.status.failedSuffix', { count: status.failedUploads }) : undefined}
        />
        <Statistic
          title={t('sync.status.conflicts')}
          value={status.conflicts}
          styles={{ content: status.conflicts ? { color: '#cf1322' } : undefined }}
        />
      </div>
      {status.lastError && SHOW_ERROR_IN.has(status.state) && (
        <Typography.Text type="warning" data-testid="sync-last-error">
          {t('sync.status.lastError', { error: lastErrorText(t, status.lastError) })}
        </Typography.Text>
      )}
    </Card>
  );
}
