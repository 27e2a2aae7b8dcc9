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
