/**
 * The sync engine (SYNC.md §3.6): one cycle = push, pull, catalog, then image uploads; single-flight;
 * triggered after local changes (debounced), on reconnect, on a 60 s timer while online and on
 * demand; transient failures retried with full-jitter backoff and a loop breaker. It runs on its
 * own connection to the database, so its writes reach the UI's connection like any other writer's.
 */
import Database from 'better-sqlite3';
import { catalogResponseSchema, SCHEMA_VERSION } from '../../../../shared/platform-api';
import type { Entity } from '../../../../shared/api';
import type { SyncReport, SyncState, SyncStatus } from '../../../../shared/api/sync';
import type { Backend } from '../../app/backend';
import type { BackendContext } from '../../app/context';
import { saveCatalog } from '../catalog/repository';
import { createSessionManager, type Account, type SessionManager } from '../auth/session';
import { fileTokenVault, type TokenVault } from '../auth/tokenVault';
import { AssetUploader, uploadCounts } from './assets';
import { downloadImages } from './downloads';
import { Backoff, LoopBreaker } from './backoff';
import { countOpenConflicts } from './conflicts';
import { isTransient, ProtocolFailure, SignInRequired, SyncFailure, TransientFailure, UpgradeRequired } from './errors';
import { createPlatformClient, type FetchLike, type PlatformClient } from './platform';
import { pull, type PullStats } from './pull';
import { push } from './push';
import { countUnacked, firstUnacked, pruneAcked } from './queue';
import { dropClientId, ensureClientId } from './registration';
import { getJson, getState, setJson, setState } from './state';
import { recordHistory } from './history';

export interface SyncEngineOptions {
  backend: Backend;
  now: () => Date;
  newId: () => string;
  emit: BackendContext['emit'];
  vault?: TokenVault;
  fetch?: FetchLike;
  /** Timers and change triggers (off in the CLI and in tests that drive cycles themselves). */
  autoSync?: boolean;
  debounceMs?: number;
  intervalMs?: number;
  pullLimit?: number;
  random?: () => number;
  /** Retry timing (SYNC.md §3.8: base 1 s, cap 5 min); tests shorten it. */
  backoff?: { baseMs?: number; capMs?: number };
  /** Benchmarks: the duration of each pull write transaction. */
  onPullTransaction?: (ms: number, rows: number) => void;
}

type Trigger = 'manual' | 'change' | 'timer' | 'online' | 'resume' | 'focus' | 'retry';

interface Blocked {
  code: string;
  message: string;
  schemaVersion: number;
}

const STUCK_FAILURES = 20;
const STUCK_MS = 60 * 60_000;

export class SyncEngine {
  readonly session: SessionManager;
  private connection: Database.Database | null = null;
  private readonly uploader = new AssetUploader();
  private readonly backoff: Backoff;
  private readonly breaker = new LoopBreaker();
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private offline = false;
  private failures = 0;
  private lastProgress = performance.now();
  private lastFailure: SyncFailure | null = null;
  private progress: SyncStatus['progress'] = null;
  private emitting = false;
  private lastEmit = 0;
  /** Whether tokens are held, as last seen (status events are computed synchronously). */
  private signedInHint = false;
  private closed = false;
  private readonly unsubscribe: () => void;
  readonly vault: TokenVault;

  constructor(private readonly options: SyncEngineOptions) {
    this.vault = options.vault ?? fileTokenVault(options.backend.dataDir);
    this.backoff = new Backoff({ ...options.backoff, ...(options.random ? { random: options.random } : {}) });
    this.session = createSessionManager({
      db: () => this.db,
      vault: this.vault,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      now: options.now,
      onAccountChanged: (previous, next) => this.accountChanged(previous, next),
    });
    this.unsubscribe = options.backend.on('data.changed', () => {
      if (!this.emitting) this.localChange();
    });
    if (this.auto) this.schedule(options.debounceMs ?? 2000);
  }

  private get auto(): boolean {
    return this.options.autoSync ?? true;
  }

  /** The engine's own connection: same file, same pragmas, its own transactions. */
  get db(): Database.Database {
    if (this.closed) throw new Error('the sync engine is closed');
    if (!this.connection) {
      const db = new Database(this.options.backend.databaseFile);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      this.connection = db;
    }
    return this.connection;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.connection?.close();
    this.connection = null;
  }

