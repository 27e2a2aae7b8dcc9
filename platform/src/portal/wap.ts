/**
 * The WAP portal's pages (`wap.` + the sites domain) in both phone channels: XHTML-MP 1.0 for WAP 2.0
 * phones and WML 1.3 for the oldest, chosen per request like the sites (public/channels.ts). Each
 * page is a short list, paged so a WML deck stays within WML_DECK_BUDGET compiled bytes and an
 * XHTML-MP page within WAP2_MARKUP_BUDGET (the tests measure every page).
 */
import { INDUSTRY_SECTIONS } from '../../../shared/domain/industry';
import { compileWml } from '../../../shared/sites';
import { h, wmlVariable, type ChildInput, type Element } from '../../../shared/sites/markup/node';
import { serialize } from '../../../shared/sites/markup/serialize';
import { truncate } from '../../../shared/sites/markup/text';
import { serializeWml } from '../../../shared/sites/wap1/pages';
import type { PageChannel } from '../public/channels';
import type { SearchResult } from '../search/search';
import type { PortalSite } from './listings';
import { pageHref, type Paging } from './paging';

export type PhoneChannel = Exclude<PageChannel, 'web'>;

export const WAP_PORTAL_NAME = '手机企业门户';

/** Entries per page: a WML deck of this many short lines stays far below its budget. */
export const PER_PAGE: Record<PhoneChannel, number> = { wap2: 10, wap1: 6 };
/** Promoted enterprises (推荐企业) on the home's first page: few enough that the page keeps its budget. */
export const PROMOTED_ON_HOME: Record<PhoneChannel, number> = { wap2: 5, wap1: 3 };
/** Names are cut in lists (the whole name is on the enterprise's card). */
const NAME_CHARS: Record<PhoneChannel, number> = { wap2: 24, wap1: 10 };

const XHTML_PROLOGUE =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.0//EN" "http://www.wapforum.org/DTD/xhtml-mobile10.dtd">\n';
const XHTML_BREAK_AFTER = new Set(['html', 'head', 'body', 'p', 'h1', 'form', 'title']);

export interface Link {
  href: string;
  label: string;
}

export interface PhonePage {
  title: string;
  /** Lines of text or links, in order. */
  lines: (string | Link)[];
  /** The search box above the lines. */
  search?: { query: string };
  paging?: { paging: Paging; path: string; query: Record<string, string> };
  /** A form posted after the lines (the member pages). */
  form?: PhoneForm;
  /** Where "0 返回" goes (none on the home page). */
  up?: Link;
}

/** A posted form: text fields, one-choice lists and fixed values, in order. */
export interface PhoneForm {
  action: string;
  submit: string;
  fields: (
    /** `digits`: the phone opens its keypad in number mode (a mobile number, a code). */
    | { name: string; label: string; maxlength: number; digits?: boolean }
    | { name: string; label: string; options: [string, string][]; selected?: string }
    | { name: string; value: string }
  )[];
}

/** A WML variable name for a posted field (`industry[]` → `industry`). */
const wmlName = (name: string) => name.replace(/\W/g, '');

const isLink = (line: string | Link): line is Link => typeof line !== 'string';

function pagerLinks(page: PhonePage): Link[] {
  if (!page.paging || page.paging.paging.pages <= 1) return [];
  const { paging, path, query } = page.paging;
  return [
    ...(paging.page < paging.pages ? [{ href: pageHref(path, query, paging.page + 1), label: '下一页' }] : []),
    ...(paging.page > 1 ? [{ href: pageHref(path, query, paging.page - 1), label: '上一页' }] : []),
  ];
}

function xhtmlPage(page: PhonePage): string {
  const line = (l: string | Link): Element => h('p', {}, isLink(l) ? h('a', { href: l.href }, l.label) : l);
  const html = h(
    'html',
    { xmlns: 'http://www.w3.org/1999/xhtml' },
    h('head', {}, h('title', {}, page.title)),
    h(
      'body',
      {},
      h('h1', {}, page.title),
      page.search &&
        h(
          'form',
          { action: '/search', method: 'get' },
          h(
            'p',
            {},
            h('input', { type: 'text', name: 'q', value: page.search.query, maxlength: 40, size: 12 }),
            h('input', { type: 'submit', value: '搜索' }),
          ),
        ),
      page.lines.map(line),
      page.form && xhtmlForm(page.form),
      pagerLinks(page).map(line),
      page.up && h('p', {}, h('a', { href: page.up.href, accesskey: '0' }, `0 ${page.up.label}`)),
    ),
  );
  return XHTML_PROLOGUE + serialize(html, { syntax: 'xml', breakAfter: XHTML_BREAK_AFTER });
}

