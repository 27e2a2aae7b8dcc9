/**
 * The portals on the public listener (issue 13 items 1–3): the WEB category portal at `www.` + the
 * sites domain and the WAP portal at `wap.` + the sites domain, both with search. The public
 * listener hands these two hosts here before looking for a site.
 */
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { industrySection, isIndustryDivisionOf } from '../../../shared/domain/industry';
import type { PlatformContext } from '../context';
import { negotiate, PAGE_MIME, plainPage, type PageChannel } from '../public/channels';
import { refreshVisits } from '../search/popularity';
import { searchPublished } from '../search/search';
import { Listings } from './listings';
import { PageCache, type RenderedPage } from './pageCache';
import { Promotions } from './promotions';
import { memberPhoneRoutes, memberRoutes } from './memberPages';
import type { SmsGateway } from '../sms/gateway';
import { answerFile, type Answer } from '../public/siteFiles';
import { paging, requestedPage } from './paging';
import {
  industryLines,
  phonePage,
  PER_PAGE,
  PROMOTED_ON_HOME,
  promotedLines,
  searchLines,
  siteCardLines,
  siteLines,
  WAP_PORTAL_NAME,
  type PhoneChannel,
  type PhonePage,
} from './wap';
import {
  box,
  divisionName,
  filterForm,
  industryBox,
  industryHref,
  itemList,
  linkP,
  pager,
  regionBox,
  regionHref,
  searchForm,
  searchResults,
  sectionName,
  siteList,
  webPage,
  PORTAL_NAME,
} from './web';
import { h } from '../../../shared/sites/markup/node';

const PER_PAGE_WEB = 20;
/** Popularity is re-summed at most this often (on a request, never on a timer). */
const VISITS_REFRESH_MS = 60_000;
const SITEMAP_MAX = 50_000;

export interface Portal {
  /** True for the portal hosts (`www.` and `wap.` + the sites domain). */
  serves(host: string): boolean;
  /** A GET answered from the page cache, or undefined when the page is not held (then ask `app`). */
  held(request: PortalRequest): Promise<Answer | undefined>;
  app: Hono;
}

export interface PortalRequest {
  host: string;
  /** Path and query as sent. */
  url: string;
  accept?: string | undefined;
  acceptEncoding?: string | undefined;
  ifNoneMatch?: string | undefined;
}

/** Which cached page a request is: the portal, the channel, the path, the page number. */
const pageKey = (portal: 'web' | 'wap', channel: PageChannel, path: string, page: number) => `${portal} ${channel} ${page} ${path}`;

