/** The sync indicator's state (SyncStatus), from what the database holds and what the engine knows. */
import type { SyncState, SyncStatus } from '../../../../shared/api/sync';
import type { ReadableDB } from '../../infra/db/handles';
import { uploadCounts } from '../assets/repository';
import type { Account } from '../auth/session';
import { countOpenConflicts } from './db/conflicts';
import { countUnacked } from './db/queue';
import { countRefusedRows } from './db/refusedRows';
import { getJson, getState } from './db/state';
import { isTransient, ProtocolFailure, type SyncFailure } from './errors';

/** 426 stored: the app is too old for the platform; nothing is sent until it is updated. */
export interface Blocked {
  code: string;
  message: string;
  schemaVersion: number;
}

/** What the engine knows that the database does not. */
export interface EngineState {
  account: Account | undefined;
  signedIn: boolean;
  running: boolean;
  offline: boolean;
  lastFailure: SyncFailure | null;
  stuck: boolean;
  nextAttemptInMs: number | null;
  progress: SyncStatus['progress'];
  uploading: SyncStatus['uploading'];
  tokenStore: SyncStatus['tokenStore'];
}

export function syncStatusOf(db: ReadableDB, engine: EngineState): SyncStatus {
  const { account, signedIn } = engine;
  const uploads = uploadCounts(db);
  const conflicts = countOpenConflicts(db);
  const pendingOps = countUnacked(db);
  const guard = getJson<{ rows: unknown[]; total: number }>(db, 'resync_guard');
  const blocked = getJson<Blocked>(db, 'blocked');
  const error = engine.lastFailure ?? getJson<{ code: string; message: string }>(db, 'last_error') ?? null;
  const attention: SyncStatus['attention'] = [];
  if (conflicts > 0) attention.push('conflicts');
  if (blocked) attention.push('upgrade_required');
  if (guard) attention.push('resync_guard');
  if (account && !signedIn) attention.push('sign_in');
  if (engine.stuck) attention.push('stuck');
  if (uploads.failed > 0) attention.push('failed_uploads');
  if (engine.lastFailure instanceof ProtocolFailure) attention.push('protocol');
  const blocking = attention.some((a) => a === 'upgrade_required' || a === 'resync_guard' || a === 'stuck' || a === 'protocol');
  let state: SyncState;
  if (engine.running) state = 'syncing';
  else if (!signedIn) state = 'signed_out';
  else if (blocking) state = 'needs_attention';
  else if (engine.offline) state = 'offline';
  else if (attention.length > 0) state = 'needs_attention';
  else if (engine.lastFailure && isTransient(engine.lastFailure)) state = 'retrying';
  else if (pendingOps + uploads.pending > 0)
    state = 'syncing'; // queued; the debounced cycle is due
  else state = 'up_to_date';
  return {
    state,
    signedIn,
    account: account
      ? { server: account.server, login: account.login, name: account.user.name, role: account.user.role, region: account.user.region }
      : null,
    pendingOps,
    pendingUploads: uploads.pending,
    failedUploads: uploads.failed,
    conflicts,
    refusedRows: countRefusedRows(db),
    lastSyncAt: getState(db, 'last_sync_ok_at') ?? null,
    lastError: error ? { code: error.code, message: error.message } : null,
    attention,
    nextAttemptInMs: engine.nextAttemptInMs,
    progress: engine.progress,
    uploading: engine.uploading,
    resyncGuard: guard ? { rows: guard.rows.length, total: guard.total } : null,
    tokenStore: engine.tokenStore,
  };
}
