/**
 * Retry timing (SYNC.md §3.8): full-jitter exponential backoff (base 1 s, ×2, cap 5 min) that
 * honours Retry-After, and a loop breaker for requests that make no progress.
 * Times are monotonic milliseconds (never the device's wall clock, which may be wrong).
 */

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

export class Backoff {
  private failures = 0;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 1000;
    this.capMs = options.capMs ?? 5 * 60_000;
    this.random = options.random ?? Math.random;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** The delay before the next attempt after one more failure; Retry-After wins when it is longer. */
  next(retryAfterMs?: number): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    const jittered = Math.floor(this.random() * ceiling);
    return retryAfterMs !== undefined ? Math.max(jittered, retryAfterMs) : jittered;
  }

  reset(): void {
    this.failures = 0;
  }
}

/** Retry-After as seconds or an HTTP date; the date is compared with the server's own Date header when given. */
export function parseRetryAfter(value: string | null | undefined, serverDate?: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  const reference = serverDate ? Date.parse(serverDate) : nowMs;
  return Math.max(0, at - (Number.isNaN(reference) ? nowMs : reference));
}

/**
 * Electric PR #3855: ≥ 5 requests at the same position within 1 s without progress is a loop.
 * `record(position)` returns true when the caller must back off instead of retrying at once.
 */
export class LoopBreaker {
  private position: string | undefined;
  private times: number[] = [];

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  record(position: string): boolean {
    const now = this.clock();
    if (position !== this.position) {
      this.position = position;
      this.times = [];
    }
    this.times = this.times.filter((t) => now - t < this.windowMs);
    this.times.push(now);
    return this.times.length >= this.limit;
  }

  progress(): void {
    this.position = undefined;
    this.times = [];
  }
}
