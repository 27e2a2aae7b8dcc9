/**
 * The enterprise list as pages fetched on demand (`enterprises.list` offset/limit): only what is
 * on screen is ever loaded, so 100,000 rows cost what 100 do. A new query starts over; a
 * `data.changed` event re-reads the pages on screen, keeping the old rows until the new ones arrive.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import { call, subscribe } from '../../../api/client';

export const PAGE_SIZE = 100;

interface ListState {
  query: string;
  total: number | null;
  pages: Map<number, EnterpriseListRow[]>;
  error: unknown;
}

type ListPage = Awaited<ReturnType<typeof callPage>>;
const callPage = (query: string, page: number) => call('enterprises.list', { query: query || undefined, offset: page * PAGE_SIZE, limit: PAGE_SIZE });

/** The first page, asked for at start-up alongside the status, so the list paints without another round trip. */
let prefetched: { at: number; page: Promise<ListPage> } | null = null;
const PREFETCH_FRESH_MS = 5000;

export function prefetchFirstPage(): void {
  const page = callPage('', 0);
  page.catch(() => undefined);
  prefetched = { at: Date.now(), page };
}

function fetchPage(query: string, page: number): Promise<ListPage> {
  const early = prefetched;
  prefetched = null;
  if (early && !query && page === 0 && Date.now() - early.at < PREFETCH_FRESH_MS) return early.page;
  return callPage(query, page);
}

export function useEnterprisePages(query: string) {
  const [state, setState] = useState<ListState>({ query, total: null, pages: new Map(), error: null });
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const visiblePages = useRef<number[]>([0]);

  const loadPages = useCallback((pages: number[], replace: boolean) => {
    const gen = generation.current;
    const wanted = pages.filter((p) => replace || !inFlight.current.has(p));
    if (wanted.length === 0) return;
    wanted.forEach((p) => inFlight.current.add(p));
    Promise.all(wanted.map((p) => fetchPage(query, p)))
      .then((results) => {
        if (gen !== generation.current) return;
        setState((s) => {
          const next = replace ? new Map<number, EnterpriseListRow[]>() : new Map(s.pages);
          results.forEach((r, i) => next.set(wanted[i]!, r.rows));
          return { query, total: results.at(-1)!.total, pages: next, error: null };
        });
      })
      .catch((error: unknown) => {
        if (gen === generation.current) setState((s) => ({ ...s, error }));
      })
      .finally(() => wanted.forEach((p) => inFlight.current.delete(p)));
  }, [query]);

  // A new query: forget everything and read its first page.
  useEffect(() => {
    generation.current++;
    inFlight.current.clear();
    setState((s) => ({ query, total: s.query === query ? s.total : null, pages: s.query === query ? s.pages : new Map(), error: null }));
    loadPages([0], true);
  }, [query, loadPages]);

  // Someone changed an enterprise (this window, another one, the CLI, a sync): re-read what is on screen.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe('data.changed', ({ entity }) => {
      if (entity !== 'enterprise' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        generation.current++;
        inFlight.current.clear();
        loadPages(visiblePages.current, true);
      }, 250);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [loadPages]);

  /** The table says which rows are on screen; missing pages are fetched. */
  const showRange = useCallback(
    (first: number, last: number) => {
      const pages: number[] = [];
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
      visiblePages.current = pages;
      if (state.total === null) return; // the first page is on its way
      const missing = pages.filter((p) => !state.pages.has(p));
      if (missing.length) loadPages(missing, false);
    },
    [state.pages, state.total, loadPages],
  );

  const rowAt = useCallback((index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [state.pages]);

  const retry = useCallback(() => loadPages(visiblePages.current, true), [loadPages]);

  return { total: state.query === query ? state.total : null, error: state.error, rowAt, showRange, retry };
}
