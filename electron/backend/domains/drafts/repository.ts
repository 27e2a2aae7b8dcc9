/** Drafts of half-filled forms (key → JSON): local only, never synced, saved as the user types. */
import type { ReadableDB, WritableDB } from '../../infra/db/handles';

export function getDraft(db: ReadableDB, key: string): { value: unknown; updatedAt: string } | null {
  const row = db
    .prepare<[string], { value_json: string; updated_at: string }>('SELECT value_json, updated_at FROM draft WHERE key = ?')
    .get(key);
  return row ? { value: JSON.parse(row.value_json) as unknown, updatedAt: row.updated_at } : null;
}

export function saveDraft(db: WritableDB, key: string, value: unknown, now: Date): { updatedAt: string } {
  const updatedAt = now.toISOString();
  db.prepare(
    'INSERT INTO draft (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
  ).run(key, JSON.stringify(value ?? null), updatedAt);
  return { updatedAt };
}

export const deleteDraft = (db: WritableDB, key: string): { deleted: boolean } => ({
  deleted: db.prepare('DELETE FROM draft WHERE key = ?').run(key).changes > 0,
});
