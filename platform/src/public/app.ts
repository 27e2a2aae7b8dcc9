/**
 * The public listener (`--public-port`, issue 10 item 2): every published site by its `Host`, one
 * address for every audience by content negotiation, explicit `/wap/` and `/wml/` paths, per-channel
 * 404 and offline pages, gzip for WEB, form posts that become leads, and visit counting.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { getRequestListener } from '@hono/node-server';
import type { PlatformContext } from '../context';
import { addressOf, CHANNEL_PREFIX, filesFor, isCrawler, negotiate, PAGE_MIME, plainPage, type PageChannel } from './channels';
import { guestbookUrl, noticePage } from './notices';
import { MAX_FORM_BYTES, parseLeadForm, saveLead } from './leads';
import { isServed, LiveSites, type LiveSite } from './liveSites';
import { publishingOf } from '../sites/publication';
import { SiteFiles, type Answer, type Bundle } from './siteFiles';
import { VisitCounter } from './visits';
import { portalApp } from '../portal/app';
import type { SmsGateway } from '../sms/gateway';

/** A 16×16 PNG (one colour): answered for /favicon.ico on every site. */
const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGNkaGBgIAUwkaR6VMOohmGkAQCvAQDlRmqJ6AAAAABJRU5ErkJggg==',
  'base64',
);
const FAVICON_HEADERS = { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400', 'content-length': String(FAVICON.length) };

/** What a GET needs from the request, the same from Hono (tests in-process) and from node:http (the listener). */
interface PageRequest {
  host: string;
  path: string;
  accept?: string;
  acceptEncoding?: string;
  ifNoneMatch?: string;
  userAgent?: string;
  address: string;
}

export interface PublicSites {
  /** Every request (Hono: the in-process tests, form posts). */
  app: Hono;
  /** The listener's handler: GETs answered straight from memory, anything else by `app`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  visits: VisitCounter;
  close(): Promise<void>;
}

/** The host a `Host` header names: lower case, no port, no final dot (most headers are that already). */
const hostName = (header: string | undefined) =>
  header === undefined ? '' : /[A-Z:]|\.$/.test(header) ? header.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '') : header;
const hostOf = (c: Context) => hostName(c.req.header('host'));

const matches = (ifNoneMatch: string, etag: string) => ifNoneMatch.split(',').some((t) => t.trim() === etag);
const isPage = (name: string) => name.endsWith('.html') || name.endsWith('.xhtml') || name.endsWith('.wml');

export function publicApp(ctx: PlatformContext, sms: SmsGateway | null = null): PublicSites {
  const { db } = ctx.database;
  const app = new Hono();
  const sites = new LiveSites(db);
  const files = new SiteFiles(db, publishingOf(ctx.config).blobsDir);
  const visits = new VisitCounter(ctx);
  const portal = portalApp(ctx, sms);

  const pageAnswer = (channel: PageChannel, status: number, body: string): Answer => ({
    status,
    headers: {
      'content-type': PAGE_MIME[channel],
      vary: 'Accept',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  });
  const plain = (channel: PageChannel, status: number, title: string, text: string) =>
    pageAnswer(channel, status, plainPage(channel, title, text));
  const notFound = (channel: PageChannel) => plain(channel, 404, '页面不存在', '您访问的页面不存在。');
  const offline = (channel: PageChannel) => plain(channel, 410, '网站已停止服务', '本网站的服务已到期停止。');

  /** The site a request's host serves now, or the page to answer instead. */
  function servedOr(site: LiveSite | null | undefined, channel: PageChannel): LiveSite | Answer {
    const state = site ? isServed(site, ctx.clock) : 'none';
    return state === 'live' ? site! : state === 'offline' ? offline(channel) : notFound(channel);
  }
  const siteFor = async (host: string, channel: PageChannel) => servedOr(await sites.lookup(host), channel);

  /** A GET, answered without waiting when the host and its revision are in memory (the usual case). */
  function answerGet(req: PageRequest): Answer | Promise<Answer> {
    const site = sites.cached(req.host);
    return site === undefined ? sites.lookup(req.host).then((found) => answerFor(req, found ?? null)) : answerFor(req, site);
  }

  function answerFor(req: PageRequest, found: LiveSite | null): Answer | Promise<Answer> {
    const negotiated = negotiate(req.accept);
    const site = servedOr(found, negotiated);
    if ('status' in site) return site;
    const bundle = files.cached(site.siteId, site.revision!);
    return bundle
      ? answerPage(req, site, negotiated, bundle)
      : files.bundle(site.siteId, site.revision!).then((b) => answerPage(req, site, negotiated, b));
  }

  function answerPage(req: PageRequest, site: LiveSite, negotiated: PageChannel, bundle: Bundle): Answer {
    if (req.path === '/favicon.ico') return { status: 200, headers: FAVICON_HEADERS, body: FAVICON };
    let path = req.path;
    if (path.includes('%')) {
      try {
        path = decodeURIComponent(path);
      } catch {
        return notFound(negotiated);
      }
    }
    if (path.includes('..')) return notFound(negotiated);
    const candidates = filesFor(path, negotiated);
    for (const { channel, file: name } of candidates) {
      const file = bundle.files.get(name);
      if (!file) continue;
      if (isPage(name) && !isCrawler(req.userAgent ?? '')) visits.record(site, channel, req.address, req.userAgent ?? '');
      if (req.ifNoneMatch !== undefined && matches(req.ifNoneMatch, file.etag))
        return { status: 304, headers: file.notModified, body: null };
      if (file.immutable || channel !== 'web') return { status: 200, headers: file.headers, body: file.text ?? file.body };
      return { status: 200, ...SiteFiles.encoded(file, req.acceptEncoding) };
    }
    return notFound(candidates[0]!.channel);
  }

  const reply = (c: Context, a: Answer) =>
    a.body === null
      ? c.body(null, a.status as 304, a.headers)
      : c.body(typeof a.body === 'string' ? a.body : new Uint8Array(a.body), a.status as 200, a.headers);

  // The portals (www. and wap. under the sites domain) answer their own hosts.
  app.use('*', async (c, next) => (portal.serves(hostOf(c)) ? portal.app.fetch(c.req.raw, c.env) : next()));

  app.post('/guestbook', async (c) => {
    const channel = negotiate(c.req.header('accept'));
    const site = await siteFor(hostOf(c), channel);
    if ('status' in site) return reply(c, site);
    // Every answer from here on is a page of the site itself (its style, header and navigation).
    const bundle = await files.bundle(site.siteId, site.revision!);
    const home = { href: CHANNEL_PREFIX[channel], label: '返回首页' };
    const back = { href: guestbookUrl(bundle, channel) ?? CHANNEL_PREFIX[channel], label: '返回留言' };
    const page = (status: number, title: string, text: string, link = back) =>
      reply(c, pageAnswer(channel, status, noticePage(bundle, channel, { title, text, link })));
    const declared = c.req.header('content-length');
    if (declared !== undefined && !(Number(declared) <= MAX_FORM_BYTES)) return page(413, '提交失败', '留言内容太长。');
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
      return page(400, '提交失败', '表单格式不正确。');
    const body = await c.req.text();
    if (Buffer.byteLength(body) > MAX_FORM_BYTES) return page(413, '提交失败', '留言内容太长。');
    const parsed = parseLeadForm(Object.fromEntries(new URLSearchParams(body)));
    if (!parsed.ok)
      return page(400, '提交失败', parsed.error === 'contact_invalid' ? '请填写正确的手机号码或邮箱。' : '请填写留言内容（不超过500字）。');
    const saved = await saveLead(ctx, site, channel, addressOf(c), parsed.lead);
    if (saved === 'rate_limited') return page(429, '提交太频繁', '提交太频繁，请稍后再试。');
    return page(200, '留言已提交', '谢谢！您的留言已提交，我们会尽快与您联系。', home);
  });

  app.get('*', async (c) =>
    reply(
      c,
      await answerGet({
        host: hostOf(c),
        path: c.req.path,
        accept: c.req.header('accept'),
        acceptEncoding: c.req.header('accept-encoding'),
        ifNoneMatch: c.req.header('if-none-match'),
        userAgent: c.req.header('user-agent'),
        address: addressOf(c),
      }),
    ),
  );

  app.all('*', async (c) => {
    const channel = negotiate(c.req.header('accept'));
    const site = await siteFor(hostOf(c), channel);
    return reply(c, 'status' in site ? site : notFound(channel));
  });

  const viaHono = getRequestListener(app.fetch);
  const send = (res: ServerResponse, a: Answer) => {
    res.writeHead(a.status, a.headers);
    res.end(a.body);
  };
  /** A portal page held in its cache is written at once; anything else goes through Hono. */
  function portalGet(req: IncomingMessage, res: ServerResponse, host: string): void {
    const h = req.headers;
    portal
      .held({ host, url: req.url ?? '/', accept: h.accept, acceptEncoding: h['accept-encoding'], ifNoneMatch: h['if-none-match'] })
      .then(
        (a) => (a ? send(res, a) : void viaHono(req, res)),
        () => void viaHono(req, res),
      );
  }
  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = hostName(req.headers.host);
    if (req.method !== 'GET') {
      void viaHono(req, res);
      return;
    }
    if (portal.serves(host)) {
      portalGet(req, res, host);
      return;
    }
    const h = req.headers;
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const answer = answerGet({
      host,
      path,
      accept: h.accept,
      acceptEncoding: h['accept-encoding'],
      ifNoneMatch: h['if-none-match'],
      userAgent: h['user-agent'],
      address: req.socket.remoteAddress ?? 'unknown',
    });
    if (!(answer instanceof Promise)) return send(res, answer);
    answer.then(
      (a) => send(res, a),
      (err: Error) => {
        ctx.log(`public: GET ${path}: ${err.stack ?? String(err)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('服务暂时不可用。');
      },
    );
  }

  return { app, handle, visits, close: () => visits.close() };
}
