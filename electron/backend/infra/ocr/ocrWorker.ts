/**
 * Offline Chinese OCR in a worker thread (engine.ts: PaddleOCR models in ONNX through
 * onnxruntime-node), loaded once per worker. Answers each picture with its text lines.
 */
import { availableParallelism } from 'node:os';
import { serveRequests } from '../workerThread';
import { OcrEngine } from './engine';
import type { OcrResult } from './types';

export interface OcrRequest {
  /** Empty: only load the models (a screen that will read soon warms the worker). */
  bytes: Uint8Array;
  /** The long side detection runs at (engine.ts); the default suits small print. */
  detectionSide?: number;
}

let engine: Promise<OcrEngine> | undefined;

async function recognize({ bytes, detectionSide }: OcrRequest): Promise<OcrResult> {
  const loadStart = performance.now();
  const fresh = !engine;
  engine ??= OcrEngine.load(Math.max(1, Math.min(4, availableParallelism())));
  const ocr = await engine;
  const loadMs = fresh ? performance.now() - loadStart : 0;
  if (bytes.length === 0) return { lines: [], width: 0, height: 0, loadMs, readMs: 0 };
  const readStart = performance.now();
  const { lines, width, height } = await ocr.read(bytes, detectionSide);
  return { lines, width, height, loadMs, readMs: performance.now() - readStart };
}

serveRequests(recognize);
