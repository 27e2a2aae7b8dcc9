import type { EventName, EventPayload } from '../../../shared/api';
import type { ReadableDB, WritableDB } from '../infra/db/handles';
import type { WriteQueue } from '../infra/db/writeQueue';

/** What every handler receives: the open database and the few things that make tests deterministic. */
export interface ReadContext {
  readonly db: ReadableDB;
  readonly dataDir: string;
  /** The one write queue, for code that writes without holding it (a query caching a derived picture). */
  readonly writes: WriteQueue;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Who is working: the operator profile's name, used in audit trails. */
  actor(): string;
}

/** A mutation's context: it holds the write queue, so its connection may write. */
export interface WriteContext extends ReadContext {
  readonly db: WritableDB;
}

/** What a context is without its database (the recovery screen's procedures when the file cannot be opened). */
export type ContextWithoutDatabase = Omit<ReadContext, 'db'>;
