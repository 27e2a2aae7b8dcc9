/**
 * Which channel a visitor gets (content negotiation: issue 10 item 2) and the plain pages the public
 * listener answers itself (404, offline, confirmation, errors) in that channel's markup and MIME type.
 */
import { MIME_TYPES } from '../../../shared/sites/paths';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export type PageChannel = 'web' | 'wap2' | 'wap1';

/** `Accept` naming WML only → WML 1.3; naming XHTML-MP → WAP 2.0; anything else → HTML. */
export function negotiate(accept: string | undefined): PageChannel {
  if (accept === undefined || !/vnd\.wap/i.test(accept)) return 'web';
  const types = (accept ?? '')
    .toLowerCase()
    .split(',')
    .map((t) => t.split(';')[0]!.trim())
    .filter(Boolean);
  if (types.includes('application/vnd.wap.xhtml+xml')) return 'wap2';
  if (types.includes('text/vnd.wap.wml') && !types.some((t) => t === 'text/html' || t === 'application/xhtml+xml')) return 'wap1';
  return 'web';
}

export const PAGE_MIME: Record<PageChannel, string> = { web: MIME_TYPES.html!, wap2: MIME_TYPES.xhtml!, wap1: MIME_TYPES.wml! };

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A plain page with a title and one paragraph, valid in its channel (html-validate, the XHTML-MP and WML DTDs). */
export function plainPage(channel: PageChannel, title: string, text: string, link?: { href: string; label: string }): string {
  const t = escape(title);
  const p = escape(text);
  if (channel === 'wap1') {
    const a = link ? `<br/><a href="${escape(link.href)}">${escape(link.label)}</a>` : '';
    return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE wml PUBLIC "-//WAPFORUM//DTD WML 1.3//EN" "http://www.wapforum.org/DTD/wml13.dtd">\n<wml><card id="main" title="${t}"><p>${p}${a}</p></card></wml>\n`;
  }
  const a = link ? ` <a href="${escape(link.href)}">${escape(link.label)}</a>` : '';
  if (channel === 'wap2') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.0//EN" "http://www.wapforum.org/DTD/xhtml-mobile10.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${t}</title></head><body><h1>${t}</h1><p>${p}${a}</p></body></html>\n`;
  }
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t}</title></head><body><h1>${t}</h1><p>${p}${a}</p></body></html>\n`;
}

/** Where each channel's pages live in the compiled output and under which URL prefix. */
export const CHANNEL_PREFIX: Record<PageChannel, string> = { web: '/', wap2: '/wap/', wap1: '/wml/' };
export const HOME: Record<PageChannel, string> = { web: 'index.html', wap2: 'index.xhtml', wap1: 'index.wml' };
const EXTENSION_CHANNEL: Record<string, PageChannel> = { html: 'web', xhtml: 'wap2', wml: 'wap1' };

/**
 * The compiled file a URL path names. `/wap/…` and `/wml/…` are the explicit WAP paths; everything
 * else is the negotiated channel's, or the channel a page's extension names (a WAP page's relative
 * links from the shared address `/`).
 */
export function filesFor(urlPath: string, negotiated: PageChannel): { channel: PageChannel; file: string }[] {
  for (const channel of ['wap2', 'wap1'] as const) {
    const prefix = CHANNEL_PREFIX[channel];
    if (urlPath === prefix.slice(0, -1) || urlPath.startsWith(prefix)) {
      const rest = urlPath.slice(prefix.length);
      return [{ channel, file: `${channel}/${rest === '' ? HOME[channel] : rest}` }];
    }
  }
  const rest = urlPath.slice(1);
  if (rest === '') return [{ channel: negotiated, file: `${negotiated}/${HOME[negotiated]}` }];
  const byExtension = EXTENSION_CHANNEL[rest.slice(rest.lastIndexOf('.') + 1)];
  const channels = [negotiated, ...(byExtension && byExtension !== negotiated ? [byExtension] : [])];
  return channels.map((channel) => ({ channel, file: `${channel}/${rest}` }));
}

/** Known crawlers are not visitors (issue 10 item 4). */
export const isCrawler = (userAgent: string): boolean =>
  /bot\b|bot\/|crawler|spider|slurp|yisou|sogou|bingpreview|facebookexternalhit/i.test(userAgent);

/** The peer address of a request (in-process requests in tests have none). */
export function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
