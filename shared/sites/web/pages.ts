/** The WEB channel: HTML5 pages (home, column lists, items), style sheet, sitemap.xml and robots.txt. */
import type { SiteContext } from '../context';
import { itemBody, itemFacts, itemImages, listNote, listTitle, type Fact } from '../itemView';
import { contentKey, listUnits, type ChannelPlan, type Job, type JobSink } from '../job';
import { h, type Child, type ChildInput, type Element } from '../markup/node';
import { serialize } from '../markup/serialize';
import { oneLine, truncate } from '../markup/text';
import { byCategory, listsByCategory } from '../categories';
import { isAllowedHref, itemTitle, plainText, type Column, type Item } from '../model';
import { staffFileJobs, staffLinks, QR_DISPLAY_SIZE } from '../staff/files';
import { columnPath, homePath, itemPath, mimeOf, relativeHref } from '../paths';
import { webCss } from './css';
import { webImage } from './image';
import { blocksToHtml, nonBreaking } from './richText';

const BREAK_AFTER = new Set([
  'head',
  'meta',
  'title',
  'link',
  'header',
  'nav',
  'main',
  'footer',
  'section',
  'p',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'figure',
  'table',
  'tr',
  'dl',
  'form',
  'address',
  'div',
]);
const HOME_ITEMS = 4;
const TITLE_MAX = 70;
const DESCRIPTION_MAX = 120;

interface PageSpec {
  path: string;
  title: string;
  description: string;
  /** The column whose navigation entry is marked current, or 'home'. */
  current: string;
  main: ChildInput[];
}

const pageCount = (column: Column, perPage: number) => Math.max(1, Math.ceil(column.items.length / perPage));

function navigation(ctx: SiteContext, path: string, current: string): Element {
  const entry = (href: string, label: string, isCurrent: boolean) =>
    h('li', {}, h('a', { href: relativeHref(path, href), 'aria-current': isCurrent ? 'page' : undefined }, label));
  return h(
    'nav',
    { class: 'site-nav', 'aria-label': '栏目导航' },
    h(
      'ul',
      {},
      entry(homePath('web'), '首页', current === 'home'),
      ctx.enabled.web.map((c) => entry(columnPath('web', c.id), c.title, current === c.id)),
    ),
  );
}

function factValue(fact: Fact): Child {
  return fact.tel ? h('a', { href: `tel:${fact.value.replace(/[^\d+]/g, '')}` }, nonBreaking(fact.value)) : fact.value;
}

function contactDetails(ctx: SiteContext): ChildInput[] {
  const c = ctx.site.profile.contact;
  const email = c.email && isAllowedHref(`mailto:${c.email}`) ? h('a', { href: `mailto:${c.email}` }, c.email) : c.email;
  return [
    c.address && h('p', {}, '地址：', c.address),
    c.phones.map((p) => h('p', {}, `${p.label || '电话'}：`, factValue({ label: p.label, value: p.number, tel: true }))),
    c.person && h('p', {}, '联系人：', c.person),
    email && h('p', {}, '邮箱：', email),
    c.hours && h('p', {}, '营业时间：', c.hours),
    c.map &&
      h(
        'p',
        {},
        h('a', { href: `https://uri.amap.com/marker?position=${c.map.lng},${c.map.lat}`, rel: 'nofollow noopener' }, '在地图上查看'),
      ),
  ];
}

/** A title within html-validate's long-title limit (70 characters of source, where `&lt;` counts 4). */
function fitTitle(title: string): string {
  const escapedLength = (s: string) => s.replace(/&/g, '&amp;').replace(/[<>]/g, '&lt;').length;
  let max = TITLE_MAX;
  let fitted = truncate(oneLine(title), max);
  while (escapedLength(fitted) > TITLE_MAX && max > 1) fitted = truncate(oneLine(title), --max);
  return fitted;
}

