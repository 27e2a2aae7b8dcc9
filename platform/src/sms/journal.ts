/**
 * Group commit for what the link receives. Items wait in memory and are written together: at once
 * when `maxBatch` wait, else when the most pressing of them is due — `now` (an MO), `soon`
 * (`soonDelayMs`: status reports, which hold the ISMG's DELIVER window) or `batch` (`maxDelayMs`:
 * SUBMIT answers). One write runs at a time; a failed write is retried (items are kept, in order)
 * after `retryMs`.
 */

export interface JournalPolicy {
  maxBatch: number;
  maxDelayMs: number;
  soonDelayMs: number;
  retryMs: number;
}

export type Urgency = 'batch' | 'soon' | 'now';

export class Journal<T> {
  private pending: T[] = [];
  /** Items of the write in progress. */
  private inFlight = 0;
  private writing: Promise<void> | null = null;
  /** When the pending items must be written (ms since the epoch; Infinity = none waits). */
  private dueAt = Infinity;
  private timer: NodeJS.Timeout | undefined;
  /** When the timer fires (it is only replaced by an earlier one). */
  private timerAt = Infinity;
  private stopped = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly policy: JournalPolicy,
    private readonly log: (line: string) => void,
  ) {}

  /** Items added but not yet written (a write in progress included). */
  get size(): number {
    return this.pending.length + this.inFlight;
  }

  add(item: T, urgency: Urgency = 'batch'): void {
    this.pending.push(item);
    this.dueIn(urgency === 'now' ? 0 : urgency === 'soon' ? this.policy.soonDelayMs : this.policy.maxDelayMs);
  }

  /** Write what waits without waiting for the batch to fill. */
  flushSoon(): void {
    if (this.pending.length > 0) this.dueIn(0);
  }

  /** Resolves once everything added so far is written, or after `timeoutMs` (the database may be down). */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.size > 0 && Date.now() < deadline) {
      this.flushSoon();
      if (this.writing) await this.writing;
      else await new Promise((resolve) => setTimeout(resolve, this.policy.retryMs));
    }
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private dueIn(delayMs: number): void {
    this.dueAt = Math.min(this.dueAt, Date.now() + delayMs);
    this.schedule();
  }

  private schedule(): void {
    if (this.writing || this.stopped || this.pending.length === 0) return;
    const wait = this.dueAt - Date.now();
    if (wait <= 0 || this.pending.length >= this.policy.maxBatch) {
      this.clearTimer();
      this.writing = this.writeBatch();
    } else if (this.dueAt < this.timerAt) {
      this.clearTimer();
      this.timerAt = this.dueAt;
      this.timer = setTimeout(() => {
        this.timerAt = Infinity;
        this.schedule();
      }, wait);
    }
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timerAt = Infinity;
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.dueAt = Infinity;
    this.inFlight = batch.length;
    let retry = false;
    try {
      await this.write(batch);
    } catch (err) {
      this.log(`sms journal: write of ${batch.length} items failed, retrying: ${(err as Error).message}`);
      this.pending = batch.concat(this.pending);
      retry = true;
    }
    this.inFlight = 0;
    this.writing = null;
    if (retry) this.dueAt = Math.min(this.dueAt, Date.now() + this.policy.retryMs);
    this.schedule();
  }
}
