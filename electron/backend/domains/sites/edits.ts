/**
 * The editor's changes as pure functions on a copy of the content: columns, items, the unsorted
 * tray. Whatever leaves a column without being deleted on purpose goes to the tray, so nothing the
 * customer handed over is lost by a wrong drag.
 */
import type { SiteParts } from '../../../../shared/api/siteDelta';
import type { ItemInput, TrayTarget } from '../../../../shared/api/sites';
import {
  formatPrice,
  ITEM_KIND_OF_COLUMN,
  itemTitle,
  paragraph,
  plainText,
  type Block,
  type Column,
  type ColumnType,
  type ImageRef,
  type Item,
  type SiteContent,
  type UnsortedEntry,
} from '../../../../shared/sites/model';
import { AppError } from '../../app/errors';
import { ALL_CHANNELS } from '../intake/structure';

export function findColumn(content: SiteContent, columnId: string): Column {
  const column = content.columns.find((c) => c.id === columnId);
  if (!column)
    throw new AppError('site.column_not_found', `No column ${columnId} in this site.`, { field: 'columnId', details: { columnId } });
  return column;
}

export function findItem(content: SiteContent, itemId: string): { column: Column; index: number; item: Item } {
  for (const column of content.columns) {
    const index = column.items.findIndex((i) => i.id === itemId);
    if (index >= 0) return { column, index, item: column.items[index]! };
  }
  throw new AppError('site.item_not_found', `No item ${itemId} in this site.`, { field: 'itemId', details: { itemId } });
}

export function findTrayEntry(content: SiteContent, entryId: string): { index: number; entry: UnsortedEntry } {
  const index = content.unsorted.findIndex((e) => e.id === entryId);
  if (index < 0)
    throw new AppError('site.tray_entry_not_found', `No entry ${entryId} in the unsorted tray.`, {
      field: 'entryId',
      details: { entryId },
    });
  return { index, entry: content.unsorted[index]! };
}

const nextOrder = (content: SiteContent) => Math.max(0, ...content.columns.map((c) => c.order)) + 10;

export function addColumn(
  content: SiteContent,
  column: { id: string; type: ColumnType; title: string; channels?: Column['channels']; body?: Block[] },
): Column {
  const created: Column = {
    id: column.id,
    type: column.type,
    title: column.title,
    order: nextOrder(content),
    channels: column.channels ?? { ...ALL_CHANNELS },
    body: column.body ?? [],
    items: [],
  };
  content.columns.push(created);
  return created;
}

export function reorderColumns(content: SiteContent, columnIds: string[]): void {
  const known = new Set(content.columns.map((c) => c.id));
  if (columnIds.length !== known.size || columnIds.some((id) => !known.delete(id)))
    throw new AppError('site.reorder_mismatch', 'The new order must list every column of the site exactly once.', { field: 'columnIds' });
  columnIds.forEach((id, i) => (findColumn(content, id).order = (i + 1) * 10));
}

function requireKind(column: Column, item: { kind: Item['kind'] }): void {
  const expected = ITEM_KIND_OF_COLUMN[column.type];
  if (item.kind !== expected)
    throw new AppError('site.item_kind_mismatch', `A ${column.type} column holds ${expected} items, not ${item.kind}.`, {
      field: 'item.kind',
      details: { expected, got: item.kind },
    });
}

export function addItem(content: SiteContent, columnId: string, input: ItemInput, newId: () => string, index?: number): Item {
  const column = findColumn(content, columnId);
  const item = { ...input, id: input.id ?? newId() } as Item;
  requireKind(column, item);
  column.items.splice(index ?? column.items.length, 0, item);
  return item;
}

export function updateItem(content: SiteContent, itemId: string, input: ItemInput): Item {
  const { column, index } = findItem(content, itemId);
  const item = { ...input, id: itemId } as Item;
  requireKind(column, item);
  column.items[index] = item;
  return item;
}