function shell(ctx: SiteContext, sink: JobSink, page: PageSpec): string {
  const profile = ctx.site.profile;
  const logo = profile.logo
    ? webImage({ ...profile.logo, alt: '' }, sink, page.path, { section: 'profile', field: 'logo' }, { eager: true })
    : null;
  const title = page.current === 'home' ? profile.name : `${page.title} - ${profile.name}`;
  const doc = h(
    'html',
    { lang: 'zh-CN' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, fitTitle(title)),
      h('meta', { name: 'description', content: truncate(oneLine(page.description), DESCRIPTION_MAX) }),
      h('link', { rel: 'canonical', href: `${ctx.urls.web}${page.path}` }),
      h('link', { rel: 'stylesheet', href: relativeHref(page.path, 'style.css') }),
    ),
    h(
      'body',
      {},
      h(
        'header',
        { class: 'site-header' },
        h('a', { class: 'brand', href: relativeHref(page.path, homePath('web')) }, logo, h('span', {}, profile.name)),
        ctx.layout.web.showSlogan && profile.slogan ? h('p', { class: 'slogan' }, profile.slogan) : null,
      ),
      navigation(ctx, page.path, page.current),
      h('main', {}, page.main),
      h('footer', { class: 'site-footer' }, h('address', {}, h('p', {}, h('strong', {}, profile.name)), contactDetails(ctx))),
    ),
  );
  return `<!DOCTYPE html>\n${serialize(doc, { syntax: 'html', breakAfter: BREAK_AFTER })}`;
}

function emit(ctx: SiteContext, sink: JobSink, page: PageSpec, where: { columnId?: string; itemId?: string }): void {
  sink.file(page.path, mimeOf(page.path), shell(ctx, sink, page), { where });
}

/** A list entry: title link, one image, a note (price, date, pay). */
function card(ctx: SiteContext, sink: JobSink, pagePath: string, column: Column, item: Item, headingLevel: 2 | 3): Element {
  const first = itemImages(item)[0];
  const img =
    first && ctx.layout.web.hero !== 'plain'
      ? webImage(first.image, sink, pagePath, { columnId: column.id, itemId: item.id, field: first.field })
      : null;
  const note = listNote(item);
  const summary = item.kind === 'article' ? item.summary : undefined;
  return h(
    'li',
    { class: 'card' },
    img,
    h(`h${headingLevel}`, {}, h('a', { href: relativeHref(pagePath, itemPath('web', item.id)) }, listTitle(item))),
    note && h('p', { class: item.kind === 'product' ? 'price' : 'meta' }, note),
    summary && h('p', {}, summary),
  );
}

function guestbookForm(ctx: SiteContext): Element {
  const field = (id: string, label: string, control: Element) => h('p', {}, h('label', { for: id }, label), control);
  return h(
    'form',
    { class: 'guestbook', method: 'post', action: ctx.guestbookAction },
    h('input', { type: 'hidden', name: 'site', value: ctx.urls.host }),
    field('gb-name', '姓名', h('input', { id: 'gb-name', name: 'name', type: 'text', maxlength: 50, autocomplete: 'name' })),
    field('gb-phone', '手机', h('input', { id: 'gb-phone', name: 'phone', type: 'tel', maxlength: 20, autocomplete: 'tel' })),
    field('gb-message', '留言内容', h('textarea', { id: 'gb-message', name: 'message', rows: 5, maxlength: 500, required: true })),
    h('p', {}, h('button', { type: 'submit' }, '提交留言')),
  );
}

function pager(path: string, column: Column, page: number, pages: number): Element | null {
  if (pages <= 1) return null;
  const link = (n: number, label: string) => h('a', { href: relativeHref(path, columnPath('web', column.id, n)) }, label);
  return h(
    'nav',
    { class: 'pager', 'aria-label': '分页' },
    page > 1 && link(page - 1, '上一页'),
    h('span', {}, `第${page}/${pages}页`),
    page < pages && link(page + 1, '下一页'),
  );
}

function describe(ctx: SiteContext, text: string, fallback: string): string {
  const plain = oneLine(text);
  return plain || `${fallback} - ${ctx.site.profile.name}`;
}

/* ---------- jobs ---------- */

