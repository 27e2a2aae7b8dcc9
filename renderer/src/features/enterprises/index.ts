/** The enterprises feature as the app composes it: its routes, its navigation, the list's early first page. */
import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../ui/nav';
import { EnterpriseListPage } from './list/EnterpriseListPage';

export { prefetchFirstPage } from './list/useEnterprisePages';

/** The list is in the first bundle (it is the first screen); the other pages load when opened. */
export const enterpriseRoutes: RouteObject[] = [
  { path: 'enterprises', Component: EnterpriseListPage },
  { path: 'enterprises/new', lazy: async () => ({ Component: (await import('./form/EnterpriseFormPage')).EnterpriseFormPage }) },
  { path: 'enterprises/:id', lazy: async () => ({ Component: (await import('./detail/EnterpriseDetailPage')).EnterpriseDetailPage }) },
  { path: 'enterprises/:id/edit', lazy: async () => ({ Component: (await import('./form/EnterpriseFormPage')).EnterpriseFormPage }) },
];
export const enterpriseNav: NavEntry[] = [
  { path: '/enterprises', labelKey: 'app.nav.enterprises' },
  { path: '/enterprises/new', labelKey: 'app.nav.newEnterprise' },
];
