/**
 * A live revision's compiled files in memory, read from site_file once per (site, revision) and
 * kept while requested: a page request costs a map lookup, no query, no encoding and no header
 * building. Each file's response headers (200, 304 and gzip) are made once when the revision is
 * read; a WEB page's gzip body is made on its first gzip request and kept beside it. The revision's
 * pictures (site_asset → rendition blobs) are read with it and marked `immutable`: their bytes never
 * change. Revisions are immutable once built, so nothing here can go stale; the least recently used
 * revisions are dropped beyond `maxBytes`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export type Headers = Record<string, string>;

export interface ServedFile {
  mime: string;
  body: Buffer;
  /** A page's text: sent as a string, Node writes it with the headers in one write. */
  text?: string;
  etag: string;
  /** Content-addressed (a picture): cacheable for good. */
  immutable?: boolean;
  /** The headers of a 200 with `body` (content-length included) and of a 304. */
  headers: Headers;
  notModified: Headers;
  gzipped?: { body: Buffer; headers: Headers };
}

/** What a GET answers (the listener writes it; Hono replies with it). */
export interface Answer {
  status: number;
  /** Made once per file and shared by every answer: never changed. */
  headers: Headers;
  body: Buffer | string | null;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === etag);

/**
 * A file's answer: 304 when the client holds its etag, gzip when `gzip` (WEB pages; phones get their
 * bytes as they are) and the client asks for it; pictures cached for good, pages revalidated.
 */
export function answerFile(
  file: ServedFile,
  request: { acceptEncoding?: string | undefined; ifNoneMatch?: string | undefined },
  gzip: boolean,
  status = 200,
): Answer {
  if (matches(request.ifNoneMatch, file.etag)) return { status: 304, headers: file.notModified, body: null };
  if (file.immutable || !gzip) return { status, headers: file.headers, body: file.text ?? file.body };
  return { status, ...SiteFiles.encoded(file, request.acceptEncoding) };
}

export interface Bundle {
  files: Map<string, ServedFile>;
  bytes: number;
  /** When it was last asked for (a counter): the least recent goes first. */
  used: number;
}

/** Bodies smaller than this are sent as they are (gzip would not pay for its header and time). */
const GZIP_MIN_BYTES = 512;

export class SiteFiles {
  private readonly bundles = new Map<string, Bundle>();
  private readonly loading = new Map<string, Promise<Bundle>>();
  private bytes = 0;
  private uses = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly blobsDir: string,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** A revision's files if they are in memory now (no waiting), else undefined. */
  cached(siteId: string, revision: number): Bundle | undefined {
    const bundle = this.bundles.get(`${siteId}\n${revision}`);
    if (bundle) bundle.used = ++this.uses;
    return bundle;
  }

  /** A revision's files, read from the database when not in memory. */
  bundle(siteId: string, revision: number): Promise<Bundle> {
    const cached = this.cached(siteId, revision);
    return cached ? Promise.resolve(cached) : this.load(`${siteId}\n${revision}`, siteId, revision);
  }

  /** The body and headers to send for an `Accept-Encoding`: gzip when asked for and worth it. */
  static encoded(file: ServedFile, acceptEncoding: string | undefined): { body: Buffer | string; headers: Headers } {
    if (file.body.length < GZIP_MIN_BYTES || acceptEncoding === undefined || !/\bgzip\b/.test(acceptEncoding))
      return { body: file.text ?? file.body, headers: file.headers };
    if (!file.gzipped) {
      const body = gzipSync(file.body);
      file.gzipped = { body, headers: { ...file.headers, 'content-encoding': 'gzip', 'content-length': String(body.length) } };
    }
    return file.gzipped;
  }

  private load(key: string, siteId: string, revision: number): Promise<Bundle> {
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.read(siteId, revision)
        .then((bundle) => this.keep(key, bundle))
        .finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async read(siteId: string, revision: number): Promise<Bundle> {
    const rows = await this.db
      .selectFrom('site_file')
      .select(['path', 'mime', 'body', 'etag'])
      .where('site_id', '=', siteId)
      .where('revision', '=', revision)
      .execute();
    const files = new Map<string, ServedFile>();
    let bytes = 0;
    for (const row of rows) {
      const body = Buffer.from(row.body, 'utf8');
      bytes += body.length;
      files.set(row.path, served({ mime: row.mime, body, text: row.body, etag: row.etag }));
    }
    const images = await this.db
      .selectFrom('site_asset as a')
      .innerJoin('blob as b', 'b.sha256', 'a.sha256')
      .select(['a.path', 'a.sha256', 'b.mime'])
      .where('a.site_id', '=', siteId)
      .where('a.revision', '=', revision)
      .execute();
    for (const image of images) {
      // A blob store this process cannot read (a misconfigured data directory) costs that picture, not the pages.
      const body = await readFile(path.join(this.blobsDir, image.sha256)).catch(() => undefined);
      if (!body) continue;
      bytes += body.length;
      files.set(image.path, served({ mime: image.mime, body, etag: `"${image.sha256}"`, immutable: true }));
    }
    return { files, bytes, used: ++this.uses };
  }

  private keep(key: string, bundle: Bundle): Bundle {
    this.bundles.set(key, bundle);
    this.bytes += bundle.bytes;
    while (this.bytes > this.maxBytes) {
      let oldest: [string, Bundle] | undefined;
      for (const entry of this.bundles) if (entry[0] !== key && (!oldest || entry[1].used < oldest[1].used)) oldest = entry;
      if (!oldest) break;
      this.bundles.delete(oldest[0]);
      this.bytes -= oldest[1].bytes;
    }
    return bundle;
  }
}

/** A file with its response headers made once: pictures cached for good, pages revalidated per `Accept`. */
export function served(file: Pick<ServedFile, 'mime' | 'body' | 'text' | 'etag' | 'immutable'>): ServedFile {
  const notModified: Headers = file.immutable
    ? { 'content-type': file.mime, etag: file.etag, 'cache-control': 'public, max-age=31536000, immutable' }
    : { 'content-type': file.mime, etag: file.etag, 'cache-control': 'no-cache', vary: 'Accept, Accept-Encoding' };
  return { ...file, notModified, headers: { ...notModified, 'content-length': String(file.body.length) } };
}
