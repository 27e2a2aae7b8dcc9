/**
 * A PDF's pages drawn into canvases with pdf.js: the desktop window runs no plugins, so the browser's
 * own PDF viewer is not there (issue 8 item 9). pdf.js is loaded on first use, with its worker code
 * on the main thread (a signed order is one or two pages), so no worker script or eval is needed
 * under the app's Content-Security-Policy.
 */
type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;
function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs')]).then(([lib, worker]) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib;
  });
  return loading;
}

/** Pixels per PDF point: sharp on a high-density screen and in print. */
const SCALE = 2;

/** Draws every page of `bytes` into `into`, one canvas each; resolves when all are drawn. */
export async function drawPdfPages(
  bytes: Uint8Array,
  into: HTMLElement,
  label: (page: number) => string,
  cancelled: () => boolean,
): Promise<void> {
  const lib = await pdfjs();
  const pdf = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false }).promise;
  try {
    for (let n = 1; n <= pdf.numPages && !cancelled(); n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      canvas.className = 'ecw-pdf-page';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', label(n));
      into.append(canvas);
      await page.render({ canvas, viewport }).promise;
    }
  } finally {
    await pdf.destroy();
  }
}
