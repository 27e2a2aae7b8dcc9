/** The content the previews show: the saved site with the unsaved drafts laid over it. */
import type { SiteContent } from '../../../../../shared/sites/model';
import type { Drafts } from './drafts';

export function withDrafts(content: SiteContent, drafts: Drafts): SiteContent {
  const noDrafts =
    !drafts.profile &&
    !drafts.sms &&
    !drafts.newItem &&
    Object.keys(drafts.items).length === 0 &&
    Object.keys(drafts.columnBodies).length === 0;
  if (noDrafts) return content;
  return {
    ...content,
    profile: drafts.profile ?? content.profile,
    sms: drafts.sms ?? content.sms,
    columns: content.columns.map((column) => ({
      ...column,
      body: drafts.columnBodies[column.id] ?? column.body,
      items: [
        ...column.items.map((item) => drafts.items[item.id] ?? item),
        ...(drafts.newItem?.columnId === column.id ? [drafts.newItem.item] : []),
      ],
    })),
  };
}

/** Every picture the compiled site shows (the unsorted tray is never compiled). */
export function imagesOf(content: SiteContent): string[] {
  const found = new Set<string>();
  JSON.stringify({ ...content, unsorted: [] }, (key, value: unknown) => {
    if (key === 'sha256' && typeof value === 'string') found.add(value);
    return value;
  });
  return [...found].sort();
}
