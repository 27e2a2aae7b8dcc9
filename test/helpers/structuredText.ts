/** Structure a note's text as the importer does a `.txt` of that name (the unit tests of the intake rounds). */
import { fileNameColumn } from '../../electron/backend/domains/intake/keywords';
import { linesToBlocks, textLines } from '../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../electron/backend/domains/intake/structure';
import type { Column } from '../../shared/sites/model';

/** The day the round's material was written; dates without a year are read against it. */
export const TODAY = '2026-12-05';

let counter = 0;
export const env = { newId: () => `id-${++counter}` };

export const structuredText = (text: string, file: string) =>
  structureDocument(linesToBlocks(textLines(text)), file, env, { today: TODAY, fileColumn: fileNameColumn(file) });

export const itemTitles = (column: Column | undefined) =>
  column?.items.map((i) => (i.kind === 'product' ? i.name : i.kind === 'job' || i.kind === 'post' || i.kind === 'article' ? i.title : ''));
