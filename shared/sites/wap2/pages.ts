/**
 * The WAP 2.0 channel: XHTML Mobile Profile 1.0 pages with a WAP CSS style sheet. Every page stays
 * within 10 KB of markup and 20 KB with its images and style sheet; long content continues on
 * further pages ("下一页").
 */
import type { SiteContext } from '../context';
import { itemBody, itemFacts, itemImages, listNote, listTitle } from '../itemView';
import { contentKey, type Job, type JobSink, type ResolvedImage } from '../job';
import { h, type Child, type Element } from '../markup/node';
import { serialize } from '../markup/serialize';
import { oneLine, truncate, utf8Length } from '../markup/text';
import { itemTitle, plainText, type Column, type Item } from '../model';
import { paginate } from '../pager';
import { columnPath, homePath, itemPath, mimeOf, relativeHref } from '../paths';
import type { Location } from '../report';
import { blocksToChunks, chunk, imageChunk, WAP2_BREAK_AFTER, type Wap2Chunk } from './richText';

export const WAP2_MARKUP_BUDGET = 10 * 1024;
export const WAP2_PAGE_BUDGET = 20 * 1024;

const PROLOGUE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.0//EN" "http://www.wapforum.org/DTD/xhtml-mobile10.dtd">\n';

export function wap2Css(ctx: SiteContext): string {
  const p = ctx.style.palette;
  const colour = (c: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : '#333333');
  return `body{margin:0;padding:0;font-size:medium;color:${colour(p.text)};background:#ffffff}
a{color:${colour(p.primary)}}
.hd{background:${colour(p.primary)};color:#ffffff;padding:4px}
.hd a{color:#ffffff;font-weight:bold;text-decoration:none}
h1{font-size:large;margin:4px}
h2,h3,h4{font-size:medium;margin:4px}
p,div,ul,ol,table{margin:4px}
.note{color:${colour(p.muted)};font-size:small}
.price{color:${colour(p.accent)}}
.nav{border-top:1px solid ${colour(p.border)};padding:4px}
.ft{background:${colour(p.surface)};padding:4px;font-size:small}
`;
}

interface PageParts {
  title: string;
  /** Above the paged content on every page (breadcrumb, title). */
  top: Element[];
  /** Links that continue the content: built per page. */
  nav: (page: number, pages: number) => Element | null;
}

function header(ctx: SiteContext, path: string, logo: ResolvedImage | undefined): Element {
  const { profile } = ctx.site;
  return h(
    'div',
    { class: 'hd' },
    logo ? [h('img', { src: logo.href, alt: '', width: logo.width, height: logo.height }), h('br')] : null,
    h('a', { href: relativeHref(path, homePath('wap2')) }, profile.name),
  );
}

function footer(ctx: SiteContext, path: string): Element {
  const phone = ctx.site.profile.contact.phones[0];
  return h(
    'div',
    { class: 'ft' },
    h('a', { href: relativeHref(path, homePath('wap2')), accesskey: '0' }, '0 首页'),
    phone ? [' | ', h('a', { href: `tel:${phone.number.replace(/[^\d+]/g, '')}` }, `电话 ${phone.number}`)] : null,
  );
}

function xhtmlDocument(ctx: SiteContext, path: string, title: string, body: Child[]): string {
  const html = h(
    'html',
    { xmlns: 'http://www.w3.org/1999/xhtml', 'xml:lang': 'zh-CN' },
    h('head', {}, h('title', {}, truncate(oneLine(title), 30)), h('link', { rel: 'stylesheet', type: 'text/css', href: relativeHref(path, 'style.css') })),
    h('body', {}, body),
  );
  return PROLOGUE + serialize(html, { syntax: 'xml', breakAfter: WAP2_BREAK_AFTER });
}

interface PagedEnv {
  ctx: SiteContext;
  sink: JobSink;
  where: Location;
  /** Page n's path. */
  pathOf: (page: number) => string;
  maxLinks: number;
}

/**
 * Pages `chunks` within the budgets (measured with a worst-case navigation bar), writes each page,
 * and reports pages that stay over budget because a single chunk (a large image) cannot be split.
 */
