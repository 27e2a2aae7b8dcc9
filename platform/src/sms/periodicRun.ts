/** A job run on a timer (which never keeps the process alive) and on demand (`runDue`), one run at a time; a timer run's failure is logged. */
export abstract class PeriodicRun {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly log: (line: string) => void,
    private readonly intervalMs: number,
  ) {}

  /** One run; resolves with what it counts (messages stored, digests sent …). */
  protected abstract runOnce(): Promise<number>;

  start(): void {
    this.timer = setInterval(
      () => void this.runDue().catch((err: Error) => this.log(`${this.name}: ${err.stack ?? String(err)}`)),
      this.intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Runs after any run in progress. */
  runDue(): Promise<number> {
    const run = this.running.then(() => this.runOnce());
    this.running = run.catch(() => undefined);
    return run;
  }
}
