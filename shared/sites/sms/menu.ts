/**
 * The SMS site: a numeric menu tree (main menu → columns → items) plus the interactive nodes
 * (留言 guestbook, 抽奖 lottery, 调查 survey) and the 关怀 care messages, written as JSON with every
 * reply's text and its China billing count. Menus fit one message; other replies are cut to the
 * site's `maxMessagesPerReply`.
 */
import { buildContext, type CompileOptions, type SiteContext } from '../context';
import type { SiteContent } from '../model';
import type { SiteTemplate } from '../templates/types';
import { toHex, wapPushMessages } from '../push/si';
import { itemBody, itemFacts, listNote, listTitle } from '../itemView';
import { contentKey, JobSink, type ChannelPlan, type Job } from '../job';
import { cleanText, oneLine, splitToFit, truncate, utf8Length } from '../markup/text';
import { plainText, type Column, type Item } from '../model';
import type { Finding, Location, PageStat } from '../report';
import { countWithSignature, signatureText, SINGLE_MESSAGE_CHARS, type SmsEncoding } from './count';

export interface SmsText {
  /** The text as sent, 【signature】 included. */
  text: string;
  chars: number;
  messages: number;
  encoding: SmsEncoding;
  airSegments: number;
}

export interface SmsOption {
  /** What the user replies: a digit or a keyword. */
  key: string;
  label: string;
  /** The node it leads to. */
  target: string;
}

export type SmsNodeKind = 'menu' | 'column' | 'item' | 'guestbook' | 'lottery' | 'survey';

export interface SmsNode {
  id: string;
  kind: SmsNodeKind;
  title: string;
  reply: SmsText;
  options: SmsOption[];
  where: Location;
}

export interface SmsSite {
  version: 1;
  /** What users text: service code + extension. */
  number: string;
  serviceCode: string;
  extension: string;
  signature: string;
  /** The WAP 2.0 site (the push points here); the WML site for old phones. */
  wapUrl: string;
  wmlUrl: string;
  /** WAP Push SI sent with the main menu: its text and the binary SMS user data (hex), one entry per SMS. */
  wapPush: { href: string; text: string; userData: string[] };
  /** The main menu's id; any unknown reply, and "0", leads back to it. */
  root: string;
  nodes: SmsNode[];
  /** Keywords that work from anywhere (lottery "CJ", "0" for the main menu). */
  keywords: SmsOption[];
  guestbook?: { prompt: SmsText; thanks: SmsText };
  lottery?: {
    keyword: string;
    prizes: { name: string; count: number; chancePer10000: number; reply: SmsText }[];
    perNumberLimit: number;
    startDate?: string;
    endDate?: string;
    intro: SmsText;
    lose: SmsText;
  };
  survey?: { question: SmsText; options: string[]; thanks: SmsText };
  care: { id: string; date: string; occasion: string; message: SmsText }[];
}

export const SMS_ROOT = 'menu';
const MENU_KEYS = 8;
/** Item titles in menus are cut to this many characters (the item's own reply has the full title). */
const MENU_LABEL_MAX = 16;
const MORE_KEY = '9';
const BACK_KEY = '0';

const columnNodeId = (column: Column, page = 1) => `c:${column.id}${page > 1 ? `:${page}` : ''}`;
const itemNodeId = (item: Item) => `i:${item.id}`;

/** A reply as sent: control characters and broken surrogates dropped, signature first. */
function smsText(raw: string, signature: string): SmsText {
  const text = cleanText(raw);
  const full = signatureText(cleanText(signature)) + text;
  const { chars, messages, encoding, airSegments } = countWithSignature(text, cleanText(signature));
  return { text: full, chars, messages, encoding, airSegments };
}

interface MenuLine {
  key: string;
  label: string;
  target: string;
}

interface MenuPage {
  text: string;
  options: SmsOption[];
  /** Targets whose label was shortened to fit the message. */
  cut: string[];
}

/**
 * Menu pages that each fit one message: header (first page only), numbered lines, "more" and
 * "back" footers. Returns the pages' texts and options; `ids[i]` is page i's node id.
 */
