import type Database from 'better-sqlite3';
import type { ReadableDB } from './handles';

/** Memoizes something built from a connection (prepared statements, an index) for that connection's life. */
export function perDatabase<T, D extends Database.Database = ReadableDB>(build: (db: D) => T): (db: D) => T {
  const cache = new WeakMap<D, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) cache.set(db, (value = build(db)));
    return value;
  };
}
