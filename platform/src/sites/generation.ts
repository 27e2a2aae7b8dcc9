/**
 * The publication generation (one row that every site_host change bumps in its own transaction), as
 * the in-memory caches of published content see it: read at most once per `checkMs`, by one query
 * however many requests wait for it, and at once after this process committed a publication change
 * (`committedChanges`). So a change committed by any process is seen by every request that arrives
 * `checkMs` or more after the commit; one this process committed, by its next request.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { committedChanges } from './events';

export const SERVING_CHECK_MS = 250;

export class PublicationGeneration {
  private generation = -1;
  private checkedAt = -Infinity;
  private localChanges = committedChanges();
  private checking: Promise<number> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly checkMs = SERVING_CHECK_MS,
  ) {}

  /** The generation now (a cache built under another one is stale). */
  async current(): Promise<number> {
    return this.known() ?? this.check();
  }

  /** The generation when it is fresh now, without waiting; undefined when `current` has to ask the database. */
  known(): number | undefined {
    const fresh = this.localChanges === committedChanges() && performance.now() - this.checkedAt < this.checkMs;
    return fresh ? this.generation : undefined;
  }

  private check(): Promise<number> {
    this.checking ??= (async () => {
      const localChanges = committedChanges();
      // Taken before the read: a request arriving `checkMs` after a commit always reads after it.
      const startedAt = performance.now();
      try {
        const row = await this.db.selectFrom('publication_generation').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
        this.generation = Number(row.generation);
        this.checkedAt = startedAt;
        this.localChanges = localChanges;
        return this.generation;
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }
}
