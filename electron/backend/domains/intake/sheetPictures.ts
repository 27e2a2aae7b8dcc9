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
