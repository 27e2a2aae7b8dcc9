/** Local settings (key → JSON), such as the operator profile used in audit trails. */
import type Database from 'better-sqlite3';
import { operatorSchema, type Operator } from '../../../../shared/api/system';

export function readSetting<T>(db: Database.Database, key: string): T | undefined {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM setting WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value_json) as T) : undefined;
}

export function writeSetting(db: Database.Database, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(key, JSON.stringify(value));
}

export function readOperator(db: Database.Database): Operator | null {
  const parsed = operatorSchema.safeParse(readSetting(db, 'operator'));
  return parsed.success ? parsed.data : null;
}