export function reorderItems(content: SiteContent, columnId: string, itemIds: string[]): void {
  const column = findColumn(content, columnId);
  const byId = new Map(column.items.map((i) => [i.id, i]));
  if (itemIds.length !== byId.size || itemIds.some((id) => !byId.has(id)))
    throw new AppError('site.reorder_mismatch', 'The new order must list every item of the column exactly once.', { field: 'itemIds' });
  column.items = itemIds.map((id) => byId.get(id)!);
}

export function moveItem(content: SiteContent, itemId: string, columnId: string, index?: number): void {
  const { column: from, index: at, item } = findItem(content, itemId);
  const to = findColumn(content, columnId);
  requireKind(to, item);
  from.items.splice(at, 1);
  to.items.splice(Math.min(index ?? to.items.length, to.items.length), 0, item);
}

/* ---------- the unsorted tray ---------- */

/** An item written out as text, for the tray: its title as a heading, its fields as lines, its text. */
export function itemAsBlocks(item: Item): Block[] {
  const heading: Block = { type: 'heading', level: 2, runs: [{ text: itemTitle(item) }] };
  switch (item.kind) {
    case 'product':
      return [
        heading,
        ...(item.spec ? [paragraph(`规格：${item.spec}`)] : []),
        ...(item.price ? [paragraph(`价格：${formatPrice(item.price)}`)] : []),
        ...item.description,
      ];
    case 'article':
      return [heading, ...(item.date ? [paragraph(item.date)] : []), ...item.body];
    case 'job':
      return [heading, ...item.requirements, ...(item.pay ? [paragraph(`待遇：${item.pay}`)] : [])];
    case 'post':
      return [
        { type: 'heading', level: 2, runs: [{ text: `【${item.postKind === 'demand' ? '求购' : '供应'}】${item.title}` }] },
        ...item.text,
      ];
    case 'staff':
      return [heading, paragraph([item.title, item.mobile, item.shortNumber, item.email].filter(Boolean).join(' '))];
  }
}

const itemImages = (item: Item): ImageRef[] =>
  item.kind === 'product' || item.kind === 'article' ? item.images : item.kind === 'staff' && item.photo ? [item.photo] : [];

export function trayEntry(id: string, source: string, blocks: Block[], images: ImageRef[], note: string): UnsortedEntry {
  return { id, source: source.slice(0, 255), blocks, images, note: note.slice(0, 200) };
}

export const itemToTray = (item: Item, id: string, source: string, note: string) =>
  trayEntry(id, source, itemAsBlocks(item), itemImages(item), note);

/** Removes a column; its text and items go to the tray unless discarded. */
export function removeColumn(content: SiteContent, columnId: string, discard: boolean, newId: () => string): Column {
  const column = findColumn(content, columnId);
  content.columns = content.columns.filter((c) => c.id !== columnId);
  if (!discard) {
    const note = `From the removed column "${column.title}".`;
    if (column.body.length) content.unsorted.push(trayEntry(newId(), column.title, column.body, [], note));
    for (const item of column.items) content.unsorted.push(itemToTray(item, newId(), column.title, note));
  }
  return column;
}

export function removeItem(content: SiteContent, itemId: string, toTray: boolean, newId: () => string): Item {
  const { column, index, item } = findItem(content, itemId);
  column.items.splice(index, 1);
  if (toTray) content.unsorted.push(itemToTray(item, newId(), column.title, `Removed from "${column.title}".`));
  return item;
}

/** Splits an entry's first line off as a title: "明前龙井 …" → title + the rest of the blocks. */
function titleAndRest(entry: UnsortedEntry, title: string | undefined): { title: string; rest: Block[] } {
  if (title) return { title, rest: entry.blocks };
  const [first, ...rest] = entry.blocks;
  const firstText = first && (first.type === 'heading' || first.type === 'paragraph') ? plainText([first]).trim() : '';
  if (firstText && firstText.length <= 100) return { title: firstText, rest };
  return {
    title: (plainText(entry.blocks).split('\n')[0] ?? '').slice(0, 30) || entry.source.slice(0, 30) || '未命名',
    rest: entry.blocks,
  };
}

