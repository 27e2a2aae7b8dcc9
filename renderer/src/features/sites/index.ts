/** The site builder feature: its pages and navigation. */
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../ui/nav';

/** Site builder pages (issue 3), loaded when opened: the list of enterprises with their sites, and the builder of one. */
export const siteRoutes: RouteObject[] = [
  { path: 'sites', lazy: async () => ({ Component: (await import('./list/SitesListPage')).SitesListPage }) },
  { path: 'enterprises/:id/site', lazy: async () => ({ Component: (await import('./builder/SiteBuilderPage')).SiteBuilderPage }) },
];
export const siteNav: NavEntry[] = [{ path: '/sites', labelKey: 'sites.nav' }];
