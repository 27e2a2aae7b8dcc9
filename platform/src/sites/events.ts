/**
 * "A site's publication changed" for the modules that follow published sites (the portal and its
 * search index): a revision went live (publish, rollback, BOSS opening) or the site was scheduled
 * to go offline (cancellation). Listeners run inside the write transaction that made the change,
 * with its Writer, so what they write commits or rolls back with the publication itself; a listener
 * that throws fails that transaction. Going offline is a time (`offlineAt`), not an event at that
 * instant: readers compare `site_host.offline_at` with the clock (see `isServed` in public/liveSites.ts).
 *
 * Register once per process (at module load), e.g. `onPublicationChanged(indexPublishedSite)`.
 */
import type { Writer } from '../sync/writer';

export type PublicationChange =
  | {
      kind: 'live';
      siteId: string;
      enterpriseId: string;
      revision: number;
      host: string;
      urls: { web: string; wap: string };
      /** When it went live (the publication's time). */
      at: string;
    }
  | { kind: 'offline_scheduled'; siteId: string; enterpriseId: string; offlineAt: string };

export type PublicationListener = (w: Writer, change: PublicationChange) => void | Promise<void>;

const listeners = new Set<PublicationListener>();

/** Adds a listener; returns the function that removes it. */
export function onPublicationChanged(listener: PublicationListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the publication code (sites/publication.ts) after it changed what a host serves. */
export async function publicationChanged(w: Writer, change: PublicationChange): Promise<void> {
  for (const listener of listeners) await listener(w, change);
}

let committed = 0;

/** How many publication changes this process has committed; the public listener re-checks its hosts at once when it moved. */
export const committedChanges = (): number => committed;

/** Registered by the publication code on the writer, to run after its transaction committed. */
export const countCommitted = (): void => {
  committed++;
};
