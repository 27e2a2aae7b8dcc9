/**
 * The one writer (ARCHITECTURE.md "One writer"): every write to the database goes through this
 * queue, in order. A mutation holds it for its whole handler; everything else — the
 * sync engine between network requests, a query that caches a derived picture — queues short
 * transactions, so a save never waits for the network and the network never waits for a save
 * longer than one transaction.
 *
 * Whether the running code holds the queue follows it through `await` (AsyncLocalStorage): a
 * write queued by code that already holds it runs at once instead of waiting for itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { asWritable, type ReadableDB, type WritableDB } from './handles';

export interface WriteQueue {
  /** One short write transaction, when the queue gets to it (at once if the caller holds the queue). */
  write<T>(work: (db: WritableDB) => T): Promise<T>;
  /**
   * The same, committed without waiting for the disk: for a record whose loss in a power cut only
   * costs work done again (an upload's progress, which the platform holds authoritatively). A crash
   * of the app loses nothing (the WAL is written); the next synced commit makes it durable too.
   */
  writeWithoutSync<T>(work: (db: WritableDB) => T): Promise<T>;
  /** Holds the queue for a whole piece of work (a mutation handler); its own writes run inside. */
  hold<T>(work: (db: WritableDB) => Promise<T> | T): Promise<T>;
  /** Whether the running code holds the queue now. */
  holding(): boolean;
  /** Runs `work` as code that does not hold the queue, even when started by a holder (timers of the sync engine). */
  detached<T>(work: () => T): T;
}

/** What a holder carries through its awaits; `active` ends with its turn (timers it started do not inherit the turn). */
interface Turn {
  active: boolean;
}

export function createWriteQueue(connection: () => ReadableDB): WriteQueue {
  const turns = new AsyncLocalStorage<Turn>();
  let tail: Promise<unknown> = Promise.resolve();
  /** Work queued or running. */
  let pending = 0;

  const holding = () => turns.getStore()?.active === true;

  /**
   * Runs `work` in the next turn — at once when the queue is idle (its synchronous part before this
   * returns) — on the connection that was open when it was queued.
   */
  function enqueue<T>(work: (db: WritableDB) => Promise<T> | T): Promise<T> {
    const db = connection();
    const run = async () => {
      const turn: Turn = { active: true };
      try {
        if (!db.open) throw new Error('the database was closed before this write got its turn');
        return await turns.run(turn, () => work(asWritable(db)));
      } finally {
        turn.active = false;
        pending--;
      }
    };
    const next = pending++ === 0 ? run() : tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  }

  const transaction = <T>(db: WritableDB, work: (db: WritableDB) => T): T => db.transaction(() => work(db)).immediate();
  // (Inside an open transaction the pragma could not apply to its commit: it then commits as usual.)
  const transactionWithoutSync = <T>(db: WritableDB, work: (db: WritableDB) => T): T => {
    if (db.inTransaction) return transaction(db, work);
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      return transaction(db, work);
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
    }
  };

  return {
    holding,
    write: async (work) => (holding() ? transaction(asWritable(connection()), work) : enqueue((db) => transaction(db, work))),
    writeWithoutSync: async (work) =>
      holding() ? transactionWithoutSync(asWritable(connection()), work) : enqueue((db) => transactionWithoutSync(db, work)),
    hold: async (work) => (holding() ? work(asWritable(connection())) : enqueue(work)),
    detached: (work) => turns.exit(work),
  };
}

/**
 * Makes every write that does not hold the queue fail (tests): a temporary trigger on each table
 * asks the queue. Violations are also collected into `violations`, with where they came from.
 */
export function guardWrites(db: ReadableDB, queue: WriteQueue, violations: string[]): void {
  db.function('ecw_write_allowed', { deterministic: false }, () => {
    if (queue.holding()) return 1;
    violations.push(new Error('write outside the write queue').stack ?? 'write outside the write queue');
    return 0;
  });
  const tables = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all();
  for (const table of tables)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      db.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS "ecw_guard_${table}_${event}" BEFORE ${event} ON main."${table}" WHEN ecw_write_allowed() = 0
         BEGIN SELECT RAISE(ABORT, 'write outside the write queue'); END`,
      );
}