function writePaged(env: PagedEnv, parts: PageParts, chunks: Wap2Chunk[], withLogo: boolean, cssBytes: number): void {
  const { ctx, sink } = env;
  const probePath = env.pathOf(2);
  const logo = withLogo && ctx.site.profile.logo ? sink.image(ctx.site.profile.logo, 'wap2', env.pathOf(1), { section: 'profile', field: 'logo' }) : undefined;
  const logoBytes = logo?.bytes ?? 0;
  const shell = (page: number, pages: number, content: Element[]) => {
    const path = env.pathOf(page);
    return [header(ctx, path, page === 1 ? logo : undefined), ...parts.top, ...content, parts.nav(page, pages), footer(ctx, path)].filter((x): x is Element => x !== null);
  };
  const shellBytes = utf8Length(xhtmlDocument(ctx, probePath, parts.title, shell(2, 3, []))) + (logo ? 200 : 0);
  const fits = (page: Wap2Chunk[]) => {
    const markup = shellBytes + page.reduce((n, c) => n + c.bytes, 0);
    const images = page.reduce((n, c) => n + c.imageBytes, 0);
    const links = page.reduce((n, c) => n + c.links, 0);
    return markup <= WAP2_MARKUP_BUDGET && markup + images + cssBytes + logoBytes <= WAP2_PAGE_BUDGET && links <= env.maxLinks;
  };
  const pages = paginate(chunks, fits, (c, f) => c.split?.(f) ?? null, (head, tail) => head.bytes * 2 >= tail.bytes);
  pages.forEach((content, index) => {
    const page = index + 1;
    let number = 0;
    const placed = content.map((c) => (c.numbered ? { ...c, nodes: c.numbered(++number) } : c));
    const path = env.pathOf(page);
    const text = xhtmlDocument(ctx, path, pages.length > 1 ? `${parts.title}（${page}/${pages.length}）` : parts.title, shell(page, pages.length, placed.flatMap((c) => c.nodes)));
    const resourceBytes = placed.reduce((n, c) => n + c.imageBytes, 0) + cssBytes + (page === 1 ? logoBytes : 0);
    const bytes = utf8Length(text);
    sink.file(path, mimeOf(path), text, { resourceBytes, where: env.where });
    if (bytes > WAP2_MARKUP_BUDGET || bytes + resourceBytes > WAP2_PAGE_BUDGET)
      sink.finding({ severity: 'error', code: 'page.too_large', message: `WAP 2.0 page is ${bytes} bytes of markup and ${bytes + resourceBytes} bytes with images (limits 10 KB and 20 KB).`, path: `wap2/${path}`, where: env.where, params: { bytes, total: bytes + resourceBytes } });
  });
  if (pages.length > 1)
    sink.finding({ severity: 'info', code: 'page.split', message: `Shown on ${pages.length} WAP 2.0 pages.`, path: `wap2/${env.pathOf(1)}`, where: env.where, params: { pages: pages.length } });
}

function pageNav(path: (n: number) => string, back: { href: string; label: string } | null) {
  return (page: number, pages: number): Element | null => {
    const here = path(page);
    const links: Child[] = [];
    if (page > 1) links.push(h('a', { href: relativeHref(here, path(page - 1)) }, '上一页'), ' ');
    if (page < pages) links.push(h('a', { href: relativeHref(here, path(page + 1)) }, '下一页'), ' ');
    if (back) links.push(h('a', { href: relativeHref(here, back.href) }, back.label));
    return links.length ? h('div', { class: 'nav' }, links) : null;
  };
}

const cssBytesOf = (ctx: SiteContext) => utf8Length(wap2Css(ctx));

/** A numbered menu line: "1 公司简介", with accesskey 1–9. */
function menuLine(href: string, index: number, label: string, note?: string): Element {
  const key = index <= 9 ? String(index) : undefined;
  return h('div', {}, h('a', { href, accesskey: key }, `${key ? `${key} ` : ''}${label}`), note ? [' ', h('span', { class: 'note' }, note)] : null);
}

/** A menu link chunk, numbered once the pager has placed it. */
function menuChunk(href: string, label: string, note?: string): Wap2Chunk {
  return { ...chunk([menuLine(href, 9, label, note)]), links: 1, numbered: (n) => [menuLine(href, n, label, note)] };
}

/* ---------- jobs ---------- */

function homeJob(ctx: SiteContext): Job {
  const intro = ctx.enabled.wap2.find((c) => c.type === 'intro');
  return {
    key: `wap2:home\n${ctx.fingerprint}\n${contentKey(intro?.body ?? null)}`,
    run(sink) {
      const path = homePath('wap2');
      const { profile } = ctx.site;
      const excerpt = intro ? truncate(plainText(intro.body).split('\n')[0] ?? '', 60) : '';
      const menu = ctx.enabled.wap2.map((c) => menuChunk(relativeHref(path, columnPath('wap2', c.id)), c.title));
      const top = [h('h1', {}, profile.name), profile.slogan ? h('p', { class: 'note' }, profile.slogan) : null, excerpt ? h('p', {}, excerpt) : null].filter((x): x is Element => x !== null);
      writePaged({ ctx, sink, where: {}, pathOf: (n) => (n === 1 ? path : `index-${n}.xhtml`), maxLinks: 9 }, { title: profile.name, top, nav: pageNav((n) => (n === 1 ? path : `index-${n}.xhtml`), null) }, menu, true, cssBytesOf(ctx));
    },
  };
}

