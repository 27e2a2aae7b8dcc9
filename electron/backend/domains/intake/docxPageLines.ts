/**
 * The text of a Word document's page headers and footers, which mammoth does not read: people put
 * the enterprise's name, address and numbers there ("地址：…　手机：…（刘院长）") and nowhere else.
 * Each paragraph is one line, as the final text reads: text a tracked change deleted (w:delText) or struck through
 * and field codes (w:instrText, the page number's PAGE) are not text; a text box counts once. A header repeated on several
 * sections (or first/other pages) gives its line once.
 */
import { strFromU8, unzipSync } from 'fflate';
import { elements, parseXml, type XmlNode } from './xmlTree';

const PAGE_PART = /^word\/(header|footer)\d*\.xml$/;
/** Headers and footers are small; a part past this is not read. */
const MAX_PART_BYTES = 1024 * 1024;

/** A run struck through once or twice (w:strike, w:dstrike not turned off): text the writer deleted. */
function isStruck(run: XmlNode): boolean {
  const properties = (run.children ?? []).find((child) => child.name === 'w:rPr');
  return (properties?.children ?? []).some(
    (child) => (child.name === 'w:strike' || child.name === 'w:dstrike') && !/^(?:false|0|off)$/.test(child.attribs?.['w:val'] ?? ''),
  );
}

function textOf(node: XmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name === 'w:r' && isStruck(node)) return '';
  if (node.name === 'w:tab') return '\t';
  // A text box is written twice, as DrawingML and as its VML fallback: read once.
  if (node.name === 'w:delText' || node.name === 'w:instrText' || node.name === 'w:del' || node.name === 'mc:Fallback') return '';
  return (node.children ?? []).map(textOf).join('');
}

/** The lines of the headers, then of the footers, in part order; empty lines left out. */
export function docxPageLines(bytes: Uint8Array): string[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (file) => PAGE_PART.test(file.name) && file.originalSize <= MAX_PART_BYTES });
  } catch {
    return [];
  }
  const names = Object.keys(parts).sort((a, b) => {
    const kind = (name: string) => (name.includes('header') ? 0 : 1);
    return kind(a) - kind(b) || a.localeCompare(b, 'en', { numeric: true });
  });
  const lines = names.flatMap((name) =>
    elements(parseXml(strFromU8(parts[name]!)), 'w:p').map((p) => textOf(p).replace(/\s+$/, '').trim()),
  );
  return [...new Set(lines.filter(Boolean))];
}