function menuPages(
  ctx: SiteContext,
  header: string,
  lines: Omit<MenuLine, 'key'>[],
  ids: (page: number) => string,
  back: boolean,
): MenuPage[] {
  const { menu } = ctx.site.sms;
  const budget = SINGLE_MESSAGE_CHARS - signatureText(ctx.signature).length;
  const footer = (more: boolean) =>
    [more ? menu.more || `回${MORE_KEY}看更多` : '', back ? menu.back || `回${BACK_KEY}返回` : ''].filter(Boolean);
  const pages: MenuPage[] = [];
  let rest = lines;
  do {
    const top = pages.length === 0 && header ? [header] : [];
    // Nine entries when they all fit (no "more" needed), else eight and "9" for more.
    let count = Math.min(rest.length, rest.length <= MENU_KEYS + 1 ? MENU_KEYS + 1 : MENU_KEYS);
    const textOf = (n: number) => [...top, ...rest.slice(0, n).map((l, i) => `${i + 1}${l.label}`), ...footer(n < rest.length)].join('\n');
    while (count > 1 && textOf(count).length > budget) count--;
    const cut: string[] = [];
    if (textOf(count).length > budget) {
      // A single entry still too long: shorten its label to what is left.
      const first = rest[0]!;
      const room = budget - (textOf(1).length - first.label.length);
      rest = [{ ...first, label: truncate(first.label, Math.max(room, 2)) }, ...rest.slice(1)];
      cut.push(first.target);
    }
    const page = pages.length + 1;
    const options: SmsOption[] = rest.slice(0, count).map((l, i) => ({ key: String(i + 1), label: l.label, target: l.target }));
    if (count < rest.length) options.push({ key: MORE_KEY, label: '更多', target: ids(page + 1) });
    if (back) options.push({ key: BACK_KEY, label: '返回', target: SMS_ROOT });
    pages.push({ text: textOf(count), options, cut });
    rest = rest.slice(count);
  } while (rest.length);
  return pages;
}

/** Cuts a reply to the message budget (as billed, signature included) at a word boundary, keeping the footer line. */
function fitReply(ctx: SiteContext, body: string, footer: string): { text: string; truncated: boolean } {
  const fits = (text: string) => countWithSignature(text, ctx.signature).messages <= ctx.site.sms.maxMessagesPerReply;
  const whole = footer ? `${body}\n${footer}` : body;
  if (fits(whole)) return { text: whole, truncated: false };
  const tail = `…${footer ? `\n${footer}` : ''}`;
  const [head] = splitToFit(body, (prefix) => fits(prefix + tail));
  return { text: head + tail, truncated: true };
}

function itemReplyText(item: Item): string {
  const facts = itemFacts(item).map((f) => `${f.label}:${f.value}`);
  const body = oneLine(plainText(itemBody(item).blocks, { images: false }));
  return [listTitle(item), ...facts, body].filter(Boolean).join('\n');
}

function contactText(ctx: SiteContext): string {
  const c = ctx.site.profile.contact;
  return [c.address && `地址:${c.address}`, ...c.phones.map((p) => `${p.label || '电话'}:${p.number}`), c.hours && `时间:${c.hours}`]
    .filter(Boolean)
    .join('\n');
}

type Note = Omit<Finding, 'channel'>;

const truncation = (where: Location, title: string): Note => ({
  severity: 'info',
  code: 'sms.reply_truncated',
  message: `The SMS reply for "${title}" is cut to the message limit; the full text is on the WAP site.`,
  where,
});

/** A column's nodes, each also as its JSON line, and what to report: memoized per column and per item. */
interface ColumnPart {
  nodes: SmsNode[];
  /** The nodes' JSON, one per line, and its UTF-8 size. */
  text: string;
  bytes: number;
  notes: Note[];
  stats: PageStat[];
}

const statOf = (n: SmsNode): PageStat => ({
  channel: 'sms',
  path: `sms/menu.json#${n.id}`,
  bytes: utf8Length(n.reply.text),
  messages: n.reply.messages,
  where: n.where,
});

const LINE_SEPARATOR = ',\n';

function part(nodes: SmsNode[], notes: Note[] = []): ColumnPart {
  const text = nodes.map((n) => JSON.stringify(n)).join(LINE_SEPARATOR);
  return { nodes, text, bytes: utf8Length(text), notes, stats: nodes.map(statOf) };
}

/** Parts one after the other, their JSON lines joined. */
function joinParts(parts: ColumnPart[]): ColumnPart {
  const nonEmpty = parts.filter((p) => p.text !== '');
  return {
    nodes: parts.flatMap((p) => p.nodes),
    text: nonEmpty.map((p) => p.text).join(LINE_SEPARATOR),
    bytes: nonEmpty.reduce((n, p) => n + p.bytes, 0) + Math.max(0, nonEmpty.length - 1) * LINE_SEPARATOR.length,
    notes: parts.flatMap((p) => p.notes),
    stats: parts.flatMap((p) => p.stats),
  };
}

