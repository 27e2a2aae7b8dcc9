/**
 * Drafts survive a newer saved site (a save elsewhere, a reload after `site.stale`): a field the
 * draft did not change takes the newer saved value, a field it changed keeps what was typed.
 */
import type { Item, SiteContent } from '../../../../../shared/sites/model';
import type { Drafts } from './drafts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Three-way merge of one object's top-level fields; undefined when nothing of the draft is left. */
export function rebaseObject<T extends object>(draft: T, before: T, after: T): T | undefined {
  const merged = { ...draft } as Record<string, unknown>;
  const keys = new Set([...Object.keys(draft), ...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const d = (draft as Record<string, unknown>)[key];
    if (same(d, (before as Record<string, unknown>)[key])) {
      const a = (after as Record<string, unknown>)[key];
      if (a === undefined) delete merged[key];
      else merged[key] = a;
    }
  }
  return same(merged, after) ? undefined : (merged as T);
}

const itemsOf = (content: SiteContent) => new Map(content.columns.flatMap((c) => c.items.map((i) => [i.id, i] as const)));

export function rebaseDrafts(drafts: Drafts, before: SiteContent, after: SiteContent): Drafts {
  const beforeItems = itemsOf(before);
  const afterItems = itemsOf(after);
  const items: Record<string, Item> = {};
  for (const [id, draft] of Object.entries(drafts.items)) {
    const old = beforeItems.get(id);
    const now = afterItems.get(id);
    const merged = old && now && old.kind === now.kind && draft.kind === now.kind ? rebaseObject(draft, old, now) : draft;
    if (merged) items[id] = merged;
  }
  const columnBodies: Drafts['columnBodies'] = {};
  for (const [id, body] of Object.entries(drafts.columnBodies)) {
    const now = after.columns.find((c) => c.id === id)?.body;
    if (!same(body, now)) columnBodies[id] = body;
  }
  const profile = drafts.profile && rebaseObject(drafts.profile, before.profile, after.profile);
  const sms = drafts.sms && rebaseObject(drafts.sms, before.sms, after.sms);
  // An item being added stays a draft while its column is there.
  const newItem = drafts.newItem && after.columns.some((c) => c.id === drafts.newItem!.columnId) ? drafts.newItem : undefined;
  return { items, columnBodies, ...(profile ? { profile } : {}), ...(sms ? { sms } : {}), ...(newItem ? { newItem } : {}) };
}
