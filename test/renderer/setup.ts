/** jsdom for the renderer's components: Testing Library's matchers, the app's i18n, and what jsdom lacks. */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../renderer/src/i18n';

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
// jsdom draws nothing: the signature pad gets a 2D context that accepts every call and draws nothing.
HTMLCanvasElement.prototype.getContext = function getContext(this: HTMLCanvasElement) {
  return new Proxy({ canvas: this }, { get: (target, key) => (key === 'canvas' ? target.canvas : () => undefined), set: () => true });
} as never;

// What a user waits for (a page loading its code, a save) can take seconds on a machine shared by CI jobs.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
});
