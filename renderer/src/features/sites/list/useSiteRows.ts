/** Enterprises (searchable) with their site's state: none yet, its revision, signed off or not. */
import { useQueries } from '@tanstack/react-query';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import type { Site } from '../../../../../shared/api/sites';
import { useApiQuery } from '../../../api/hooks';
import { apiQuery } from '../../../api/queryCache';

export interface SiteRow {
  enterprise: EnterpriseListRow;
  /** undefined while it is being read; null: no site yet (or it could not be read). */
  site: Site | null | undefined;
}

const LIMIT = 50;

export function useSiteRows(query: string) {
  const page = useApiQuery('enterprises.list', { query, offset: 0, limit: LIMIT });
  const enterprises = page.data?.rows ?? [];
  const sites = useQueries({ queries: enterprises.map((e) => apiQuery('sites.getForEnterprise', { enterpriseId: e.id })) });
  const rows: SiteRow[] | null = page.data
    ? enterprises.map((enterprise, i) => ({ enterprise, site: sites[i]?.error ? null : sites[i]?.data }))
    : null;
  return { rows, total: page.data?.total ?? 0, error: page.error, limit: LIMIT };
}
