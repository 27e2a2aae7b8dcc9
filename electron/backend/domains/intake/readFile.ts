/**
 * Reading one document into structured material: Word (.docx, .doc, .wps), RTF, web pages (.htm),
 * OpenDocument (.odt, .ods, .odp), spreadsheets (.xlsx, .xls, .et, .csv), JSON and XML exports (.json, .jsonl, .xml), Evernote
 * exports (.enex), contact cards (.vcf), PDF, PowerPoint (.pptx),
 * e-mail (.eml, .mht: its text, the pictures its HTML shows; its attachments handed back), a .zip,
 * .rar or .7z archive (its files handed back), plain text in any Chinese encoding, the text of a photographed page (or
 * of a scanned PDF's pages) after OCR, and iPhone HEIC photos (decoding them is CPU work).
 * This runs in the read worker (readWorker.ts): conversion is CPU work the dispatcher must not wait
 * on. Embedded pictures are stored here; what could not be read is a problem naming the file.
 */
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { IntakeProblem } from '../../../../shared/api/sites';
import type { ImageRef } from '../../../../shared/sites/model';
import { isMarkedPrice } from '../../../../shared/sites/price';
import { ImageProblem } from '../assets/images';
import { storeImage } from '../assets/imageStore';
import type { OcrRow } from '../../infra/ocr/layout';
import { ArchiveProblem, readArchive } from './archive';
import { captionList } from './captions';
import { chatScreenLines } from './chatScreen';
import { isContactLine } from './contact';
import { convertDocx, DocxProblem, type EmbeddedImage } from './docx';
import { EmailProblem, readEmail, withoutMailHeaders } from './email';
import { isEvernoteExport, readEvernote } from './evernote';
import type { SourceBlock } from './htmlToBlocks';
import { fileNameColumn } from './keywords';
import { LegacyWordProblem, readLegacyWord } from './legacyWord';
import { jsonBlocks, JsonProblem } from './jsonRecords';
import { joinWrapped, linesToBlocks, textLines, type TextLine } from './lines';
import { isMarkdown, markdownLines, markdownParagraphs } from './markdown';
import { parseWishes } from './notes';
import { sniffOffice, type OfficeFormat } from './officeSniff';
import { openDocumentPageLines, OpenDocumentProblem, readOpenDocument } from './openDocument';
import { printedBrackets } from './ocrText';
import { OUTLINED_TEXT_MESSAGE, PdfProblem, readPdf } from './pdf';
import { PresentationProblem, readPresentation } from './presentation';
import { readRtf, RtfProblem } from './rtf';
import { ASSET_SCHEME } from './sanitize';
import {
  isSpreadsheetXml,
  readCsv,
  readOds,
  readSpreadsheetXml,
  readXls,
  readXlsx,
  sheetBlocks,
  SpreadsheetProblem,
  type Sheet,
} from './spreadsheet';
import { emptyReadOutput, type ReadOutput } from './readOutput';
import { structureDocument } from './structure';
import { tabSeparatedSheet } from './tabSeparated';
import { decodeText, TextDecodingProblem } from './textDecoding';
import { decodeHtml, readWebPage } from './webPage';
import { vcardBlocks } from './vcard';
import { decodeXml, xmlRecordBlocks, XmlProblem } from './xmlRecords';
import { parseXml } from './xmlTree';
import { ZipProblem } from './zipGuard';

export type { ReadOutput } from './readOutput';

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

