/** The header's sync status: live from `sync.status`; a click opens the sync centre. */
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSyncStatus, useSyncStore } from '../state/syncStore';
import { describeStatus } from './describeStatus';
import { STATUS_ICONS } from './statusIcons';
import { useNetworkNudges } from './useNetworkNudges';
import './indicator.css';

export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const offline = useSyncStore((s) => s.offlineAccount);
  useNetworkNudges();
  const view = describeStatus(t, status, offline);
  return (
    <button
      type="button"
      className={`ecw-sync-indicator is-${view.tone}`}
      title={view.detail}
      aria-label={`${t('sync.nav')}：${view.label}`}
      data-testid="sync-indicator"
      data-state={status?.state ?? 'loading'}
      onClick={() => void navigate('/sync')}
    >
      {STATUS_ICONS[view.tone]}
      <span className="ecw-sync-indicator-label">{view.label}</span>
    </button>
  );
}