function columnPart(ctx: SiteContext, sink: JobSink, column: Column, smsKey: string): ColumnPart {
  const back = ctx.site.sms.menu.back || '回0返回';
  const where = { columnId: column.id };
  if (column.items.length === 0) {
    const body =
      column.type === 'contact'
        ? [oneLine(plainText(column.body, { images: false })), contactText(ctx)].filter(Boolean).join('\n')
        : oneLine(plainText(column.body, { images: false })) || '暂无内容';
    const fitted = fitReply(ctx, `${column.title}\n${body}`, back);
    const node: SmsNode = {
      id: columnNodeId(column),
      kind: 'column',
      title: column.title,
      reply: smsText(fitted.text, ctx.signature),
      options: [{ key: BACK_KEY, label: '返回', target: SMS_ROOT }],
      where,
    };
    return part([node], fitted.truncated ? [truncation({ ...where, field: 'body' }, column.title)] : []);
  }
  const lines = column.items.map((item) => ({
    label: truncate(oneLine([listTitle(item), listNote(item)].filter(Boolean).join(' ')), MENU_LABEL_MAX),
    target: itemNodeId(item),
  }));
  // The column's menu depends on its items' labels only: editing an item's text keeps it.
  const menus = sink.memo(`sms:menu:${column.id}`, [smsKey, column.title, ...lines.map((l) => `${l.target}\u0001${l.label}`)], () =>
    menuPages(ctx, column.title, lines, (n) => columnNodeId(column, n), true).map((page, i): SmsNode => ({
      id: columnNodeId(column, i + 1),
      kind: 'column',
      title: column.title,
      reply: smsText(page.text, ctx.signature),
      options: page.options,
      where,
    })),
  );
  const parts = [
    part(menus, cutTitles(column, menus)),
    ...column.items.map((item) =>
      sink.memo(`sms:item:${item.id}`, [smsKey, column.id, ctx.tokenOf(item.id, item)], () => itemPart(ctx, column, item, back)),
    ),
  ];
  return joinParts(parts);
}

/** What each option of these menu nodes shows, by target. */
const labelsOf = (nodes: SmsNode[]): Map<string, string> =>
  new Map(nodes.flatMap((n) => n.options.map((o): [string, string] => [o.target, o.label])));

const labelCut = (title: string, shown: string, where: Location): Note => ({
  severity: 'warning',
  code: 'sms.menu_label_cut',
  message: `The SMS menu shows "${title}" cut to "${shown}".`,
  where,
  params: { title, shown },
});

/** Items whose title does not fit their line of the column's menu. */
function cutTitles(column: Column, menus: SmsNode[]): Note[] {
  const labels = labelsOf(menus);
  return column.items.flatMap((item) => {
    const title = oneLine(listTitle(item));
    const shown = labels.get(itemNodeId(item)) ?? '';
    const field = item.kind === 'product' || item.kind === 'staff' ? 'name' : 'title';
    return shown.startsWith(title) ? [] : [labelCut(title, shown, { columnId: column.id, itemId: item.id, field })];
  });
}

function itemPart(ctx: SiteContext, column: Column, item: Item, back: string): ColumnPart {
  const where = { columnId: column.id, itemId: item.id };
  const fitted = fitReply(ctx, itemReplyText(item), back);
  const node: SmsNode = {
    id: itemNodeId(item),
    kind: 'item',
    title: listTitle(item),
    reply: smsText(fitted.text, ctx.signature),
    options: [{ key: BACK_KEY, label: '返回', target: SMS_ROOT }],
    where,
  };
  return part([node], fitted.truncated ? [truncation({ ...where, field: itemBody(item).field }, listTitle(item))] : []);
}

function checkLength(sink: JobSink, ctx: SiteContext, reply: SmsText, field: string, label: string): void {
  if (reply.messages > ctx.site.sms.maxMessagesPerReply)
    sink.finding({
      severity: 'warning',
      code: 'sms.text_too_long',
      message: `The SMS ${label} takes ${reply.messages} messages (limit ${ctx.site.sms.maxMessagesPerReply}).`,
      where: { section: 'sms', field },
      params: { messages: reply.messages },
    });
}

/** The SI the platform pushes with the main menu: the WAP site's address under the enterprise's short name. */
function wapPushOf(ctx: SiteContext): SmsSite['wapPush'] {
  const si = { href: ctx.urls.wap2, text: `${ctx.site.profile.shortName}WAP站`, siId: ctx.urls.host };
  return { href: si.href, text: cleanText(si.text), userData: wapPushMessages(si).map(toHex) };
}

/**
 * The SMS site as an object, and its JSON text: one node per line, columns' lines reused from the
 * memo, so a rebuild after an edit serializes only what changed.
 */
