/** What needs a person, each in plain words with what to do about it. */
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../../shared/api/sync';
import { sessionExpired } from '../indicator/describeStatus';
import { lastErrorText } from './lastErrorText';
import { ResyncGuard } from './ResyncGuard';

interface Props {
  status: SyncStatus;
  onShow: (tab: 'conflicts' | 'uploads') => void;
  onChanged: () => void;
}

export function AttentionAlerts({ status, onShow, onChanged }: Props) {
  const { t } = useTranslation();
  const error = status.lastError ? lastErrorText(t, status.lastError) : '';
  return (
    <div className="ecw-sync-alerts" data-testid="sync-attention">
      {status.attention.map((a) => {
        if (a === 'sign_in' && !sessionExpired(status)) return null; // signed out on purpose
        if (a === 'resync_guard' && status.resyncGuard)
          return <ResyncGuard key={a} rows={status.resyncGuard.rows} total={status.resyncGuard.total} onDone={onChanged} />;
        const action =
          a === 'conflicts' || a === 'failed_uploads' ? (
            <Button size="small" onClick={() => onShow(a === 'conflicts' ? 'conflicts' : 'uploads')}>
              {t('sync.attention.show')}
            </Button>
          ) : undefined;
        return (
          <Alert
            key={a}
            type={a === 'conflicts' || a === 'failed_uploads' || a === 'sign_in' ? 'warning' : 'error'}
            showIcon
            data-testid={`sync-attention-${a}`}
            title={t(`sync.attention.${a}.title`, { count: a === 'conflicts' ? status.conflicts : status.failedUploads })}
            description={t(`sync.attention.${a}.body`, { error })}
            action={action}
          />
        );
      })}
    </div>
  );
}
