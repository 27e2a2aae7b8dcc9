/**
 * The WAP 1.0 channel: WML 1.3 decks of one card each. Every compiled deck stays within
 * WML_DECK_BUDGET bytes of WBXML; longer content continues in further decks ("下一页").
 * WML has no lists or tables: they are flattened into lines. All text sits inside <p>.
 */
import { categoryKey, listsByCategory, numberedGroups } from '../categories';
import type { SiteContext } from '../context';
import { itemBody, itemFacts, itemImages, listNote, listTitle } from '../itemView';
import { contentKey, hasColumnText, wapColumnUnits, type ChannelPlan, type Job, type Unit, type JobSink } from '../job';
import { h, wmlVariable, type Child, type Element } from '../markup/node';
import { serialize } from '../markup/serialize';
import { oneLine, truncate } from '../markup/text';
import { isAllowedHref, itemTitle, runsText, type Block, type Column, type ImageRef, type Item, type ListItem, type Run } from '../model';
import { paginate, splitRunsToFit } from '../pager';
import { staffFileJobs, staffLinks } from '../staff/files';
import { columnPath, columnTextPath, homePath, itemPath, mimeOf, relativeHref } from '../paths';
import type { Location } from '../report';
import { compileWml, wmlElementLength } from '../wbxml/wml';

/** Compiled deck budget: the Nokia 7110's 1,397 bytes, the smallest common limit (STANDARDS §1.5). */
export const WML_DECK_BUDGET = 1397;

const PROLOGUE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE wml PUBLIC "-//WAPFORUM//DTD WML 1.3//EN" "http://www.wapforum.org/DTD/wml13.dtd">\n';
const BREAK_AFTER = new Set(['wml', 'card', 'p', 'do']);

export const serializeWml = (deck: Element): string =>
  PROLOGUE + serialize(deck, { syntax: 'xml', breakAfter: BREAK_AFTER, wmlDollar: true });

/** A deck piece: one or more <p>, its compiled size measured once; text pieces can be split. */
interface WmlChunk {
  nodes: Element[];
  bytes: number;
  links: number;
  numbered?: (n: number) => Element[];
  split?: (fits: (head: WmlChunk) => boolean) => [WmlChunk, WmlChunk] | null;
}

const chunk = (nodes: Element[], links = 0): WmlChunk => ({ nodes, bytes: nodes.reduce((n, el) => n + wmlElementLength(el), 0), links });

/* ---------- rich text, flattened ---------- */

/** WML phones dial through WTAI, not tel: links. */
const dialHref = (number: string) => `wtai://wp/mc;${number.replace(/[^\d+]/g, '')}`;

function runToWml(run: Run): Child {
  const href = run.href?.trim();
  // <a> may hold only text in WML, so marks go outside it.
  let node: Child = run.text;
  if (href && isAllowedHref(href)) {
    if (/^https?:/i.test(href)) node = h('a', { href }, run.text);
    else if (/^tel:/i.test(href)) node = h('a', { href: dialHref(href.slice(4)) }, run.text);
  }
  if (run.em) node = h('em', {}, node);
  if (run.strong) node = h('strong', {}, node);
  return node;
}

const runsToWml = (runs: Run[]): Child[] => runs.filter((r) => r.text !== '').map(runToWml);

function textChunk(runs: Run[], wrap: (children: Child[]) => Element = (c) => h('p', {}, c)): WmlChunk {
  const c = chunk([wrap(runsToWml(runs))]);
  c.split = (fits) => {
    const parts = splitRunsToFit(runs, (head) => fits(chunk([wrap(runsToWml(head))])));
    return parts && [textChunk(parts[0], wrap), textChunk(parts[1], wrap)];
  };
  return c;
}

function listLines(ordered: boolean, items: ListItem[], depth: number, out: Run[][]): void {
  items.forEach((item, i) => {
    const marker = ordered ? (depth === 0 ? `${i + 1}. ` : `${i + 1}) `) : depth === 0 ? '· ' : '- ';
    out.push([{ text: `${'　'.repeat(depth)}${marker}` }, ...item.runs]);
    if (item.children) listLines(ordered, item.children, depth + 1, out);
  });
}

/** Table rows as lines: "名称：明前龙井；价格：368元" with a header row, else cells joined by " | ". */
function tableLines(block: Extract<Block, { type: 'table' }>): Run[][] {
  const [first, ...rest] = block.rows;
  if (block.header && first) {
    const labels = first.map(runsText);
    return rest.map((row) => row.flatMap((cell, i) => [{ text: `${i ? '；' : ''}${labels[i] ? `${labels[i]}：` : ''}` }, ...cell]));
  }
  return block.rows.map((row) => row.flatMap((cell, i) => [...(i ? [{ text: ' | ' }] : []), ...cell]));
}