function buildSmsSite(ctx: SiteContext, sink: JobSink): { site: SmsSite; json: string; bytes: number; stats: PageStat[] } {
  const { sms, profile } = ctx.site;
  const sign = (text: string) => smsText(text, ctx.signature);
  const guestbookColumn = ctx.enabled.sms.find((c) => c.type === 'guestbook');
  const contentColumns = ctx.enabled.sms.filter((c) => c.type !== 'guestbook');
  const lines = contentColumns.map((c) => ({ label: c.title, target: columnNodeId(c) }));
  if (sms.guestbook.enabled && guestbookColumn) lines.push({ label: guestbookColumn.title, target: 'guestbook' });
  if (sms.lottery?.enabled) lines.push({ label: '抽奖', target: 'lottery' });
  if (sms.survey?.enabled) lines.push({ label: '调查', target: 'survey' });

  const nodes: SmsNode[] = [];
  const welcome = sms.menu.welcome || profile.shortName;
  const menuId = (n: number) => (n === 1 ? SMS_ROOT : `${SMS_ROOT}:${n}`);
  // The longest greeting with which the whole menu still fits one message.
  const headers = [`${welcome}，回复数字查看:`, `${welcome}，回复:`, welcome, ''];
  const candidates = headers.map((header) => menuPages(ctx, header, lines, menuId, false));
  const fitsOne = (pages: { text: string }[]) => pages.every((page) => sign(page.text).messages <= 1);
  // One page if possible, else the friendliest greeting whose pages each fit one message.
  const menu =
    candidates.find((pages) => pages.length === 1 && fitsOne(pages)) ?? candidates.find(fitsOne) ?? candidates[candidates.length - 1]!;
  const menuNodes = menu.map((page, i): SmsNode => ({
    id: i === 0 ? SMS_ROOT : `${SMS_ROOT}:${i + 1}`,
    kind: 'menu',
    title: '主菜单',
    reply: sign(page.text),
    options: page.options,
    where: { section: 'sms', field: 'menu' },
  }));
  nodes.push(...menuNodes);
  if (menu.some((page) => sign(page.text).messages > 1))
    sink.finding({
      severity: 'error',
      code: 'sms.menu_too_long',
      message: 'The SMS main menu does not fit one message: shorten the welcome text or the column titles.',
      where: { section: 'sms', field: 'menu.welcome' },
    });
  const shown = labelsOf(menuNodes);
  for (const column of [...contentColumns, ...(guestbookColumn ? [guestbookColumn] : [])]) {
    const target = column === guestbookColumn ? 'guestbook' : columnNodeId(column);
    if (menu.some((page) => page.cut.includes(target)))
      sink.finding(labelCut(column.title, shown.get(target) ?? '', { columnId: column.id, field: 'title' }));
  }
  if (menu.length > 1)
    sink.finding({
      severity: 'info',
      code: 'page.split',
      message: `The SMS main menu continues over ${menu.length} messages ("${MORE_KEY}" for more).`,
      where: { section: 'sms', field: 'menu' },
    });

  const smsKey = contentKey(sms);
  const columns = contentColumns.map((column) =>
    sink.memo(
      `sms:column:${column.id}`,
      [
        smsKey,
        column.title,
        column.type,
        ctx.tokenOf(`body:${column.id}`, column.body),
        ...column.items.map((item) => ctx.tokenOf(item.id, item)),
      ],
      () => columnPart(ctx, sink, column, smsKey),
    ),
  );
  for (const column of columns) {
    column.notes.forEach((note) => sink.finding(note));
  }
  const site: SmsSite = {
    version: 1,
    number: `${sms.serviceCode}${sms.extension}`,
    serviceCode: sms.serviceCode,
    extension: sms.extension,
    signature: signatureText(ctx.signature),
    wapUrl: ctx.urls.wap2,
    wmlUrl: ctx.urls.wap1,
    wapPush: wapPushOf(ctx),
    root: SMS_ROOT,
    nodes,
    keywords: [{ key: BACK_KEY, label: '主菜单', target: SMS_ROOT }],
    care: sms.care.map((c) => ({ id: c.id, date: c.date, occasion: cleanText(c.occasion), message: sign(c.text) })),
  };
  if (sms.guestbook.enabled && guestbookColumn) {
    const prompt = sign(sms.guestbook.prompt || '请直接回复您的留言。');
    site.guestbook = { prompt, thanks: sign(sms.guestbook.thanks || '留言已收到，谢谢！') };
    nodes.push({
      id: 'guestbook',
      kind: 'guestbook',
      title: guestbookColumn.title,
      reply: prompt,
      options: [],
      where: { columnId: guestbookColumn.id },
    });
  }
  const lottery = sms.lottery;
  if (lottery?.enabled) {
    const intro = sign(lottery.intro || `回复${lottery.keyword}参加抽奖`);
    site.keywords.push({ key: lottery.keyword.toUpperCase(), label: '抽奖', target: 'lottery' });
    site.lottery = {
      keyword: lottery.keyword.toUpperCase(),
      prizes: lottery.prizes.map((p) => ({ ...p, name: cleanText(p.name), reply: sign(lottery.winText.split('{prize}').join(p.name)) })),
      perNumberLimit: lottery.perNumberLimit,
      ...(lottery.startDate ? { startDate: lottery.startDate } : {}),
      ...(lottery.endDate ? { endDate: lottery.endDate } : {}),
      intro,
      lose: sign(lottery.loseText),
    };
    nodes.push({
      id: 'lottery',
      kind: 'lottery',
      title: '抽奖',
      reply: intro,
      options: [{ key: lottery.keyword.toUpperCase(), label: '抽奖', target: 'lottery' }],
      where: { section: 'sms', field: 'lottery' },
    });
    checkLength(sink, ctx, intro, 'lottery.intro', 'lottery text');
    site.lottery.prizes.forEach((p, i) => checkLength(sink, ctx, p.reply, `lottery.prizes.${i}`, 'lottery win text'));
  }
  const survey = sms.survey;
  if (survey?.enabled) {
    const question = sign([survey.question, ...survey.options.map((o, i) => `${i + 1}${o}`)].join('\n'));
    site.survey = { question, options: survey.options.map(cleanText), thanks: sign(survey.thanks) };
    nodes.push({
      id: 'survey',
      kind: 'survey',
      title: '调查',
      reply: question,
      options: survey.options.map((o, i) => ({ key: String(i + 1), label: cleanText(o), target: 'survey' })),
      where: { section: 'sms', field: 'survey' },
    });
    checkLength(sink, ctx, question, 'survey.question', 'survey');
  }
  site.care.forEach((c, i) => checkLength(sink, ctx, c.message, `care.${i}.text`, `care message "${c.occasion}"`));
  const all = joinParts([part(menuNodes), ...columns, part(nodes.slice(menuNodes.length))]);
  const { head, tail } = frame(site);
  const json = `${head}${all.text}${tail}`;
  return { site: { ...site, nodes: all.nodes }, json, bytes: utf8Length(head) + all.bytes + utf8Length(tail), stats: all.stats };
}

