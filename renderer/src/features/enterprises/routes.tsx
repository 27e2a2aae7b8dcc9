import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';
import { EnterpriseListPage } from './EnterpriseListPage';

export const enterpriseRoutes: RouteObject[] = [{ path: 'enterprises', element: <EnterpriseListPage /> }];
export const enterpriseNav: NavEntry[] = [{ path: '/enterprises', labelKey: 'app.nav.enterprises' }];
