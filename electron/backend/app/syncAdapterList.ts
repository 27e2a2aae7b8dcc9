/**
 * The synced tables, each through the adapter beside its domain (subscriptions: the generic mirror).
 * The composition root registers this list; tests check it covers every synced table once.
 */
import { enterpriseSyncAdapter } from '../domains/enterprises/syncAdapter';
import { leadSyncAdapter } from '../domains/leads/syncAdapter';
import { serviceOrderSyncAdapter } from '../domains/orders/syncAdapter';
import { memberReportSyncAdapter } from '../domains/portal/syncAdapter';
import { sitePublicationSyncAdapter } from '../domains/publishing/syncAdapter';
import { rosterMemberSyncAdapter, rosterOrderSyncAdapter } from '../domains/roster/syncAdapter';
import { siteSyncAdapter } from '../domains/sites/syncAdapter';
import { smsActivitySyncAdapter } from '../domains/smsActivity/syncAdapter';
import { smsUsageSyncAdapter } from '../domains/smsUsage/syncAdapter';
import type { SyncAdapter } from '../domains/sync/adapters';
import { mirrorAdapter } from '../domains/sync/mirrorAdapter';
import { siteVisitDaySyncAdapter } from '../domains/visits/syncAdapter';

export const SYNC_ADAPTERS: readonly SyncAdapter[] = [
  enterpriseSyncAdapter,
  serviceOrderSyncAdapter,
  siteSyncAdapter,
  mirrorAdapter('subscription'),
  sitePublicationSyncAdapter,
  leadSyncAdapter,
  siteVisitDaySyncAdapter,
  smsUsageSyncAdapter,
  rosterOrderSyncAdapter,
  rosterMemberSyncAdapter,
  smsActivitySyncAdapter,
  memberReportSyncAdapter,
];