interface WmlTextEnv {
  sink: JobSink;
  pagePath: string;
  where: Location;
  showImages: boolean;
}

function imageChunk(env: WmlTextEnv, image: ImageRef, caption: string | undefined, field: string): WmlChunk | null {
  if (!env.showImages) return caption ? chunk([h('p', {}, `［图］${caption}`)]) : null;
  const img = env.sink.image(image, 'wap1', env.pagePath, { ...env.where, field });
  if (!img) return null;
  return chunk([
    h(
      'p',
      {},
      h('img', { src: img.href, alt: image.alt.trim() || '图', width: img.width, height: img.height }),
      caption ? [h('br'), caption] : null,
    ),
  ]);
}

function blocksToChunks(blocks: Block[], env: WmlTextEnv): WmlChunk[] {
  const out: WmlChunk[] = [];
  blocks.forEach((block, i) => {
    if (block.type === 'paragraph' && block.runs.some((r) => r.text)) out.push(textChunk(block.runs));
    else if (block.type === 'heading' && block.runs.some((r) => r.text)) out.push(textChunk(block.runs, (c) => h('p', {}, h('b', {}, c))));
    else if (block.type === 'list') {
      const lines: Run[][] = [];
      listLines(block.ordered, block.items, 0, lines);
      out.push(...lines.map((line) => textChunk(line)));
    } else if (block.type === 'table') out.push(...tableLines(block).map((line) => textChunk(line)));
    else if (block.type === 'image') {
      const c = imageChunk(env, block.image, block.caption, `${env.where.field ?? 'body'}.${i}.image`);
      if (c) out.push(c);
    }
  });
  return out;
}

/* ---------- decks ---------- */

function deck(title: string, content: (Element | null)[], back: boolean): Element {
  return h(
    'wml',
    {},
    h('card', { title: truncate(oneLine(title), 16) }, content, back ? h('do', { type: 'prev', label: '返回' }, h('prev')) : null),
  );
}

interface PagedEnv {
  where: Location;
  pathOf: (page: number) => string;
  maxLinks: number;
  title: string;
  top: Element[];
  /** Where "0" leads: home from a column, the column from an item; null on the home deck. */
  up: { href: string; label: string } | null;
}

function navigation(env: PagedEnv, page: number, pages: number): Element | null {
  const here = env.pathOf(page);
  const links: Child[] = [];
  const add = (child: Child) => links.push(...(links.length ? [h('br'), child] : [child]));
  if (page < pages) add(h('a', { href: relativeHref(here, env.pathOf(page + 1)) }, '下一页'));
  if (page > 1) add(h('a', { href: relativeHref(here, env.pathOf(page - 1)) }, '上一页'));
  if (env.up) add(h('a', { href: relativeHref(here, env.up.href), accesskey: '0' }, `0 ${env.up.label}`));
  return links.length ? h('p', {}, links) : null;
}

/** Writes a deck with its compiled size, reporting it when over budget. */
function writeDeck(sink: JobSink, path: string, tree: Element, where: Location): void {
  const compiledBytes = compileWml(tree).length;
  sink.file(path, mimeOf(path), serializeWml(tree), { compiledBytes, where });
  if (compiledBytes > WML_DECK_BUDGET)
    sink.finding({
      severity: 'error',
      code: 'page.too_large',
      message: `WML deck compiles to ${compiledBytes} bytes (limit ${WML_DECK_BUDGET}).`,
      path: `wap1/${path}`,
      where,
      params: { bytes: compiledBytes },
    });
}

/** Pages the chunks into decks within budget, writes them, and reports decks that stay over it. */
function writeDecks(env: PagedEnv & { sink: JobSink }, chunks: WmlChunk[]): void {
  const { sink } = env;
  const back = env.up !== null;
  // A worst-case shell: both paging links with three-digit page numbers, the longest title.
  const shellBytes = compileWml(deck(`${env.title}（998/999）`, [...env.top, navigation(env, 998, 999)], back)).length;
  const fits = (page: WmlChunk[]) =>
    shellBytes + page.reduce((n, c) => n + c.bytes, 0) <= WML_DECK_BUDGET && page.reduce((n, c) => n + c.links, 0) <= env.maxLinks;
  const pages = paginate(
    chunks,
    fits,
    (c, f) => c.split?.(f) ?? null,
    (head, tail) => head.bytes * 2 >= tail.bytes,
  );
  pages.forEach((content, index) => {
    const page = index + 1;
    let number = 0;
    const nodes = content.flatMap((c) => (c.numbered ? c.numbered(++number) : c.nodes));
    const title = pages.length > 1 ? `${env.title}（${page}/${pages.length}）` : env.title;
    writeDeck(sink, env.pathOf(page), deck(title, [...env.top, ...nodes, navigation(env, page, pages.length)], back), env.where);
  });
  if (pages.length > 1)
    sink.finding({
      severity: 'info',
      code: 'page.split',
      message: `Shown on ${pages.length} WML decks.`,
      path: `wap1/${env.pathOf(1)}`,
      where: env.where,
      params: { pages: pages.length },
    });
}

