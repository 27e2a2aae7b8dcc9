/**
 * The enterprise list as pages fetched on demand (`enterprises.list` offset/limit), each page its
 * own entry in the query cache: only what is on screen is ever loaded, so 100,000 rows cost what
 * 100 do. A change to an enterprise re-reads the pages on screen, keeping the old rows until the
 * new ones arrive.
 */
import { useCallback, useState } from 'react';
import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import { apiQuery } from '../../../api/queryCache';
import { DEFAULT_PARAMS, listInput, type ListParams } from './listParams';

export const PAGE_SIZE = 100;

const pageQuery = (params: ListParams, page: number) => apiQuery('enterprises.list', listInput(params, page * PAGE_SIZE, PAGE_SIZE));

/** The first page, asked for at start-up alongside the status, so the list paints without another round trip. */
export function prefetchFirstPage(client: QueryClient): void {
  void client.prefetchQuery(pageQuery(DEFAULT_PARAMS, 0));
}

const pagesOf = (first: number, last: number) => {
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
  return pages;
};

export function useEnterprisePages(params: ListParams) {
  // The list's identity: a new search, filter or order starts at its first page.
  const query = JSON.stringify(listInput(params, 0, 0));
  const [shown, setShown] = useState({ query, pages: [0] });
  const pages = shown.query === query ? shown.pages : [0];
  const results = useQueries({ queries: pages.map((page) => pageQuery(params, page)) });

  /** The table says which rows are on screen; missing pages are fetched. */
  const showRange = useCallback(
    (first: number, last: number) => {
      const next = pagesOf(first, last);
      setShown((s) => (s.query === query && s.pages.join() === next.join() ? s : { query, pages: next }));
    },
    [query],
  );

  const rowsByPage = new Map(pages.map((page, i) => [page, results[i]?.data?.rows]));
  const rowAt = (index: number): EnterpriseListRow | undefined => rowsByPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const total = results.find((r) => r.data)?.data?.total ?? null;
  const failed = results.find((r) => r.error);
  const retry = () => results.forEach((r) => r.error && void r.refetch());

  return { total, error: failed?.error ?? null, rowAt, showRange, retry };
}
