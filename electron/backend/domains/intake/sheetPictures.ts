/**
 * Pictures that belong to a spreadsheet's rows: a picture WPS put IN a cell (the cell's formula
 * `=DISPIMG("ID_…",1)` names it; xl/cellimages.xml and its relationships hold it) and a floating
 * picture anchored over a row (xl/drawings, as Excel and WPS insert one). Each is that row's item's
 * photo, so the sheet reader hands them back with the row they stand in.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { elements, parseXml, type XmlNode } from './xmlTree';

export interface SheetPicture {
  /** The picture's file name inside the workbook ("image3.jpeg"). */
  name: string;
  bytes: Uint8Array;
}

/** Pictures a site can show as they are (not EMF/WMF drawings). */
const isPicture = (name: string) => /\.(png|jpe?g|gif|webp|bmp)$/i.test(name);

/** The picture id a WPS in-cell picture formula names: `_xlfn.DISPIMG("ID_1E08…",1)`. */
export function dispImgId(formula: string): string | undefined {
  return /DISPIMG\(\s*"([^"]+)"/i.exec(formula)?.[1];
}

const attr = (node: XmlNode | undefined, name: string) => node?.attribs?.[name] ?? '';
const first = (node: XmlNode, name: string) => elements(node, name)[0];

/** WPS's in-cell pictures by their id (ID_…), read from xl/cellimages.xml; empty when the workbook has none. */
export function wpsCellPictures(bytes: Uint8Array): Map<string, SheetPicture> {
  const parts = unzipSync(bytes, { filter: (file) => /^xl\/(_rels\/)?cellimages\.xml(\.rels)?$/.test(file.name) });
  const xml = parts['xl/cellimages.xml'];
  const rels = parts['xl/_rels/cellimages.xml.rels'];
  const pictures = new Map<string, SheetPicture>();
  if (!xml || !rels) return pictures;
  const files = unzipSync(bytes, { filter: (file) => file.name.startsWith('xl/media/') });
  const targets = new Map(
    elements(parseXml(strFromU8(rels)), 'Relationship').map((r) => [attr(r, 'Id'), path.posix.join('xl', attr(r, 'Target'))]),
  );
  for (const picture of elements(parseXml(strFromU8(xml)), 'xdr:pic')) {
    const id = attr(first(picture, 'xdr:cNvPr'), 'name');
    const target = targets.get(attr(first(picture, 'a:blip'), 'r:embed'));
    const data = target ? files[path.posix.normalize(target)] : undefined;
    if (id && target && data && isPicture(target)) pictures.set(id, { name: path.posix.basename(target), bytes: data });
  }
  return pictures;
}

/** Floating pictures by the (1-based) row their top-left corner is anchored in. */
export function anchoredPictures(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet): Map<number, SheetPicture[]> {
  const byRow = new Map<number, SheetPicture[]>();
  for (const image of worksheet.getImages()) {
    const medium = workbook.getImage(Number(image.imageId));
    const name = `image${image.imageId}.${medium.extension}`;
    const buffer = medium.buffer as unknown as Uint8Array | undefined;
    if (!buffer || !isPicture(name)) continue;
    const row = Math.floor(image.range.tl.nativeRow ?? image.range.tl.row) + 1;
    byRow.set(row, [...(byRow.get(row) ?? []), { name, bytes: new Uint8Array(buffer) }]);
  }
  return byRow;
}

const texts = (node: XmlNode | undefined, name: string) =>
  node ? elements(node, name).map((n) => (n.children ?? []).map((c) => c.data ?? '').join('')) : [];
const xmlOf = (files: Record<string, Uint8Array>, name: string) => (files[name] ? parseXml(strFromU8(files[name]!)) : undefined);

/** A part's relationships: rId → the target's path in the zip. */
function relsOf(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const rels = xmlOf(files, `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`);
  return new Map(
    (rels ? elements(rels, 'Relationship') : []).map((r) => [
      attr(r, 'Id'),
      path.posix.normalize(
        attr(r, 'Target').startsWith('/') ? attr(r, 'Target').slice(1) : path.posix.join(path.posix.dirname(part), attr(r, 'Target')),
      ),
    ]),
  );
}

/**
 * Excel's own pictures in cells (365's "Place in cell"): a cell with a value-metadata index (`vm="1"`) points through
 * xl/metadata.xml to a rich value (xl/richData/rdrichvalue.xml) whose local image identifier picks a relationship of
 * xl/richData/richValueRel.xml. By sheet name, then cell address ("B3").
 */
export function excelCellPictures(bytes: Uint8Array): Map<string, Map<string, SheetPicture>> {
  const bySheet = new Map<string, Map<string, SheetPicture>>();
  const rich = unzipSync(bytes, { filter: (file) => file.name === 'xl/metadata.xml' || file.name.startsWith('xl/richData/') });
  const metadata = xmlOf(rich, 'xl/metadata.xml');
  const richValues = xmlOf(rich, 'xl/richData/rdrichvalue.xml');
  const relList = xmlOf(rich, 'xl/richData/richValueRel.xml');
  if (!metadata || !richValues || !relList) return bySheet;
  const files = {
    ...rich,
    ...unzipSync(bytes, { filter: (file) => /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|worksheets\/)/.test(file.name) }),
  };
  // vm (1-based) → value metadata block → its rc's v → the future metadata block → its rich value index.
  const richIndex = elements(metadata, 'futureMetadata')
    .filter((f) => attr(f, 'name') === 'XLRICHVALUE')
    .flatMap((f) => elements(f, 'bk').map((bk) => Number(attr(elements(bk, 'xlrd:rvb')[0], 'i'))));
  const valueBlocks = elements(elements(metadata, 'valueMetadata')[0] ?? metadata, 'bk').map((bk) =>
    Number(attr(elements(bk, 'rc')[0], 'v')),
  );
  const structures = xmlOf(files, 'xl/richData/rdrichvaluestructure.xml');
  const imageKey = (structure: number) => {
    const keys = structures ? elements(elements(structures, 's')[structure] ?? structures, 'k').map((k) => attr(k, 'n')) : [];
    return Math.max(0, keys.indexOf('_rvRel:LocalImageIdentifier'));
  };
  const values = elements(richValues, 'rv').map((rv) => Number(texts(rv, 'v')[imageKey(Number(attr(rv, 's')))]));
  const relIds = elements(relList, 'rel').map((rel) => attr(rel, 'r:id'));
  const relTargets = relsOf(files, 'xl/richData/richValueRel.xml');
  const media = unzipSync(bytes, { filter: (file) => file.name.startsWith('xl/media/') });
  const pictureOf = (vm: number): SheetPicture | undefined => {
    const target = relTargets.get(relIds[values[richIndex[valueBlocks[vm - 1]!]!]!] ?? '');
    const data = target ? media[target] : undefined;
    return target && data && isPicture(target) ? { name: path.posix.basename(target), bytes: data } : undefined;
  };
  const workbook = xmlOf(files, 'xl/workbook.xml');
  const sheetParts = relsOf(files, 'xl/workbook.xml');
  for (const sheet of workbook ? elements(workbook, 'sheet') : []) {
    const part = xmlOf(files, sheetParts.get(attr(sheet, 'r:id')) ?? '');
    const cells = new Map<string, SheetPicture>();
    for (const cell of part ? elements(part, 'c') : []) {
      const picture = attr(cell, 'vm') ? pictureOf(Number(attr(cell, 'vm'))) : undefined;
      if (picture) cells.set(attr(cell, 'r'), picture);
    }
    if (cells.size) bySheet.set(attr(sheet, 'name'), cells);
  }
  return bySheet;
}
