/**
 * Word text boxes mammoth does not see. mammoth reads a text box from the VML fallback Word 2010+
 * writes beside its DrawingML (mc:AlternateContent → mc:Fallback → w:pict); a text box written
 * only as DrawingML — an mc:Choice without a Fallback (WPS, newer writers) or a bare w:drawing
 * anchor — is skipped. Before mammoth reads the document, such a text box's w:txbxContent is given
 * the shape mammoth reads (a w:pict beside the drawing), so its paragraphs come in document order,
 * once: a text box that has its Fallback is left as it is.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const DOCUMENT = 'word/document.xml';
/** A text box with the shop's address or phone is its contact, not a tile. */
const CONTACT_LABEL = /(?:地址|电话|手机)\s*[：:]/;

/** The index just after the element opened at `start`, counting nested elements of the same name. */
function elementEnd(xml: string, start: number, name: string): number {
  const tag = new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'g');
  tag.lastIndex = start;
  let depth = 0;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (match[2]) {
      if (depth === 0) return tag.lastIndex;
      continue;
    }
    depth += match[1] ? -1 : 1;
    if (depth === 0) return tag.lastIndex;
  }
  return xml.length;
}

/** The outermost elements called `name` in `xml`, as [start, end) ranges. */
function outermost(xml: string, name: string): [number, number][] {
  const ranges: [number, number][] = [];
  const open = new RegExp(`<${name}\\b`, 'g');
  for (let match = open.exec(xml); match; match = open.exec(xml)) {
    const end = elementEnd(xml, match.index, name);
    ranges.push([match.index, end]);
    open.lastIndex = end;
  }
  return ranges;
}

/** The text boxes' contents inside `xml`, as mammoth reads a VML text box. */
function asPict(xml: string): string {
  const contents = outermost(xml, 'w:txbxContent').map(([start, end]) => xml.slice(start, end));
  return contents.length ? `<w:pict>${contents.join('')}</w:pict>` : '';
}

/** The outermost elements of `xml` holding a text box, as [start, end) ranges: alternate content, else a bare drawing or picture. */
function textBoxShapes(xml: string): [number, number][] {
  const shapes: [number, number][] = [];
  let from = 0;
  const bare = (to: number) => {
    for (const name of ['w:drawing', 'w:pict'])
      for (const [start, end] of outermost(xml.slice(from, to), name))
        if (xml.slice(from + start, from + end).includes('txbxContent')) shapes.push([from + start, from + end]);
  };
  for (const [start, end] of outermost(xml, 'mc:AlternateContent')) {
    bare(start);
    if (xml.slice(start, end).includes('txbxContent')) shapes.push([start, end]);
    from = end;
  }
  bare(xml.length);
  return shapes.sort((a, b) => a[0] - b[0]);
}

/** The paragraphs of a shape's first text box (a shape with a VML fallback holds the same box twice). */
function boxParagraphs(shape: string): string {
  const [range] = outermost(shape, 'w:txbxContent');
  if (!range) return '';
  const box = shape.slice(range[0], range[1]);
  return box.slice(box.indexOf('>') + 1, box.lastIndexOf('</w:txbxContent>'));
}

/**
 * Text boxes anchored side by side in one paragraph (a flyer's product tiles, two or three a row) are a
 * grid of cards, as a layout table's cells would be: each box one cell of a row after that paragraph, so
 * each tile is read as one thing instead of its lines running together.
 */
export function withTextBoxRowsAsTables(xml: string): string {
  if (!xml.includes('txbxContent')) return xml;
  let out = '';
  let at = 0;
  for (const [start, end] of outermost(xml, 'w:p')) {
    const paragraph = xml.slice(start, end);
    if (!paragraph.includes('txbxContent')) continue;
    // A box with a picture (a grouped shape) or the contact lines stays where it is, read as its lines.
    const shapes = textBoxShapes(paragraph).filter(([from, to]) => {
      const shape = paragraph.slice(from, to);
      return !shape.includes('<a:blip') && !CONTACT_LABEL.test(shape.replace(/<[^>]+>/g, ''));
    });
    const cells = shapes.map(([from, to]) => boxParagraphs(paragraph.slice(from, to))).filter((cell) => cell.includes('<w:p'));
    if (cells.length < 2) continue;
    let kept = '';
    let from = 0;
    for (const [shapeStart, shapeEnd] of shapes) {
      kept += paragraph.slice(from, shapeStart);
      from = shapeEnd;
    }
    kept += paragraph.slice(from);
    // An ideographic space ends each of a box's lines but the last, so its name, facts and price stay apart as typed cells do.
    const lines = (cell: string) => cell.replace(/<\/w:p>(?=[\s\S]*<\/w:p>)/g, '<w:r><w:t xml:space="preserve">\u3000</w:t></w:r></w:p>');
    const row = cells.map((cell) => `<w:tc>${lines(cell)}</w:tc>`).join('');
    out += `${xml.slice(at, start)}${kept}<w:tbl><w:tblPr/><w:tr>${row}</w:tr></w:tbl>`;
    at = end;
  }
  return out + xml.slice(at);
}

/** Adds a readable copy of every text box that has no VML fallback; the XML unchanged when there is none. */
export function withReadableTextBoxes(xml: string): string {
  if (!xml.includes('txbxContent')) return xml;
  let out = '';
  let at = 0;
  // Outside alternate content: a bare drawing with a text box gets a w:pict after it.
  const bareDrawings = (part: string) => {
    let result = '';
    let from = 0;
    for (const [start, end] of outermost(part, 'w:drawing')) {
      result += part.slice(from, end) + asPict(part.slice(start, end));
      from = end;
    }
    return result + part.slice(from);
  };
  for (const [start, end] of outermost(xml, 'mc:AlternateContent')) {
    out += bareDrawings(xml.slice(at, start));
    const alternate = xml.slice(start, end);
    const close = alternate.lastIndexOf('</mc:AlternateContent>');
    out +=
      alternate.includes('<mc:Fallback') || close < 0
        ? alternate
        : `${alternate.slice(0, close)}<mc:Fallback>${asPict(alternate)}</mc:Fallback>${alternate.slice(close)}`;
    at = end;
  }
  return out + bareDrawings(xml.slice(at));
}

/**
 * Word's double strikethrough (w:dstrike), which mammoth does not read, as a single one (w:strike): both
 * mark text the writer deleted, which the intake allowlist then drops (sanitize.ts).
 */
export function withDoubleStrikeAsStrike(xml: string): string {
  return xml.replace(/<w:dstrike(?![^>]*w:val="(?:false|0|off)")[^>]*\/>/g, '<w:strike/>');
}

/** The .docx with its text boxes made readable (and double strikethrough read), or the same bytes when nothing needed it. */
export function docxWithReadableTextBoxes(bytes: Uint8Array): Uint8Array {
  const document = unzipSync(bytes, { filter: (file) => file.name === DOCUMENT })[DOCUMENT];
  if (!document) return bytes;
  const xml = strFromU8(document);
  const readable = withDoubleStrikeAsStrike(withReadableTextBoxes(withTextBoxRowsAsTables(xml)));
  if (readable === xml) return bytes;
  const files = unzipSync(bytes);
  // Pictures are stored, not compressed again: only the XML needs it.
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files))
    entries[name] = name === DOCUMENT ? strToU8(readable) : [data, { level: /\.(xml|rels)$/i.test(name) ? 6 : 0 }];
  return zipSync(entries);
}
