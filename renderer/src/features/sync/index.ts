/** The sync feature: the header's indicator, the sync centre, and what an enterprise's page shows about the platform. */
import type { RouteObject } from 'react-router';
import { lazyPart } from '../../ui/lazyPart';
import type { NavEntry } from '../../ui/nav';

export { SyncIndicator } from './indicator/SyncIndicator';
export { HeaderPerson } from './indicator/HeaderPerson';
/** The enterprise on the platform, for the enterprise's page (loaded with it). */
export const EnterprisePlatformInfo = lazyPart(async () => (await import('./enterprise/EnterprisePlatformInfo')).EnterprisePlatformInfo);

/** The sync centre loads when opened; only the header's indicator is in the first bundle. */
export const syncRoutes: RouteObject[] = [
  { path: 'sync', lazy: async () => ({ Component: (await import('./centre/SyncCentrePage')).SyncCentrePage }) },
];
export const syncNav: NavEntry[] = [{ path: '/sync', labelKey: 'sync.nav' }];
