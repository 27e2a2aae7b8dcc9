/**
 * The portals' home pages are their busiest and change only when a site is published or goes
 * offline: each is rendered at most once per `ttlMs` (wall-clock, monotonic) and answered from memory
 * in between. Concurrent requests for a stale page share one rendering.
 */
export class PageCache {
  private readonly pages = new Map<string, { madeAt: number; body: Promise<string> }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, render: () => Promise<string>): Promise<string> {
    const entry = this.pages.get(key);
    if (entry && performance.now() - entry.madeAt < this.ttlMs) return entry.body;
    const body = render();
    this.pages.set(key, { madeAt: performance.now(), body });
    body.catch(() => this.pages.delete(key));
    return body;
  }
}
