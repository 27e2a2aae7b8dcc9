/** Where each page lives inside its channel's folder, and relative links between them. */
import type { Channel } from './model';

export type PageChannel = Exclude<Channel, 'sms'>;

export const PAGE_EXTENSION: Record<PageChannel, string> = { web: 'html', wap2: 'xhtml', wap1: 'wml' };

export const MIME_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xhtml: 'application/vnd.wap.xhtml+xml; charset=utf-8',
  wml: 'text/vnd.wap.wml; charset=utf-8',
  css: 'text/css; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
  vcf: 'text/vcard; charset=utf-8',
  svg: 'image/svg+xml',
};

export const mimeOf = (path: string): string => MIME_TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/** Page numbers follow a dot, which ids cannot contain, so `news.2` never collides with a column called `news-2`. */
const pageSuffix = (page: number) => (page > 1 ? `.${page}` : '');

/** Paths relative to the channel folder; `page` counts from 1. */
export const homePath = (channel: PageChannel, page = 1): string => `index${pageSuffix(page)}.${PAGE_EXTENSION[channel]}`;
export const columnPath = (channel: PageChannel, columnId: string, page = 1): string =>
  `c/${columnId}${pageSuffix(page)}.${PAGE_EXTENSION[channel]}`;
/** WAP: the text of a column that also lists items gets its own pages, linked from the list. */
export const columnTextPath = (channel: PageChannel, columnId: string, page = 1): string =>
  `c/${columnId}.text${pageSuffix(page)}.${PAGE_EXTENSION[channel]}`;
export const itemPath = (channel: PageChannel, itemId: string, page = 1): string =>
  `i/${itemId}${pageSuffix(page)}.${PAGE_EXTENSION[channel]}`;

/** The link from the page at `from` to `to`, both relative to the same channel folder. */
export function relativeHref(from: string, to: string): string {
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  let byTarget = relativeHrefs.get(dir);
  if (!byTarget) relativeHrefs.set(dir, (byTarget = new Map()));
  let href = byTarget.get(to);
  if (href === undefined) {
    if (byTarget.size >= MAX_REMEMBERED) byTarget.clear();
    byTarget.set(to, (href = computeRelativeHref(from, to)));
  }
  return href;
}

/** Pages of a folder link to the same targets (navigation, home, lists) over and over: each answer is kept, per folder. */
const relativeHrefs = new Map<string, Map<string, string>>();
const MAX_REMEMBERED = 50_000;

function computeRelativeHref(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  return [...fromDirs.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}
