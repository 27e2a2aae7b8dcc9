/**
 * OpenDocument text (.odt) and presentations (.odp), as LibreOffice and WPS save them: a zip whose
 * content.xml holds the text. It is written out as the HTML our other readers give — text:h as a heading of its outline
 * level, text:p as a paragraph (bold or italic by its automatic style), text:list as a list,
 * table:table as a table, draw:image as an embedded picture (Pictures/…) — and read like a web page,
 * so bold short paragraphs become headings by look as in a Word page. Text boxes (draw:text-box)
 * are read where they are anchored. Pictures on the master pages (styles.xml: a logo in a letter's
 * header, a photo on a presentation's master) are handed back as files of their own
 * ("简介.odt/母版/logo.png"), to be offered like photos.
 */
import { strFromU8, unzipSync } from 'fflate';
import { ASSET_SCHEME } from './sanitize';
import { checkZip, ZipProblem } from './zipGuard';
import { elements, parseXml as parse, type XmlNode } from './xmlTree';

export class OpenDocumentProblem extends Error {
  constructor(
    readonly code: 'odf.unreadable' | 'odf.too_large',
    message: string,
  ) {
    super(message);
  }
}

interface Look {
  bold?: boolean;
  italic?: boolean;
  /** Struck through: text the writer deleted (the allowlist drops its <s>). */
  struck?: boolean;
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bold, italic and strikethrough of the automatic styles (P1, T1 …) LibreOffice writes for direct formatting. */
function automaticLooks(root: XmlNode): Map<string, Look> {
  const looks = new Map<string, Look>();
  for (const definition of elements(root, 'style:style')) {
    const text = elements(definition, 'style:text-properties')[0]?.attribs ?? {};
    // Chinese text takes the "asian" weight and style: LibreOffice writes only those for it.
    const weight = text['style:font-weight-asian'] ?? text['fo:font-weight'] ?? '';
    const style = text['style:font-style-asian'] ?? text['fo:font-style'] ?? '';
    const through = text['style:text-line-through-style'];
    const look: Look = {
      ...(/^(bold|[6-9]00)$/.test(weight) ? { bold: true } : {}),
      ...(style === 'italic' ? { italic: true } : {}),
      ...(through && through !== 'none' ? { struck: true } : {}),
    };
    if (definition.attribs?.['style:name']) looks.set(definition.attribs['style:name'], look);
  }
  return looks;
}

/** Writes content.xml's body as HTML; `pictures` maps a picture's path in the zip to its stored sha256. */
class HtmlWriter {
  constructor(
    private readonly looks: Map<string, Look>,
    private readonly pictures: Map<string, string>,
  ) {}

  private marked(node: XmlNode, inner: string): string {
    const look = this.looks.get(node.attribs?.['text:style-name'] ?? '') ?? {};
    if (look.struck) return `<s>${inner}</s>`;
    const em = look.italic ? `<em>${inner}</em>` : inner;
    return look.bold ? `<strong>${em}</strong>` : em;
  }

  private children(node: XmlNode): string {
    return (node.children ?? []).map((child) => this.write(child)).join('');
  }

  private image(frame: XmlNode): string {
    // A chart or formula (draw:object) shows a replacement picture: not a photo for the site.
    if (elements(frame, 'draw:object').length) return '';
    const href = elements(frame, 'draw:image')[0]?.attribs?.['xlink:href'] ?? '';
    const sha256 = this.pictures.get(href);
    const title = elements(frame, 'svg:title')[0] ?? elements(frame, 'svg:desc')[0];
    const alt = title ? (title.children ?? []).map((c) => c.data ?? '').join('') : '';
    const boxes = elements(frame, 'draw:text-box').map((box) => this.children(box));
    return (sha256 ? `<img src="${ASSET_SCHEME}:${sha256}" alt="${escapeHtml(alt)}">` : '') + boxes.join('');
  }