const menuLine = (href: string, n: number, label: string) => h('p', {}, h('a', { href, accesskey: String(n) }, `${n} ${label}`));

function menuChunk(href: string, label: string): WmlChunk {
  return { ...chunk([menuLine(href, 9, label)], 1), numbered: (n) => [menuLine(href, n, label)] };
}

/* ---------- jobs ---------- */

function homeJob(ctx: SiteContext): Job {
  return {
    id: 'wap1:home',
    key: [],
    run(sink) {
      const path = homePath('wap1');
      const { profile } = ctx.site;
      const phone = profile.contact.phones[0];
      const top = [h('p', {}, h('b', {}, profile.name), profile.slogan ? [h('br'), profile.slogan] : null)];
      const chunks = ctx.enabled.wap1.map((c) => menuChunk(relativeHref(path, columnPath('wap1', c.id)), c.title));
      if (phone) chunks.push(chunk([h('p', {}, h('a', { href: dialHref(phone.number) }, `拨打 ${phone.number}`))]));
      const pathOf = (n: number) => homePath('wap1', n);
      writeDecks({ sink, where: {}, pathOf, maxLinks: 9, title: profile.shortName, top, up: null }, chunks);
    },
  };
}

function contactChunks(ctx: SiteContext): WmlChunk[] {
  const c = ctx.site.profile.contact;
  const lines: Child[][] = [
    c.address ? [`地址：${c.address}`] : [],
    ...c.phones.map((p) => [`${p.label || '电话'}：`, h('a', { href: dialHref(p.number) }, p.number)]),
    c.person ? [`联系人：${c.person}`] : [],
    c.email ? [`邮箱：${c.email}`] : [],
    c.hours ? [`营业时间：${c.hours}`] : [],
  ].filter((l) => l.length > 0);
  return lines.map((line) => chunk([h('p', {}, line)]));
}

function guestbookChunk(ctx: SiteContext): WmlChunk {
  return chunk([
    h(
      'p',
      {},
      '留言：',
      h('input', { name: 'msg', maxlength: 200 }),
      '手机：',
      h('input', { name: 'tel', format: '*N', maxlength: 11 }),
      h(
        'anchor',
        {},
        '提交',
        h(
          'go',
          { href: ctx.guestbookAction, method: 'post' },
          h('postfield', { name: 'site', value: ctx.urls.host }),
          h('postfield', { name: 'message', value: wmlVariable('msg') }),
          h('postfield', { name: 'phone', value: wmlVariable('tel') }),
        ),
      ),
    ),
  ]);
}

/** Menu entries on list decks are cut to this many characters; the item's own deck has the full title. */
const MENU_LABEL_MAX = 20;

const menuLabel = (item: Item): string => {
  const note = listNote(item);
  return truncate(oneLine(note ? `${listTitle(item)} ${note}` : listTitle(item)), MENU_LABEL_MAX);
};

/** The column's own text (and contact details or form), paged by size; linked from its item list when it has items. */
function columnTextJob(ctx: SiteContext, column: Column): Job {
  const listed = column.items.length > 0;
  return {
    id: `wap1:text:${column.id}`,
    key: [contentKey(column.body), String(listed)],
    run(sink) {
      const where = { columnId: column.id };
      const pathOf = (n: number) => (listed ? columnTextPath('wap1', column.id, n) : columnPath('wap1', column.id, n));
      const chunks = blocksToChunks(column.body, {
        sink,
        pagePath: pathOf(1),
        where: { ...where, field: 'body' },
        showImages: ctx.layout.wap1.showImages,
      });
      if (column.type === 'contact') chunks.push(...contactChunks(ctx));
      if (column.type === 'guestbook') chunks.push(guestbookChunk(ctx));
      if (!chunks.length) chunks.push(chunk([h('p', {}, '暂无内容。')]));
      const up = listed ? { href: columnPath('wap1', column.id), label: column.title } : { href: homePath('wap1'), label: '首页' };
      writeDecks({ sink, where, pathOf, maxLinks: 0, title: column.title, top: [], up }, chunks);
    },
  };
}

