import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../../shared/api';

/** What every handler receives: the open database and the few things that make tests deterministic. */
export interface BackendContext {
  readonly db: Database.Database;
  readonly dataDir: string;
  now(): Date;
  newId(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Who is working: the operator profile's name, used in audit trails. */
  actor(): string;
}
