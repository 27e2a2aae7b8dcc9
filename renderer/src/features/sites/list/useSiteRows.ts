/** Enterprises (searchable) with their site's state: none yet, its revision, signed off or not. */
import { useEffect, useState } from 'react';
import type { EnterpriseListRow } from '../../../../../shared/domain/enterprise';
import type { Site } from '../../../../../shared/api/sites';
import { call } from '../../../api/client';

export interface SiteRow {
  enterprise: EnterpriseListRow;
  site: Site | null | undefined;
}

const LIMIT = 50;

export function useSiteRows(query: string) {
  const [rows, setRows] = useState<SiteRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    call('enterprises.list', { query, offset: 0, limit: LIMIT })
      .then(async (page) => {
        if (!live) return;
        setTotal(page.total);
        setRows(page.rows.map((enterprise) => ({ enterprise, site: undefined })));
        setError(null);
        const sites = await Promise.all(page.rows.map((e) => call('sites.getForEnterprise', { enterpriseId: e.id }).catch(() => null)));
        if (live) setRows(page.rows.map((enterprise, i) => ({ enterprise, site: sites[i] })));
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [query]);

  return { rows, total, error, limit: LIMIT };
}
