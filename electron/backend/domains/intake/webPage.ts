/**
 * Web pages among customer material: a Word document "saved as web page" (.htm, or under its old
 * name .doc), and a web system's "export to Excel" (an HTML table, or CSV text, in a file named
 * .xls). The bytes are decoded like text files (UTF-8, GBK/GB18030, Big5 …), scripts and styles are
 * dropped by the intake allowlist, and what is left is read as a document or as sheets.
 */
import { runsText } from '../../../../shared/sites/model';
import { headingReason, numberingOf, NUMBERING_DEPTH } from './headings';
import { htmlToBlocks, textOf, type SourceBlock } from './htmlToBlocks';
import { sanitizeIntakeHtml } from './sanitize';
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

/**
 * A web page as source blocks. Word writes headings without heading styles as bold paragraphs
 * (`<p class=MsoNormal><b>一、饭店简介</b></p>`); those are headings by look, as in a .docx.
 */
export function webPageBlocks(html: string): SourceBlock[] {
  return htmlToBlocks(sanitizeIntakeHtml(html)).map((block): SourceBlock => {
    if (block.type !== 'paragraph') return block;
    const text = textOf(block).trim();
    const bold = block.runs.every((run) => run.strong || !run.text.trim());
    if (!headingReason(text, { bold })) return block;
    const numbered = numberingOf(text);
    return { type: 'heading', level: 1 + (numbered ? NUMBERING_DEPTH[numbered.numbering] : 0), runs: block.runs, look: true };
  });
}

/** The tables of a web page as sheets of text cells (the page's other text is not part of a price list). */
export function webPageTables(html: string): string[][][] {
  return htmlToBlocks(sanitizeIntakeHtml(html)).flatMap((block) =>
    block.type === 'table' ? [block.rows.map((row) => row.map((cell) => runsText(cell).trim()))] : [],
  );
}
