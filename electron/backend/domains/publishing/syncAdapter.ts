/**
 * The `site_publication` table as the sync engine sees it: written by the platform only (this
 * device sends `site.publish.v1` / `site.rollback.v1` commands), pulled here and shown on the site page.
 */
import { sitePublicationRowSchema, type SitePublicationWireRow } from '../../../../shared/platform-api';
import { platformTableAdapter } from '../sync/adapters';
import {
  deletePublication,
  findSitePublication,
  markPublicationServerDeleted,
  publicationIdsOfEnterprise,
  syncedPublicationIds,
  upsertSyncedPublication,
  type SitePublicationRecord,
} from './repository';

const parseJson = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

export function publicationWireRowOf(row: SitePublicationRecord): SitePublicationWireRow {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    status: row.status as SitePublicationWireRow['status'],
    liveRevision: row.live_revision,
    publishedAt: row.published_at,
    requestedRevision: row.requested_revision,
    failure: parseJson<SitePublicationWireRow['failure']>(row.failure_json),
    host: row.host,
    urls: parseJson<SitePublicationWireRow['urls']>(row.urls_json),
    revisions: parseJson<SitePublicationWireRow['revisions']>(row.revisions_json) ?? [],
    offlineAt: row.offline_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const jsonOrNull = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const sitePublicationSyncAdapter = platformTableAdapter({
  tbl: 'site_publication',
  schema: sitePublicationRowSchema,
  wireRowOf: publicationWireRowOf,
  columnsOf: (row: SitePublicationWireRow) => ({
    enterprise_id: row.enterpriseId,
    status: row.status,
    live_revision: row.liveRevision,
    published_at: row.publishedAt,
    requested_revision: row.requestedRevision,
    failure_json: jsonOrNull(row.failure),
    host: row.host,
    urls_json: jsonOrNull(row.urls),
    revisions_json: JSON.stringify(row.revisions),
    offline_at: row.offlineAt,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  }),
  find: findSitePublication,
  upsert: upsertSyncedPublication,
  markServerDeleted: markPublicationServerDeleted,
  remove: deletePublication,
  syncedIds: syncedPublicationIds,
  idsOfEnterprise: publicationIdsOfEnterprise,
});
