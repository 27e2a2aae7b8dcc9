/**
 * Struck-through text in an OpenDocument spreadsheet (.ods) is text the writer deleted (an old price, a withdrawn
 * product), left out as on the .xlsx path. SheetJS reads no styles, so before it reads the workbook the struck parts
 * are taken out of content.xml: a cell whose style strikes its text (its own table:style-name, else its row's or
 * column's default cell style) becomes an empty cell covering as many columns, and a struck text:span is removed.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const CONTENT = 'content.xml';
const STYLES = 'styles.xml';

/** The .ods bytes without struck text (the zip already checked by zipGuard), or the same bytes when nothing is struck. */
export function withoutStruckText(bytes: Uint8Array): Uint8Array {
  let xml: Record<string, Uint8Array>;
  try {
    xml = unzipSync(bytes, { filter: (file) => file.name === CONTENT || file.name === STYLES });
  } catch {
    return bytes; // SheetJS names the damage
  }
  if (!xml[CONTENT]) return bytes;
  const content = strFromU8(xml[CONTENT]);
  const struck = struckStyles(`${xml[STYLES] ? strFromU8(xml[STYLES]) : ''}${content}`);
  if (!struck.size) return bytes;
  const edited = withoutStruck(content, struck);
  if (edited === content) return bytes;
  // Pictures are stored, not compressed again: only the XML needs it.
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    entries[name] = name === CONTENT ? strToU8(edited) : [data, { level: name.endsWith('.xml') ? 6 : 0 }];
  return zipSync(entries);
}

const STYLE = /<style:style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/style:style>)/g;
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** The styles (`family/name`) that strike their text through, following each style's parents (a few levels). */
function struckStyles(xml: string): Set<string> {
  const own = new Map<string, { parent?: string; struck?: boolean }>();
  for (const [, attributes = '', inner = ''] of xml.matchAll(STYLE)) {
    const family = attribute(attributes, 'style:family');
    const name = attribute(attributes, 'style:name');
    if (!family || !name) continue;
    const text = /<style:text-properties\b([^>]*)>/.exec(inner)?.[1] ?? '';
    // LibreOffice writes the line's style, or (from an .xlsx) only its type.
    const line = attribute(text, 'style:text-line-through-style') ?? attribute(text, 'style:text-line-through-type');
    own.set(`${family}/${name}`, {
      parent: attribute(attributes, 'style:parent-style-name'),
      struck: line === undefined ? undefined : line !== 'none',
    });
  }
  const struck = new Set<string>();
  for (const key of own.keys()) {
    const family = key.slice(0, key.indexOf('/'));
    let style = own.get(key);
    for (let depth = 0; style && style.struck === undefined && style.parent && depth < 8; depth++)
      style = own.get(`${family}/${style.parent}`);
    if (style?.struck) struck.add(key);
  }
  return struck;
}

/** table:table, table:table-column, table:table-row, and whole cells (covered or not), in document order. */
const TABLE_PARTS =
  /<table:table(?=[\s>])[^>]*>|<table:table-column(?=[\s/>])[^>]*>|<table:table-row(?=[\s/>])[^>]*>|<table:(covered-table-cell|table-cell)(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/table:\1>)/g;
const MAX_COLUMN_ELEMENTS = 256;
const KEPT_CELL_ATTRIBUTES = /\btable:number-(?:columns-repeated|columns-spanned|rows-spanned)="\d+"/g;

const repeat = (attributes: string, name: string) => {
  const count = Number(attribute(attributes, name) ?? 1);
  return Number.isSafeInteger(count) && count > 0 ? count : 1;
};

/** content.xml with struck cells emptied and struck spans removed. */
function withoutStruck(xml: string, struck: Set<string>): string {
  let columns: { end: number; style?: string }[] = [];
  let rowStyle: string | undefined;
  let column = 0;
  const columnStyle = (at: number) => columns.find((c) => at < c.end)?.style;
  return xml.replace(TABLE_PARTS, (part, kind: string | undefined, attributes = '', inner: string | undefined) => {
    if (kind === undefined) {
      const tag = /^<([\w:-]+)/.exec(part)![1];
      if (tag === 'table:table') columns = [];
      // Writers group like columns; more column elements than a sheet is read across are not needed.
      if (tag === 'table:table-column' && columns.length < MAX_COLUMN_ELEMENTS)
        columns.push({
          end: (columns.at(-1)?.end ?? 0) + repeat(part, 'table:number-columns-repeated'),
          style: attribute(part, 'table:default-cell-style-name'),
        });
      if (tag === 'table:table-row') [rowStyle, column] = [attribute(part, 'table:default-cell-style-name'), 0];
      return part;
    }
    const at = column;
    column += repeat(attributes, 'table:number-columns-repeated');
    if (kind !== 'table-cell' || !inner) return part;
    const style = attribute(attributes, 'table:style-name') ?? rowStyle ?? columnStyle(at);
    if (style && struck.has(`table-cell/${style}`))
      return `<table:table-cell ${(attributes.match(KEPT_CELL_ATTRIBUTES) ?? []).join(' ')}/>`;
    return part.includes('<text:span') ? part.replace(inner, () => withoutStruckSpans(inner, struck)) : part;
  });
}

const INNERMOST_SPAN = /<text:span\b([^>]*)>((?:(?!<text:span\b)[\s\S])*?)<\/text:span>/g;

/** A cell's paragraphs without struck spans: innermost spans first, struck ones removed and others unwrapped. */
function withoutStruckSpans(inner: string, struck: Set<string>): string {
  let text = inner;
  for (let depth = 0; depth < 8 && text.includes('<text:span'); depth++)
    text = text.replace(INNERMOST_SPAN, (_, attributes: string, spanned: string) => {
      const style = attribute(attributes, 'text:style-name');
      return style && struck.has(`text/${style}`) ? '' : spanned;
    });
  return text;
}
