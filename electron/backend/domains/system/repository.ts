/** Local settings (key → JSON), such as the operator profile used in audit trails. */
import { operatorSchema, type Operator } from '../../../../shared/api/system';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';

function readSetting(db: ReadableDB, key: string): unknown {
  const row = db.prepare<[string], { value_json: string }>('SELECT value_json FROM setting WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value_json) as unknown) : undefined;
}

function writeSetting(db: WritableDB, key: string, value: unknown): void {
  db.prepare('INSERT INTO setting (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json').run(
    key,
    JSON.stringify(value),
  );
}

export function readOperator(db: ReadableDB): Operator | null {
  const parsed = operatorSchema.safeParse(readSetting(db, 'operator'));
  return parsed.success ? parsed.data : null;
}

export function saveOperator(db: WritableDB, operator: Operator): Operator {
  writeSetting(db, 'operator', operator);
  return operator;
}
