/**
 * What the audit trail records, one constant per kind of action. The backend writes only these;
 * the UI shows `audit.<action>`. Entries of older versions may hold others, so the entry schema
 * (order.ts `auditEntrySchema`) keeps `action` a string.
 */
export const AUDIT_ACTIONS = [
  'enterprise.created',
  'enterprise.updated',
  'order.created',
  'order.signed',
  'order.submitted',
  'order.discarded',
  'site.created',
  'site.imported',
  'site.signed_off',
  'site.guess_undone',
  'site.profile_updated',
  'site.column_added',
  'site.column_updated',
  'site.column_removed',
  'site.columns_reordered',
  'site.item_added',
  'site.item_updated',
  'site.item_removed',
  'site.items_reordered',
  'site.item_moved',
  'site.tray_placed',
  'site.tray_discarded',
  'site.template_set',
  'site.domain_set',
  'site.sms_updated',
  'roster.imported',
  'roster.rules_set',
  'roster.member_added',
  'roster.member_updated',
  'roster.member_removed',
  'roster.change_discarded',
  'roster.submitted',
  'services.switchboard_set',
  'services.sms_groups_set',
  'services.ringtone_uploaded',
  'services.ringtone_members_set',
  'services.ringtone_removed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
