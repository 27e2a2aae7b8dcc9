/**
 * The sync engine (SYNC.md §3.6): one cycle = push, pull, catalog, then image uploads; single-flight;
 * triggered after local changes (debounced), on reconnect, on a 60 s timer while online and on
 * demand; transient failures retried with full-jitter backoff and a loop breaker. It reads the
 * backend's connection between requests and writes only through the write queue, in short
 * transactions: a cycle's network time never keeps a user's save waiting.
 */
import type { Entity } from '../../../../shared/api';
import type { SyncReport, SyncStatus } from '../../../../shared/api/sync';
import { SCHEMA_VERSION } from '../../../../shared/platform-api';
import type { ReadContext } from '../../app/context';
import type { ReadableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import type { Logger } from '../../infra/log';
import { createSessionManager, type Account, type SessionManager } from '../auth/session';
import { fileTokenVault, type TokenVault } from '../auth/tokenVault';
import type { SyncAdapters } from './adapters';
import { filesWorthTrying, syncFiles, syncRecords, type CycleHooks } from './cycle';
import { recordHistory } from './db/history';
import { countUnacked, firstUnacked } from './db/queue';
import { getJson, getState, setJson } from './db/state';
import type { SyncStepEnv } from './env';
import { isTransient, SignInRequired, SyncFailure, TransientFailure, UpgradeRequired } from './errors';
import type { PlatformClient } from './platform';
import { forgetAccount } from './registration';
import { syncStatusOf, type Blocked } from './status';
import { SyncTriggers, type Trigger, type TriggerOptions } from './triggers';
import { AssetUploader } from './uploads';

/** What a host sets (Electron: the keychain vault; the CLI: no timers; tests: timings). */
export interface SyncOptions extends TriggerOptions {
  vault?: TokenVault;
  pullLimit?: number;
  /** Benchmarks: the duration of each pull write transaction. */
  onPullTransaction?: (ms: number, rows: number) => void;
}

/** What the composition root hands the engine. */
export interface SyncEngineDeps {
  dataDir: string;
  /** The backend's connection (throws once it is closed). */
  db: () => ReadableDB;
  writes: WriteQueue;
  adapters: SyncAdapters;
  now: () => Date;
  newId: () => string;
  emit: ReadContext['emit'];
  /** Subscribes to `data.changed`: a local change schedules a cycle. */
  onDataChanged: (listener: () => void) => () => void;
  log: Logger;
}

type Outcome = SyncReport['outcome'];

export class SyncEngine {
  readonly session: SessionManager;
  readonly vault: TokenVault;
  private readonly triggers: SyncTriggers;
  private readonly uploader = new AssetUploader();
  private offline = false;
  private lastFailure: SyncFailure | null = null;
  private progress: SyncStatus['progress'] = null;
  /** Bytes sent so far of each picture on its way (axios' upload progress). */
  private readonly uploading = new Map<string, { size: number; sentBytes: number }>();
  private emitting = false;
  private lastEmit = 0;
  /** Whether tokens are held, as last seen (status events are computed synchronously). */
  private signedInHint = false;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly deps: SyncEngineDeps,
    private readonly options: SyncOptions = {},
  ) {
    this.vault = options.vault ?? fileTokenVault(deps.dataDir);
    this.session = createSessionManager({
      db: () => this.db,
      writes: deps.writes,
      vault: this.vault,
      now: deps.now,
      onAccountChanged: (db, previous, next) => {
        // Another user or server: a new device id for it, and a full resync of what that user may see.
        forgetAccount(db);
        deps.log(`platform account changed from ${previous.login}@${previous.server} to ${next.login}@${next.server}`);
      },
    });
    // A cycle never holds the write queue, even when a mutation's call or timer started it.
    const runCycle = (trigger: Trigger) => deps.writes.detached(() => this.cycle(trigger));
    this.triggers = new SyncTriggers(runCycle, () => this.emitStatus(true), options);
    this.unsubscribe = deps.onDataChanged(() => {
      if (!this.emitting && !this.closed && this.triggers.localChange()) this.emitStatus();
    });
  }

  get db(): ReadableDB {
    if (this.closed) throw new Error('the sync engine is closed');
    return this.deps.db();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.triggers.stop();
  }

  /** No more timers or change triggers (cycles run only when asked). */
  stopAutomatic(): void {
    this.triggers.stop();
  }

  /** One cycle now; if one is running, the next one after it (so edits made meanwhile are included). */
  syncNow(): Promise<SyncReport> {
    return this.triggers.syncNow('manual');
  }

  nudge(reason: 'online' | 'offline' | 'resume' | 'focus'): void {
    if (reason === 'offline') {
      this.offline = true;
      this.emitStatus();
      return;
    }
    if (!this.closed) this.triggers.nudge(reason, this.offline);
  }

  /** A client for one request of the platform outside a cycle (a roster lookup), or null when not signed in. */
  async platformClient(): Promise<PlatformClient | null> {
    const account = this.session.account();
    if (!account || !(await this.session.hasTokens())) return null;
    return this.session.client(account.server);
  }

  /* ---------- the cycle ---------- */

  private async cycle(trigger: Trigger): Promise<SyncReport> {
    const startedAt = this.deps.now().toISOString();
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
    if (this.triggers.loopDetected(`${firstUnacked(this.db) ?? '-'}@${getState(this.db, 'cursor') ?? '-'}`)) {
      return this.finish(
        report,
        'retrying',
        trigger,
        startedAt,
        new TransientFailure('sync_loop', 'Sync repeated itself without progress; slowing down.'),
      );
    }
    this.progress = { phase: 'push', done: 0, total: countUnacked(this.db) };
    this.emitStatus(true);
    const env = this.stepEnv(account);
    const hooks: CycleHooks = {
      progress: (phase, done, total) => this.setProgress(phase, done, total),
      uploadProgress: (sha256, size, done) => this.uploadProgress(sha256, size, done),
    };
    let failure: unknown;
    try {
      await syncRecords(
        env,
        {
          ...(this.options.pullLimit ? { limit: this.options.pullLimit } : {}),
          ...(this.options.onPullTransaction ? { onTransaction: this.options.onPullTransaction } : {}),
        },
        report,
        hooks,
      );
    } catch (error) {
      failure = error;
    }
    this.announce(env.touched);
    if (filesWorthTrying(failure)) {
      const filesEnv = { ...env, touched: new Set<Entity>() };
      try {
        report.uploadedBytes = await syncFiles(filesEnv, this.uploader, trigger === 'manual', hooks);
      } catch (error) {
        failure ??= isTransient(error) && error.status === undefined ? error : undefined; // per-asset errors stay on the asset
      }
      this.announce(filesEnv.touched);
    }
    return this.finish(report, this.outcomeOf(failure), trigger, startedAt, failure);
  }

  private stepEnv(account: Account): SyncStepEnv & { touched: Set<Entity> } {
    return {
      db: this.db,
      writes: this.deps.writes,
      adapters: this.deps.adapters,
      client: this.session.client(account.server),
      now: this.deps.now,
      newId: this.deps.newId,
      dataDir: this.deps.dataDir,
      touched: new Set<Entity>(),
    };
  }

  private outcomeOf(failure: unknown): Outcome {
    if (!failure) return 'ok';
    if (failure instanceof SignInRequired) return 'signed_out';
    if (isTransient(failure)) return failure.status === undefined ? 'offline' : 'retrying';
    return 'needs_attention';
  }

  private async finish(report: SyncReport, outcome: Outcome, trigger: Trigger, startedAt: string, failure?: unknown): Promise<SyncReport> {
    this.progress = null;
    this.uploading.clear();
    report.outcome = outcome;
    const error = failure instanceof SyncFailure ? failure : failure ? new SyncFailure('internal', (failure as Error).message) : undefined;
    if (error) report.error = { code: error.code, message: error.message };
    if (!(failure instanceof SyncFailure) && failure) this.deps.log('sync cycle failed', failure);
    this.offline = outcome === 'offline';
    if (outcome === 'signed_out') this.signedInHint = false;
    this.lastFailure = error ?? null;
    const worthRecording =
      outcome === 'signed_out'
        ? trigger === 'manual'
        : outcome !== 'ok' || report.pushed + report.pulled + report.conflicts + report.uploadedBytes > 0;
    if (this.closed) return report;
    await this.deps.writes.write((db) => {
      report.pending = countUnacked(db);
      if (failure instanceof UpgradeRequired)
        setJson(db, 'blocked', { code: failure.code, message: failure.message, schemaVersion: SCHEMA_VERSION } satisfies Blocked);
      setJson(db, 'last_error', error ? { code: error.code, message: error.message } : undefined);
      if (worthRecording || trigger === 'manual')
        recordHistory(db, { id: this.deps.newId(), startedAt, finishedAt: this.deps.now().toISOString(), trigger, report });
    });
    this.triggers.settle(outcome, error, { pendingOps: report.pending, uploadsDueInMs: this.uploader.nextDueInMs(this.db) });
    this.emitStatus(true);
    return report;
  }

  /* ---------- status ---------- */

  private announce(touched: Set<Entity>): void {
    this.emitting = true;
    try {
      for (const entity of touched) this.deps.emit('data.changed', { entity });
    } finally {
      this.emitting = false;
    }
  }

  private setProgress(phase: 'push' | 'pull' | 'upload', done: number, total?: number | null): void {
    this.progress = { phase, done, total: total === undefined ? (this.progress?.total ?? null) : total };
    this.emitStatus();
  }

  private uploadProgress(sha256: string, size: number, sentBytes: number): void {
    if (sentBytes >= size) this.uploading.delete(sha256);
    else this.uploading.set(sha256, { size, sentBytes });
    this.setProgress('upload', sentBytes, size);
  }

  private emitStatus(force = false): void {
    if (this.closed) return;
    const now = performance.now();
    if (!force && now - this.lastEmit < 200) return;
    this.lastEmit = now;
    let status: SyncStatus;
    try {
      status = this.statusNow();
    } catch {
      return; // the database is closing
    }
    this.emitting = true;
    try {
      this.deps.emit('sync.status', status);
    } finally {
      this.emitting = false;
    }
  }

  async status(): Promise<SyncStatus> {
    this.signedInHint = await this.session.hasTokens();
    return this.statusNow();
  }

  private statusNow(): SyncStatus {
    return syncStatusOf(this.db, {
      account: this.session.account(),
      signedIn: this.signedInHint,
      running: this.triggers.isRunning,
      offline: this.offline,
      lastFailure: this.lastFailure,
      stuck: this.triggers.stuck,
      nextAttemptInMs: this.triggers.nextAttemptInMs,
      progress: this.progress,
      uploading: [...this.uploading].map(([sha256, upload]) => ({ sha256, ...upload })),
      tokenStore: this.vault.kind,
    });
  }
}