  /** A presentation page: its title frame a heading, then its other frames from top to bottom. */
  page(page: XmlNode): string {
    const frames = (page.children ?? []).filter(
      (c) => c.type === 'tag' && (c.name === 'draw:frame' || c.name === 'draw:g' || c.name === 'draw:custom-shape'),
    );
    const top = (frame: XmlNode) => parseFloat(frame.attribs?.['svg:y'] ?? '0') || 0;
    const isTitle = (frame: XmlNode) => /^title$/.test(frame.attribs?.['presentation:class'] ?? '');
    const ordered = [...frames].sort((a, b) => (isTitle(b) ? 1 : 0) - (isTitle(a) ? 1 : 0) || top(a) - top(b));
    return ordered
      .map((frame) => {
        if (!isTitle(frame)) return this.write(frame);
        const text = elements(frame, 'text:p')
          .map((p) => this.children(p))
          .join(' ');
        return text.trim() ? `<h1>${text}</h1>` : '';
      })
      .join('');
  }

  write(node: XmlNode): string {
    if (node.type === 'text') return escapeHtml(node.data ?? '');
    if (node.type !== 'tag') return '';
    switch (node.name) {
      case 'text:h': {
        const level = Math.min(6, Math.max(1, Number(node.attribs?.['text:outline-level'] ?? 1) || 1));
        return `<h${level}>${this.children(node)}</h${level}>`;
      }
      case 'text:p':
        return `<p>${this.marked(node, this.children(node))}</p>`;
      case 'text:span':
        return this.marked(node, this.children(node));
      case 'text:a':
        return `<a href="${escapeHtml(node.attribs?.['xlink:href'] ?? '')}">${this.children(node)}</a>`;
      case 'text:s':
        return ' '.repeat(Math.min(100, Number(node.attribs?.['text:c'] ?? 1) || 1));
      case 'text:tab':
        return ' ';
      case 'text:line-break':
        return '<br>';
      case 'text:list':
        return `<ul>${this.children(node)}</ul>`;
      case 'text:list-item':
      case 'text:list-header':
        return `<li>${this.children(node)}</li>`;
      case 'table:table':
        return `<table>${this.children(node)}</table>`;
      case 'table:table-header-rows':
        return this.children(node).replace(/<(\/?)td>/g, '<$1th>');
      case 'table:table-row':
        return `<tr>${this.children(node)}</tr>`;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        return `<td>${this.children(node)}</td>`;
      case 'draw:frame':
        return this.image(node);
      case 'draw:custom-shape':
        return (node.children ?? [])
          .filter((c) => c.name === 'text:p' || c.name === 'text:list')
          .map((c) => this.write(c))
          .join('');
      case 'presentation:notes':
        return '';
      case 'text:sequence-decls':
      case 'table:table-column':
      case 'table:table-columns':
      case 'text:tracked-changes':
      case 'office:annotation':
      case 'text:note':
      case 'office:forms':
      case 'svg:title':
      case 'svg:desc':
        return '';
      default:
        return this.children(node);
    }
  }
}

/** Unpacks an OpenDocument file's content.xml and its pictures, after the zip guard has checked it. */
function unpack(bytes: Uint8Array, kind: string): Record<string, Uint8Array> {
  if (!isZip(bytes))
    throw new OpenDocumentProblem('odf.unreadable', `The file is not an OpenDocument ${kind} (it is damaged or has the wrong name).`);
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new OpenDocumentProblem(error.code === 'office.too_large' ? 'odf.too_large' : 'odf.unreadable', error.message);
    throw error;
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === 'content.xml' || file.name === 'styles.xml' || file.name.startsWith('Pictures/'),
    });
  } catch (error) {
    throw new OpenDocumentProblem('odf.unreadable', `The ${kind} cannot be read (${(error as Error).message}).`);
  }
  if (!files['content.xml'])
    throw new OpenDocumentProblem('odf.unreadable', `The file is not an OpenDocument ${kind} (it has no content.xml).`);
  return files;
}

/** The pictures `root` shows, stored: their path in the zip → sha256. */
async function storePictures(
  root: XmlNode,
  files: Record<string, Uint8Array>,
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
): Promise<Map<string, string>> {
  const pictures = new Map<string, string>();
  for (const image of elements(root, 'draw:image')) {
    const href = image.attribs?.['xlink:href'] ?? '';
    if (pictures.has(href) || !files[href]) continue;
    const sha256 = await storePicture(files[href]!, href);
    if (sha256) pictures.set(href, sha256);
  }
  return pictures;
}