function homeJob(ctx: SiteContext): Job {
  const shown = ctx.enabled.web.flatMap((c) => [
    c.id,
    c.type === 'intro' ? contentKey(c.body) : '',
    ...c.items.slice(0, HOME_ITEMS).map(ctx.keyOf),
  ]);
  return {
    id: 'web:home',
    key: shown,
    run(sink) {
      const path = homePath('web');
      const { profile } = ctx.site;
      const intro = ctx.enabled.web.find((c) => c.type === 'intro');
      const heroImage = ctx.layout.web.hero === 'photo' ? heroOf(ctx) : undefined;
      const main: ChildInput[] = [];
      if (ctx.layout.web.hero === 'banner')
        main.push(h('div', { class: 'banner' }, h('h1', {}, profile.name), profile.slogan && h('p', {}, profile.slogan)));
      else main.push(h('h1', {}, profile.name));
      if (heroImage) {
        const img = webImage(heroImage.image, sink, path, heroImage.where, { eager: true });
        if (img) main.push(h('figure', { class: 'hero' }, img));
      }
      for (const column of ctx.enabled.web) {
        const more = h('p', {}, h('a', { href: relativeHref(path, columnPath('web', column.id)) }, `更多${column.title}`));
        if (column === intro)
          main.push(
            h('section', {}, h('h2', {}, column.title), h('p', {}, truncate(plainText(column.body).split('\n')[0] ?? '', 160)), more),
          );
        else if (column.items.length)
          main.push(
            h(
              'section',
              {},
              h('h2', {}, column.title),
              h(
                'ul',
                { class: 'cards' },
                column.items.slice(0, HOME_ITEMS).map((item) => card(ctx, sink, path, column, item, 3)),
              ),
              more,
            ),
          );
      }
      const description = intro ? plainText(intro.body) : profile.slogan;
      emit(
        ctx,
        sink,
        { path, title: profile.name, description: describe(ctx, description, profile.slogan || '首页'), current: 'home', main },
        {},
      );
    },
  };
}

/** The first image of the intro column, else of the first column with item images. */
function heroOf(ctx: SiteContext) {
  for (const column of ctx.enabled.web) {
    const block = column.body.find((b) => b.type === 'image');
    if (block?.type === 'image')
      return { image: block.image, where: { columnId: column.id, field: `body.${column.body.indexOf(block)}.image` } };
  }
  for (const column of ctx.enabled.web) {
    for (const item of column.items) {
      const first = itemImages(item)[0];
      if (first) return { image: first.image, where: { columnId: column.id, itemId: item.id, field: first.field } };
    }
  }
  return undefined;
}

/** A listing's cards, under a heading per category where the column lists by category. */
function cardLists(ctx: SiteContext, sink: JobSink, path: string, column: Column, items: Item[], byCategories: boolean): Element[] {
  if (!byCategories)
    return [
      h(
        'ul',
        { class: 'cards' },
        items.map((item) => card(ctx, sink, path, column, item, 2)),
      ),
    ];
  return byCategory(items).map((group) =>
    h(
      'section',
      {},
      group.category ? h('h2', {}, group.category) : null,
      h(
        'ul',
        { class: 'cards' },
        group.items.map((item) => card(ctx, sink, path, column, item, group.category ? 3 : 2)),
      ),
    ),
  );
}

function columnJob(ctx: SiteContext, column: Column, page: number): Job {
  const perPage = ctx.layout.web.itemsPerPage;
  const pages = pageCount(column, perPage);
  const items = column.items.slice((page - 1) * perPage, page * perPage);
  const meta = { id: column.id, type: column.type, title: column.title, body: page === 1 ? column.body : null };
  const byCategories = listsByCategory(column);
  return {
    id: `web:column:${column.id}:${page}`,
    key: [String(pages), String(byCategories), contentKey(meta), ...items.map(ctx.keyOf)],
    run(sink) {
      const path = columnPath('web', column.id, page);
      const where = { columnId: column.id };
      const main: ChildInput[] = [h('h1', {}, page > 1 ? `${column.title}（第${page}页）` : column.title)];
      if (page === 1) {
        main.push(blocksToHtml(column.body, { sink, pagePath: path, where: { ...where, field: 'body' }, baseLevel: 1 }));
        if (column.type === 'contact') main.push(h('section', {}, h('h2', {}, '联系方式'), h('address', {}, contactDetails(ctx))));
        if (column.type === 'guestbook') main.push(h('section', {}, h('h2', {}, '我要留言'), guestbookForm(ctx)));
      }
      if (items.length) main.push(...cardLists(ctx, sink, path, column, items, byCategories));
      else if (page === 1 && !column.body.length && column.type !== 'contact' && column.type !== 'guestbook')
        main.push(h('p', {}, '暂无内容。'));
      main.push(pager(path, column, page, pages));
      emit(
        ctx,
        sink,
        {
          path,
          title: page > 1 ? `${column.title} 第${page}页` : column.title,
          description: describe(ctx, plainText(column.body), column.title),
          current: column.id,
          main,
        },
        where,
      );
    },
  };
}