/** The JSON around the node lines: `{…, "nodes":[` and `], …}` — with the lines in between, JSON.parse gives back the site. */
function frame(site: SmsSite): { head: string; tail: string } {
  const { nodes: _nodes, ...rest } = site;
  const { version, number, serviceCode, extension, signature, wapUrl, wmlUrl, wapPush, root, ...others } = rest;
  const head = JSON.stringify({ version, number, serviceCode, extension, signature, wapUrl, wmlUrl, wapPush, root });
  return { head: `${head.slice(0, -1)},\n"nodes":[\n`, tail: `\n],\n${JSON.stringify(others).slice(1)}\n` };
}

export function smsPlan(ctx: SiteContext): ChannelPlan {
  return { site: smsJobs(ctx), columns: [], columnUnits: () => [], itemJobs: () => [] };
}

function smsJobs(ctx: SiteContext): Job[] {
  const items = ctx.enabled.sms.flatMap((c) => [
    c.id,
    ctx.tokenOf(`body:${c.id}`, c.body),
    ...c.items.map((item) => ctx.tokenOf(item.id, item)),
  ]);
  return [
    {
      id: 'sms:site',
      key: [contentKey(ctx.site.sms), ...items],
      run(sink) {
        const { json, bytes, stats } = buildSmsSite(ctx, sink);
        sink.output.pages.push(...stats);
        sink.file('menu.json', 'application/json; charset=utf-8', json, undefined, bytes);
      },
    },
  ];
}

const NO_IMAGES = { resolve: () => undefined };

/**
 * The SMS site alone, as the full compile writes it to `sms/menu.json` (the platform answers MOs
 * from it without building the other channels).
 */
export function compileSmsSite(content: SiteContent, template: SiteTemplate, options: CompileOptions = {}): SmsSite {
  const sink = new JobSink('sms', NO_IMAGES, (_id, _key, compute) => compute());
  return buildSmsSite(buildContext(content, template, options), sink).site;
}