  /* ---------- triggers ---------- */

  /** One cycle now; if one is running, the next one after it (so edits made meanwhile are included). */
  syncNow(trigger: Trigger = 'manual'): Promise<SyncReport> {
    if (!this.running) return this.start(trigger);
    this.queued ??= this.running.then(
      () => this.afterRunning(trigger),
      () => this.afterRunning(trigger),
    );
    return this.queued;
  }

  private afterRunning(trigger: Trigger): Promise<SyncReport> {
    this.queued = null;
    return this.running ? this.running : this.start(trigger);
  }

  private start(trigger: Trigger): Promise<SyncReport> {
    const run = this.cycle(trigger).finally(() => {
      this.running = null;
      this.emitStatus(true); // finish() emitted while `running` was still set, i.e. "syncing"
    });
    this.running = run;
    return run;
  }

  nudge(reason: 'online' | 'offline' | 'resume' | 'focus'): void {
    if (reason === 'offline') {
      this.offline = true;
      this.emitStatus();
      return;
    }
    if (reason === 'focus' && !this.offline && this.failures === 0) return; // the 60 s timer covers it
    this.schedule(Math.floor((this.options.random ?? Math.random)() * 1000));
  }

  private localChange(): void {
    if (!this.auto || this.closed) return;
    if (this.failures > 0 && this.nextAt !== null) return; // keep the backoff; the retry will take the change along
    const debounce = this.options.debounceMs ?? 2000;
    if (this.nextAt === null || this.nextAt - performance.now() > debounce) this.schedule(debounce);
    this.emitStatus();
  }