/** A staff card's vCard link and the QR code that opens its phone page. */
function staffCardLinks(itemId: string, name: string): Element {
  const links = staffLinks('web', itemId);
  const size = String(QR_DISPLAY_SIZE);
  return h(
    'section',
    { class: 'staff-card' },
    h('p', {}, h('a', { href: links.vcard, download: `${name}.vcf` }, '存入通讯录（vCard）')),
    h(
      'figure',
      {},
      h('img', { src: links.qr, srcset: `${links.qr} 1x`, alt: '扫码在手机上打开名片', width: size, height: size }),
      h('figcaption', {}, '手机扫码打开名片'),
    ),
  );
}

function itemJob(ctx: SiteContext, column: Column, item: Item): Job {
  return {
    id: `web:item:${item.id}`,
    key: [column.id, ctx.keyOf(item)],
    run(sink) {
      const path = itemPath('web', item.id);
      const where = { columnId: column.id, itemId: item.id };
      const body = itemBody(item);
      const facts = itemFacts(item);
      const images = itemImages(item)
        .map(({ image, field }) => webImage(image, sink, path, { ...where, field }))
        .filter((img): img is Element => img !== null);
      const main: ChildInput[] = [
        h('p', { class: 'meta' }, h('a', { href: relativeHref(path, columnPath('web', column.id)) }, column.title)),
        h('h1', {}, listTitle(item)),
        facts.length > 0 &&
          h(
            'dl',
            {},
            facts.map((f) => [h('dt', {}, f.label), h('dd', {}, factValue(f))]),
          ),
        images.map((img) => h('figure', {}, img)),
        item.kind === 'staff' && staffCardLinks(item.id, item.name),
        blocksToHtml(body.blocks, { sink, pagePath: path, where: { ...where, field: body.field }, baseLevel: 1 }),
      ];
      const summary = item.kind === 'article' && item.summary ? item.summary : plainText(body.blocks);
      emit(
        ctx,
        sink,
        {
          path,
          title: itemTitle(item),
          description: describe(ctx, summary || facts.map((f) => `${f.label}${f.value}`).join(' '), itemTitle(item)),
          current: column.id,
          main,
        },
        where,
      );
    },
  };
}

/** Every WEB page path, in navigation order: the sitemap lists exactly these. */
export function webPagePaths(ctx: SiteContext): string[] {
  const paths = [homePath('web')];
  for (const column of ctx.enabled.web) {
    const pages = pageCount(column, ctx.layout.web.itemsPerPage);
    for (let n = 1; n <= pages; n++) paths.push(columnPath('web', column.id, n));
    for (const item of column.items) paths.push(itemPath('web', item.id));
  }
  return paths;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function siteFilesJob(ctx: SiteContext): Job {
  const paths = webPagePaths(ctx);
  return {
    id: 'web:files',
    key: paths,
    run(sink) {
      const urls = paths.map((p) => `<url><loc>${escapeXml(ctx.urls.web + p)}</loc></url>`).join('\n');
      sink.file(
        'sitemap.xml',
        mimeOf('sitemap.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
      );
      sink.file('robots.txt', mimeOf('robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${ctx.urls.web}sitemap.xml\n`);
      sink.file('style.css', mimeOf('style.css'), webCss(ctx.style.palette, ctx.layout.web));
    },
  };
}

export function webPlan(ctx: SiteContext): ChannelPlan {
  return {
    site: [homeJob(ctx), siteFilesJob(ctx)],
    columns: ctx.enabled.web,
    columnUnits: (column, tokens) =>
      listUnits('list', tokens, ctx.layout.web.itemsPerPage, [ctx.tokenOf(`body:${column.id}`, column.body)], (page) =>
        columnJob(ctx, column, page),
      ),
    itemJobs: (column, item) => [itemJob(ctx, column, item), ...staffFileJobs(ctx, 'web', item)],
  };
}
