/**
 * Group commit for what the link receives. Items wait in memory and are written together: at once
 * when `maxBatch` wait or when someone needs them written soon (an MO, an idle link), else
 * `maxDelayMs` after the first. One write runs at a time; a failed write is retried (items are
 * kept, in order) after `retryMs`.
 */

export interface JournalPolicy {
  maxBatch: number;
  maxDelayMs: number;
  retryMs: number;
}

export class Journal<T> {
  private pending: T[] = [];
  /** Items of the write in progress. */
  private inFlight = 0;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private urgent = false;
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

  add(item: T, urgent = false): void {
    this.pending.push(item);
    if (urgent) this.urgent = true;
    this.schedule();
  }

  /** Write what waits without waiting for the batch to fill. */
  flushSoon(): void {
    if (this.pending.length === 0) return;
    this.urgent = true;
    this.schedule();
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
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.writing || this.stopped || this.pending.length === 0) return;
    if (this.urgent || this.pending.length >= this.policy.maxBatch) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.writing = this.writeBatch();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.urgent = true;
        this.schedule();
      }, this.policy.maxDelayMs);
    }
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.urgent = false;
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
    if (retry) {
      if (!this.stopped) this.timer = setTimeout(() => this.flushAfterRetry(), this.policy.retryMs);
    } else this.schedule();
  }

  private flushAfterRetry(): void {
    this.timer = undefined;
    this.urgent = true;
    this.schedule();
  }
}