function itemFromEntry(type: ColumnType, entry: UnsortedEntry, title: string | undefined, id: string): Item {
  const { title: name, rest } = titleAndRest(entry, title);
  const images = [...entry.images, ...rest.flatMap((b) => (b.type === 'image' ? [b.image] : []))];
  const text = rest.filter((b) => b.type !== 'image');
  switch (ITEM_KIND_OF_COLUMN[type]) {
    case 'product':
      return { kind: 'product', id, name, description: text, images };
    case 'job':
      return { kind: 'job', id, title: name, requirements: text, pay: '' };
    case 'post':
      return {
        kind: 'post',
        id,
        postKind: /求购/.test(name) ? 'demand' : 'supply',
        title: name.replace(/^[【[](求购|供应)[】\]]/, '') || name,
        text,
      };
    case 'staff':
      return { kind: 'staff', id, name: name.slice(0, 50), title: '', mobile: '', ...(images[0] ? { photo: images[0] } : {}) };
    default:
      return { kind: 'article', id, title: name, body: text, images };
  }
}

const imageBlocks = (images: ImageRef[]): Block[] => images.map((image) => ({ type: 'image', image }));

/** Places a tray entry; returns what it changed besides the tray, and a description for the audit trail. */
export function moveFromTray(
  content: SiteContent,
  entryId: string,
  target: TrayTarget,
  newId: () => string,
): { changed: Exclude<SiteParts, 'everything'>; detail: Record<string, unknown> } {
  const { index, entry } = findTrayEntry(content, entryId);
  const allImages = [...entry.images, ...entry.blocks.flatMap((b) => (b.type === 'image' ? [b.image] : []))];
  const textBlocks = entry.blocks.filter((b) => b.type !== 'image');
  const remove = () => content.unsorted.splice(index, 1);
  if (target.kind === 'newColumn') {
    const column = addColumn(content, {
      id: newId(),
      type: target.type,
      title: target.title,
      body: [...entry.blocks, ...imageBlocks(entry.images)],
    });
    remove();
    return { changed: { columnIds: true, columns: [column.id] }, detail: { entryId, columnId: column.id } };
  }
  if (target.kind === 'columnBody') {
    findColumn(content, target.columnId).body.push(...entry.blocks, ...imageBlocks(entry.images));
    remove();
    return { changed: { columns: [target.columnId] }, detail: { entryId, columnId: target.columnId } };
  }
  if (target.kind === 'newItem') {
    const column = findColumn(content, target.columnId);
    const item = itemFromEntry(column.type, entry, target.title, newId());
    column.items.push(item);
    remove();
    return { changed: { columns: [column.id], items: [item.id] }, detail: { entryId, columnId: column.id, itemId: item.id } };
  }
  if (allImages.length === 0)
    throw new AppError('site.tray_entry_has_no_image', 'This tray entry has no picture to place.', { field: 'entryId' });
  if (target.kind === 'logo') content.profile.logo = allImages[0]!;
  else {
    const { item } = findItem(content, target.itemId);
    if (item.kind === 'product' || item.kind === 'article')
      item.images.push(...allImages.map((i) => ({ ...i, alt: i.alt || itemTitle(item) })));
    else if (item.kind === 'staff') item.photo = allImages[0]!;
    else throw new AppError('site.item_has_no_images', `A ${item.kind} shows no pictures.`, { field: 'target.itemId' });
  }
  // Pictures placed: the entry keeps its text, if any.
  if (textBlocks.length) content.unsorted[index] = { ...entry, blocks: textBlocks, images: [] };
  else remove();
  const changed = target.kind === 'logo' ? { profile: true } : { items: [target.itemId] };
  return { changed, detail: { entryId, target: target.kind, ...(target.kind === 'itemImages' ? { itemId: target.itemId } : {}) } };
}
