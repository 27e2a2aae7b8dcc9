/**
 * Reading a batch of customer material: Word documents, text files (notes or content), photos, and
 * the enterprise.json that travels with some folders. Each file is handled on its own: a broken one
 * becomes a problem naming the file, the code and the reason, and the rest goes on. Pictures are
 * normalized and stored by sha256 here; placing everything into the site is sites/importService.ts.
 */
import path from 'node:path';
import type { IntakeProblem } from '../../../../shared/api/sites';
import { createLimiter, mapLimited } from '../assets/concurrency';
import { ImageProblem } from '../assets/images';
import { storeImage, type StoredImage } from '../assets/imageStore';
import { sha256Of } from '../assets/store';
import { convertDocx, DocxProblem, type EmbeddedImage } from './docx';
import { parseWishes, type Wishes } from './notes';
import { structureDocument, textToBlocks, type StructuredMaterial } from './structure';
import { decodeText, TextDecodingProblem } from './textDecoding';
import type { IntakeFile } from './sources';

export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface IntakeEnv {
  dataDir: string;
  newId(): string;
  /** ISO date, for the next date of a festival named in the notes. */
  today: string;
  /** sha256 of files imported before: skipped, so importing a folder twice adds nothing twice. */
  alreadyImported?: ReadonlySet<string>;
  onProgress?(done: number, total: number, label: string): void;
}

export interface ParsedPhoto {
  file: string;
  image: StoredImage;
}

export interface IntakeResult {
  documents: { file: string; material: StructuredMaterial }[];
  notes: { file: string; wishes: Wishes }[];
  photos: ParsedPhoto[];
  /** The enterprise record that came with the folder (import shape of `ecw enterprise create --from`). */
  enterpriseFiles: { file: string; record: Record<string, unknown> }[];
  /** Every picture stored (photos and pictures inside documents), for registration with the site. */
  images: StoredImage[];
  /** The files read, by content, to be skipped by later imports. */
  imported: { file: string; sha256: string }[];
  problems: IntakeProblem[];
}

type Kind = 'docx' | 'text' | 'image' | 'enterprise' | 'legacy_word' | 'unsupported';

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.jpe', '.png', '.gif', '.webp', '.heic', '.heif', '.avif', '.tif', '.tiff', '.bmp']);

function kindOf(name: string): Kind {
  const base = path.posix.basename(name).toLowerCase();
  const ext = path.posix.extname(base);
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps') return 'legacy_word';
  if (ext === '.txt') return 'text';
  if (IMAGE_EXTENSIONS.has(ext) || ext === '') return 'image';
  if (base === 'enterprise.json') return 'enterprise';
  return 'unsupported';
}

const problem = (file: string, code: string, message: string): IntakeProblem => ({ file, code, message });

class Intake {
  readonly result: IntakeResult = { documents: [], notes: [], photos: [], enterpriseFiles: [], images: [], imported: [], problems: [] };
  private readonly imageSlot = createLimiter(2);

  constructor(private readonly env: IntakeEnv) {}

  async file(file: IntakeFile): Promise<void> {
    const kind = kindOf(file.name);
    if (kind === 'legacy_word') return this.report(file.name, 'docx.legacy_format', 'Old Word (.doc) or WPS file: open it in Word or WPS, save it as .docx, and import it again.');
    if (kind === 'unsupported') return this.report(file.name, 'intake.unsupported_type', 'This kind of file is not read: import Word .docx, .txt text and JPEG/PNG/GIF/WebP photos.');
    if (file.size > MAX_FILE_BYTES) return this.report(file.name, 'intake.file_too_large', `Files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read.`);
    try {
      const bytes = await file.read();
      const sha256 = sha256Of(bytes);
      if (this.env.alreadyImported?.has(sha256)) return this.report(file.name, 'intake.already_imported', 'This file was imported into the site before (same content): skipped.');
      if (kind === 'docx') await this.docx(file.name, bytes);
      else if (kind === 'text') this.text(file.name, bytes);
      else if (kind === 'image') await this.photo(file.name, bytes);
      else this.enterprise(file.name, bytes);
      if (kind !== 'enterprise') this.result.imported.push({ file: file.name, sha256 });
    } catch (error) {
      this.reportError(file.name, error);
    }
  }

