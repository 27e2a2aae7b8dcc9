import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';
import { EnterpriseListPage } from './list/EnterpriseListPage';
import { EnterpriseFormPage } from './form/EnterpriseFormPage';
import { EnterpriseDetailPage } from './detail/EnterpriseDetailPage';

export const enterpriseRoutes: RouteObject[] = [
  { path: 'enterprises', element: <EnterpriseListPage /> },
  { path: 'enterprises/new', element: <EnterpriseFormPage /> },
  { path: 'enterprises/:id', element: <EnterpriseDetailPage /> },
  { path: 'enterprises/:id/edit', element: <EnterpriseFormPage /> },
];
export const enterpriseNav: NavEntry[] = [
  { path: '/enterprises', labelKey: 'app.nav.enterprises' },
  { path: '/enterprises/new', labelKey: 'app.nav.newEnterprise' },
];
