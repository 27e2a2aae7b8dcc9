/** jsdom for the renderer's components: Testing Library's matchers, the app's i18n, and what jsdom lacks. */
import '@testing-library/jest-dom/vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../renderer/src/i18n';
import { FIXTURES_DIR } from '../helpers/paths';

// antd reads media queries and watches sizes; jsdom has neither (nothing here depends on the answers).
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  }) as MediaQueryList;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// jsdom draws nothing: the signature pad gets a 2D context that accepts every call and draws nothing,
// and its picture is a real signature's PNG (what a drawn pad gives the backend to put on the PDF).
HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement) {
  return new Proxy({ canvas: this }, { get: (target, key) => (key === 'canvas' ? target.canvas : () => undefined), set: () => true });
} as never;
const SIGNATURE_PNG = readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png')).toString('base64');
HTMLCanvasElement.prototype.toDataURL = () => `data:image/png;base64,${SIGNATURE_PNG}`;

// jsdom's window brings its own Uint8Array, which Node's Buffers are not instances of: the backend's PDF
// renderer (pdfkit) then refuses the CJK font it reads from disk. Node's own constructor puts it right.
globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;

// What a user waits for (a page loading its code, a save) can take seconds on a machine shared by CI jobs.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
