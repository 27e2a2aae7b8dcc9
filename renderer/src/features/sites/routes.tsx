import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';

/** Site builder pages (issue 3). */
export const siteRoutes: RouteObject[] = [];
export const siteNav: NavEntry[] = [];
