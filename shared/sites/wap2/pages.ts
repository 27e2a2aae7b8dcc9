/**
 * The WAP 2.0 channel: XHTML Mobile Profile 1.0 pages with a WAP CSS style sheet. Every page stays
 * within 10 KB of markup and 20 KB with its images and style sheet; long content continues on
 * further pages ("下一页").
 */
import { categoryKey, listsByCategory, numberedGroups } from '../categories';
import type { SiteContext } from '../context';
import { itemBody, itemFacts, itemImages, listNote, listTitle } from '../itemView';
import { contentKey, hasColumnText, wapColumnUnits, type ChannelPlan, type Job, type Unit, type JobSink, type ResolvedImage } from '../job';
import { h, type Child, type ChildInput, type Element } from '../markup/node';
import { serialize } from '../markup/serialize';
import { oneLine, truncate, utf8Length } from '../markup/text';
import { itemTitle, plainText, type Column, type Item } from '../model';
import { paginate } from '../pager';
import { staffFileJobs, staffLinks } from '../staff/files';
import { columnPath, columnTextPath, homePath, itemPath, mimeOf, relativeHref } from '../paths';
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
.hd img{height:40px;width:auto}
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

function xhtmlDocument(ctx: SiteContext, path: string, title: string, body: ChildInput[]): string {
  const html = h(
    'html',
    { xmlns: 'http://www.w3.org/1999/xhtml', 'xml:lang': 'zh-CN' },
    h(
      'head',
      {},
      h('title', {}, truncate(oneLine(title), 30)),
      h('link', { rel: 'stylesheet', type: 'text/css', href: relativeHref(path, 'style.css') }),
    ),
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

/** Writes a page with the bytes it loads, reporting it when over a budget. */
function writePage(sink: JobSink, path: string, text: string, resourceBytes: number, where: Location): void {
  const bytes = utf8Length(text);
  sink.file(path, mimeOf(path), text, { resourceBytes, where });
  if (bytes > WAP2_MARKUP_BUDGET || bytes + resourceBytes > WAP2_PAGE_BUDGET)
    sink.finding({
      severity: 'error',
      code: 'page.too_large',
      message: `WAP 2.0 page is ${bytes} bytes of markup and ${bytes + resourceBytes} bytes with images (limits 10 KB and 20 KB).`,
      path: `wap2/${path}`,
      where,
      params: { bytes, total: bytes + resourceBytes },
    });
}

/**
 * Pages `chunks` within the budgets (measured with a worst-case navigation bar), writes each page,
 * and reports pages that stay over budget because a single chunk (a large image) cannot be split.
 */
function writePaged(env: PagedEnv, parts: PageParts, chunks: Wap2Chunk[], withLogo: boolean, cssBytes: number): void {
  const { ctx, sink } = env;
  const probePath = env.pathOf(998);
  // The logo in the header is the small (WAP 1.0) variant, shown 40 px high.
  const logo =
    withLogo && ctx.site.profile.logo
      ? sink.image(ctx.site.profile.logo, 'wap1', env.pathOf(1), { section: 'profile', field: 'logo' })
      : undefined;
  const logoBytes = logo?.bytes ?? 0;
  const shell = (page: number, pages: number, content: Element[], pageLogo = page === 1 ? logo : undefined) => {
    const path = env.pathOf(page);
    return [header(ctx, path, pageLogo), ...parts.top, ...content, parts.nav(page, pages), footer(ctx, path)].filter(
      (x): x is Element => x !== null,
    );
  };
  // A worst-case shell: the logo, both paging links with three-digit page numbers.
  const shellBytes = utf8Length(xhtmlDocument(ctx, probePath, `${parts.title}（998/999）`, shell(998, 999, [], logo)));
  const fits = (page: Wap2Chunk[]) => {
    const markup = shellBytes + page.reduce((n, c) => n + c.bytes, 0);
    const images = page.reduce((n, c) => n + c.imageBytes, 0);
    const links = page.reduce((n, c) => n + c.links, 0);
    return markup <= WAP2_MARKUP_BUDGET && markup + images + cssBytes + logoBytes <= WAP2_PAGE_BUDGET && links <= env.maxLinks;
  };
  const pages = paginate(
    chunks,
    fits,
    (c, f) => c.split?.(f) ?? null,
    (head, tail) => head.bytes * 2 >= tail.bytes,
  );
  pages.forEach((content, index) => {
    const page = index + 1;
    let number = 0;
    const placed = content.map((c) => (c.numbered ? { ...c, nodes: c.numbered(++number) } : c));
    const path = env.pathOf(page);
    const text = xhtmlDocument(
      ctx,
      path,
      pages.length > 1 ? `${parts.title}（${page}/${pages.length}）` : parts.title,
      shell(
        page,
        pages.length,
        placed.flatMap((c) => c.nodes),
      ),
    );
    writePage(sink, path, text, placed.reduce((n, c) => n + c.imageBytes, 0) + cssBytes + (page === 1 ? logoBytes : 0), env.where);
  });
  if (pages.length > 1)
    sink.finding({
      severity: 'info',
      code: 'page.split',
      message: `Shown on ${pages.length} WAP 2.0 pages.`,
      path: `wap2/${env.pathOf(1)}`,
      where: env.where,
      params: { pages: pages.length },
    });
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
  return h(
    'div',
    {},
    h('a', { href, accesskey: key }, `${key ? `${key} ` : ''}${label}`),
    note ? [' ', h('span', { class: 'note' }, note)] : null,
  );
}

/** A menu link chunk, numbered once the pager has placed it. */
function menuChunk(href: string, label: string, note?: string): Wap2Chunk {
  return { ...chunk([menuLine(href, 9, label, note)]), links: 1, numbered: (n) => [menuLine(href, n, label, note)] };
}

/* ---------- jobs ---------- */

function homeJob(ctx: SiteContext): Job {
  const intro = ctx.enabled.wap2.find((c) => c.type === 'intro');
  return {
    id: 'wap2:home',
    key: [contentKey(intro?.body ?? null)],
    run(sink) {
      const path = homePath('wap2');
      const { profile } = ctx.site;
      const excerpt = intro ? truncate(plainText(intro.body).split('\n')[0] ?? '', 60) : '';
      const menu = ctx.enabled.wap2.map((c) => menuChunk(relativeHref(path, columnPath('wap2', c.id)), c.title));
      const top = [
        h('h1', {}, profile.name),
        profile.slogan ? h('p', { class: 'note' }, profile.slogan) : null,
        excerpt ? h('p', {}, excerpt) : null,
      ].filter((x): x is Element => x !== null);
      writePaged(
        { ctx, sink, where: {}, pathOf: (n) => homePath('wap2', n), maxLinks: 9 },
        { title: profile.name, top, nav: pageNav((n) => homePath('wap2', n), null) },
        menu,
        true,
        cssBytesOf(ctx),
      );
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

/** Menu entries on list pages are cut to this many characters; the item's page has the full title. */
const MENU_LABEL_MAX = 40;

/** The column's own text (and contact details or form), paged by size; linked from its item list when it has items. */
function columnTextJob(ctx: SiteContext, column: Column): Job {
  const listed = column.items.length > 0;
  return {
    id: `wap2:text:${column.id}`,
    key: [contentKey(column.body), String(listed)],
    run(sink) {
      const where = { columnId: column.id };
      const pathOf = (n: number) => (listed ? columnTextPath('wap2', column.id, n) : columnPath('wap2', column.id, n));
      const env = { sink, pagePath: pathOf(1), where: { ...where, field: 'body' }, showImages: ctx.layout.wap2.showImages };
      const chunks: Wap2Chunk[] = blocksToChunks(column.body, env);
      if (column.type === 'contact') chunks.push(...contactChunks(ctx));
      if (column.type === 'guestbook') chunks.push(guestbookChunk(ctx));
      if (!chunks.length) chunks.push(chunk([h('p', {}, '暂无内容。')]));
      const back = listed
        ? { href: columnPath('wap2', column.id), label: `返回${column.title}` }
        : { href: homePath('wap2'), label: '返回首页' };
      writePaged(
        { ctx, sink, where, pathOf, maxLinks: 0 },
        { title: column.title, top: [h('h1', {}, column.title)], nav: pageNav(pathOf, back) },
        chunks,
        false,
        cssBytesOf(ctx),
      );
    },
  };
}

/** Items per list page: the template's count, fewer when the longest possible entries would pass the markup budget. */
function listPageSize(ctx: SiteContext, column: Column): number {
  const longestId = column.items.reduce((n, i) => Math.max(n, i.id.length), 0);
  // An entry: <div><a href="…" accesskey="9">9 label</a> <span class="note">note</span></div>, 4 bytes per character at worst.
  const worstEntry =
    80 +
    relativeHref(columnPath('wap2', column.id), itemPath('wap2', 'x'.repeat(longestId))).length +
    4 * (2 * MENU_LABEL_MAX + 4) +
    (listsByCategory(column) ? 10 + 4 * MENU_LABEL_MAX : 0);
  const shell = 2000 + 4 * (column.title.length + ctx.site.profile.name.length) * 3;
  return Math.max(1, Math.min(ctx.layout.wap2.itemsPerPage, Math.floor((WAP2_MARKUP_BUDGET - shell) / worstEntry)));
}

/** One page of a column's item list: a fixed slice of items, so editing one item re-renders one page. */
function columnListJob(ctx: SiteContext, column: Column, page: number, pages: number, perPage: number): Job {
  const items = column.items.slice((page - 1) * perPage, page * perPage);
  const labels = items.map((item) => `${item.id}\u0000${listTitle(item)}\u0000${listNote(item)}\u0000${categoryKey(item)}`);
  const byCategories = listsByCategory(column);
  return {
    id: `wap2:list:${column.id}:${page}`,
    key: [String(pages), String(hasColumnText(column)), String(byCategories), ...labels],
    run(sink) {
      const pathOf = (n: number) => columnPath('wap2', column.id, n);
      const path = pathOf(page);
      const where = { columnId: column.id };
      const entries = numberedGroups(items, byCategories).flatMap((group) => [
        group.category ? h('h2', {}, truncate(oneLine(group.category), MENU_LABEL_MAX)) : null,
        ...group.items.map((item, i) =>
          menuLine(
            relativeHref(path, itemPath('wap2', item.id)),
            group.first + i,
            truncate(oneLine(listTitle(item)), MENU_LABEL_MAX),
            truncate(oneLine(listNote(item)), MENU_LABEL_MAX),
          ),
        ),
      ]);
      const text =
        hasColumnText(column) && page === 1
          ? h('p', {}, h('a', { href: relativeHref(path, columnTextPath('wap2', column.id)) }, '栏目介绍'))
          : null;
      const body = [
        header(ctx, path, undefined),
        h('h1', {}, column.title),
        text,
        ...entries,
        pageNav(pathOf, { href: homePath('wap2'), label: '返回首页' })(page, pages),
        footer(ctx, path),
      ];
      const title = pages > 1 ? `${column.title}（${page}/${pages}）` : column.title;
      writePage(sink, path, xhtmlDocument(ctx, path, title, body), cssBytesOf(ctx), where);
    },
  };
}

function columnUnits(ctx: SiteContext, column: Column, tokens: readonly string[]): Unit[] {
  const perPage = listPageSize(ctx, column);
  return wapColumnUnits(column, tokens, {
    bodyToken: ctx.tokenOf(`body:${column.id}`, column.body),
    perPage,
    textJob: () => columnTextJob(ctx, column),
    listJob: (page, pages) => columnListJob(ctx, column, page, pages, perPage),
  });
}

function itemJob(ctx: SiteContext, column: Column, item: Item): Job {
  return {
    id: `wap2:item:${item.id}`,
    key: [column.id, ctx.keyOf(item)],
    run(sink) {
      const where = { columnId: column.id, itemId: item.id };
      const pathOf = (n: number) => itemPath('wap2', item.id, n);
      const body = itemBody(item);
      const env = { sink, pagePath: pathOf(1), where: { ...where, field: body.field }, showImages: ctx.layout.wap2.showImages };
      const facts = itemFacts(item);
      const chunks: Wap2Chunk[] = [];
      if (facts.length)
        chunks.push(
          chunk([
            h(
              'p',
              {},
              facts.map((f, i) => [
                i ? h('br') : null,
                `${f.label}：`,
                f.tel ? h('a', { href: `tel:${f.value.replace(/[^\d+]/g, '')}` }, f.value) : f.value,
              ]),
            ),
          ]),
        );
      for (const { image, field } of itemImages(item)) {
        const c = imageChunk({ ...env, where }, image, undefined, field);
        if (c) chunks.push(c);
      }
      if (item.kind === 'staff') chunks.push(chunk([h('p', {}, h('a', { href: staffLinks('wap2', item.id).vcard }, '存入通讯录'))]));
      chunks.push(...blocksToChunks(body.blocks, env));
      if (!chunks.length) chunks.push(chunk([h('p', {}, '暂无详细内容。')]));
      const top = [h('h1', {}, itemTitle(item))];
      writePaged(
        { ctx, sink, where, pathOf, maxLinks: 0 },
        { title: itemTitle(item), top, nav: pageNav(pathOf, { href: columnPath('wap2', column.id), label: `返回${column.title}` }) },
        chunks,
        false,
        cssBytesOf(ctx),
      );
    },
  };
}

function styleJob(ctx: SiteContext): Job {
  return {
    id: 'wap2:style',
    key: [],
    run(sink) {
      sink.file('style.css', mimeOf('style.css'), wap2Css(ctx));
    },
  };
}

export function wap2Plan(ctx: SiteContext): ChannelPlan {
  return {
    site: [homeJob(ctx), styleJob(ctx)],
    columns: ctx.enabled.wap2,
    columnUnits: (column, tokens) => columnUnits(ctx, column, tokens),
    itemJobs: (column, item) => [itemJob(ctx, column, item), ...staffFileJobs(ctx, 'wap2', item)],
  };
}
