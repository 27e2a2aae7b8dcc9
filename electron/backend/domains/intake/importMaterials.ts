/**
 * Reading a batch of customer material: documents of every kind (converted and structured in the
 * read worker), photos (normalized and stored by sha256; photographed pages read by OCR in the OCR
 * worker), and the enterprise.json that travels with some folders. Each file is handled on its own:
 * a broken one becomes a problem naming the file, the code and the reason, and the rest goes on.
 * Placing everything into the site is sites/importService.ts (with placePhotos.ts).
 */
import path from 'node:path';
import type { IntakeProblem } from '../../../../shared/api/sites';
import { recognizeText, type OcrLine } from '../../infra/ocr/ocrClient';
import { ocrRows } from '../../infra/ocr/layout';
import { createLimiter, mapLimited } from '../assets/concurrency';
import { storeImage, type StoredImage } from '../assets/imageStore';
import { decodedOnThread, pageCount, sniffImageFormat } from '../assets/images';
import { readAsset, sha256Of } from '../assets/store';
import type { PhotoCaption } from './captions';
import type { Wishes } from './notes';
import { lookAt, type PhotoLook } from './photoLook';
import { isCameraName, isDocumentName, isLicenceName, isQrCodeName, isScannerName } from './photos';
import { readInWorker } from './readClient';
import { problemOf, type DocumentKind, type ReadOutput } from './readFile';
import type { StructuredMaterial } from './structure';
import type { IntakeFile } from './sources';
import type { LinkedPicture } from './webPage';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Pages of a multi-page TIFF (a scan) read as photos; a longer one is a document to split. */
export const MAX_TIFF_PAGES = 50;

/** A page read by OCR counts as one when it has this many lines and this many Chinese characters. */
const PAGE_MIN_LINES = 3;
const PAGE_MIN_CHARACTERS = 12;

export interface IntakeEnv {
  dataDir: string;
  newId(): string;
  /** ISO date, for the next date of a festival named in the notes and for dates written without a year. */
  today: string;
  /** sha256 of files imported before: skipped, so importing a folder twice adds nothing twice. */
  alreadyImported?: ReadonlySet<string>;
  /** The enterprise's registered and short name: headings naming it are documents' titles. */
  names?: string[];
  onProgress?(done: number, total: number, label: string): void;
}

export interface ParsedPhoto {
  file: string;
  image: StoredImage;
  look: PhotoLook;
  /** The photo is of a printed page whose text was read by OCR (its material is among the documents). */
  page?: boolean;
  /** What the photo shows, as a caption list beside it says (captions.ts). */
  caption?: string;
}

export interface IntakeResult {
  documents: { file: string; material: StructuredMaterial }[];
  notes: { file: string; wishes: Wishes }[];
  photos: ParsedPhoto[];
  /** The enterprise record that came with the folder (import shape of `ecw enterprise create --from`). */
  enterpriseFiles: { file: string; record: Record<string, unknown> }[];
  /** Every picture stored (photos and pictures inside documents), for registration with the site. */
  images: StoredImage[];
  /** Pictures web pages show from files beside them (placed with the photos: placePhotos.ts). */
  linked: LinkedPicture[];
  /** The files read, by content, to be skipped by later imports. */
  imported: { file: string; sha256: string }[];
  problems: IntakeProblem[];
}