  private report(file: string, code: string, message: string): void {
    this.result.problems.push(problem(file, code, message));
  }

  private reportError(file: string, error: unknown): void {
    if (error instanceof ImageProblem || error instanceof DocxProblem || error instanceof TextDecodingProblem) this.report(file, error.code, error.message);
    else this.report(file, 'intake.read_failed', `The file could not be read (${(error as Error).message ?? String(error)}).`);
  }

  private async storeImage(bytes: Uint8Array): Promise<StoredImage> {
    const image = await this.imageSlot(() => storeImage(this.env.dataDir, bytes));
    this.result.images.push(image);
    return image;
  }

  private async photo(file: string, bytes: Uint8Array): Promise<void> {
    const image = await this.storeImage(bytes);
    this.result.photos.push({ file, image });
  }

  private async docx(file: string, bytes: Uint8Array): Promise<void> {
    const embedded = async (picture: EmbeddedImage) => {
      try {
        return (await this.storeImage(picture.bytes)).sha256;
      } catch (error) {
        const vector = /x-emf|x-wmf/.test(picture.contentType);
        if (vector) this.report(file, 'docx.image_unsupported', 'A Word drawing (EMF/WMF) inside the document cannot be shown on a site: insert it as a JPEG or PNG picture.');
        else this.reportError(`${file} (${picture.contentType})`, error);
        return undefined;
      }
    };
    const { blocks, warnings } = await convertDocx(bytes, embedded);
    for (const warning of warnings) this.report(file, 'docx.warning', warning);
    this.result.documents.push({ file, material: structureDocument(blocks, file, this.env) });
  }

  private text(file: string, bytes: Uint8Array): void {
    if (bytes.byteLength > MAX_TEXT_BYTES) return this.report(file, 'text.too_large', `Text files over ${MAX_TEXT_BYTES / 1024 / 1024} MB are not read.`);
    const { text } = decodeText(bytes);
    const wishes = parseWishes(text, this.env.today);
    if (wishes.colour || wishes.lottery || wishes.care.length) this.result.notes.push({ file, wishes });
    if (wishes.rest.length) this.result.documents.push({ file, material: structureDocument(textToBlocks(wishes.rest), file, this.env) });
  }

  private enterprise(file: string, bytes: Uint8Array): void {
    let record: unknown;
    try {
      record = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return this.report(file, 'intake.enterprise_unreadable', 'enterprise.json is not valid JSON.');
    }
    if (record && typeof record === 'object' && !Array.isArray(record)) this.result.enterpriseFiles.push({ file, record: record as Record<string, unknown> });
  }
}

/** Reads every file (three at a time, two pictures at a time), reporting progress after each. */
export async function readMaterials(files: IntakeFile[], env: IntakeEnv): Promise<IntakeResult> {
  const intake = new Intake(env);
  let done = 0;
  // Documents and text first so their structure exists; photos are matched later by the site import.
  const ordered = [...files].sort((a, b) => rank(kindOf(a.name)) - rank(kindOf(b.name)));
  // Three files in flight bound the memory a folder of large photos takes.
  await mapLimited(ordered, 3, async (file) => {
    await intake.file(file);
    env.onProgress?.(++done, files.length, file.name);
  });
  sortResult(intake.result);
  return intake.result;
}

const rank = (kind: Kind) => (kind === 'docx' ? 0 : kind === 'text' ? 1 : 2);

/** Parallel work finishes in any order; people and tests want a stable one (by file name). */
function sortResult(result: IntakeResult): void {
  const byFile = <T extends { file: string }>(a: T, b: T) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  result.documents.sort(byFile);
  result.notes.sort(byFile);
  result.photos.sort(byFile);
  result.problems.sort(byFile);
}
