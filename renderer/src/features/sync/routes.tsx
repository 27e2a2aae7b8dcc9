import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';

/** Sync centre pages (issue 4). */
export const syncRoutes: RouteObject[] = [];
export const syncNav: NavEntry[] = [];

/** The header's sync status (issue 4). */
export function SyncIndicator() {
  return null;
}
