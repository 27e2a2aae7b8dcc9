/**
 * `licence.read`: the licence picture through the OCR worker (infra/ocr, PaddleOCR models), its rows
 * through the field reader (fields.ts). A PDF is read from its text layer when that holds a licence
 * (a valid credit code), else through its largest picture (a scan). With `keep`, the file read is
 * stored for the enterprise registered from it (photo.ts). A photo in a format browsers do not all
 * show (HEIC from an iPhone, BMP, TIFF, GIF) is first made a JPEG/PNG in the read worker, as intake
 * photos are; that picture is read and kept.
 */
import { readFileSync, statSync } from 'node:fs';
import sharp from 'sharp';
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { ocrRows, type OcrRow } from '../../infra/ocr/layout';
import { prepareOcr, recognizeText } from '../../infra/ocr/ocrClient';
import { readAsset } from '../assets/store';
import { sniffImageFormat } from '../assets/images';
import { PdfProblem, pdfTextLines, readPdf } from '../intake/pdf';
import { readInWorker } from '../intake/readClient';
import { licenceFields } from './fields';
import { keepLicenceFile } from './photo';

const MAX_FILE_BYTES = 15 * 1024 * 1024;
/** A licence's print is large: lines are found on the picture at this long side, and read at full size (infra/ocr/engine.ts). */
const DETECTION_SIDE = 960;
/** OCR sees at most this many pixels; a bigger photo is scaled down first (the worker scales for detection anyway). */
const MAX_PIXELS = 40_000_000;

function sourceBytes(source: ParsedInput<'licence.read'>['source']): Buffer {
  if (source.kind === 'file') return Buffer.from(source.base64, 'base64');
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch {
    throw new AppError('licence.file_not_found', `There is no file ${source.path}.`, { field: 'source.path' });
  }
  if (size > MAX_FILE_BYTES)
    throw new AppError('licence.too_large', `The file has ${size} bytes; a licence picture has at most ${MAX_FILE_BYTES}.`, {
      field: 'source',
    });
  return readFileSync(source.path);
}

const unreadablePdf = (error: unknown) =>
  new AppError('licence.unreadable', `The PDF cannot be read: ${(error as Error).message}`, { field: 'source' });

/** The largest picture of a scanned PDF. */
async function pictureOfPdf(bytes: Buffer): Promise<Buffer> {
  const pictures: Buffer[] = [];
  try {
    // A scan under its OCR text layer is handed back apart from the pictures on the pages.
    const { scannedPages } = await readPdf(bytes, async (picture) => void pictures.push(picture));
    pictures.push(...scannedPages);
  } catch (error) {
    if (!(error instanceof PdfProblem) || error.code !== 'pdf.no_text') throw unreadablePdf(error);
  }
  const largest = pictures.sort((a, b) => b.length - a.length)[0];
  if (!largest)
    throw new AppError('licence.unreadable', 'The PDF holds no picture of a licence: scan it as a picture (JPEG or PNG).', {
      field: 'source',
    });
  return largest;
}

/** The rows of a PDF's text layer, when they hold a licence with a credit code that passes its check. */
async function pdfLicenceRows(bytes: Buffer): Promise<OcrRow[] | null> {
  let lines;
  try {
    lines = await pdfTextLines(bytes);
  } catch (error) {
    throw unreadablePdf(error);
  }
  // Printed text is exact: as sure as a row can be.
  const rows = lines.map((l) => ({ text: l.text, cells: l.cells ?? [], score: 1 }));
  return licenceFields(rows).creditCodeValid ? rows : null;
}

const NOT_A_PICTURE = 'The file is not a picture this app can read: take a JPEG, PNG or HEIC photo of the licence, or a PDF scan.';

/** Formats kept and read as they are; any other picture is normalized to JPEG/PNG first. */
const KEPT_AS_IS = new Set(['jpeg', 'png', 'webp']);

/** The licence picture as JPEG/PNG (HEIC, BMP, TIFF, GIF converted in the read worker, stored like an intake photo). */
async function viewablePicture(dataDir: string, bytes: Buffer): Promise<Buffer> {
  const format = sniffImageFormat(bytes);
  if (KEPT_AS_IS.has(format) || bytes.subarray(0, 5).toString('latin1') === '%PDF-') return bytes;
  const output = await readInWorker({ kind: 'picture', file: 'licence', bytes, dataDir });
  const image = output.images[0];
  if (!image) throw new AppError('licence.unreadable', `${NOT_A_PICTURE} (${output.problems[0]?.message ?? format})`, { field: 'source' });
  return readAsset(dataDir, image.sha256);
}

async function checkPicture(bytes: Buffer): Promise<void> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
  } catch {
    throw new AppError('licence.unreadable', NOT_A_PICTURE, { field: 'source' });
  }
}

/** The licence's rows of text: from a PDF's text layer, or by OCR of the picture. */
async function licenceRows(bytes: Buffer): Promise<{ rows: OcrRow[]; ms: number }> {
  if (bytes.length > MAX_FILE_BYTES)
    throw new AppError('licence.too_large', `The file has ${bytes.length} bytes; a licence picture has at most ${MAX_FILE_BYTES}.`, {
      field: 'source',
    });
  const started = performance.now();
  const isPdf = bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (isPdf) {
    const printed = await pdfLicenceRows(bytes);
    if (printed) return { rows: printed, ms: performance.now() - started };
  } else await checkPicture(bytes);
  const result = await recognizeText(isPdf ? await pictureOfPdf(bytes) : bytes, { detectionSide: DETECTION_SIDE });
  return { rows: ocrRows(result.lines), ms: performance.now() - started };
}

export async function readLicence(
  ctx: Pick<ReadContext, 'dataDir'>,
  { source, keep }: ParsedInput<'licence.read'>,
): Promise<Output<'licence.read'>> {
  const bytes = await viewablePicture(ctx.dataDir, sourceBytes(source));
  const { rows, ms } = await licenceRows(bytes);
  if (!rows.some((r) => r.text.trim()))
    throw new AppError(
      'licence.no_text',
      'No text was found in the picture: take the photo again, closer and in focus, with the whole licence in view.',
      { field: 'source' },
    );
  const { creditCodeReading, ...fields } = licenceFields(rows);
  return {
    ...fields,
    creditCodeUnsure: creditCodeReading?.unsure ?? [],
    creditCodeCorrections: creditCodeReading?.corrections ?? [],
    readMs: Math.round(ms),
    photo: keep ? keepLicenceFile(ctx.dataDir, bytes) : null,
  };
}

export const prepareLicenceReader = async (): Promise<Output<'licence.prepare'>> => ({ loadMs: Math.round(await prepareOcr()) });
