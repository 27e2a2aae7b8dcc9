/**
 * A compiled WEB or WAP 2.0 page made ready for a sandboxed preview frame: its style sheet inlined,
 * its pictures as data URLs, links made inert (the frame cannot navigate; the page picker does) and
 * a Content-Security-Policy that allows no script and no network at all. The page is parsed with
 * DOMParser, which runs nothing.
 */
import type { Compiled } from '../state/compiledStore';
import { fileText } from '../state/compiledStore';
import { dataUrlForAssetPath } from '../state/imageCache';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** `web/i/x.html` + `../assets/a.jpg` → `web/assets/a.jpg`. */
export function resolvePath(pagePath: string, href: string): string {
  const url = new URL(href, `https://preview.invalid/${pagePath}`);
  return decodeURIComponent(url.pathname.slice(1));
}

const isInternal = (href: string) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');

function inlineStyles(doc: Document, compiled: Compiled, pagePath: string): void {
  for (const link of [...doc.querySelectorAll('link')]) {
    const href = link.getAttribute('href') ?? '';
    const css = link.getAttribute('rel') === 'stylesheet' && isInternal(href) ? fileText(compiled, resolvePath(pagePath, href)) : undefined;
    if (css !== undefined) {
      const style = doc.createElement('style');
      style.textContent = css;
      link.replaceWith(style);
    } else link.remove();
  }
}

function inlineImages(doc: Document, pagePath: string): void {
  for (const img of [...doc.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    const data = isInternal(src) ? dataUrlForAssetPath(resolvePath(pagePath, src)) : undefined;
    if (data) img.setAttribute('src', data);
    else img.removeAttribute('src');
    const srcset = img.getAttribute('srcset');
    if (srcset) {
      const candidates = srcset.split(',').map((c) => c.trim().split(/\s+/));
      const rewritten = candidates
        .map(([url = '', size = '']) => [isInternal(url) ? dataUrlForAssetPath(resolvePath(pagePath, url)) : undefined, size])
        .filter(([url]) => url);
      if (rewritten.length) img.setAttribute('srcset', rewritten.map((c) => c.join(' ')).join(', '));
      else img.removeAttribute('srcset');
    }
    img.removeAttribute('loading');
  }
}

/** Links keep their look but lead nowhere; where they would go is kept for the tooltip. */
function inertLinks(doc: Document): void {
  for (const a of [...doc.querySelectorAll('a[href]')]) {
    a.setAttribute('data-href', a.getAttribute('href') ?? '');
    a.setAttribute('title', a.getAttribute('href') ?? '');
    a.removeAttribute('href');
  }
  for (const form of [...doc.querySelectorAll('form')]) form.removeAttribute('action');
}

/** Defence in depth: the compiler never emits these, but the preview would not run them anyway. */
function stripActive(doc: Document): void {
  doc.querySelectorAll('script, iframe, object, embed, base, meta[http-equiv]').forEach((el) => el.remove());
  for (const el of doc.querySelectorAll('*'))
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
}

export function previewDocument(compiled: Compiled, pagePath: string, extraCss = ''): string | undefined {
  const source = fileText(compiled, pagePath);
  if (source === undefined) return undefined;
  const doc = new DOMParser().parseFromString(source.replace(/^<\?xml[^>]*>\s*/, ''), 'text/html');
  stripActive(doc);
  inlineStyles(doc, compiled, pagePath);
  inlineImages(doc, pagePath);
  inertLinks(doc);
  const meta = doc.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', CSP);
  doc.head.prepend(meta);
  const style = doc.createElement('style');
  style.textContent = `a[data-href]{cursor:default}${extraCss}`;
  doc.head.append(style);
  return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}