type Kind = DocumentKind | 'image' | 'enterprise' | 'unsupported';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jpe', '.png', '.gif', '.webp', '.heic', '.heif', '.avif', '.tif', '.tiff', '.bmp']);
const DOCUMENT_EXTENSIONS: Record<string, DocumentKind> = {
  '.docx': 'docx',
  '.doc': 'word',
  '.wps': 'word',
  '.rtf': 'rtf',
  '.odt': 'odt',
  '.ods': 'ods',
  '.odp': 'odp',
  '.htm': 'html',
  '.html': 'html',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.et': 'xls',
  '.csv': 'csv',
  // A mini-program's or shop backend's database export.
  '.json': 'json',
  '.jsonl': 'json',
  // A till's or stock program's export to XML; an Evernote (印象笔记) export.
  '.xml': 'xml',
  '.enex': 'xml',
  // A contact card a phone shares or exports.
  '.vcf': 'vcard',
  '.pdf': 'pdf',
  '.pptx': 'pptx',
  // Old binary PowerPoint and WPS presentations: refused by the reader with what to do.
  '.ppt': 'pptx',
  '.dps': 'pptx',
  '.eml': 'eml',
  // A web page saved as one file (MHTML) is MIME like an e-mail.
  '.mht': 'eml',
  '.mhtml': 'eml',
  '.zip': 'archive',
  '.rar': 'archive',
  '.7z': 'archive',
  '.txt': 'text',
};

function kindOf(name: string): Kind {
  const base = path.posix.basename(name).toLowerCase();
  const ext = path.posix.extname(base);
  if (base === 'enterprise.json') return 'enterprise';
  if (DOCUMENT_EXTENSIONS[ext]) return DOCUMENT_EXTENSIONS[ext];
  if (IMAGE_EXTENSIONS.has(ext) || ext === '') return 'image';
  return 'unsupported';
}

const problem = (file: string, code: string, message: string): IntakeProblem => ({ file, code, message });

class Intake {
  readonly result: IntakeResult = {
    documents: [],
    notes: [],
    photos: [],
    enterpriseFiles: [],
    images: [],
    linked: [],
    imported: [],
    problems: [],
  };
  /** Captions of photos from caption lists ("图片说明.txt"), given to the photos once all files are read. */
  readonly captions: PhotoCaption[] = [];
  private readonly imageSlot = createLimiter(2);

  constructor(private readonly env: IntakeEnv) {}

