/** The sync engine's own key/value state (SYNC.md §3.2 `sync_state`). */
import type { ReadableDB, WritableDB } from '../../../infra/db/handles';
import { perDatabase } from '../../../infra/db/perDatabase';

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

const reads = perDatabase((db: ReadableDB) => ({
  get: db.prepare<[string], { v: string }>('SELECT v FROM sync_state WHERE k = ?'),
}));

const writes = perDatabase((db: WritableDB) => ({
  set: db.prepare('INSERT INTO sync_state (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v'),
  remove: db.prepare('DELETE FROM sync_state WHERE k = ?'),
}));

export function getState(db: ReadableDB, key: StateKey): string | undefined {
  return reads(db).get.get(key)?.v;
}

export function setState(db: WritableDB, key: StateKey, value: string | number | null | undefined): void {
  if (value === null || value === undefined) writes(db).remove.run(key);
  else writes(db).set.run(key, String(value));
}

export function getNumber(db: ReadableDB, key: StateKey, fallback = 0): number {
  const value = getState(db, key);
  return value === undefined ? fallback : Number(value);
}

/** A JSON value this engine stored itself (the caller names its shape). */
export function getJson<T>(db: ReadableDB, key: StateKey): T | undefined {
  const value = getState(db, key);
  return value === undefined ? undefined : (JSON.parse(value) as T);
}

export const setJson = (db: WritableDB, key: StateKey, value: unknown) =>
  setState(db, key, value === undefined ? undefined : JSON.stringify(value));
