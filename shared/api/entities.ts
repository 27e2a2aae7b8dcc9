import { z } from 'zod';

/**
 * What a `data.changed` event can be about: the synced tables, the local records the UI lists,
 * and `sync` (queue, conflicts, history). Backend writers, the queries that read them (`reads`)
 * and renderer caches all use these names.
 */
export const ENTITIES = [
  'enterprise',
  'service_order',
  'subscription',
  'site',
  'site_publication',
  'lead',
  'site_visit_day',
  'sms_usage',
  'sms_activity',
  'member_report',
  'document',
  'catalog',
  'asset',
  'sync',
  'roster_member',
  'roster_order',
  'group_service',
] as const;
export type Entity = (typeof ENTITIES)[number];
export const entitySchema = z.enum(ENTITIES);
