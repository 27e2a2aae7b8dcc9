/** Drafts of half-filled forms: local only (never synced), saved as the user types. */
import { defineHandlers } from '../../app/handlerTypes';

export const draftHandlers = defineHandlers({
  'drafts.get': ({ key }, ctx) => {
    const row = ctx.db.prepare<[string], { value_json: string; updated_at: string }>('SELECT value_json, updated_at FROM draft WHERE key = ?').get(key);
    return row ? { value: JSON.parse(row.value_json) as unknown, updatedAt: row.updated_at } : null;
  },
  'drafts.save': ({ key, value }, ctx) => {
    const updatedAt = ctx.now().toISOString();
    ctx.db
      .prepare('INSERT INTO draft (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(value ?? null), updatedAt);
    return { updatedAt };
  },
  'drafts.delete': ({ key }, ctx) => ({ deleted: ctx.db.prepare('DELETE FROM draft WHERE key = ?').run(key).changes > 0 }),
});