function xhtmlForm(form: PhoneForm): Element {
  return h(
    'form',
    { action: form.action, method: 'post' },
    form.fields.map((f) =>
      'value' in f
        ? h('p', {}, h('input', { type: 'hidden', name: f.name, value: f.value }))
        : h(
            'p',
            {},
            f.label,
            h('br'),
            'options' in f
              ? h(
                  'select',
                  { name: f.name },
                  f.options.map(([value, text]) => h('option', { value, selected: value === f.selected }, text)),
                )
              : h('input', {
                  type: 'text',
                  name: f.name,
                  maxlength: f.maxlength,
                  size: 12,
                  ...(f.digits ? { style: '-wap-input-format:"*N"' } : {}),
                }),
          ),
    ),
    h('p', {}, h('input', { type: 'submit', value: form.submit })),
  );
}

function wmlForm(form: PhoneForm): ChildInput[] {
  const shown = form.fields.flatMap((f) =>
    'value' in f
      ? []
      : [
          f.label,
          'options' in f
            ? h(
                'select',
                // `value` chooses the option shown first (unless the deck's variable holds one already).
                { name: wmlName(f.name), title: f.label, value: f.selected },
                f.options.map(([value, text]) => h('option', { value }, text)),
              )
            : h('input', {
                name: wmlName(f.name),
                maxlength: f.maxlength,
                size: 10,
                title: f.label,
                ...(f.digits ? { format: '*N' } : {}),
              }),
        ],
  );
  const posted = form.fields.map((f) => h('postfield', { name: f.name, value: 'value' in f ? f.value : wmlVariable(wmlName(f.name)) }));
  return [...shown, h('anchor', {}, form.submit, h('go', { href: form.action, method: 'post' }, posted))];
}

function wmlDeck(page: PhonePage): Element {
  const lines: ChildInput[] = [];
  const add = (child: ChildInput) => lines.push(...(lines.length ? [h('br'), child] : [child]));
  if (page.search)
    add([
      h('input', { name: 'q', value: page.search.query, maxlength: 40, size: 10, title: '关键词' }),
      h('anchor', {}, '搜索', h('go', { href: '/search', method: 'get' }, h('postfield', { name: 'q', value: wmlVariable('q') }))),
    ]);
  for (const l of page.lines) add(isLink(l) ? h('a', { href: l.href }, l.label) : l);
  if (page.form) wmlForm(page.form).forEach(add);
  for (const l of pagerLinks(page)) add(h('a', { href: l.href }, l.label));
  if (page.up) add(h('a', { href: page.up.href, accesskey: '0' }, `0 ${page.up.label}`));
  return h('wml', {}, h('card', { id: 'main', title: truncate(page.title, 12) }, h('p', {}, lines)));
}

export function phonePage(channel: PhoneChannel, page: PhonePage): string {
  return channel === 'wap1' ? serializeWml(wmlDeck(page)) : xhtmlPage(page);
}

/** A WML page's compiled size (what the budget limits). */
export const compiledWmlBytes = (page: PhonePage): number => compileWml(wmlDeck(page)).length;

export const industryLines = (channel: PhoneChannel, counts: Map<string, number>): Link[] =>
  INDUSTRY_SECTIONS.filter((s) => counts.has(s.code)).map((s) => ({
    href: `/industry/${s.code}`,
    label: `${truncate(s.name, channel === 'wap1' ? 8 : 20)}(${counts.get(s.code)})`,
  }));

/** The enterprise's own WAP site in this channel (WML for WAP 1.x phones). */
const wapSiteHref = (channel: PhoneChannel, site: PortalSite) => (channel === 'wap1' ? `http://${site.host}/wml/` : site.wap_url);

/** 推荐企业 on the home (at most PROMOTED_ON_HOME): a heading line, then each linking straight to its WAP site. */
export const promotedLines = (channel: PhoneChannel, rows: PortalSite[]): (string | Link)[] =>
  rows.length
    ? [
        '推荐企业',
        ...rows.map((s) => ({ href: wapSiteHref(channel, s), label: truncate(s.short_name || s.name, NAME_CHARS[channel]) })),
        '按行业查找',
      ]
    : [];

export const siteLines = (channel: PhoneChannel, rows: PortalSite[]): Link[] =>
  rows.map((s) => ({ href: `/e/${encodeURIComponent(s.site_id)}`, label: truncate(s.short_name || s.name, NAME_CHARS[channel]) }));

/** The enterprise's card: its name, where it is, and its WAP site in this channel. */
export function siteCardLines(channel: PhoneChannel, site: PortalSite, industryName: string): (string | Link)[] {
  return [
    truncate(site.name, channel === 'wap1' ? 30 : 100),
    `${truncate(industryName, 12)} ${site.city}${site.district}`,
    ...(site.slogan && channel === 'wap2' ? [site.slogan] : []),
    { href: wapSiteHref(channel, site), label: '进入网站' },
  ];
}

export function searchLines(channel: PhoneChannel, result: SearchResult): (string | Link)[] {
  if (result.problem === 'empty') return ['请输入企业名称、产品或型号。'];
  if (result.problem === 'too_short') return ['请至少输入两个字。'];
  if (result.hits.length === 0) return ['没有找到相关企业。'];
  return result.hits.map((hit) => ({
    href: `/e/${encodeURIComponent(hit.siteId)}`,
    label: truncate(hit.shortName || hit.name, NAME_CHARS[channel]),
  }));
}