/** The pictures the master pages show (styles.xml's office:master-styles), by their path in the zip. */
function masterPictures(files: Record<string, Uint8Array>): string[] {
  if (!files['styles.xml']) return [];
  const masters = elements(parse(strFromU8(files['styles.xml'])), 'office:master-styles')[0];
  if (!masters) return [];
  return [...new Set(elements(masters, 'draw:image').map((image) => image.attribs?.['xlink:href'] ?? ''))].filter((href) => files[href]);
}

const PAGE_PARTS = new Set([
  'style:header',
  'style:footer',
  'style:header-left',
  'style:footer-left',
  'style:header-first',
  'style:footer-first',
]);

/** A paragraph's text as it reads: spaces (text:s) and tabs written out; tracked deletions and notes left out. */
function paragraphText(node: XmlNode): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.name === 'text:s') return ' '.repeat(Number(node.attribs?.['text:c'] ?? 1));
  if (node.name === 'text:tab') return '\t';
  if (node.name === 'text:line-break') return ' ';
  if (node.name === 'text:tracked-changes' || node.name === 'text:note' || node.name === 'office:annotation') return '';
  return (node.children ?? []).map(paragraphText).join('');
}

/** The paragraphs below `node`, not those a tracked change deleted (kept in text:tracked-changes). */
function paragraphsOf(node: XmlNode): XmlNode[] {
  return (node.children ?? []).flatMap((child) =>
    child.type !== 'tag' || child.name === 'text:tracked-changes'
      ? []
      : child.name === 'text:p' || child.name === 'text:h'
        ? [child]
        : paragraphsOf(child),
  );
}

/**
 * The lines of an .odt's page headers and footers (the master pages in styles.xml), which the body does
 * not hold: people put the address and numbers there. Each line once.
 */
export function openDocumentPageLines(bytes: Uint8Array): string[] {
  let styles: Uint8Array | undefined;
  try {
    styles = unzipSync(bytes, { filter: (file) => file.name === 'styles.xml' })['styles.xml'];
  } catch {
    return [];
  }
  const masters = styles && elements(parse(strFromU8(styles)), 'office:master-styles')[0];
  if (!masters) return [];
  const parts = [...PAGE_PARTS].flatMap((name) => elements(masters, name));
  const lines = parts.flatMap((part) => paragraphsOf(part).map((p) => paragraphText(p).trim()));
  return [...new Set(lines.filter(Boolean))];
}

/**
 * Reads an .odt (text) or .odp (presentation: each page's title a heading, its text and pictures
 * under it) into HTML for readWebPage. `storePicture` receives each embedded picture and returns
 * its sha256, or undefined when it cannot be used (the caller reports why); `handBack` receives
 * each picture of the master pages the body does not show, as a file named "母版/logo.png".
 */
export async function readOpenDocument(
  bytes: Uint8Array,
  kind: 'odt' | 'odp',
  storePicture: (bytes: Uint8Array, name: string) => Promise<string | undefined>,
  handBack: (name: string, bytes: Uint8Array) => void = () => {},
): Promise<string> {
  const what = kind === 'odt' ? 'text document (.odt)' : 'presentation (.odp)';
  const files = unpack(bytes, what);
  const root = parse(strFromU8(files['content.xml']!));
  const body = elements(root, kind === 'odt' ? 'office:text' : 'office:presentation')[0];
  if (!body)
    throw new OpenDocumentProblem(
      'odf.unreadable',
      `The file is not an OpenDocument ${what}: it has no ${kind === 'odt' ? 'text' : 'pages'}.`,
    );
  const shown = await storePictures(body, files, storePicture);
  const inBody = new Set(elements(body, 'draw:image').map((image) => image.attribs?.['xlink:href']));
  for (const href of masterPictures(files)) if (!inBody.has(href)) handBack(`母版/${href.split('/').pop()}`, files[href]!);
  const writer = new HtmlWriter(automaticLooks(root), shown);
  const html =
    kind === 'odt'
      ? writer.write(body)
      : elements(body, 'draw:page')
          .map((page) => writer.page(page))
          .join('');
  return `<html><body>${html}</body></html>`;
}
