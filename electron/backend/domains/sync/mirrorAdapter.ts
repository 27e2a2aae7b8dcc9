/**
 * Synced tables the desktop keeps no domain table for (subscriptions: written by the platform
 * only) live in `sync_row` as their parsed wire row.
 */
import { rowSchemas, type SyncedTable } from '../../../../shared/platform-api';
import { parseWith, storedFields, storedFieldsOrNull, type SyncAdapter } from './adapters';
import { deleteMirrored, findMirrored, markMirroredServerDeleted, mirroredIds, mirroredIdsOfParent, saveMirrored } from './db/mirror';

export function mirrorAdapter(tbl: SyncedTable): SyncAdapter {
  return {
    tbl,
    parse: parseWith(rowSchemas[tbl]),
    load(db, id) {
      const row = findMirrored(db, tbl, id);
      if (!row) return undefined;
      return {
        fields: storedFields(row.row_json),
        baseVersion: row.base_version,
        baseJson: storedFieldsOrNull(row.base_json),
        serverDeleted: row.server_deleted === 1,
      };
    },
    save(db, id, row, base) {
      const parentId = typeof row.enterpriseId === 'string' && row.enterpriseId !== '' ? row.enterpriseId : null;
      saveMirrored(db, {
        tbl,
        id,
        parentId,
        rowJson: JSON.stringify(row),
        baseVersion: base?.version ?? null,
        baseJson: base ? JSON.stringify(base.row) : null,
      });
    },
    markServerDeleted: (db, id) => markMirroredServerDeleted(db, tbl, id),
    remove: (db, id) => deleteMirrored(db, tbl, id),
    syncedIds: (db) => mirroredIds(db, tbl),
    idsOfEnterprise: (db, enterpriseId) => mirroredIdsOfParent(db, tbl, enterpriseId),
  };
}
