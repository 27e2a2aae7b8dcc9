/**
 * The public listener (`--public-port`, issue 10 item 2): every published site by its `Host`, one
 * address for every audience by content negotiation, explicit `/wap/` and `/wml/` paths, per-channel
 * 404 and offline pages, gzip for WEB, form posts that become leads, and visit counting.
 */
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { PlatformContext } from '../context';
import { filesFor, isCrawler, negotiate, PAGE_MIME, plainPage, type PageChannel } from './channels';
import { MAX_FORM_BYTES, parseLeadForm, saveLead } from './leads';
import { VisitCounter } from './visits';

interface LiveSite {
  siteId: string;
  enterpriseId: string;
  revision: number | null;
  offlineAt: string | null;
}

interface ServedFile {
  mime: string;
  body: string;
  etag: string;
  gzipped?: Buffer;
}

/** A 16×16 PNG (one colour): answered for /favicon.ico on every site. */
const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR4nGNkaGBgIAUwkaR6VMOohmGkAQCvAQDlRmqJ6AAAAABJRU5ErkJggg==',
  'base64',
);

/** Compiled files are immutable per (site, revision): kept in memory, bounded. */
class FileCache {
  private readonly files = new Map<string, ServedFile | null>();
  constructor(private readonly max = 5000) {}
  get(key: string) {
    return this.files.get(key);
  }
  set(key: string, file: ServedFile | null) {
    if (this.files.size >= this.max) this.files.delete(this.files.keys().next().value!);
    this.files.set(key, file);
  }
}

export interface PublicSites {
  app: Hono;
  visits: VisitCounter;
  close(): Promise<void>;
}

/** The peer address (in-process requests in tests have none). */
function addressOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const hostOf = (c: Context) => (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');

export function publicApp(ctx: PlatformContext): PublicSites {
  const { db } = ctx.database;
  const app = new Hono();
  const cache = new FileCache();
  const visits = new VisitCounter(ctx);

  async function liveSite(host: string): Promise<LiveSite | undefined> {
    const names = host.startsWith('www.') ? [host, host.slice(4)] : [host, `www.${host}`];
    const rows = await db.selectFrom('site_host').selectAll().where('host', 'in', names).execute();
    const row = names.map((n) => rows.find((r) => r.host === n)).find(Boolean);
    return row && { siteId: row.site_id, enterpriseId: row.enterprise_id, revision: row.revision === null ? null : Number(row.revision), offlineAt: row.offline_at };
  }

  async function fileOf(siteId: string, revision: number, path: string): Promise<ServedFile | null> {
    const key = `${siteId}\n${revision}\n${path}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const row = await db.selectFrom('site_file').select(['mime', 'body', 'etag']).where('site_id', '=', siteId).where('revision', '=', revision).where('path', '=', path).executeTakeFirst();
    const file = row ?? null;
    cache.set(key, file);
    return file;
  }

  const page = (c: Context, channel: PageChannel, status: 404 | 410 | 400 | 413 | 429 | 200, title: string, text: string, link?: { href: string; label: string }) =>
    c.body(plainPage(channel, title, text, link), status, { 'content-type': PAGE_MIME[channel], vary: 'Accept', 'cache-control': 'no-store' });

  const notFound = (c: Context, channel: PageChannel) => page(c, channel, 404, '页面不存在', '您访问的页面不存在。');

  app.use('*', async (c, next) => {
    const site = await liveSite(hostOf(c));
    const channel = negotiate(c.req.header('accept'));
    if (!site || site.revision === null) return notFound(c, channel);
    if (site.offlineAt && site.offlineAt <= ctx.clock.now().toISOString()) return page(c, channel, 410, '网站已停止服务', '本网站的服务已到期停止。');
    c.set('site' as never, site as never);
    await next();
  });

  app.get('/favicon.ico', (c) => c.body(FAVICON, 200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }));

  app.post('/guestbook', async (c) => {
    const site = c.get('site' as never) as LiveSite;
    const channel = negotiate(c.req.header('accept'));
    const declared = c.req.header('content-length');
    if (declared !== undefined && !(Number(declared) <= MAX_FORM_BYTES)) return page(c, channel, 413, '提交失败', '留言内容太长。');
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? '')) return page(c, channel, 400, '提交失败', '表单格式不正确。');
    const body = await c.req.text();
    if (Buffer.byteLength(body) > MAX_FORM_BYTES) return page(c, channel, 413, '提交失败', '留言内容太长。');
    const fields = Object.fromEntries(new URLSearchParams(body));
    const parsed = parseLeadForm(fields);
    if (!parsed.ok) return page(c, channel, 400, '提交失败', parsed.error === 'contact_invalid' ? '请填写正确的手机号码或邮箱。' : '请填写留言内容（不超过500字）。');
    const address = addressOf(c);
    const saved = await saveLead(ctx, site, channel, address, parsed.lead);
    if (saved === 'rate_limited') return page(c, channel, 429, '提交太频繁', '提交太频繁，请稍后再试。');
    const home = channel === 'web' ? '/' : channel === 'wap2' ? '/wap/' : '/wml/';
    return page(c, channel, 200, '留言已提交', '谢谢！您的留言已提交，我们会尽快与您联系。', { href: home, label: '返回首页' });
  });

  app.get('*', async (c) => {
    const site = c.get('site' as never) as LiveSite;
    const negotiated = negotiate(c.req.header('accept'));
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return notFound(c, negotiated);
    }
    if (path.includes('..')) return notFound(c, negotiated);
    const candidates = filesFor(path, negotiated);
    for (const { channel, file: name } of candidates) {
      const file = await fileOf(site.siteId, site.revision!, name);
      if (!file) continue;
      const isPage = /\.(html|xhtml|wml)$/.test(name);
      const userAgent = c.req.header('user-agent') ?? '';
      if (isPage && !isCrawler(userAgent)) visits.record({ siteId: site.siteId, enterpriseId: site.enterpriseId, channel, address: addressOf(c), userAgent });
      const headers: Record<string, string> = { 'content-type': file.mime, etag: file.etag, 'cache-control': 'no-cache', vary: 'Accept, Accept-Encoding' };
      if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, headers);
      if (channel === 'web' && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && file.body.length > 512) {
        file.gzipped ??= gzipSync(file.body);
        return c.body(new Uint8Array(file.gzipped), 200, { ...headers, 'content-encoding': 'gzip' });
      }
      return c.body(file.body, 200, headers);
    }
    return notFound(c, candidates[0]!.channel);
  });

  return { app, visits, close: () => visits.close() };
}