  async file(file: IntakeFile): Promise<void> {
    const kind = kindOf(file.name);
    if (kind === 'unsupported')
      return this.report(
        file.name,
        'intake.unsupported_type',
        'This kind of file is not read: import Word (.docx, .doc, .wps, .rtf), web pages (.htm), Excel and WPS (.xlsx, .xls, .et, .csv), JSON and XML exports (.json, .xml), Evernote notes (.enex), vCards (.vcf), OpenDocument (.odt, .ods, .odp), PDF, PowerPoint (.pptx, .ppt, .dps), e-mails (.eml, .mht), .zip/.rar/.7z archives, .txt text and JPEG/PNG/GIF/WebP/BMP/TIFF/HEIC photos.',
      );
    if (kind === 'archive' && /\.(zip|rar|7z)\//i.test(file.name))
      return this.report(file.name, 'archive.nested', 'An archive inside an archive is not unpacked: unpack it and import its folder.');
    if (file.size > MAX_FILE_BYTES)
      return this.report(file.name, 'intake.file_too_large', `Files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read.`);
    if (kind === 'image' && isLicenceName(file.name))
      return this.report(
        file.name,
        'intake.not_site_photo',
        'A licence or identity paper, by its name: not a picture for the site, so it is not stored or shown.',
      );
    if (kind === 'image' && isQrCodeName(file.name))
      return this.report(
        file.name,
        'intake.qr_code_photo',
        'A QR code, by its name: not a picture for the site (the site shows its own contact), so it is not stored or shown.',
      );
    try {
      const bytes = await file.read();
      const sha256 = sha256Of(bytes);
      if (this.env.alreadyImported?.has(sha256))
        return this.report(file.name, 'intake.already_imported', 'This file was imported into the site before (same content): skipped.');
      if (kind === 'image') {
        if (!(await this.photoPages(file.name, bytes))) return;
      } else if (kind === 'enterprise') return this.enterprise(file.name, bytes);
      else {
        const output = await readInWorker({
          kind,
          file: file.name,
          bytes,
          dataDir: this.env.dataDir,
          today: this.env.today,
          names: this.env.names ?? [],
        });
        this.take(output);
        for (const scan of output.scans)
          if (!(await this.readPage(file.name, scan, true)))
            this.report(file.name, 'pdf.no_text', 'A scanned page of the PDF gave no text by OCR: check the scan, or type its text.');
        // A screenshot of a price list pasted into a Word document holds text only in the picture.
        for (const picture of output.pasted) await this.pastedPage(file.name, picture);
        // An e-mail's attachments and an archive's files are read like the folder's, named under it ("Fwd.eml/冷库.jpg").
        for (const attachment of output.attachments)
          await this.file({
            name: `${file.name}/${attachment.name}`,
            size: attachment.bytes.byteLength,
            read: async () => attachment.bytes,
          });
      }
      this.result.imported.push({ file: file.name, sha256 });
    } catch (error) {
      this.result.problems.push(problemOf(file.name, error));
    }
  }

  private report(file: string, code: string, message: string): void {
    this.result.problems.push(problem(file, code, message));
  }

  private take(output: ReadOutput): void {
    this.captions.push(...output.captions);
    this.result.documents.push(...output.documents);
    this.result.notes.push(...output.notes);
    this.result.images.push(...output.images);
    this.result.linked.push(...output.linked);
    this.result.problems.push(...output.problems);
  }

  /**
   * A picture file as photos: one, or one per page of a multi-page TIFF (a scan), each named
   * "扫描件（第2页）.tif"; false when none could be stored.
   */
  private async photoPages(file: string, original: Uint8Array): Promise<boolean> {
    const pages = await pageCount(original);
    if (pages <= 1) return this.photo(file, original);
    if (pages > MAX_TIFF_PAGES)
      this.report(file, 'intake.too_many_pages', `Only the first ${MAX_TIFF_PAGES} of its ${pages} pages are read: split the scan.`);
    const extension = path.posix.extname(file);
    let stored = false;
    for (let page = 0; page < Math.min(pages, MAX_TIFF_PAGES); page++)
      stored =
        (await this.photo(`${file.slice(0, file.length - extension.length)}（第${page + 1}页）${extension}`, original, page)) || stored;
    return stored;
  }

  /** Stores a photo (a TIFF's `tiffPage`) and looks at it; false when it could not be stored (the problem is reported). */
  private async photo(file: string, original: Uint8Array, tiffPage?: number): Promise<boolean> {
    const onThread = decodedOnThread(sniffImageFormat(original));
    const image = onThread
      ? await this.workerPhoto(file, original)
      : await this.imageSlot(() => storeImage(this.env.dataDir, original, tiffPage ?? 0));
    if (!image) return false;
    this.result.images.push(image);
    // sharp (the look, OCR) cannot read HEIC or BMP, and reads a TIFF's first page: those see the stored picture.
    const bytes = onThread || tiffPage !== undefined ? readAsset(this.env.dataDir, image.sha256) : original;
    const look = await this.imageSlot(() => lookAt(bytes));
    // A page of a multi-page TIFF is a scan (a copier's or a fax's), like a picture a copier named.
    const scan = tiffPage !== undefined || isScannerName(file);
    // A camera's photo of a dark board (a chalk menu) counts as a page only when its text reads as a menu.
    const board = isCameraName(file) && look.boardLike && !look.pageLike;
    const page =
      (isDocumentName(file) || scan || (isCameraName(file) && look.pageLike) || board) &&
      (await this.readPage(file, bytes, false, false, board));
    this.result.photos.push({ file, image, look, ...(page ? { page } : {}) });
    return true;
  }

  /** A picture pasted into a document, read by OCR when it looks like a page of text (a picture sharp cannot read is only shown). */
  private async pastedPage(file: string, picture: Uint8Array): Promise<void> {
    const look = await this.imageSlot(() => lookAt(picture)).catch(() => undefined);
    if (look?.pageLike) await this.readPage(file, picture, false, true);
  }

  /** An iPhone HEIC photo or a BMP: decoded on the calling thread, so normalized and stored in the read worker. */
  private async workerPhoto(file: string, bytes: Uint8Array): Promise<StoredImage | undefined> {
    const output = await readInWorker({ kind: 'picture', file, bytes, dataDir: this.env.dataDir });
    this.result.problems.push(...output.problems);
    return output.images[0];
  }

  /**
   * OCR of a photo that may show a printed page, or of a scanned PDF's page (`scanned`: a page for
   * sure, so it is not measured; `menu`: a board, read only when its text reads as a menu); true when it was read (its
   * text is then structured like a document).
   */
  private async readPage(file: string, bytes: Uint8Array, scanned = false, pasted = false, menu = false): Promise<boolean> {
    const { lines } = await recognizeText(bytes);
    if (menu && !readsAsMenu(lines)) return false;
    // A picture named as printed matter (a business card's English back) may hold words rather than characters.
    const words = (text: string) => (isDocumentName(file) ? (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) : 0);
    const characters = lines.reduce((n, l) => n + (l.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) + words(l.text), 0);
    const confident = lines.filter((l) => l.score >= 0.6);
    if (scanned ? confident.length === 0 : confident.length < PAGE_MIN_LINES || characters < PAGE_MIN_CHARACTERS) return false;
    this.take(
      await readInWorker({
        kind: 'ocr',
        file,
        rows: ocrRows(confident, { columns: true }),
        today: this.env.today,
        names: this.env.names ?? [],
        pasted,
      }),
    );
    return true;
  }

  private enterprise(file: string, bytes: Uint8Array): void {
    let record: unknown;
    try {
      record = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return this.report(file, 'intake.enterprise_unreadable', 'enterprise.json is not valid JSON.');
    }
    if (record && typeof record === 'object' && !Array.isArray(record))
      this.result.enterpriseFiles.push({ file, record: record as Record<string, unknown> });
  }
}

/** Lines of a price (`25元/杯`, `¥18`) a board's text needs to read as a menu, not a sign or a slogan. */
const MENU_MIN_PRICES = 3;
const readsAsMenu = (lines: OcrLine[]) =>
  lines.filter((l) => l.score >= 0.6 && /\d\s*元|[¥￥]\s*\d/.test(l.text)).length >= MENU_MIN_PRICES;

/** Reads every file (three at a time), reporting progress after each. */
export async function readMaterials(files: IntakeFile[], env: IntakeEnv): Promise<IntakeResult> {
  const intake = new Intake(env);
  let done = 0;
  // Documents first so their structure exists; photos are matched later by the site import.
  const ordered = [...files].sort((a, b) => rank(kindOf(a.name)) - rank(kindOf(b.name)));
  // Three files in flight bound the memory a folder of large photos takes.
  await mapLimited(ordered, 3, async (file) => {
    await intake.file(file);
    env.onProgress?.(++done, files.length, file.name);
  });
  sortResult(intake.result);
  captionPhotos(intake.result.photos, intake.captions);
  return intake.result;
}

/** Gives each photo its caption from a caption list: the list in the photo's folder first, else any that names it. */
function captionPhotos(photos: ParsedPhoto[], captions: PhotoCaption[]): void {
  for (const photo of photos) {
    const named = captions.filter((c) => path.posix.basename(c.photo).toLowerCase() === path.posix.basename(photo.file).toLowerCase());
    const caption = named.find((c) => path.posix.dirname(c.from) === path.posix.dirname(photo.file)) ?? named[0];
    if (caption) photo.caption = caption.caption.slice(0, 200);
  }
}

const rank = (kind: Kind) => (kind === 'image' ? 2 : kind === 'enterprise' || kind === 'unsupported' ? 1 : 0);

/** Parallel work finishes in any order; people and tests want a stable one (by file name). */
function sortResult(result: IntakeResult): void {
  const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  result.documents.sort(byFile);
  result.notes.sort(byFile);
  result.photos.sort(byFile);
  result.problems.sort(byFile);
}
