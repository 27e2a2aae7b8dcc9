/**
 * Word documents through mammoth: semantic HTML with a style map for Chinese (and WPS) style names,
 * headings found by look where the writer used no heading styles (docxLook.ts), embedded pictures
 * handed to the caller (which stores them by sha256), then the SITES.md allowlist, then blocks.
 * Text boxes written without Word's VML fallback are made readable first (docxTextBoxes.ts).
 * mammoth's own warnings come back for the manager to see.
 */
import mammoth from 'mammoth';
import { LOOK_STYLE_MAP, markLookHeadings } from './docxLook';
import { withoutNoteMarks } from './docxNotes';
import { docxPageLines } from './docxPageLines';
import { docxWithReadableTextBoxes } from './docxTextBoxes';
import { docxWorkbooks, withWorkbookBlocks, type ReadWorkbook } from './embeddedSheets';
import { htmlToBlocks, type SourceBlock } from './htmlToBlocks';
import { ASSET_SCHEME, sanitizeIntakeHtml } from './sanitize';
import { checkZip, ZipProblem } from './zipGuard';

export const MAX_DOCX_BYTES = 30 * 1024 * 1024;

/** Chinese Word and WPS name their built-in styles 标题 1 … and 正文; English Word's Heading n is mammoth's default. */
export const DOCX_STYLE_MAP = [
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题1'] => h1:fresh",
  "p[style-name='标题2'] => h2:fresh",
  "p[style-name='标题3'] => h3:fresh",
  "p[style-name='heading 1'] => h1:fresh",
  "p[style-name='heading 2'] => h2:fresh",
  "p[style-name='heading 3'] => h3:fresh",
  "p[style-name='Heading 1'] => h1:fresh",
  "p[style-name='Heading 2'] => h2:fresh",
  "p[style-name='Heading 3'] => h3:fresh",
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...LOOK_STYLE_MAP,
  // A table of contents repeats the section headings with page numbers: not text for the site.
  ...[1, 2, 3, 4].flatMap((n) => [`p[style-name='toc ${n}'] => !`, `p[style-name='TOC ${n}'] => !`, `p[style-name='目录 ${n}'] => !`]),
  "p[style-name='正文'] => p:fresh",
  "p[style-name='正文文本'] => p:fresh",
  "p[style-name='Body Text'] => p:fresh",
  "p[style-name='列出段落'] => p:fresh",
];

export class DocxProblem extends Error {
  constructor(
    readonly code: 'docx.unreadable' | 'docx.legacy_format' | 'docx.too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface EmbeddedImage {
  bytes: Buffer;
  contentType: string;
  altText?: string;
}

export interface DocxResult {
  blocks: SourceBlock[];
  /** mammoth's messages: unrecognised styles, unreadable pictures … */
  warnings: string[];
  /** The page headers' and footers' lines (mammoth does not read them). */
  pageLines: string[];
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOleContainer = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** Word stores a password-protected .docx as an OLE container with an "EncryptedPackage" stream. */
export const isEncryptedPackage = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1 << 20)).includes(Buffer.from('EncryptedPackage', 'utf16le'));

function refuseNonDocx(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_DOCX_BYTES)
    throw new DocxProblem('docx.too_large', `The document is larger than ${MAX_DOCX_BYTES / 1024 / 1024} MB.`);
  if (isOleContainer(bytes))
    throw new DocxProblem(
      'docx.legacy_format',
      isEncryptedPackage(bytes)
        ? 'The document is protected with a password: open it in Word or WPS, remove the password (文件 → 信息 → 保护文档), save it and import it again.'
        : 'This is an old Word .doc file saved under a .docx name: open it in Word or WPS, save it as .docx, and import it again.',
    );
  if (!isZip(bytes))
    throw new DocxProblem('docx.unreadable', 'The file is not a Word .docx document (it is damaged or has the wrong name).');
  try {
    checkZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem)
      throw new DocxProblem(error.code === 'office.too_large' ? 'docx.too_large' : 'docx.unreadable', error.message);
    throw error;
  }
}

/**
 * Converts one .docx. `storeImage` receives each embedded picture and returns its sha256, or
 * undefined when the picture cannot be used (the caller reports why); `readWorkbook` reads a worksheet
 * object's workbook into blocks, which stand where the object stands (embeddedSheets.ts).
 */
export async function convertDocx(
  bytes: Uint8Array,
  storeImage: (image: EmbeddedImage) => Promise<string | undefined>,
  readWorkbook: ReadWorkbook = () => Promise.resolve(undefined),
): Promise<DocxResult> {
  refuseNonDocx(bytes);
  const embedded = await docxWorkbooks(bytes, readWorkbook);
  const convertImage = mammoth.images.imgElement(async (image) => {
    const data = await image.readAsBuffer();
    // mammoth copies the picture's alt text (Word's 可选文字) onto the <img> itself.
    const altText = (image as { altText?: string }).altText;
    const sha256 = await storeImage({ bytes: data, contentType: image.contentType, ...(altText ? { altText } : {}) });
    return { src: sha256 ? `${ASSET_SCHEME}:${sha256}` : '' };
  });
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(docxWithReadableTextBoxes(embedded.bytes)) },
      { styleMap: DOCX_STYLE_MAP, convertImage, transformDocument: markLookHeadings },
    );
  } catch (error) {
    throw new DocxProblem('docx.unreadable', `The Word document cannot be read (${(error as Error).message.split('\n')[0]}).`);
  }
  return {
    blocks: withWorkbookBlocks(htmlToBlocks(sanitizeIntakeHtml(withoutNoteMarks(result.value))), embedded.sheets),
    warnings: result.messages.map((m) => m.message),
    pageLines: docxPageLines(bytes),
  };
}
