/**
 * A live revision's compiled files in memory, read from site_file once per (site, revision) and
 * kept while requested: a page request costs a map lookup, no query and no encoding. The gzip body
 * of a WEB page is made on its first gzip request and kept beside it. The revision's pictures
 * (site_asset → rendition blobs) are read with it and marked `immutable`: their bytes never change. Revisions are immutable once
 * built, so nothing here can go stale; the least recently used revisions are dropped beyond `maxBytes`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface ServedFile {
  mime: string;
  body: Buffer;
  etag: string;
  gzipped?: Buffer;
  /** Content-addressed (a picture): cacheable for good. */
  immutable?: boolean;
}

/** What a GET answers (the listener writes it; Hono replies with it). */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

const matches = (ifNoneMatch: string | undefined, etag: string) => ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === etag);

/**
 * A file's answer: 304 when the client holds its etag, gzip when `gzip` (WEB pages; phones get their
 * bytes as they are) and the client asks for it; pictures cached for good, pages revalidated.
 */
export function answerFile(file: ServedFile, request: { acceptEncoding?: string | undefined; ifNoneMatch?: string | undefined }, gzip: boolean, status = 200): Answer {
  const headers: Record<string, string> = file.immutable
    ? { 'content-type': file.mime, etag: file.etag, 'cache-control': 'public, max-age=31536000, immutable' }
    : { 'content-type': file.mime, etag: file.etag, 'cache-control': 'no-cache', vary: 'Accept, Accept-Encoding' };
  if (matches(request.ifNoneMatch, file.etag)) return { status: 304, headers, body: null };
  if (file.immutable || !gzip) return { status, headers, body: file.body };
  const { body, gzip: gzipped } = SiteFiles.encoded(file, request.acceptEncoding);
  return { status, headers: gzipped ? { ...headers, 'content-encoding': 'gzip' } : headers, body };
}

type Bundle = { files: Map<string, ServedFile>; bytes: number };

/** Bodies smaller than this are sent as they are (gzip would not pay for its header and time). */
const GZIP_MIN_BYTES = 512;

export class SiteFiles {
  private readonly bundles = new Map<string, Bundle>();
  private readonly loading = new Map<string, Promise<Bundle>>();
  private bytes = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly blobsDir: string,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** The file at `path` of a revision, or undefined when the revision has none there. */
  async file(siteId: string, revision: number, path: string): Promise<ServedFile | undefined> {
    const key = `${siteId}\n${revision}`;
    let bundle = this.bundles.get(key);
    if (bundle) {
      this.bundles.delete(key); // most recently used last
      this.bundles.set(key, bundle);
    } else bundle = await this.load(key, siteId, revision);
    return bundle.files.get(path);
  }

  /** The body to send for an `Accept-Encoding`: gzip when asked for and worth it. */
  static encoded(file: ServedFile, acceptEncoding: string | undefined): { body: Buffer; gzip: boolean } {
    if (file.body.length < GZIP_MIN_BYTES || !/\bgzip\b/.test(acceptEncoding ?? '')) return { body: file.body, gzip: false };
    file.gzipped ??= gzipSync(file.body);
    return { body: file.gzipped, gzip: true };
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
    const rows = await this.db.selectFrom('site_file').select(['path', 'mime', 'body', 'etag']).where('site_id', '=', siteId).where('revision', '=', revision).execute();
    const files = new Map<string, ServedFile>();
    let bytes = 0;
    for (const row of rows) {
      const body = Buffer.from(row.body, 'utf8');
      bytes += body.length;
      files.set(row.path, { mime: row.mime, body, etag: row.etag });
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
      files.set(image.path, { mime: image.mime, body, etag: `"${image.sha256}"`, immutable: true });
    }
    return { files, bytes };
  }

  private keep(key: string, bundle: Bundle): Bundle {
    this.bundles.set(key, bundle);
    this.bytes += bundle.bytes;
    for (const [oldest, old] of this.bundles) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      this.bundles.delete(oldest);
      this.bytes -= old.bytes;
    }
    return bundle;
  }
}
