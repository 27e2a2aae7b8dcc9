/** What the header says about sync: a tone, a short label and a sentence for the tooltip. */
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../../../../shared/api/sync';
import type { OfflineAccount } from '../state/syncStore';
import { percent, shortTime } from '../state/format';

/** The platform ended the session (as opposed to the user signing out). */
export const sessionExpired = (s: SyncStatus): boolean => s.attention.includes('sign_in') && s.lastError?.code === 'session_expired';

export type Tone = 'idle' | 'busy' | 'ok' | 'warn' | 'error';

export interface StatusView {
  tone: Tone;
  label: string;
  detail: string;
}

function attentionView(t: TFunction, s: SyncStatus): StatusView {
  const first = s.attention[0] ?? 'protocol';
  const label = t(`sync.indicator.attention.${first}`, { count: first === 'conflicts' ? s.conflicts : s.failedUploads });
  return { tone: 'error', label, detail: t(`sync.attention.${first}.title`, { count: s.conflicts, rows: s.resyncGuard?.rows ?? 0 }) };
}

function progressLabel(t: TFunction, s: SyncStatus): string {
  const p = s.progress;
  const queued = s.pendingOps + s.pendingUploads;
  if (!p) return queued > 0 ? t('sync.indicator.queued', { count: queued }) : t('sync.indicator.syncing');
  if (p.phase === 'push') return t('sync.indicator.pushing', { done: p.done, total: p.total ?? '?' });
  if (p.phase === 'pull') return t('sync.indicator.pulling', { done: p.done });
  return t('sync.indicator.uploading', { percent: percent(p.done, p.total) });
}

/** The sync centre's own sentence under the state (the header's tooltip says what the alerts below say). */
export function centreDetail(t: TFunction, s: SyncStatus, view: StatusView): string {
  if (s.state !== 'needs_attention') return view.detail;
  const blocking = s.attention.some((a) => a === 'upgrade_required' || a === 'resync_guard' || a === 'stuck' || a === 'protocol');
  return t(blocking ? 'sync.status.paused' : 'sync.status.othersFlow', { time: shortTime(s.lastSyncAt) });
}

export function describeStatus(t: TFunction, s: SyncStatus | null, offline: OfflineAccount | null): StatusView {
  if (!s) return { tone: 'idle', label: t('sync.indicator.loading'), detail: '' };
  const pending = s.pendingOps > 0 ? t('sync.indicator.pending', { count: s.pendingOps }) : '';
  switch (s.state) {
    case 'signed_out':
      if (offline)
        return { tone: 'idle', label: t('sync.indicator.offlineSignedIn'), detail: t('sync.indicator.offlineSignedInDetail') + pending };
      if (sessionExpired(s)) return { tone: 'warn', label: t('sync.indicator.signInAgain'), detail: t('sync.indicator.signInAgainDetail') };
      return { tone: 'idle', label: t('sync.indicator.signedOut'), detail: t('sync.indicator.signedOutDetail') };
    case 'offline':
      return {
        tone: 'idle',
        label: t('sync.indicator.offline') + pending,
        detail: t('sync.indicator.offlineDetail', { time: shortTime(s.lastSyncAt) }),
      };
    case 'syncing':
      return { tone: 'busy', label: progressLabel(t, s), detail: t('sync.indicator.syncingDetail') };
    case 'retrying':
      return {
        tone: 'warn',
        label: t('sync.indicator.retrying') + pending,
        detail: t('sync.indicator.retryingDetail', { seconds: Math.ceil((s.nextAttemptInMs ?? 0) / 1000) }),
      };
    case 'needs_attention':
      return attentionView(t, s);
    default:
      if (!s.lastSyncAt) return { tone: 'busy', label: t('sync.indicator.firstSync'), detail: t('sync.indicator.syncingDetail') };
      return {
        tone: 'ok',
        label: t('sync.indicator.upToDate', { time: shortTime(s.lastSyncAt) }),
        detail: t('sync.indicator.upToDateDetail', { time: shortTime(s.lastSyncAt) }),
      };
  }
}
