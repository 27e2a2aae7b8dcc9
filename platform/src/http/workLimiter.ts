/** Caps on concurrent expensive work in this process (password hashing, pushes): what a flood may cost. */

/** At most `running` tasks at once and `waiting` more queued; beyond that `run` refuses with `refuse()`. */
export class WorkLimiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
    private readonly refuse: () => Error,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.running) this.active++;
    else if (this.queue.length < this.waiting) await new Promise<void>((resolve) => this.queue.push(resolve));
    else throw this.refuse();
    try {
      return await work();
    } finally {
      // A finished task hands its slot straight to the next in line.
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** At most `max` tasks at once per key (a peer address); beyond that `run` refuses with `refuse()`. */
export class PerKeyLimiter {
  private readonly active = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly refuse: () => Error,
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const count = this.active.get(key) ?? 0;
    if (count >= this.max) throw this.refuse();
    this.active.set(key, count + 1);
    try {
      return await work();
    } finally {
      const left = (this.active.get(key) ?? 1) - 1;
      if (left > 0) this.active.set(key, left);
      else this.active.delete(key);
    }
  }
}
