import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';
import { SitesListPage } from './list/SitesListPage';
import { SiteBuilderPage } from './builder/SiteBuilderPage';

/** Site builder pages (issue 3): the list of enterprises with their sites, and the builder of one. */
export const siteRoutes: RouteObject[] = [
  { path: 'sites', element: <SitesListPage /> },
  { path: 'enterprises/:id/site', element: <SiteBuilderPage /> },
];
export const siteNav: NavEntry[] = [{ path: '/sites', labelKey: 'sites.nav' }];
