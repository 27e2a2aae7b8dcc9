import type Database from 'better-sqlite3';

/** Memoizes something built from a connection (prepared statements, an index) for that connection's life. */
export function perDatabase<T>(build: (db: Database.Database) => T): (db: Database.Database) => T {
  const cache = new WeakMap<Database.Database, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) cache.set(db, (value = build(db)));
    return value;
  };
}