  private schedule(delayMs: number): void {
    if (!this.auto || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = performance.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      void this.syncNow(this.failures > 0 ? 'retry' : 'timer').catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  /* ---------- the cycle ---------- */

  private client(account: Account): PlatformClient {
    return createPlatformClient(account.server, this.session, this.options.fetch);
  }

  private async cycle(trigger: Trigger): Promise<SyncReport> {
    const startedAt = this.options.now().toISOString();
    const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, uploadedBytes: 0, pending: 0, outcome: 'ok' };
    const account = this.session.account();
    this.signedInHint = await this.session.hasTokens();
    if (!account || !this.signedInHint) return this.finish(report, 'signed_out', trigger, startedAt);
    const blocked = getJson<Blocked>(this.db, 'blocked');
    if (blocked && blocked.schemaVersion >= SCHEMA_VERSION && trigger !== 'manual') {
      // 426: nothing to do until this app is updated or a person asks again; no timer, no backoff.
      report.outcome = 'needs_attention';
      report.pending = countUnacked(this.db);
      report.error = { code: blocked.code, message: blocked.message };
      return report;
    }
    // Failing cycles in quick succession at the same place (flapping network, a storm of nudges): slow down.
    if (this.failures > 0 && this.breaker.record(this.position())) {
      return this.finish(report, 'retrying', trigger, startedAt, new TransientFailure('sync_loop', 'Sync repeated itself without progress; slowing down.'));
    }
    const client = this.client(account);
    this.progress = { phase: 'push', done: 0, total: countUnacked(this.db) };
    this.emitStatus(true);
    let failure: unknown;
    const touched = new Set<Entity>();
    const env = { db: this.db, now: this.options.now, newId: this.options.newId, client, touched, dataDir: this.options.backend.dataDir };
    const pushed = { pushed: 0, conflicts: 0, rejected: 0 };
    const pulled: PullStats = { pulled: 0, pages: 0, resynced: false };
    try {
      try {
        await push({ ...env, onProgress: (s) => this.setProgress('push', s.pushed + s.conflicts + s.rejected) }, pushed);
        this.setProgress('pull', 0, null);
        await pull(
          {
            ...env,
            ...(this.options.pullLimit ? { limit: this.options.pullLimit } : {}),
            ...(this.options.onPullTransaction ? { onTransaction: this.options.onPullTransaction } : {}),
            onProgress: (s) => this.setProgress('pull', s.pulled, null),
          },
          pulled,
        );
      } finally {
        report.pushed = pushed.pushed;
        report.conflicts = pushed.conflicts + pushed.rejected;
        report.pulled = pulled.pulled;
      }
      if (pulled.catalogVersion !== undefined) await this.updateCatalog(client, pulled.catalogVersion);
      setState(this.db, 'last_sync_ok_at', this.options.now().toISOString());
      setState(this.db, 'blocked', null);
      pruneAcked(this.db, this.options.now());
    } catch (error) {
      failure = error;
    }
    this.announce(touched);
    if (!failure || (isTransient(failure) && failure.status !== undefined)) {
      try {
        const clientId = await ensureClientId(this.db, client);
        this.setProgress('upload', 0, null);
        const uploads = await this.uploader.run({
          db: this.db, dataDir: this.options.backend.dataDir, client, clientId,
          onProgress: (asset, done) => this.uploadProgress(asset.sha256, asset.size, done),
        }, trigger === 'manual');
        report.uploadedBytes = uploads.uploadedBytes;
        if (await downloadImages({ db: this.db, dataDir: this.options.backend.dataDir, client })) this.announce(new Set(['asset']));
      } catch (error) {
        failure ??= isTransient(error) && error.status === undefined ? error : undefined; // per-asset errors stay on the asset
      }
    }
    return this.finish(report, this.outcomeOf(failure), trigger, startedAt, failure);
  }

  private async updateCatalog(client: PlatformClient, latest: number): Promise<void> {
    const held = this.db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM catalog').get()?.v ?? 0;
    if (latest <= held) return;
    const answer = await client.json(`/catalog/v1?since=${held}`, catalogResponseSchema);
    if (answer.catalog) saveCatalog(this.db, answer.catalog, this.options.now());
    this.announce(new Set(['catalog']));
  }

  private outcomeOf(failure: unknown): SyncReport['outcome'] {
    if (!failure) return 'ok';
    if (failure instanceof SignInRequired) return 'signed_out';
    if (isTransient(failure)) return failure.status === undefined ? 'offline' : 'retrying';
    return 'needs_attention';
  }

  private finish(report: SyncReport, outcome: SyncReport['outcome'], trigger: Trigger, startedAt: string, failure?: unknown): SyncReport {
    this.progress = null;
    report.outcome = outcome;
    report.pending = countUnacked(this.db);
    const error = failure instanceof SyncFailure ? failure : failure ? new SyncFailure('internal', (failure as Error).message) : undefined;
    if (error) report.error = { code: error.code, message: error.message };
    if (!(failure instanceof SyncFailure) && failure) this.options.backend.log('sync cycle failed', failure);
    if (failure instanceof UpgradeRequired)
      setJson(this.db, 'blocked', { code: failure.code, message: failure.message, schemaVersion: SCHEMA_VERSION } satisfies Blocked);
    this.offline = outcome === 'offline';
    if (outcome === 'signed_out') this.signedInHint = false;
    this.lastFailure = error ?? null;
    setJson(this.db, 'last_error', error ? { code: error.code, message: error.message } : undefined);
    if (outcome === 'ok') {
      this.failures = 0;
      this.backoff.reset();
      this.lastProgress = performance.now();
      this.breaker.progress();
    } else if (outcome !== 'signed_out') {
      this.failures++;
    }
    const worthRecording = outcome === 'signed_out' ? trigger === 'manual' : outcome !== 'ok' || report.pushed + report.pulled + report.conflicts + report.uploadedBytes > 0;
    if (worthRecording || trigger === 'manual')
      recordHistory(this.db, { id: this.options.newId(), startedAt, finishedAt: this.options.now().toISOString(), trigger, report });
    this.scheduleAfter(outcome, error);
    this.emitStatus(true);
    return report;
  }

  private scheduleAfter(outcome: SyncReport['outcome'], error: SyncFailure | undefined): void {
    if (!this.auto) return;
    if (outcome === 'signed_out') return;
    if (outcome === 'ok') {
      const uploadsDue = this.uploader.nextDueInMs(this.db);
      const interval = this.options.intervalMs ?? 60_000;
      this.schedule(countUnacked(this.db) > 0 ? (this.options.debounceMs ?? 2000) : Math.min(interval, uploadsDue ?? interval));
      return;
    }
    this.schedule(this.backoff.next(isTransient(error) ? error.retryAfterMs : undefined));
  }

  private position(): string {
    return `${firstUnacked(this.db) ?? '-'}@${getState(this.db, 'cursor') ?? '-'}`;
  }

  private accountChanged(previous: Account, next: Account): void {
    // Another user or server: a new device id for it, and a full resync of what that user may see.
    dropClientId(this.db);
    setState(this.db, 'cursor', null);
    setState(this.db, 'blocked', null);
    this.options.backend.log(`platform account changed from ${previous.login}@${previous.server} to ${next.login}@${next.server}`);
  }

  /* ---------- status ---------- */

  private announce(touched: Set<Entity>): void {
    this.emitting = true;
    try {
      for (const entity of touched) this.options.emit('data.changed', { entity });
    } finally {
      this.emitting = false;
    }
  }

  private setProgress(phase: 'push' | 'pull' | 'upload', done: number, total?: number | null): void {
    this.progress = { phase, done, total: total === undefined ? (this.progress?.total ?? null) : total };
    this.emitStatus();
  }

  private uploadProgress(sha256: string, size: number, done: number): void {
    this.options.emit('job.progress', { jobId: `upload:${sha256}`, label: sha256.slice(0, 12), done, total: size, finished: done >= size });
    this.setProgress('upload', done, size);
  }

  private emitStatus(force = false): void {
    if (this.closed) return;
    const now = performance.now();
    if (!force && now - this.lastEmit < 200) return;
    this.lastEmit = now;
    let status: SyncStatus;
    try {
      status = this.statusNow(this.vault.kind, this.signedInHint);
    } catch {
      return; // the database is closing
    }
    this.emitting = true;
    try {
      this.options.emit('sync.status', status);
    } finally {
      this.emitting = false;
    }
  }

  async status(): Promise<SyncStatus> {
    this.signedInHint = await this.session.hasTokens();
    return this.statusNow(this.vault.kind, this.signedInHint);
  }

  private statusNow(tokenStore: 'file' | 'keychain', signedIn: boolean): SyncStatus {
    const db = this.db;
    const account = this.session.account();
    const uploads = uploadCounts(db);
    const conflicts = countOpenConflicts(db);
    const pendingOps = countUnacked(db);
    const guard = getJson<{ rows: unknown[]; total: number }>(db, 'resync_guard');
    const blocked = getJson<Blocked>(db, 'blocked');
    const error = this.lastFailure ?? (getJson<{ code: string; message: string }>(db, 'last_error') ?? null);
    const stuck = this.failures > 0 && (this.failures >= STUCK_FAILURES || performance.now() - this.lastProgress > STUCK_MS);
    const attention: SyncStatus['attention'] = [];
    if (conflicts > 0) attention.push('conflicts');
    if (blocked) attention.push('upgrade_required');
    if (guard) attention.push('resync_guard');
    if (account && !signedIn) attention.push('sign_in');
    if (stuck) attention.push('stuck');
    if (uploads.failed > 0) attention.push('failed_uploads');
    if (this.lastFailure instanceof ProtocolFailure) attention.push('protocol');
    const blocking = attention.some((a) => a === 'upgrade_required' || a === 'resync_guard' || a === 'stuck' || a === 'protocol');
    let state: SyncState;
    if (this.running) state = 'syncing';
    else if (!signedIn) state = 'signed_out';
    else if (blocking) state = 'needs_attention';
    else if (this.offline) state = 'offline';
    else if (attention.length > 0) state = 'needs_attention';
    else if (this.lastFailure && isTransient(this.lastFailure)) state = 'retrying';
    else if (pendingOps + uploads.pending > 0) state = 'syncing'; // queued; the debounced cycle is due
    else state = 'up_to_date';
    return {
      state,
      signedIn,
      account: account ? { server: account.server, login: account.login, name: account.user.name, role: account.user.role, region: account.user.region } : null,
      pendingOps,
      pendingUploads: uploads.pending,
      failedUploads: uploads.failed,
      conflicts,
      lastSyncAt: getState(db, 'last_sync_ok_at') ?? null,
      lastError: error ? { code: error.code, message: error.message } : null,
      attention,
      nextAttemptInMs: this.nextAt === null ? null : Math.max(0, Math.round(this.nextAt - performance.now())),
      progress: this.progress,
      resyncGuard: guard ? { rows: guard.rows.length, total: guard.total } : null,
      tokenStore,
    };
  }
}
