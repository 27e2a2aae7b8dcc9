/**
 * Which domain owns each table: only that domain's repository (`domains/<domain>/repository.ts` or
 * `domains/<domain>/db/*.ts`) runs SQL on it; other domains call its repository's functions.
 * A table added by a migration is added here too (test/unit/db/tableOwners.test.ts checks both
 * directions, and that repositories keep to their tables).
 */
export const TABLE_OWNERS = {
  setting: 'system',
  draft: 'drafts',
  audit_log: 'audit',
  asset: 'assets',
  image: 'assets',
  asset_derived: 'assets',
  catalog: 'catalog',
  enterprise: 'enterprises',
  change_counter: 'enterprises',
  service_order: 'orders',
  document: 'documents',
  site: 'sites',
  site_publication: 'publishing',
  lead: 'leads',
  site_visit_day: 'visits',
  sms_usage: 'smsUsage',
  sms_activity: 'smsActivity',
  member_report: 'portal',
  outbox: 'sync',
  conflict: 'sync',
  sync_state: 'sync',
  sync_row: 'sync',
  resync_seen: 'sync',
  sync_history: 'sync',
  sync_refused_row: 'sync',
  sync_held_row: 'sync',
  roster_member: 'roster',
  roster_rules: 'roster',
  roster_order: 'roster',
  group_service: 'groupServices',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;
export type Domain = (typeof TABLE_OWNERS)[TableName];
