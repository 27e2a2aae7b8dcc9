/**
 * Web pages among customer material: a Word document "saved as web page" (.htm, or under its old
 * name .doc), and a web system's "export to Excel" (an HTML table, or CSV text, in a file named
 * .xls). The bytes are decoded like text files (UTF-8, GBK/GB18030, Big5 …), scripts and styles are
 * dropped by the intake allowlist, and what is left is read as a document or as sheets.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { runsText } from '../../../../shared/sites/model';
import { headingReason, numberingOf, NUMBERING_DEPTH } from './headings';
import { htmlToBlocks, textOf, type SourceBlock } from './htmlToBlocks';
import { withoutPageChromeBlocks } from './pageChrome';
import { ASSET_SCHEME, sanitizeIntakeHtml } from './sanitize';
import { shopListingBlocks } from './shopPage';
import { decodeText } from './textDecoding';

const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|table|meta)\b/i;

/** Whether the bytes are an HTML page (whatever the file is called). */
export function isHtml(bytes: Uint8Array): boolean {
  try {
    return HTML_START.test(decodeText(bytes.subarray(0, 4096)).text);
  } catch {
    return false;
  }
}

/** The page's text in whatever Chinese encoding it was saved in. */
export const decodeHtml = (bytes: Uint8Array): string => decodeText(bytes).text;

/** A picture a web page shows from a file beside it (Word's `公司简介.files/image001.jpg`), by the stand-in its image block holds until the photo is placed. */
export interface LinkedPicture {
  sha256: string;
  file: string;
}

const IMG_SRC = /(<img\b[^>]*?\bsrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/** The stand-in for a linked picture: a sha256 no stored image has (it hashes the file's path, not bytes). */
const standIn = (file: string) => createHash('sha256').update(`linked picture:${file}`).digest('hex');

/** `<img src="公司简介.files/image001.jpg">` → an asset stand-in, with the path inside the import it points at. */
function linkPictures(html: string, pageFile: string): { html: string; pictures: LinkedPicture[] } {
  const pictures: LinkedPicture[] = [];
  const linked = html.replace(IMG_SRC, (whole, start: string, ...srcs: (string | undefined)[]) => {
    const src = (srcs[0] ?? srcs[1] ?? srcs[2] ?? '').trim();
    if (!src || /^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(src)) return whole;
    let decoded = src;
    try {
      decoded = decodeURIComponent(src);
    } catch {
      // A name with a stray % stays as written.
    }
    const file = path.posix.normalize(path.posix.join(path.posix.dirname(pageFile), decoded.replace(/\\/g, '/')));
    if (file.startsWith('..')) return whole;
    const sha256 = standIn(file);
    pictures.push({ sha256, file });
    return `${start}"${ASSET_SCHEME}:${sha256}"`;
  });
  return { html: linked, pictures };
}

/**
 * A web page as source blocks, and the pictures it shows from files beside it. Word writes headings
 * without heading styles as bold paragraphs (`<p class=MsoNormal><b>一、饭店简介</b></p>`); those are
 * headings by look, as in a .docx.
 */
export function readWebPage(html: string, pageFile: string): { blocks: SourceBlock[]; pictures: LinkedPicture[] } {
  const { html: linked, pictures } = linkPictures(html, pageFile);
  const blocks = withoutPageChromeBlocks(htmlToBlocks(sanitizeIntakeHtml(linked))).map((block): SourceBlock => {
    if (block.type !== 'paragraph') return block;
    const text = textOf(block).trim();
    const bold = block.runs.every((run) => run.strong || !run.text.trim());
    if (!headingReason(text, { bold })) return block;
    const numbered = numberingOf(text);
    return { type: 'heading', level: 1 + (numbered ? NUMBERING_DEPTH[numbered.numbering] : 0), runs: block.runs, look: true };
  });
  // A saved online-shop product page: only the listing and the seller's card are the customer's (shopPage.ts).
  return { blocks: shopListingBlocks(html, blocks) ?? blocks, pictures };
}

/** The tables of a web page as sheets of text cells (the page's other text is not part of a price list). */
export function webPageTables(html: string): string[][][] {
  return htmlToBlocks(sanitizeIntakeHtml(html)).flatMap((block) =>
    block.type === 'table' ? [block.rows.map((row) => row.map((cell) => runsText(cell).trim()))] : [],
  );
}
