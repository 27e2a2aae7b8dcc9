/**
 * A PDF page whose text was turned into outlines (转曲: a print shop's file from CorelDRAW or Illustrator, every letter a
 * filled shape, no fonts and no text layer) holds its words only as drawing: the page is rendered to a picture
 * (pdf.js onto @napi-rs/canvas) and read by OCR like a scanned page.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { subPaths } from './pdfRules';

/** Fewer filled shapes than this is a border, a rule or a small logo; a line of outlined text alone is dozens. */
const MIN_DRAWN_SHAPES = 150;
/** The rendered page's long side in pixels: OCR scales pictures to 1280, so this keeps small print sharp. */
const RENDER_SIDE = 1920;

/** Whether a page draws many filled shapes: outlined letters (glyph outlines are filled, one sub-path per stroke or hole). */
export function drawsOutlines(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): boolean {
  const filling = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let shapes = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    if (list.fnArray[i] !== OPS.constructPath) continue;
    const args = list.argsArray[i] as unknown[];
    const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
    if (data && filling.has(args[0] as number)) shapes += subPaths(data).length;
    if (shapes >= MIN_DRAWN_SHAPES) return true;
  }
  return false;
}

type Canvas = typeof import('@napi-rs/canvas');
let canvasModule: Promise<Canvas | undefined> | undefined;
/** @napi-rs/canvas ships prebuilt binaries; where none fits the platform, pages cannot be rendered (undefined). */
const loadCanvas = () => (canvasModule ??= import('@napi-rs/canvas').catch(() => undefined));

/** The page as a PNG on white, its long side RENDER_SIDE pixels; undefined when no canvas can be loaded or drawing fails. */
export async function renderPage(page: PDFPageProxy): Promise<Buffer | undefined> {
  const canvasLib = await loadCanvas();
  if (!canvasLib) return undefined;
  try {
    const unit = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: RENDER_SIDE / Math.max(unit.width, unit.height) });
    const canvas = canvasLib.createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    return canvas.toBuffer('image/png');
  } catch {
    return undefined;
  }
}