/**
 * Items per list deck: the template's count (at most 9, one per key), fewer when the longest
 * possible entries would not fit the deck budget. Entries are one ASCII href and a label of at most
 * MENU_LABEL_MAX code points (4 bytes each at worst).
 */
function listPageSize(ctx: SiteContext, column: Column): number {
  const longestId = column.items.reduce((n, i) => Math.max(n, i.id.length), 0);
  const worstEntry =
    12 +
    relativeHref(columnPath('wap1', column.id), itemPath('wap1', 'x'.repeat(longestId))).length +
    4 * (MENU_LABEL_MAX + 2) +
    (listsByCategory(column) ? 8 + 4 * MENU_LABEL_MAX : 0);
  const env = listEnv(column, (n) => columnPath('wap1', column.id, n));
  const shell = compileWml(deck(`${column.title}（998/999）`, [textLink(column, true), navigation(env, 998, 999)], true)).length;
  return Math.max(1, Math.min(ctx.layout.wap1.itemsPerPage, 9, Math.floor((WML_DECK_BUDGET - shell) / worstEntry)));
}

const listEnv = (column: Column, pathOf: (n: number) => string) => ({
  where: { columnId: column.id },
  pathOf,
  maxLinks: 9,
  title: column.title,
  top: [],
  up: { href: homePath('wap1'), label: '首页' },
});

/** "栏目介绍" on the first list deck, when the column also has text. */
const textLink = (column: Column, show: boolean): Element | null =>
  show ? h('p', {}, h('a', { href: relativeHref(columnPath('wap1', column.id), columnTextPath('wap1', column.id)) }, '栏目介绍')) : null;

/** One deck of a column's item list: a fixed slice of items, so editing one item re-renders one deck. */
function columnListJob(ctx: SiteContext, column: Column, page: number, pages: number, perPage: number): Job {
  const items = column.items.slice((page - 1) * perPage, page * perPage);
  const labels = items.map((item) => `${item.id}\u0000${menuLabel(item)}\u0000${categoryKey(item)}`);
  const byCategories = listsByCategory(column);
  return {
    id: `wap1:list:${column.id}:${page}`,
    key: [String(pages), column.title, String(hasColumnText(column)), String(byCategories), ...labels],
    run(sink) {
      const pathOf = (n: number) => columnPath('wap1', column.id, n);
      const env = { ...listEnv(column, pathOf), sink };
      const path = pathOf(page);
      const entries = numberedGroups(items, byCategories).flatMap((group) => [
        group.category ? h('p', {}, h('b', {}, truncate(oneLine(group.category), MENU_LABEL_MAX))) : null,
        ...group.items.map((item, i) => menuLine(relativeHref(path, itemPath('wap1', item.id)), group.first + i, menuLabel(item))),
      ]);
      const title = pages > 1 ? `${column.title}（${page}/${pages}）` : column.title;
      const tree = deck(title, [textLink(column, page === 1 && hasColumnText(column)), ...entries, navigation(env, page, pages)], true);
      writeDeck(sink, path, tree, env.where);
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
    id: `wap1:item:${item.id}`,
    key: [column.id, ctx.keyOf(item)],
    run(sink) {
      const where = { columnId: column.id, itemId: item.id };
      const pathOf = (n: number) => itemPath('wap1', item.id, n);
      const body = itemBody(item);
      const env = { sink, pagePath: pathOf(1), where: { ...where, field: body.field }, showImages: ctx.layout.wap1.showImages };
      const chunks: WmlChunk[] = [textChunk([{ text: listTitle(item), strong: true }])];
      for (const fact of itemFacts(item))
        chunks.push(chunk([h('p', {}, `${fact.label}：`, fact.tel ? h('a', { href: dialHref(fact.value) }, fact.value) : fact.value)]));
      for (const { image, field } of itemImages(item)) {
        const c = imageChunk({ ...env, where }, image, undefined, field);
        if (c) chunks.push(c);
      }
      if (item.kind === 'staff') chunks.push(chunk([h('p', {}, h('a', { href: staffLinks('wap1', item.id).vcard }, '存入通讯录'))]));
      chunks.push(...blocksToChunks(body.blocks, env));
      writeDecks(
        {
          sink,
          where,
          pathOf,
          maxLinks: 0,
          title: itemTitle(item),
          top: [],
          up: { href: columnPath('wap1', column.id), label: column.title },
        },
        chunks,
      );
    },
  };
}

export function wap1Plan(ctx: SiteContext): ChannelPlan {
  return {
    site: [homeJob(ctx)],
    columns: ctx.enabled.wap1,
    columnUnits: (column, tokens) => columnUnits(ctx, column, tokens),
    itemJobs: (column, item) => [itemJob(ctx, column, item), ...staffFileJobs(ctx, 'wap1', item)],
  };
}
