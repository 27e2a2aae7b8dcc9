/**
 * An Excel range pasted into Word or PowerPoint as a worksheet object (粘贴 → Microsoft Excel 工作表 对象): the
 * document keeps the whole workbook (`word/embeddings/….xlsx`, or an old `.bin` holding a BIFF `Workbook`) and
 * only a preview picture of it. The workbook is the material — read as the sheet it is, where the object
 * stands — and the preview is no photo (read by OCR it would lose the columns, such as the unit).
 */
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { SourceBlock } from './htmlToBlocks';
import { sniffOffice } from './officeSniff';
import { elements, parseXml } from './xmlTree';

/** Reads an embedded workbook's bytes into blocks (undefined when it cannot be read: the preview stays). */
export type ReadWorkbook = (bytes: Uint8Array, name: string) => Promise<SourceBlock[] | undefined>;

export interface EmbeddedWorkbook {
  /** The part's name in the package (`word/embeddings/Microsoft_Excel_Worksheet.xlsx`). */
  part: string;
  bytes: Uint8Array;
}

/** Whether embedded bytes are a workbook (an .xlsx package, or an OLE file with a Workbook stream). */
const isWorkbook = (bytes: Uint8Array) => {
  const format = sniffOffice(bytes);
  return format === 'xlsx' || format === 'xls';
};

/** A part's relationships: id → the part it leads to. */
export function relationTargets(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const rels = files[`${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`];
  if (!rels) return new Map();
  return new Map(
    elements(parseXml(strFromU8(rels)), 'Relationship')
      .filter((r) => r.attribs?.TargetMode !== 'External')
      .map((r) => [r.attribs?.Id ?? '', path.posix.normalize(path.posix.join(path.posix.dirname(part), r.attribs?.Target ?? ''))]),
  );
}

/** The workbook an OLE object's relationship id leads to, when the package holds one. */
export function workbookOf(files: Record<string, Uint8Array>, targets: Map<string, string>, id: string): EmbeddedWorkbook | undefined {
  const part = targets.get(id);
  const bytes = part ? files[part] : undefined;
  return part && bytes && isWorkbook(bytes) ? { part, bytes } : undefined;
}

const DOCUMENT = 'word/document.xml';
/** A Word OLE object: the VML preview and the `o:OLEObject` naming the embedded part. */
const WORD_OBJECT = /<w:object\b[^>]*>[\s\S]*?<\/w:object>/g;
const OLE_ID = /<o:OLEObject\b[^>]*\br:id="([^"]+)"/;

/** The text that stands for the `n`th workbook in the converted document until its blocks replace it. */
export const workbookMarker = (n: number) => `〔ECW embedded workbook ${n}〕`;

/** Whether the offset lies inside a table cell (an object in a cell stays a picture: a cell holds no table). */
const inTableCell = (xml: string, at: number) => {
  const before = xml.slice(0, at);
  return (before.match(/<w:tc\b/g) ?? []).length > (before.match(/<\/w:tc>/g) ?? []).length;
};

/**
 * A .docx's embedded workbooks, each read by `read`; the document comes back with each object read replaced by
 * its marker's text (so its preview picture is not converted), and the blocks to put where each marker stands.
 */
export async function docxWorkbooks(
  bytes: Uint8Array,
  read: ReadWorkbook,
): Promise<{ bytes: Uint8Array; sheets: Map<string, SourceBlock[]> }> {
  const sheets = new Map<string, SourceBlock[]>();
  const names = new Set<string>();
  unzipSync(bytes, { filter: (file) => (names.add(file.name), false) });
  if (![...names].some((name) => name.startsWith('word/embeddings/'))) return { bytes, sheets };
  const files = unzipSync(bytes);
  const xml = strFromU8(files[DOCUMENT] ?? new Uint8Array());
  const targets = relationTargets(files, DOCUMENT);
  const replacements: { start: number; end: number; marker: string }[] = [];
  for (const object of xml.matchAll(WORD_OBJECT)) {
    const id = OLE_ID.exec(object[0])?.[1];
    const workbook = id ? workbookOf(files, targets, id) : undefined;
    if (!workbook || inTableCell(xml, object.index)) continue;
    const blocks = await read(workbook.bytes, path.posix.basename(workbook.part));
    if (!blocks?.length) continue;
    const marker = workbookMarker(sheets.size + 1);
    sheets.set(marker, blocks);
    replacements.push({ start: object.index, end: object.index + object[0].length, marker });
  }
  if (replacements.length === 0) return { bytes, sheets };
  let marked = xml;
  for (const { start, end, marker } of replacements.reverse()) marked = `${marked.slice(0, start)}<w:t>${marker}</w:t>${marked.slice(end)}`;
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files))
    entries[name] = name === DOCUMENT ? strToU8(marked) : [data, { level: /\.(xml|rels)$/i.test(name) ? 6 : 0 }];
  return { bytes: zipSync(entries), sheets };
}

/** The blocks with each marker's paragraph (or heading, when centred text was taken for one) replaced by its sheet's blocks. */
export function withWorkbookBlocks(blocks: SourceBlock[], sheets: Map<string, SourceBlock[]>): SourceBlock[] {
  if (sheets.size === 0) return blocks;
  return blocks.flatMap((block) => {
    if (block.type !== 'paragraph' && block.type !== 'heading') return [block];
    const text = block.runs.map((run) => run.text).join('');
    const marker = [...sheets.keys()].find((m) => text.includes(m));
    if (!marker) return [block];
    const rest = text.replace(marker, '').trim();
    return [...(rest ? [{ ...block, runs: [{ text: rest }] }] : []), ...sheets.get(marker)!];
  });
}