const IMG_SRC_ATTRIBUTE = /(<img\b[^>]*?\bsrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export type DocumentKind =
  | 'docx'
  | 'word'
  | 'rtf'
  | 'html'
  | 'odt'
  | 'xlsx'
  | 'xls'
  | 'ods'
  | 'csv'
  | 'json'
  | 'xml'
  | 'vcard'
  | 'pdf'
  | 'pptx'
  | 'odp'
  | 'eml'
  | 'archive'
  | 'text';

/**
 * `names`: the enterprise's names, so a heading that names it is taken for the document's title.
 * `picture`: a photo whose decoding is CPU work on the thread (an iPhone HEIC photo), stored here.
 */
export type ReadRequest =
  | { kind: DocumentKind; file: string; bytes: Uint8Array; dataDir: string; today: string; names?: string[] }
  | { kind: 'picture'; file: string; bytes: Uint8Array; dataDir: string }
  /** `pasted`: the rows of a picture pasted into the document `file`, whose name says nothing of the picture. */
  | { kind: 'ocr'; file: string; rows: OcrRow[]; today: string; names?: string[]; pasted?: boolean };

const KNOWN_PROBLEMS = [
  DocxProblem,
  LegacyWordProblem,
  RtfProblem,
  SpreadsheetProblem,
  PdfProblem,
  PresentationProblem,
  EmailProblem,
  ArchiveProblem,
  TextDecodingProblem,
  ImageProblem,
  ZipProblem,
  OpenDocumentProblem,
  JsonProblem,
  XmlProblem,
];

export function problemOf(file: string, error: unknown): IntakeProblem {
  if (KNOWN_PROBLEMS.some((kind) => error instanceof kind))
    return { file, code: (error as { code: string }).code, message: (error as Error).message };
  return {
    file,
    code: 'intake.read_failed',
    message: `The file could not be read (${(error as Error).message?.split('\n')[0] ?? String(error)}).`,
  };
}

/**
 * An OCR row as a text line, its cells where the boxes had wide gaps. A row read as one box writes
 * a wide gap as a space, so such a row that ends in a price ("工作证 定制 面议") is split there.
 */
function ocrLine(row: OcrRow): TextLine {
  const text = printedBrackets(row.text);
  if (row.cells.length > 1) return { text, cells: row.cells.map(printedBrackets) };
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 1 && isMarkedPrice(words.at(-1)!) ? { text, cells: words } : { text };
}

type DocumentRequest = Exclude<ReadRequest, { kind: 'picture' }>;

const OFFICE_KINDS: ReadonlySet<DocumentKind> = new Set(['docx', 'word', 'xlsx', 'xls', 'pptx', 'odt', 'ods', 'odp']);
const READER_OF: Record<OfficeFormat, DocumentKind> = {
  docx: 'docx',
  doc: 'word',
  xlsx: 'xlsx',
  xls: 'xls',
  pptx: 'pptx',
  ppt: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
};

/** An Office file is read as what its content is (WPS's OOXML under .wps/.et/.dps, a renamed file), not as its name says. */
function byContent(request: DocumentRequest): DocumentRequest {
  if (request.kind === 'ocr' || !OFFICE_KINDS.has(request.kind)) return request;
  const format = sniffOffice(request.bytes);
  return format ? { ...request, kind: READER_OF[format] } : request;
}

/** Lines of text (a note, a mail, an old Word or RTF file): written in Markdown, read as Markdown. */
function textBlocks(lines: TextLine[]): SourceBlock[] {
  const texts = lines.map((line) => line.text);
  return lines.every((line) => !line.block) && isMarkdown(texts) ? markdownLines(texts) : linesToBlocks(lines);
}

class DocumentReader {
  readonly output = emptyReadOutput();

  private readonly request: DocumentRequest;

  constructor(request: DocumentRequest) {
    this.request = byContent(request);
  }

  private get file(): string {
    return this.request.file;
  }

  /** `pageLines`: a Word page header's and footer's lines (or a worksheet's); those that give a contact fill the contact block after the body's. */
  private structure(blocks: SourceBlock[], ocr = false, pageLines: string[] = [], file = this.file): void {
    const material = structureDocument(
      ocr ? blocks : markdownParagraphs(blocks),
      file,
      { newId: () => uuidv7() },
      {
        fileColumn: this.request.kind === 'ocr' && this.request.pasted ? undefined : fileNameColumn(file),
        today: this.request.today,
        ocr,
        names: this.request.names ?? [],
      },
    );
    material.contactLines.push(...pageLines.filter(isContactLine));
    this.output.documents.push({ file, material });
  }

  /** A workbook's sheets, with the lines of their printed page headers and footers and the pictures in their rows. */
  private async sheets(sheets: Sheet[]): Promise<void> {
    await this.storeRowPictures(sheets);
    this.structure(sheetBlocks(sheets), false, [...new Set(sheets.flatMap((sheet) => sheet.pageLines ?? []))]);
  }

  /** A workbook embedded in a Word or PowerPoint file (a pasted worksheet object) as blocks; undefined when unreadable. */
  private readonly embeddedWorkbook = async (bytes: Uint8Array, name: string): Promise<SourceBlock[] | undefined> => {
    try {
      const sheets = sniffOffice(bytes) === 'xls' ? await readXls(bytes) : await readXlsx(bytes);
      await this.storeRowPictures(sheets);
      return sheetBlocks(sheets);
    } catch (error) {
      this.output.problems.push(problemOf(`${this.file} (${name})`, error));
      return undefined;
    }
  };

  private async storeRowPictures(sheets: Sheet[]): Promise<void> {
    for (const sheet of sheets) {
      const rowImages: NonNullable<Sheet['rowImages']> = [];
      for (const { row, pictures } of sheet.pictures ?? []) {
        const images: ImageRef[] = [];
        for (const picture of pictures) {
          const sha256 = await this.store(picture.bytes, picture.name);
          if (sha256) images.push({ sha256, alt: '' });
        }
        if (images.length) rowImages.push({ cells: sheet.rows[row]!, images });
      }
      if (rowImages.length) sheet.rowImages = rowImages;
    }
  }

  private async store(bytes: Uint8Array, what: string): Promise<string | undefined> {
    if (this.request.kind === 'ocr') return undefined;
    try {
      const image = await storeImage(this.request.dataDir, bytes);
      this.output.images.push(image);
      return image.sha256;
    } catch (error) {
      this.output.problems.push(problemOf(`${this.file} (${what})`, error));
      return undefined;
    }
  }

  private async docx(bytes: Uint8Array): Promise<void> {
    const embedded = async (picture: EmbeddedImage) => {
      if (/x-emf|x-wmf/.test(picture.contentType)) {
        this.output.problems.push({
          file: this.file,
          code: 'docx.image_unsupported',
          message: 'A Word drawing (EMF/WMF) inside the document cannot be shown on a site: insert it as a JPEG or PNG picture.',
        });
        return undefined;
      }
      this.output.pasted.push(new Uint8Array(picture.bytes));
      return this.store(picture.bytes, picture.contentType);
    };
    const { blocks, warnings, pageLines } = await convertDocx(bytes, embedded, this.embeddedWorkbook);
    for (const warning of warnings) this.output.problems.push({ file: this.file, code: 'docx.warning', message: warning });
    this.structure(blocks, false, pageLines);
  }

  private webPage(html: string, pageLines: string[] = [], file = this.file): void {
    const page = readWebPage(html, file);
    this.structure(page.blocks, false, pageLines, file);
    this.output.linked.push(...page.pictures);
  }

  /** An XML file: an Evernote export (each note a page named `笔记.enex/报价单`), else a program's records. */
  private async xml(bytes: Uint8Array): Promise<void> {
    if (isSpreadsheetXml(bytes)) return this.sheets(readSpreadsheetXml(bytes));
    const root = parseXml(decodeXml(bytes));
    if (!isEvernoteExport(root)) {
      this.structure(xmlRecordBlocks(root, path.posix.basename(this.file, path.posix.extname(this.file))));
      return;
    }
    const notes = await readEvernote(root, (picture, name) => this.store(picture, name));
    for (const note of notes) this.webPage(note.html, [], `${this.file}/${note.title.replace(/[/\\]/g, '／') || '笔记'}`);
  }

  private text(all: string): void {
    // A sheet saved as tab-separated text is read as the sheet it was.
    const sheet = tabSeparatedSheet(all, path.posix.basename(this.file));
    if (sheet) return this.structure(sheetBlocks([sheet]));
    const list = captionList(all, this.file);
    if (list) this.output.captions.push(...list.captions);
    const text = list ? list.rest.join('\n') : all;
    if (!text.trim()) return;
    const wishes = parseWishes(text, this.request.today);
    if (wishes.colour || wishes.lottery || wishes.care.length) this.output.notes.push({ file: this.file, wishes });
    if (wishes.rest.length === 0) return;
    // The lines a wish claimed are left out; empty lines stay, as they mark headings.
    const claimed = new Set([wishes.colour?.line, wishes.lottery?.line, ...wishes.care.map((c) => c.line)]);
    const lines = textLines(text).map((line) => (claimed.has(line.text.trim()) ? { text: '' } : line));
    this.structure(textBlocks(lines));
  }

  /**
   * A PDF; one without text (scanned pages) hands its page pictures back to be read by OCR, and so, like a picture
   * pasted into Word, does a picture alone on a page of a typed PDF (read when it looks like a page).
   */
  private async pdf(bytes: Uint8Array): Promise<void> {
    const pictures: Uint8Array[] = [];
    const scans: Uint8Array[] = [];
    try {
      const content = await readPdf(
        bytes,
        (picture) => {
          pictures.push(new Uint8Array(picture));
          return this.store(picture, 'picture');
        },
        (scan) => scans.push(new Uint8Array(scan)),
      );
      if (content.unrenderedPages)
        this.output.problems.push(problemOf(this.file, new PdfProblem('pdf.outlined_text', OUTLINED_TEXT_MESSAGE)));
      // No text at all, but pages drawn as outlines (a print shop's file): those pages are read by OCR, with any scans.
      if (content.blocks.length === 0) return void this.output.scans.push(...pictures, ...content.drawnPages);
      this.structure(content.blocks, content.ocr);
      await this.scannedPages(content.scannedPages);
      this.output.pasted.push(...scans, ...content.drawnPages);
    } catch (error) {
      if (!(error instanceof PdfProblem) || error.code !== 'pdf.no_text' || pictures.length === 0) throw error;
      this.output.scans.push(...pictures);
    }
  }

  /**
   * The pictures of a PDF's pages whose text is a scanner app's OCR layer: not pictures for the site but the pages
   * themselves, kept in the tray beside what was read from them, to check the OCR against.
   */
  private async scannedPages(pages: Buffer[]): Promise<void> {
    const material = this.output.documents.at(-1)?.material;
    const images: ImageRef[] = [];
    for (const page of pages) {
      const sha256 = await this.store(page, 'scanned page');
      if (sha256) images.push({ sha256, alt: '' });
    }
    if (!material || images.length === 0) return;
    material.unsorted.push({
      id: uuidv7(),
      source: this.file,
      blocks: [],
      images,
      note: "The scanned pages of this PDF: their text is the scanner app's OCR (check it against the pictures).",
      ocr: true,
    });
  }

  /**
   * An e-mail: its text structured like a text file (or its HTML like a web page), its attachments
   * handed back. A mail whose HTML shows pictures of its own is read from the HTML, so the
   * pictures stay where they stand (stored here, their src made an asset reference).
   */
  private async email(bytes: Uint8Array): Promise<void> {
    const mail = readEmail(bytes);
    if (mail.html && mail.pictures.length) {
      const stored = new Map<string, string | undefined>();
      for (const picture of mail.pictures)
        if (!stored.has(picture.src)) stored.set(picture.src, await this.store(picture.bytes, picture.src.slice(0, 80)));
      const html = mail.html.replace(IMG_SRC_ATTRIBUTE, (whole, start: string, ...srcs: (string | undefined)[]) => {
        const sha256 = stored.get(srcs[0] ?? srcs[1] ?? srcs[2] ?? '');
        return sha256 ? `${start}"${ASSET_SCHEME}:${sha256}"` : whole;
      });
      const page = readWebPage(html, this.file);
      this.structure(withoutMailHeaders(page.blocks));
      this.output.linked.push(...page.pictures);
    } else if (mail.text?.trim()) this.text(mail.text);
    else if (mail.html) this.webPage(mail.html);
    this.output.attachments.push(...mail.attachments);
  }

  /** A picture of a document's template (a master page, a slide layout), handed back to be offered as a photo. */
  private readonly handBack = (name: string, bytes: Uint8Array) => this.output.attachments.push({ name, bytes });

  /** An archive's files are handed back to be read like the folder's; an entry encrypted on its own is named. */
  private async archive(bytes: Uint8Array): Promise<void> {
    const { files, encrypted, damaged } = await readArchive(bytes);
    this.output.attachments.push(...files);
    for (const name of encrypted)
      this.output.problems.push({
        file: `${this.file}/${name}`,
        code: 'archive.encrypted',
        message: 'This file in the archive is protected with a password: unpack it with its password and import it.',
      });
    for (const name of damaged)
      this.output.problems.push({
        file: `${this.file}/${name}`,
        code: 'archive.unreadable',
        message: 'This file in the archive is damaged (its checksum is wrong): ask for the archive again.',
      });
  }

  async read(): Promise<ReadOutput> {
    const request = this.request;
    try {
      if (request.kind === 'ocr') this.structure(linesToBlocks(joinWrapped(chatScreenLines(request.rows.map(ocrLine)))), true);
      else if (request.kind === 'docx') await this.docx(request.bytes);
      else if (request.kind === 'word') {
        const content = await readLegacyWord(request.bytes);
        if (content.kind === 'docx') await this.docx(request.bytes);
        else if (content.kind === 'rtf') this.structure(textBlocks(readRtf(request.bytes)));
        else if (content.kind === 'html') this.webPage(content.html);
        else this.structure(textBlocks(textLines(content.text)));
      } else if (request.kind === 'rtf') this.structure(textBlocks(readRtf(request.bytes)));
      else if (request.kind === 'html') this.webPage(decodeHtml(request.bytes));
      else if (request.kind === 'odt' || request.kind === 'odp')
        this.webPage(
          await readOpenDocument(request.bytes, request.kind, (bytes, name) => this.store(bytes, name), this.handBack),
          request.kind === 'odt' ? openDocumentPageLines(request.bytes) : [],
        );
      else if (request.kind === 'xlsx') await this.sheets(await readXlsx(request.bytes));
      else if (request.kind === 'xls') await this.sheets(await readXls(request.bytes));
      else if (request.kind === 'ods') this.structure(sheetBlocks(readOds(request.bytes)));
      else if (request.kind === 'csv') this.structure(sheetBlocks([readCsv(request.bytes, path.posix.basename(this.file))]));
      else if (request.kind === 'json' || request.kind === 'vcard') {
        // Text formats: a database export (records, a configuration) or a contact card.
        if (request.bytes.byteLength > MAX_TEXT_BYTES)
          return this.refuse('text.too_large', `Text files over ${MAX_TEXT_BYTES / 1024 / 1024} MB are not read.`);
        const text = decodeText(request.bytes).text;
        const name = path.posix.basename(this.file, path.posix.extname(this.file));
        this.structure(request.kind === 'json' ? jsonBlocks(text, name) : vcardBlocks(text));
      } else if (request.kind === 'xml') {
        if (request.bytes.byteLength > MAX_TEXT_BYTES * 8)
          return this.refuse('text.too_large', `XML files over ${(MAX_TEXT_BYTES * 8) / 1024 / 1024} MB are not read.`);
        await this.xml(request.bytes);
      } else if (request.kind === 'pdf') await this.pdf(request.bytes);
      else if (request.kind === 'pptx')
        this.structure(
          await readPresentation(request.bytes, (bytes, name) => this.store(bytes, name), this.handBack, this.embeddedWorkbook),
        );
      else if (request.kind === 'eml') await this.email(request.bytes);
      else if (request.kind === 'archive') await this.archive(request.bytes);
      else {
        if (request.bytes.byteLength > MAX_TEXT_BYTES)
          return this.refuse('text.too_large', `Text files over ${MAX_TEXT_BYTES / 1024 / 1024} MB are not read.`);
        this.text(decodeText(request.bytes).text);
      }
    } catch (error) {
      this.output.problems.push(problemOf(this.file, error));
    }
    return this.output;
  }

  private refuse(code: string, message: string): ReadOutput {
    this.output.problems.push({ file: this.file, code, message });
    return this.output;
  }
}

/** A photo normalized and stored here (its one image), or the problem why not. */
async function readPicture(request: Extract<ReadRequest, { kind: 'picture' }>): Promise<ReadOutput> {
  const output = emptyReadOutput();
  try {
    output.images.push(await storeImage(request.dataDir, request.bytes));
  } catch (error) {
    output.problems.push(problemOf(request.file, error));
  }
  return output;
}

/** Reads one document (or the rows of an OCR'd page, or one photo) into structured material, problems and stored pictures. */
export function readDocument(request: ReadRequest): Promise<ReadOutput> {
  return request.kind === 'picture' ? readPicture(request) : new DocumentReader(request).read();
}