function contactChunks(ctx: SiteContext): Wap2Chunk[] {
  const c = ctx.site.profile.contact;
  const lines: Child[][] = [
    c.address ? ['地址：', c.address] : [],
    ...c.phones.map((p) => [`${p.label || '电话'}：`, h('a', { href: `tel:${p.number.replace(/[^\d+]/g, '')}` }, p.number)]),
    c.person ? ['联系人：', c.person] : [],
    c.email ? ['邮箱：', c.email] : [],
    c.hours ? ['营业时间：', c.hours] : [],
  ].filter((l) => l.length > 0);
  return lines.map((line) => chunk([h('p', {}, line)]));
}

function guestbookChunk(ctx: SiteContext): Wap2Chunk {
  return chunk([
    h(
      'form',
      { action: ctx.guestbookAction, method: 'post' },
      h(
        'p',
        {},
        h('input', { type: 'hidden', name: 'site', value: ctx.urls.host }),
        h('label', { for: 'gb-phone' }, '手机'),
        h('br'),
        h('input', { type: 'text', name: 'phone', id: 'gb-phone', size: 12, maxlength: 20 }),
        h('br'),
        h('label', { for: 'gb-message' }, '留言内容'),
        h('br'),
        h('textarea', { name: 'message', id: 'gb-message', rows: 3, cols: 16 }, ''),
        h('br'),
        h('input', { type: 'submit', value: '提交留言' }),
      ),
    ),
  ]);
}

function columnJob(ctx: SiteContext, column: Column): Job {
  const links = column.items.map((i) => [i.id, listTitle(i), listNote(i)]);
  return {
    key: `wap2:column:${column.id}\n${ctx.fingerprint}\n${contentKey([column.body, links])}`,
    run(sink) {
      const where = { columnId: column.id };
      const pathOf = (n: number) => columnPath('wap2', column.id, n);
      const env = { sink, pagePath: pathOf(1), where: { ...where, field: 'body' }, showImages: ctx.layout.wap2.showImages };
      const chunks: Wap2Chunk[] = blocksToChunks(column.body, env);
      if (column.type === 'contact') chunks.push(...contactChunks(ctx));
      if (column.type === 'guestbook') chunks.push(guestbookChunk(ctx));
      // All column pages sit in the same folder (c/), so a link from page 1 is the link from every page.
      for (const item of column.items) chunks.push(menuChunk(relativeHref(pathOf(1), itemPath('wap2', item.id)), listTitle(item), listNote(item)));
      if (!chunks.length) chunks.push(chunk([h('p', {}, '暂无内容。')]));
      const top = [h('h1', {}, column.title)];
      const maxLinks = Math.min(ctx.layout.wap2.itemsPerPage, 9);
      writePaged({ ctx, sink, where, pathOf, maxLinks }, { title: column.title, top, nav: pageNav(pathOf, { href: homePath('wap2'), label: '返回首页' }) }, chunks, false, cssBytesOf(ctx));
    },
  };
}

function itemJob(ctx: SiteContext, column: Column, item: Item): Job {
  return {
    key: `wap2:item:${item.id}\n${ctx.fingerprint}\n${column.id}\n${ctx.keyOf(item)}`,
    run(sink) {
      const where = { columnId: column.id, itemId: item.id };
      const pathOf = (n: number) => itemPath('wap2', item.id, n);
      const body = itemBody(item);
      const env = { sink, pagePath: pathOf(1), where: { ...where, field: body.field }, showImages: ctx.layout.wap2.showImages };
      const facts = itemFacts(item);
      const chunks: Wap2Chunk[] = [];
      if (facts.length) chunks.push(chunk([h('p', {}, facts.map((f, i) => [i ? h('br') : null, `${f.label}：`, f.tel ? h('a', { href: `tel:${f.value.replace(/[^\d+]/g, '')}` }, f.value) : f.value]))]));
      for (const { image, field } of itemImages(item)) {
        const c = imageChunk({ ...env, where }, image, undefined, field);
        if (c) chunks.push(c);
      }
      chunks.push(...blocksToChunks(body.blocks, env));
      if (!chunks.length) chunks.push(chunk([h('p', {}, '暂无详细内容。')]));
      const top = [h('h1', {}, itemTitle(item))];
      writePaged({ ctx, sink, where, pathOf, maxLinks: 0 }, { title: itemTitle(item), top, nav: pageNav(pathOf, { href: columnPath('wap2', column.id), label: `返回${column.title}` }) }, chunks, false, cssBytesOf(ctx));
    },
  };
}

function styleJob(ctx: SiteContext): Job {
  return {
    key: `wap2:style\n${ctx.fingerprint}`,
    run(sink) {
      sink.file('style.css', mimeOf('style.css'), wap2Css(ctx));
    },
  };
}

export function wap2Jobs(ctx: SiteContext): Job[] {
  return [homeJob(ctx), styleJob(ctx), ...ctx.enabled.wap2.flatMap((column) => [columnJob(ctx, column), ...column.items.map((item) => itemJob(ctx, column, item))])];
}
