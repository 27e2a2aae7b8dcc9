/**
 * `licence.read`: the licence picture through the OCR worker (infra/ocr, PaddleOCR models), its rows
 * through the field reader (fields.ts). A PDF scan is read through its largest picture.
 */
import { readFileSync, statSync } from 'node:fs';
import sharp from 'sharp';
import type { Output, ParsedInput } from '../../../../shared/api';
import { AppError } from '../../app/errors';
import { ocrRows } from '../../infra/ocr/layout';
import { recognizeText } from '../../infra/ocr/ocrClient';
import { PdfProblem, readPdf } from '../intake/pdf';
import { licenceFields } from './fields';

const MAX_FILE_BYTES = 15 * 1024 * 1024;
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
  if (size > MAX_FILE_BYTES) throw new AppError('licence.too_large', `The file has ${size} bytes; a licence picture has at most ${MAX_FILE_BYTES}.`, { field: 'source' });
  return readFileSync(source.path);
}

/** The largest picture of a scanned PDF. */
async function pictureOfPdf(bytes: Buffer): Promise<Buffer> {
  const pictures: Buffer[] = [];
  try {
    await readPdf(bytes, async (picture) => void pictures.push(picture));
  } catch (error) {
    if (!(error instanceof PdfProblem) || error.code !== 'pdf.no_text') throw new AppError('licence.unreadable', `The PDF cannot be read: ${(error as Error).message}`, { field: 'source' });
  }
  const largest = pictures.sort((a, b) => b.length - a.length)[0];
  if (!largest) throw new AppError('licence.unreadable', 'The PDF holds no picture of a licence: scan it as a picture (JPEG or PNG).', { field: 'source' });
  return largest;
}

async function pictureOf(bytes: Buffer): Promise<Buffer> {
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('licence.too_large', `The file has ${bytes.length} bytes; a licence picture has at most ${MAX_FILE_BYTES}.`, { field: 'source' });
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return pictureOfPdf(bytes);
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
  } catch {
    throw new AppError('licence.unreadable', 'The file is not a picture this app can read: take a JPEG or PNG photo of the licence, or a PDF scan.', { field: 'source' });
  }
  return bytes;
}

export async function readLicence({ source }: ParsedInput<'licence.read'>): Promise<Output<'licence.read'>> {
  const picture = await pictureOf(sourceBytes(source));
  const result = await recognizeText(picture);
  const rows = ocrRows(result.lines);
  if (!rows.some((r) => r.text.trim())) throw new AppError('licence.no_text', 'No text was found in the picture: take the photo again, closer and in focus, with the whole licence in view.', { field: 'source' });
  const { creditCodeReading, ...fields } = licenceFields(rows);
  return {
    ...fields,
    creditCodeUnsure: creditCodeReading?.unsure ?? [],
    creditCodeCorrections: creditCodeReading?.corrections ?? [],
    readMs: Math.round(result.loadMs + result.readMs),
  };
}
