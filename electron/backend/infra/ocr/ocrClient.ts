/**
 * Reading text from a picture, off the dispatcher thread (ocrWorker.ts): one OCR worker per
 * backend process, started on first use, requests answered in order. Used by intake for
 * photographed pages and by anything else that needs the text of a picture.
 */
import { WorkerClient } from '../workerThread';
import type { OcrRequest } from './ocrWorker';
import type { OcrResult } from './types';

export type { OcrLine, OcrResult } from './types';

// The module's URL through a variable: Vite rewrites `new URL('…', import.meta.url)` written out into
// an asset URL when this runs under a browser-like test environment (the renderer tests' jsdom).
const here = import.meta.url;
const client = new WorkerClient<OcrRequest, OcrResult>({
  name: 'OCR',
  bundled: new URL('./ocrWorker.cjs', here),
  source: new URL('./ocrWorker.ts', here),
});

/**
 * The text lines of a picture (JPEG, PNG, WebP …), with boxes and confidences. The bytes are copied,
 * not taken. `detectionSide` below the default makes finding the lines cheaper where print is large.
 */
export function recognizeText(bytes: Uint8Array, options: { detectionSide?: number } = {}): Promise<OcrResult> {
  const copy = new Uint8Array(bytes);
  return client.request({ bytes: copy, ...options }, [copy.buffer]);
}

/** Starts the worker and loads the models now, so the next read does not wait for them; answers the load time (0 when loaded already). */
export const prepareOcr = async (): Promise<number> => (await client.request({ bytes: new Uint8Array(0) })).loadMs;

/** Stops the worker (tests, shutdown); the next request starts a new one. */
export const stopOcrWorker = () => client.stop();
