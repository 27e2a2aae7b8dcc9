/**
 * The WEB category portal's pages (`www.` + the sites domain): HTML5 built as element trees and
 * written by the sites' serializer (which escapes every string), responsive with one small inline
 * stylesheet, with landmarks, labelled forms and one h1 per page (checked with axe-core in Chromium).
 */
import { INDUSTRY_SECTIONS, industrySection } from '../../../shared/domain/industry';
import { POST_KIND_LABELS } from '../../../shared/sites';
import { h, type ChildInput, type Element } from '../../../shared/sites/markup/node';
import { serialize } from '../../../shared/sites/markup/serialize';
import { truncate } from '../../../shared/sites/markup/text';
import type { SearchResult } from '../search/search';
import type { PortalItem, PortalSite } from './listings';
import { pageHref, type Paging } from './paging';

export const PORTAL_NAME = '企业网站门户';

const BREAK_AFTER = new Set([
  'html',
  'head',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'nav',
  'ul',
  'li',
  'p',
  'h1',
  'h2',
  'form',
  'meta',
  'title',
  'style',
  'link',
  'div',
  'dl',
  'dd',
]);

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2329;background:#f5f6f8}
a{color:#0b57d0}header,footer{background:#0b3d91;color:#fff;padding:12px 16px}header a,footer a{color:#fff}
.brand{font-size:20px;font-weight:bold;text-decoration:none}nav ul{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
main{max-width:1120px;margin:0 auto;padding:16px}h1{font-size:24px;margin:8px 0 16px}h2{font-size:19px;margin:0 0 8px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:16px}
section.box{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:12px 16px}
ul.plain{list-style:none;margin:0;padding:0}ul.plain li{padding:4px 0;border-bottom:1px solid #eef0f3}
.meta{color:#545b66;font-size:14px}form.search{display:flex;gap:8px;flex-wrap:wrap;margin:0 0 16px}
input,select,button{font:inherit;padding:6px 8px;min-height:44px}input[type=search]{flex:1 1 220px}
button{background:#0b57d0;color:#fff;border:0;border-radius:4px;padding:6px 16px}
.pager{display:flex;gap:16px;margin:16px 0}.pager a{padding:8px 0}
fieldset{border:1px solid #dde1e6;border-radius:6px;margin:0 0 16px}.check{display:inline-flex;align-items:center;min-height:44px;margin:0 16px 0 0}.check input{min-height:0;width:20px;height:20px;margin:0 8px 0 0}.problem{color:#b3261e;font-weight:bold}
@media (max-width:600px){main{padding:8px}h1{font-size:21px}.check{display:flex;margin:0}}`;

export interface PageSpec {
  title: string;
  description: string;
  /** Absolute URL of this page (canonical). */
  canonical: string;
  main: ChildInput[];
}

export function webPage(spec: PageSpec): string {
  const title = spec.title === PORTAL_NAME ? PORTAL_NAME : `${truncate(spec.title, 40)} - ${PORTAL_NAME}`;
  const doc = h(
    'html',
    { lang: 'zh-CN' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, title),
      h('meta', { name: 'description', content: truncate(spec.description, 150) }),
      h('link', { rel: 'canonical', href: spec.canonical }),
      h('style', {}, CSS),
    ),
    h(
      'body',
      {},
      h(
        'header',
        {},
        h('a', { class: 'brand', href: '/' }, PORTAL_NAME),
        h(
          'nav',
          { 'aria-label': '主导航' },
          h(
            'ul',
            {},
            h('li', {}, h('a', { href: '/' }, '首页')),
            h('li', {}, h('a', { href: '/posts' }, '供求信息')),
            h('li', {}, h('a', { href: '/products' }, '产品')),
            h('li', {}, h('a', { href: '/member' }, '会员订阅')),
          ),
        ),
      ),
      h('main', {}, spec.main),
      h('footer', {}, h('p', {}, '各企业网站由其企业发布；本门户汇集已开通的企业网站。')),
    ),
  );
  // The stylesheet has no markup characters, so the serializer's escaping leaves it as written.
  return `<!DOCTYPE html>\n${serialize(doc, { syntax: 'html', breakAfter: BREAK_AFTER })}`;
}

export const searchForm = (query = ''): Element =>
  h(
    'form',
    { class: 'search', action: '/search', method: 'get', role: 'search' },
    h('label', { for: 'q', class: 'meta' }, '搜索企业、产品、型号'),
    h('input', { type: 'search', id: 'q', name: 'q', value: query, maxlength: 40, placeholder: '企业名称、产品、型号或拼音首字母' }),
    h('button', { type: 'submit' }, '搜索'),
  );

export const sectionName = (code: string): string => industrySection(code)?.name ?? code;
export const divisionName = (section: string, division: string | null): string =>
  industrySection(section)?.divisions.find((d) => d.code === division)?.name ?? '';

export const industryHref = (section: string, division?: string | null) => `/industry/${section}${division ? `/${division}` : ''}`;
export const regionHref = (province: string, city?: string) =>
  `/region/${encodeURIComponent(province)}${city ? `/${encodeURIComponent(city)}` : ''}`;
export const siteHref = (siteId: string) => `/e/${encodeURIComponent(siteId)}`;

export function siteList(rows: PortalSite[]): Element {
  if (rows.length === 0) return h('p', {}, '暂无企业。');
  return h(
    'ul',
    { class: 'plain' },
    rows.map((s) =>
      h(
        'li',
        {},
        h('a', { href: siteHref(s.site_id) }, s.name),
        ' ',
        h('span', { class: 'meta' }, `${sectionName(s.industry_section)} · ${s.province}${s.city}`),
      ),
    ),
  );
}

export function itemList(rows: PortalItem[]): Element {
  if (rows.length === 0) return h('p', {}, '暂无信息。');
  return h(
    'ul',
    { class: 'plain' },
    rows.map((i) =>
      h(
        'li',
        {},
        i.post_kind ? `[${POST_KIND_LABELS[i.post_kind as 'supply' | 'demand'] ?? ''}] ` : '',
        h('a', { href: i.url }, i.title),
        i.model ? ` ${i.model}` : '',
        ' ',
        h('span', { class: 'meta' }, h('a', { href: siteHref(i.site_id) }, i.site_name)),
      ),
    ),
  );
}

export function pager(paging: Paging, path: string, query: Record<string, string>): Element | null {
  if (paging.pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': '分页' },
    paging.page > 1 && h('a', { href: pageHref(path, query, paging.page - 1), rel: 'prev' }, '上一页'),
    h('span', {}, `第 ${paging.page} / ${paging.pages} 页`),
    paging.page < paging.pages && h('a', { href: pageHref(path, query, paging.page + 1), rel: 'next' }, '下一页'),
  );
}

export const box = (title: string, ...children: ChildInput[]): Element => h('section', { class: 'box' }, h('h2', {}, title), children);

/** Industries with live sites: each 门类 with its 大类. */
export function industryBox(counts: { section: string; division: string | null; count: number }[]): Element {
  const bySection = new Map<string, number>();
  for (const c of counts) bySection.set(c.section, (bySection.get(c.section) ?? 0) + c.count);
  const sections = INDUSTRY_SECTIONS.filter((s) => bySection.has(s.code));
  return box(
    '行业分类',
    sections.length === 0
      ? h('p', {}, '暂无企业。')
      : h(
          'ul',
          { class: 'plain' },
          sections.map((s) =>
            h(
              'li',
              {},
              h('a', { href: industryHref(s.code) }, `${s.name}（${bySection.get(s.code)}）`),
              h(
                'div',
                { class: 'meta' },
                counts
                  .filter((c) => c.section === s.code && c.division)
                  .flatMap((c, i) => [
                    i ? ' · ' : '',
                    h('a', { href: industryHref(s.code, c.division) }, `${divisionName(s.code, c.division)}（${c.count}）`),
                  ]),
              ),
            ),
          ),
        ),
  );
}

export function regionBox(counts: { province: string; city: string; count: number }[]): Element {
  const provinces = [...new Set(counts.map((c) => c.province))];
  return box(
    '地区',
    provinces.length === 0
      ? h('p', {}, '暂无企业。')
      : h(
          'ul',
          { class: 'plain' },
          provinces.map((p) => {
            const cities = counts.filter((c) => c.province === p);
            return h(
              'li',
              {},
              h('a', { href: regionHref(p) }, `${p}（${cities.reduce((n, c) => n + c.count, 0)}）`),
              h(
                'div',
                { class: 'meta' },
                cities.flatMap((c, i) => [i ? ' · ' : '', h('a', { href: regionHref(p, c.city) }, `${c.city}（${c.count}）`)]),
              ),
            );
          }),
        ),
  );
}

export function searchResults(result: SearchResult): ChildInput[] {
  if (result.problem === 'empty') return [h('p', {}, '请输入要搜索的企业名称、产品或型号。')];
  if (result.problem === 'too_short') return [h('p', {}, '请至少输入两个字或字母。')];
  if (result.hits.length === 0) return [h('p', {}, `没有找到与“${result.query}”相关的企业。`)];
  return [
    h(
      'ul',
      { class: 'plain' },
      result.hits.map((hit) =>
        h(
          'li',
          {},
          h('a', { href: siteHref(hit.siteId) }, hit.name),
          ' ',
          h('span', { class: 'meta' }, `${hit.industryName} · ${hit.region.province}${hit.region.city}`),
          hit.matched &&
            h(
              'div',
              {},
              '匹配：',
              h('a', { href: hit.matched.url }, hit.matched.title),
              hit.matched.model ? ` 型号 ${hit.matched.model}` : '',
            ),
          h('div', {}, h('a', { href: hit.url }, '访问网站')),
        ),
      ),
    ),
  ];
}

export const linkP = (href: string, label: string): Element => h('p', {}, h('a', { href }, label));

export interface FilterState {
  /** null: the listing has no kind filter (products). */
  postKind: string | null;
  section: string;
  province: string;
  provinces: string[];
}

/** The listing filters: kind (供应/求购), industry, province; submitted as a GET form. */
export function filterForm(path: string, state: FilterState): Element {
  const select = (id: string, label: string, value: string, options: [string, string][]) => [
    h('label', { for: id }, label),
    h(
      'select',
      { id, name: id },
      h('option', { value: '', selected: value === '' }, '全部'),
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    ),
  ];
  return h(
    'form',
    { class: 'search', action: path, method: 'get' },
    state.postKind !== null && select('kind', '类别', state.postKind, Object.entries(POST_KIND_LABELS)),
    select(
      'industry',
      '行业',
      state.section,
      INDUSTRY_SECTIONS.map((s) => [s.code, s.name]),
    ),
    select(
      'province',
      '省份',
      state.province,
      state.provinces.map((p) => [p, p]),
    ),
    h('button', { type: 'submit' }, '筛选'),
  );
}
