/** Structure a note's text as the importer does a `.txt` of that name (the unit tests of the intake rounds). */
import { fileNameColumn } from '../../electron/backend/domains/intake/keywords';
import { linesToBlocks, textLines } from '../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../electron/backend/domains/intake/structure';
import type { Column, ColumnType, Item } from '../../shared/sites/model';

/** The day the round's material was written; dates without a year are read against it. */
export const TODAY = '2026-12-05';

let counter = 0;
export const env = { newId: () => `id-${++counter}` };

export const structuredText = (text: string, file: string) =>
  structureDocument(linesToBlocks(textLines(text)), file, env, { today: TODAY, fileColumn: fileNameColumn(file) });

export const itemTitles = (column: Column | undefined) =>
  column?.items.map((i) => (i.kind === 'product' ? i.name : i.kind === 'job' || i.kind === 'post' || i.kind === 'article' ? i.title : ''));

/** A column of `type` holding `items`, shown in every channel (for matching photos against a site's items). */
export const listColumn = (type: ColumnType, items: Item[]): Column => ({
  id: type,
  type,
  title: type,
  order: 0,
  channels: { web: true, wap2: true, wap1: true, sms: true },
  body: [],
  items,
});

/** A product with only its name. */
export const namedProduct = (name: string, id: string): Item => ({ kind: 'product', id, name, description: [], images: [] });
