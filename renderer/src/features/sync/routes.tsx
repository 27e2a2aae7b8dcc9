import type { RouteObject } from 'react-router';
import type { NavEntry } from '../../app/AppRouter';

export { SyncIndicator } from './indicator/SyncIndicator';

/** The sync centre loads when opened; only the header's indicator is in the first bundle. */
export const syncRoutes: RouteObject[] = [{ path: 'sync', lazy: async () => ({ Component: (await import('./centre/SyncCentrePage')).SyncCentrePage }) }];
export const syncNav: NavEntry[] = [{ path: '/sync', labelKey: 'sync.nav' }];
