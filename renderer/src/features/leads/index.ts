/** Visitors' leads (issue 10): the list (overall, or one enterprise's with `?enterprise=ID`) and the unhandled count beside its navigation entry. */
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../ui/nav';
import { UnhandledLeadsBadge } from './list/UnhandledLeadsBadge';

export const leadsRoutes: RouteObject[] = [
  { path: 'leads', lazy: async () => ({ Component: (await import('./list/LeadsPage')).LeadsPage }) },
];
export const leadsNav: NavEntry[] = [{ path: '/leads', labelKey: 'leads.nav', Badge: UnhandledLeadsBadge }];
