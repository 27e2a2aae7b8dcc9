/** The sync engine's own key/value state (SYNC.md §3.2 `sync_state`). */
import type Database from 'better-sqlite3';
import { perDatabase } from '../../infra/db/perDatabase';

export type StateKey =
  | 'client_id'
  /** The highest wire opSeq used with the current clientId. */
  | 'last_wire_seq'
  | 'cursor'
  /** The highest wire opSeq the server confirmed (its lastAppliedOpSeq). */
  | 'acked_watermark'
  | 'bootstrap_complete'
  /** '1' while a full resync runs (its pages are saved like any pull; the sweep runs at the end). */
  | 'resync'
  /** JSON: why the last resync sweep was stopped by the mass-delete guard. */
  | 'resync_guard'
  | 'last_sync_ok_at'
  | 'last_error'
  /** JSON account: server, user, name, role, region, verifier. */
  | 'account'
  | 'blocked'
  | 'catalog_version';

const statements = perDatabase((db: Database.Database) => ({
  get: db.prepare<[string], { v: string }>('SELECT v FROM sync_state WHERE k = ?'),
  set: db.prepare('INSERT INTO sync_state (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v'),
  remove: db.prepare('DELETE FROM sync_state WHERE k = ?'),
}));

export function getState(db: Database.Database, key: StateKey): string | undefined {
  return statements(db).get.get(key)?.v;
}

export function setState(db: Database.Database, key: StateKey, value: string | number | null | undefined): void {
  if (value === null || value === undefined) statements(db).remove.run(key);
  else statements(db).set.run(key, String(value));
}

export function getNumber(db: Database.Database, key: StateKey, fallback = 0): number {
  const value = getState(db, key);
  return value === undefined ? fallback : Number(value);
}

export function getJson<T>(db: Database.Database, key: StateKey): T | undefined {
  const value = getState(db, key);
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

export const setJson = (db: Database.Database, key: StateKey, value: unknown) => setState(db, key, value === undefined ? undefined : JSON.stringify(value));
