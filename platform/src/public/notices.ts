/**
 * What a visitor sees after posting 留言 or 订单 (and when a post is refused): the live revision's
 * own guestbook page in their channel — the site's style sheet, header, navigation and footer —
 * with its content replaced by the notice and a link back. Its relative links are made absolute,
 * since the notice is answered at `/guestbook`, not at the page's address. A revision without a
 * guestbook page, or one whose markup is not what the compiler writes, gets the plain page.
 */
import type { Bundle } from './siteFiles';
import { CHANNEL_PREFIX, plainPage, type PageChannel } from './channels';

export interface Notice {
  title: string;
  text: string;
  link: { href: string; label: string };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The channel folder's compiled guestbook page (the column page whose form posts to /guestbook). */
const GUESTBOOK_PAGE: Record<PageChannel, RegExp> = {
  web: /^web\/c\/[^/]+\.html$/,
  wap2: /^wap2\/c\/[^/]+\.xhtml$/,
  wap1: /^wap1\/c\/[^/]+\.wml$/,
};

type GuestbookPage = { url: string; text: string } | undefined;
/** Found once per revision and channel (a revision's files never change). */
const found = new WeakMap<Bundle, Map<PageChannel, GuestbookPage>>();

function guestbookPage(bundle: Bundle, channel: PageChannel): GuestbookPage {
  let byChannel = found.get(bundle);
  if (!byChannel) found.set(bundle, (byChannel = new Map()));
  if (!byChannel.has(channel)) byChannel.set(channel, findGuestbookPage(bundle, channel));
  return byChannel.get(channel);
}

function findGuestbookPage(bundle: Bundle, channel: PageChannel): GuestbookPage {
  for (const [path, file] of bundle.files) {
    if (!GUESTBOOK_PAGE[channel].test(path) || file.text === undefined || !file.text.includes('"/guestbook"')) continue;
    return { url: `${CHANNEL_PREFIX[channel]}${path.slice(path.indexOf('/') + 1)}`, text: file.text };
  }
  return undefined;
}

/** Relative href/src values resolved against the page's own URL path. */
const absoluteLinks = (markup: string, pageUrl: string) =>
  markup.replace(/ (href|src)="([^"#:/][^":]*)"/g, (_, name: string, value: string) => {
    const url = new URL(value.replace(/&amp;/g, '&'), `http://site${pageUrl}`);
    return ` ${name}="${escape(url.pathname + url.search + url.hash)}"`;
  });

/** WAP pages end with a link home already: the notice's own link is shown only when it leads elsewhere. */
const linkUnlessHome = (link: Notice['link'], before: string) =>
  link.href === CHANNEL_PREFIX.wap2 || link.href === CHANNEL_PREFIX.wap1
    ? ''
    : `${before}<a href="${escape(link.href)}">${escape(link.label)}</a>`;

function webNotice(page: string, notice: Notice): string | undefined {
  if (!/<main>[\s\S]*<\/main>/.test(page) || !/<title>[^<]*<\/title>/.test(page)) return undefined;
  const { title, text, link } = notice;
  return page
    .replace(
      /<title>([^<]*)<\/title>/,
      (_, old: string) => `<title>${escape(title)}${old.includes(' - ') ? old.slice(old.indexOf(' - ')) : ''}</title>`,
    )
    .replace(
      /<main>[\s\S]*<\/main>/,
      () =>
        `<main><h1>${escape(title)}</h1>\n<p>${escape(text)}</p>\n<p><a href="${escape(link.href)}">${escape(link.label)}</a></p>\n</main>`,
    );
}

function wap2Notice(page: string, notice: Notice): string | undefined {
  if (!/<h1>[\s\S]*?(?=<div class="nav">)/.test(page) || !/<title>[^<]*<\/title>/.test(page)) return undefined;
  const { title, text, link } = notice;
  return page
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`)
    .replace(/<h1>[\s\S]*?(?=<div class="nav">)/, () => `<h1>${escape(title)}</h1>\n<p>${escape(text)}${linkUnlessHome(link, ' ')}</p>\n`);
}

function wmlNotice(page: string, notice: Notice): string | undefined {
  const home = /<p><a [^>]*accesskey="0"[^>]*>[^<]*<\/a><\/p>\n/.exec(page)?.[0];
  const back = /<do type="prev"[\s\S]*?<\/do>\n/.exec(page)?.[0];
  const prologue = /^[\s\S]*?(?=<wml>)/.exec(page)?.[0];
  if (!home || !back || !prologue) return undefined;
  const { title, text, link } = notice;
  return `${prologue}<wml><card title="${escape(title)}"><p>${escape(text)}${linkUnlessHome(link, '<br/>')}</p>\n${home}${back}</card>\n</wml>\n`;
}

const NOTICE: Record<PageChannel, (page: string, notice: Notice) => string | undefined> = {
  web: webNotice,
  wap2: wap2Notice,
  wap1: wmlNotice,
};

/** Where the revision's guestbook page is in `channel` (the way back after a refused post), if it has one. */
export const guestbookUrl = (bundle: Bundle | undefined, channel: PageChannel): string | undefined =>
  (bundle && guestbookPage(bundle, channel))?.url;

/** The notice as a page of the site in `channel`, or the plain page when the revision has no guestbook page to dress it in. */
export function noticePage(bundle: Bundle | undefined, channel: PageChannel, notice: Notice): string {
  const page = bundle && guestbookPage(bundle, channel);
  const dressed = page && NOTICE[channel](absoluteLinks(page.text, page.url), notice);
  return dressed ?? plainPage(channel, notice.title, notice.text, notice.link);
}
