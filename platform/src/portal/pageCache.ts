/**
 * The portal pages that change only with the publications (the homes, the industry and region pages)
 * are rendered once and answered from memory as bytes (gzip made on the first gzip request) until the
 * publication generation moves (sites/generation.ts: any process's publish, rollback or offline date;
 * this process's at once) or the page's own `validUntil` passes (popularity re-summed, a listed site
 * reaching its offline date). Concurrent requests for a missing page share one rendering.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { PublicationGeneration } from '../sites/generation';
import { served, type ServedFile } from '../public/siteFiles';

export interface RenderedPage {
  status: 200 | 404;
  mime: string;
  body: string;
  /** Clock time (ms) after which the page must be rendered again. */
  validUntil: number;
}

export type CachedPage = ServedFile & { status: 200 | 404 };

type Entry = { validUntil: number; page: Promise<CachedPage> };

/** Distinct pages kept (a page number past the last page is a key too); beyond that the cache starts over. */
const MAX_PAGES = 2_000;

export class PageCache {
  private pages = new Map<string, Entry>();
  private generation = -1;
  private readonly publications: PublicationGeneration;

  constructor(
    db: Kysely<DB>,
    private readonly clockMs: () => number,
  ) {
    this.publications = new PublicationGeneration(db);
  }

  /** The page held under `key`, without rendering it (the public listener's fast path). */
  async held(key: string): Promise<CachedPage | undefined> {
    await this.dropIfMoved();
    const entry = this.pages.get(key);
    return entry && this.clockMs() < entry.validUntil ? entry.page : undefined;
  }

  /** The page under `key`, rendered now if it is not held. 404 pages are answered but not kept. */
  async get(key: string, render: () => Promise<RenderedPage>): Promise<CachedPage> {
    const held = await this.held(key);
    if (held) return held;
    const entry = { validUntil: Infinity } as Entry;
    entry.page = render().then((r) => this.keep(key, entry, r));
    if (this.pages.size >= MAX_PAGES) this.pages.clear();
    this.pages.set(key, entry);
    entry.page.catch(() => this.forget(key, entry));
    return entry.page;
  }

  private keep(key: string, entry: Entry, r: RenderedPage): CachedPage {
    if (r.status === 200) entry.validUntil = r.validUntil;
    else this.forget(key, entry);
    const body = Buffer.from(r.body);
    return {
      status: r.status,
      ...served({ mime: r.mime, body, text: r.body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` }),
    };
  }

  private forget(key: string, entry: Entry): void {
    if (this.pages.get(key) === entry) this.pages.delete(key);
  }

  private async dropIfMoved(): Promise<void> {
    const generation = await this.publications.current();
    if (generation === this.generation) return;
    this.pages = new Map();
    this.generation = generation;
  }
}
