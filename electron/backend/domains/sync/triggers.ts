/**
 * When cycles run (SYNC.md §3.6, §3.8): one at a time (a request during a cycle gets the next one,
 * so edits made meanwhile are included), debounced after local changes, soon after the network
 * comes back, every 60 s while online, and after a failure with full-jitter backoff and a loop
 * breaker. Times are monotonic (performance.now), never the device's wall clock.
 */
import type { SyncReport } from '../../../../shared/api/sync';
import { Backoff, LoopBreaker } from './backoff';
import { isTransient, type SyncFailure } from './errors';

export type Trigger = 'manual' | 'change' | 'timer' | 'online' | 'resume' | 'focus' | 'retry';

export interface TriggerOptions {
  /** Timers and change triggers (off in the CLI and in tests that drive cycles themselves). */
  autoSync?: boolean;
  debounceMs?: number;
  intervalMs?: number;
  random?: () => number;
  backoff?: { baseMs?: number; capMs?: number };
}

const STUCK_FAILURES = 20;
const STUCK_MS = 60 * 60_000;

export class SyncTriggers {
  /** Cycles that failed in a row. */
  failures = 0;
  private auto: boolean;
  private running: Promise<SyncReport> | null = null;
  private queued: Promise<SyncReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextAt: number | null = null;
  private lastProgress = performance.now();
  private readonly backoff: Backoff;
  private readonly breaker = new LoopBreaker();

  constructor(
    private readonly run: (trigger: Trigger) => Promise<SyncReport>,
    private readonly onSettled: () => void,
    private readonly options: TriggerOptions,
  ) {
    this.auto = options.autoSync ?? true;
    this.backoff = new Backoff({ ...options.backoff, ...(options.random ? { random: options.random } : {}) });
    if (this.auto) this.schedule(this.debounceMs);
  }

  private get debounceMs(): number {
    return this.options.debounceMs ?? 2000;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  get nextAttemptInMs(): number | null {
    return this.nextAt === null ? null : Math.max(0, Math.round(this.nextAt - performance.now()));
  }

  /** No progress after 20 attempts or an hour. */
  get stuck(): boolean {
    return this.failures > 0 && (this.failures >= STUCK_FAILURES || performance.now() - this.lastProgress > STUCK_MS);
  }

  /** One cycle now; if one is running, the next one after it. */
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
    const run = this.run(trigger).finally(() => {
      this.running = null;
      this.onSettled();
    });
    this.running = run;
    return run;
  }

  /** The network came back, the app resumed or gained focus: soon (with jitter), unless nothing is wrong. */
  nudge(reason: 'online' | 'resume' | 'focus', offline: boolean): void {
    if (reason === 'focus' && !offline && this.failures === 0) return; // the 60 s timer covers it
    this.schedule(Math.floor((this.options.random ?? Math.random)() * 1000));
  }

  /** A local change: a cycle after the debounce. Returns false when nothing changes (no timers, or a pending retry takes the change along). */
  localChange(): boolean {
    if (!this.auto) return false;
    if (this.failures > 0 && this.nextAt !== null) return false;
    if (this.nextAt === null || this.nextAt - performance.now() > this.debounceMs) this.schedule(this.debounceMs);
    return true;
  }

  /** Failing cycles in quick succession at the same place (flapping network, a storm of nudges). */
  loopDetected(position: string): boolean {
    return this.failures > 0 && this.breaker.record(position);
  }

  /** After a cycle: count the failure or the progress, and schedule the next cycle. */
  settle(
    outcome: SyncReport['outcome'],
    error: SyncFailure | undefined,
    next: { pendingOps: number; uploadsDueInMs: number | null },
  ): void {
    if (outcome === 'ok') {
      this.failures = 0;
      this.backoff.reset();
      this.lastProgress = performance.now();
      this.breaker.progress();
    } else if (outcome !== 'signed_out') {
      this.failures++;
    }
    if (!this.auto || outcome === 'signed_out') return;
    if (outcome !== 'ok') return this.schedule(this.backoff.next(isTransient(error) ? error.retryAfterMs : undefined));
    const interval = this.options.intervalMs ?? 60_000;
    this.schedule(next.pendingOps > 0 ? this.debounceMs : Math.min(interval, next.uploadsDueInMs ?? interval));
  }

  /** No more timers or change triggers (cycles run only when asked). */
  stop(): void {
    this.auto = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  private schedule(delayMs: number): void {
    if (!this.auto) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAt = performance.now() + delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      void this.syncNow(this.failures > 0 ? 'retry' : 'timer').catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }
}