/** The WAP portal's channel: WEB browsers get XHTML-MP. */
const phoneChannel = (accept: string | undefined): PhoneChannel => {
  const negotiated: PageChannel = negotiate(accept);
  return negotiated === 'web' ? 'wap2' : negotiated;
};
const hostOf = (c: Context) => (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
const validSection = (code: string | undefined): code is string =>
  code !== undefined && /^[A-T]$/.test(code) && Boolean(industrySection(code));
const regionName = (name: string | undefined): name is string => name !== undefined && name.length >= 1 && name.length <= 30;

export function portalApp(ctx: PlatformContext, sms: SmsGateway | null): Portal {
  const { sitesDomain } = ctx.config;
  const www = `www.${sitesDomain}`;
  const wap = `wap.${sitesDomain}`;
  const listings = new Listings(ctx.database.db);
  const promotions = new Promotions(ctx.database.db);
  const pages = new PageCache(ctx.database.db, () => ctx.clock.now().getTime());
  const now = () => ctx.clock.now().toISOString();
  let refreshed = 0;
  let refreshing: Promise<void> | null = null;

  /** Popularity (most visited, ranking) from the visit statistics, re-summed at most once a minute. */
  async function freshVisits(): Promise<void> {
    if (ctx.clock.now().getTime() - refreshed < VISITS_REFRESH_MS) return;
    refreshing ??= refreshVisits(ctx.database, ctx.clock.now())
      .then(() => void (refreshed = ctx.clock.now().getTime()))
      .finally(() => (refreshing = null));
    await refreshing;
  }

  /** A cached page stays valid until popularity is re-summed, a listed site reaches its offline date or a promotion starts or ends. */
  async function validUntil(): Promise<number> {
    const [next, promotionChange] = await Promise.all([listings.nextOfflineAt(now()), promotions.nextChangeMs(now())]);
    return Math.min(ctx.clock.now().getTime() + VISITS_REFRESH_MS, next ? Date.parse(next) : Infinity, promotionChange);
  }
  const rendered = async (channel: PageChannel, body: string, status: 200 | 404 = 200): Promise<RenderedPage> => ({
    status,
    mime: PAGE_MIME[channel],
    body,
    validUntil: await validUntil(),
  });
  /** Answers a page that changes only with the publications from the cache (`render` on a miss). */
  async function cachedAnswer(
    c: Context,
    portal: 'web' | 'wap',
    channel: PageChannel,
    render: (page: number) => Promise<RenderedPage>,
  ): Promise<Response> {
    const page = requestedPage(c.req.query('page'));
    const file = await pages.get(pageKey(portal, channel, c.req.path, page), () => render(page));
    const answer = answerFile(
      file,
      { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match') },
      channel === 'web',
      file.status,
    );
    if (answer.body === null) return c.body(null, 304, answer.headers);
    return c.body(typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body), answer.status as 200, answer.headers);
  }

  const app = new Hono();
  const web = new Hono();
  const phone = new Hono();

  const html = (c: Context, body: string, status: 200 | 404 = 200) =>
    c.body(body, status, { 'content-type': PAGE_MIME.web, 'cache-control': 'no-cache' });
  const notFoundPage = plainPage('web', '页面不存在', '您访问的页面不存在。', { href: '/', label: '返回门户首页' });
  const webNotFound = (c: Context) => c.body(notFoundPage, 404, { 'content-type': PAGE_MIME.web });
  const canonical = (path: string) => `https://${www}${path}`;

  web.use('*', compress());
  const renderHome = async () => {
    await freshVisits();
    const at = now();
    const [industries, regions, posts, popular, promoted] = await Promise.all([
      listings.industryCounts(at),
      listings.regionCounts(at),
      listings.items({ kind: 'post' }, at, 0, 10),
      listings.sites({}, at, 0, 10),
      promotions.promotedSites(at, 10),
    ]);
    return rendered(
      'web',
      webPage({
        title: PORTAL_NAME,
        description: '按行业、地区查找已开通网站的企业，浏览最新供求信息和产品。',
        canonical: canonical('/'),
        main: [
          h('h1', {}, PORTAL_NAME),
          searchForm(),
          h(
            'div',
            { class: 'grid' },
            ...(promoted.length ? [box('推荐企业', siteList(promoted))] : []),
            industryBox(industries),
            regionBox(regions),
            box('最新供求', itemList(posts.rows), linkP('/posts', '更多供求信息')),
            box('热门企业', siteList(popular.rows)),
          ),
        ],
      }),
    );
  };
  web.get('/', (c) => cachedAnswer(c, 'web', 'web', renderHome));

  web.get('/industry/:section/:division?', async (c) => {
    const section = c.req.param('section');
    const division = c.req.param('division');
    if (!validSection(section) || (division !== undefined && !isIndustryDivisionOf(section, division))) return webNotFound(c);
    return cachedAnswer(c, 'web', 'web', async (page) => {
      await freshVisits();
      const { total, rows } = await listings.sites({ section, division }, now(), (page - 1) * PER_PAGE_WEB, PER_PAGE_WEB);
      const name = division ? divisionName(section, division) : sectionName(section);
      const path = industryHref(section, division);
      const at = now();
      const divisions = division ? [] : (await listings.industryCounts(at)).filter((d) => d.section === section && d.division);
      return rendered(
        'web',
        webPage({
          title: name,
          description: `${name}行业的企业网站（${total}家）。`,
          canonical: canonical(path),
          main: [
            h('h1', {}, `${name}（${total}家）`),
            division && linkP(industryHref(section), `返回${sectionName(section)}`),
            divisions.length > 0 &&
              box(
                '细分行业',
                h(
                  'p',
                  {},
                  divisions.flatMap((d, i) => [
                    i ? ' · ' : '',
                    h('a', { href: industryHref(section, d.division) }, `${divisionName(section, d.division)}（${d.count}）`),
                  ]),
                ),
              ),
            siteList(rows),
            pager(paging(page, total, PER_PAGE_WEB), path, {}),
          ],
        }),
      );
    });
  });

  web.get('/region/:province/:city?', async (c) => {
    const province = c.req.param('province');
    const city = c.req.param('city');
    if (!regionName(province) || (city !== undefined && !regionName(city))) return webNotFound(c);
    return cachedAnswer(c, 'web', 'web', async (page) => {
      await freshVisits();
      const { total, rows } = await listings.sites({ province, city }, now(), (page - 1) * PER_PAGE_WEB, PER_PAGE_WEB);
      if (total === 0) return rendered('web', notFoundPage, 404);
      const name = `${province}${city ?? ''}`;
      const path = regionHref(province, city);
      return rendered(
        'web',
        webPage({
          title: name,
          description: `${name}的企业网站（${total}家）。`,
          canonical: canonical(path),
          main: [
            h('h1', {}, `${name}（${total}家）`),
            city && linkP(regionHref(province), `返回${province}`),
            siteList(rows),
            pager(paging(page, total, PER_PAGE_WEB), path, {}),
          ],
        }),
      );
    });
  });

  web.get('/e/:siteId', async (c) => {
    const site = await listings.site(c.req.param('siteId'), now());
    if (!site) return webNotFound(c);
    const items = await listings.itemsOf(site.site_id);
    const of = (kind: string) =>
      items
        .filter((i) => i.kind === kind)
        .slice(0, 20)
        .map((i) => ({ ...i, site_name: site.name }));
    return html(
      c,
      webPage({
        title: site.name,
        description: site.slogan || `${site.name}：${sectionName(site.industry_section)}，${site.province}${site.city}。`,
        canonical: canonical(`/e/${encodeURIComponent(site.site_id)}`),
        main: [
          h('h1', {}, site.name),
          site.slogan && h('p', {}, site.slogan),
          h(
            'p',
            {},
            '行业：',
            h('a', { href: industryHref(site.industry_section) }, sectionName(site.industry_section)),
            site.industry_division ? ` · ${divisionName(site.industry_section, site.industry_division)}` : '',
            '　地区：',
            h('a', { href: regionHref(site.province, site.city) }, `${site.province}${site.city}${site.district}`),
          ),
          linkP(site.web_url, '访问企业网站'),
          linkP(`/member?e=${encodeURIComponent(site.enterprise_id)}`, '短信订阅这家企业的供求信息'),
          h(
            'div',
            { class: 'grid' },
            box('产品', itemList(of('product'))),
            box('供求信息', itemList(of('post'))),
            box('新闻', itemList(of('news'))),
          ),
        ],
      }),
    );
  });

  const listing = (kind: 'post' | 'product') => async (c: Context) => {
    const postKind =
      kind === 'post' && (c.req.query('kind') === 'supply' || c.req.query('kind') === 'demand')
        ? (c.req.query('kind') as 'supply' | 'demand')
        : undefined;
    const section = validSection(c.req.query('industry')) ? c.req.query('industry') : undefined;
    const province = regionName(c.req.query('province')) ? c.req.query('province') : undefined;
    const page = requestedPage(c.req.query('page'));
    const at = now();
    const [{ total, rows }, regions] = await Promise.all([
      listings.items({ kind, postKind, section, province }, at, (page - 1) * PER_PAGE_WEB, PER_PAGE_WEB),
      listings.regionCounts(at),
    ]);
    const path = kind === 'post' ? '/posts' : '/products';
    const title = kind === 'post' ? '供求信息' : '产品';
    return html(
      c,
      webPage({
        title,
        description: kind === 'post' ? '各企业发布的最新供应和求购信息。' : '各企业网站上的产品和型号。',
        canonical: canonical(path),
        main: [
          h('h1', {}, `${title}（${total}条）`),
          filterForm(path, {
            postKind: kind === 'post' ? (postKind ?? '') : null,
            section: section ?? '',
            province: province ?? '',
            provinces: [...new Set(regions.map((r) => r.province))],
          }),
          itemList(rows),
          pager(paging(page, total, PER_PAGE_WEB), path, {
            ...(postKind ? { kind: postKind } : {}),
            ...(section ? { industry: section } : {}),
            ...(province ? { province } : {}),
          }),
        ],
      }),
    );
  };
  web.get('/posts', listing('post'));
  web.get('/products', listing('product'));

  web.get('/search', async (c) => {
    await freshVisits();
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const result = await searchPublished(ctx.database.db, q, 20, now());
    return html(
      c,
      webPage({
        title: result.query ? `搜索：${result.query}` : '搜索',
        description: '搜索企业名称、产品、型号和供求信息。',
        canonical: canonical('/search'),
        main: [h('h1', {}, '搜索'), searchForm(q), ...searchResults(result)],
      }),
    );
  });

  /** What the member pages offer: the cities with live sites, the enterprise a "follow" link names. */
  const memberChoices = {
    cities: async () => (await listings.regionCounts(now())).filter((r) => r.city),
    enterprise: (enterpriseId: string) => listings.enterpriseSite(enterpriseId, now()),
  };
  memberRoutes(web, ctx, sms, { canonical, ...memberChoices });

  web.get('/robots.txt', (c) => c.text(`User-agent: *\nAllow: /\nSitemap: https://${www}/sitemap.xml\n`));
  web.get('/sitemap.xml', async (c) => {
    const at = now();
    const [sites, industries] = await Promise.all([listings.allSites(at, SITEMAP_MAX), listings.industryCounts(at)]);
    const urls = [
      '/',
      '/posts',
      '/products',
      ...[...new Set(industries.map((i) => i.section))].map((s) => industryHref(s)),
      ...sites.map((s) => `/e/${encodeURIComponent(s.site_id)}`),
    ];
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `<url><loc>${canonical(u)}</loc></url>`).join('\n')}\n</urlset>\n`;
    return c.body(body, 200, { 'content-type': 'application/xml; charset=utf-8' });
  });
  web.all('*', webNotFound);

  /* ---------- WAP ---------- */

  const channelOf = (c: Context): PhoneChannel => phoneChannel(c.req.header('accept'));
  const phoneAnswer = (c: Context, channel: PhoneChannel, page: PhonePage, status: 200 | 404 = 200) =>
    c.body(phonePage(channel, page), status, { 'content-type': PAGE_MIME[channel], vary: 'Accept', 'cache-control': 'no-cache' });
  const phoneNotFound = (c: Context) => {
    const channel = channelOf(c);
    return c.body(plainPage(channel, '页面不存在', '您访问的页面不存在。', { href: '/', label: '返回' }), 404, {
      'content-type': PAGE_MIME[channel],
      vary: 'Accept',
    });
  };
  const home = { href: '/', label: '首页' };

  phone.get('/', async (c) => {
    const channel = channelOf(c);
    return cachedAnswer(c, 'wap', channel, async (page) => {
      const at = now();
      const [industries, promoted] = await Promise.all([
        listings.industryCounts(at),
        page === 1 ? promotions.promotedSites(at, PROMOTED_ON_HOME[channel]) : [],
      ]);
      const counts = new Map<string, number>();
      for (const row of industries) counts.set(row.section, (counts.get(row.section) ?? 0) + row.count);
      const lines = industryLines(channel, counts);
      const p = paging(page, lines.length, PER_PAGE[channel]);
      return rendered(
        channel,
        phonePage(channel, {
          title: WAP_PORTAL_NAME,
          search: { query: '' },
          lines: [
            ...promotedLines(channel, promoted),
            ...(lines.length ? lines.slice(p.offset, p.offset + p.perPage) : ['暂无企业。']),
            { href: '/member', label: '会员订阅' },
          ],
          paging: { paging: p, path: '/', query: {} },
        }),
      );
    });
  });

  phone.get('/industry/:section', async (c) => {
    const section = c.req.param('section');
    if (!validSection(section)) return phoneNotFound(c);
    const channel = channelOf(c);
    return cachedAnswer(c, 'wap', channel, async (page) => {
      await freshVisits();
      const perPage = PER_PAGE[channel];
      const { total, rows } = await listings.sites({ section }, now(), (page - 1) * perPage, perPage);
      return rendered(
        channel,
        phonePage(channel, {
          title: sectionName(section),
          lines: rows.length ? siteLines(channel, rows) : ['暂无企业。'],
          paging: { paging: paging(page, total, perPage), path: `/industry/${section}`, query: {} },
          up: home,
        }),
      );
    });
  });

  phone.get('/e/:siteId', async (c) => {
    const site = await listings.site(c.req.param('siteId'), now());
    if (!site) return phoneNotFound(c);
    const channel = channelOf(c);
    return phoneAnswer(c, channel, {
      title: site.short_name || site.name,
      lines: [
        ...siteCardLines(channel, site, sectionName(site.industry_section)),
        { href: `/member?e=${encodeURIComponent(site.enterprise_id)}`, label: '订阅供求短信' },
      ],
      up: { href: `/industry/${site.industry_section}`, label: '返回' },
    });
  });

  memberPhoneRoutes(phone, ctx, sms, {
    ...memberChoices,
    channelOf,
    answer: (c, channel, page, status = 200) =>
      c.body(phonePage(channel, page), status, { 'content-type': PAGE_MIME[channel], vary: 'Accept', 'cache-control': 'no-store' }),
  });

  phone.get('/search', async (c) => {
    await freshVisits();
    const channel = channelOf(c);
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const result = await searchPublished(ctx.database.db, q, PER_PAGE[channel], now());
    return phoneAnswer(c, channel, { title: '搜索', search: { query: result.query }, lines: searchLines(channel, result), up: home });
  });
  phone.all('*', phoneNotFound);

  app.all('*', (c) => (hostOf(c) === wap ? phone : web).fetch(c.req.raw, c.env));
  async function held(request: PortalRequest): Promise<Answer | undefined> {
    const portal = request.host === wap ? 'wap' : 'web';
    const channel: PageChannel = portal === 'web' ? 'web' : phoneChannel(request.accept);
    const [path, query] = request.url.split('?', 2) as [string, string | undefined];
    const page = requestedPage(new URLSearchParams(query ?? '').get('page') ?? undefined);
    const file = await pages.held(pageKey(portal, channel, path, page));
    return file && answerFile(file, request, channel === 'web', file.status);
  }

  return { serves: (host) => host === www || host === wap, held, app };
}
