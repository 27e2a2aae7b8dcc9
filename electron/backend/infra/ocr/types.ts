/** What the OCR worker answers: lines of text with their box (corners clockwise from top-left) and confidence 0..1. */
export interface OcrLine {
  text: string;
  score: number;
  box: [number, number][];
}

export interface OcrResult {
  lines: OcrLine[];
  /** The size of the picture the boxes refer to (after the worker scaled it). */
  width: number;
  height: number;
  /** Milliseconds: loading the models (first request only) and reading this picture. */
  loadMs: number;
  readMs: number;
}
