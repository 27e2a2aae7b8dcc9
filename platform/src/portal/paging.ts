/** Page numbers from a query string, and links to other pages of the same listing. */

export interface Paging {
  page: number;
  pages: number;
  offset: number;
  perPage: number;
}

/** `?page=` as a number in 1…9999 (anything else is page 1). */
export function requestedPage(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 9999 ? n : 1;
}

export function paging(page: number, total: number, perPage: number): Paging {
  const pages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(page, pages);
  return { page: current, pages, offset: (current - 1) * perPage, perPage };
}

export function pageHref(path: string, query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== ''));
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
