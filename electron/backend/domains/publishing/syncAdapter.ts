/**
 * The `site_publication` table as the sync engine sees it: written by the platform only (this
 * device sends `site.publish.v1` / `site.rollback.v1` commands), pulled here and shown on the site page.
 */
import { sitePublicationRowSchema, type SitePublicationWireRow } from '../../../../shared/platform-api';
import { baseColumns, localCopyOf, parseWith, type SyncAdapter } from '../sync/adapters';
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

export const sitePublicationSyncAdapter: SyncAdapter<SitePublicationWireRow> = {
  tbl: 'site_publication',
  parse: parseWith(sitePublicationRowSchema),
  load(db, id) {
    const row = findSitePublication(db, id);
    return row && localCopyOf(publicationWireRowOf(row), row);
  },
  save(db, id, row, base) {
    upsertSyncedPublication(db, {
      id,
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
      ...baseColumns(base),
    });
  },
  markServerDeleted: (db, id, version) => markPublicationServerDeleted(db, id, version),
  remove: (db, id) => deletePublication(db, id),
  syncedIds: (db) => syncedPublicationIds(db),
  idsOfEnterprise: (db, enterpriseId) => publicationIdsOfEnterprise(db, enterpriseId),
};
