/**
 * The roster's two synced tables as the sync engine sees them. Both are written by the platform
 * only: `roster_order` rows are the orders this device (or another) submitted with what the BOSS
 * answered; `roster_member` rows are the members as the platform confirmed them. A member's
 * working copy (what the manager edits) is never overwritten while it holds a change of its own;
 * an order's answer settles its members (confirmed) or sends them back with the reason (conflict).
 */
import {
  rosterMemberRowSchema,
  rosterOrderRowSchema,
  type RosterMemberWireRow,
  type RosterOrderWireRow,
} from '../../../../shared/platform-api';
import type { WritableDB } from '../../infra/db/handles';
import { baseColumns, parseWith, serverCopyLoader, type SyncAdapter } from '../sync/adapters';
import {
  deleteMember,
  deleteRosterOrder,
  findMember,
  findRosterOrder,
  insertMember,
  markMemberServerDeleted,
  markRosterOrderServerDeleted,
  memberByMobile,
  memberIdsOfEnterprise,
  membersOfOrder,
  rosterOrderIdsOfEnterprise,
  sendMemberBack,
  setMemberBase,
  settleMember,
  syncedMemberIds,
  syncedRosterOrderIds,
  updateMemberWorking,
  upsertPulledRosterOrder,
  workingColumnsOf,
  type WorkingColumns,
} from './repository';

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The member as confirmed, as working columns (a staff card's consent and photo stay this device's). */
const confirmedColumns = (row: RosterMemberWireRow): Omit<WorkingColumns, 'card_consent' | 'photo_sha256'> => ({
  name: row.name,
  mobile: row.mobile,
  department: row.department,
  title: row.title,
  email: row.email,
  short_number: row.shortNumber,
  number_source: 'platform',
  extension: row.extension,
  china_mobile: 1,
  ported_in: row.portedIn ? 1 : 0,
});

export const rosterMemberSyncAdapter: SyncAdapter<RosterMemberWireRow> = {
  tbl: 'roster_member',
  parse: parseWith(rosterMemberRowSchema),
  load: serverCopyLoader(findMember),
  save(db, id, row, base) {
    const local = findMember(db, id);
    const confirmed = confirmedColumns(row);
    if (!local) {
      // The same person added on this device under another id, never confirmed: the platform's member wins.
      const twin = memberByMobile(db, row.enterpriseId, row.mobile);
      if (twin) deleteMember(db, twin.id);
      insertMember(db, {
        id,
        enterprise_id: row.enterpriseId,
        ...confirmed,
        card_consent: 0,
        photo_sha256: null,
        change: null,
        order_id: null,
        conflict_json: null,
        created_at: row.createdAt,
        updated_at: row.updatedAt,
        server_deleted: 0,
        ...baseColumns(base),
      });
      return;
    }
    setMemberBase(db, id, baseColumns(base));
    // A change of this device's own waits to be submitted or answered: its working copy stays as it is.
    if (!local.change && !local.order_id && !local.conflict_json)
      updateMemberWorking(db, id, { ...workingColumnsOf(local), ...confirmed }, null, row.updatedAt);
  },
  markServerDeleted: (db, id) => markMemberServerDeleted(db, id),
  remove: (db, id) => deleteMember(db, id),
  syncedIds: (db) => syncedMemberIds(db),
  idsOfEnterprise: (db, enterpriseId) => memberIdsOfEnterprise(db, enterpriseId),
};

/** Settles or sends back the members an answered order carried (those still waiting on it). */
function applyAnswer(db: WritableDB, row: RosterOrderWireRow): void {
  if (row.status === 'submitted') return;
  const waiting = new Map(membersOfOrder(db, row.id).map((m) => [m.id, m]));
  if (row.status === 'failed') {
    const failure = row.failure ?? { code: 'failed', message: 'The platform could not open the order.' };
    for (const m of waiting.values()) sendMemberBack(db, m.id, failure);
    return;
  }
  for (const result of row.results ?? []) {
    const member = waiting.get(result.memberId);
    if (!member) continue;
    if (result.status === 'conflict')
      sendMemberBack(db, member.id, {
        code: result.code ?? 'conflict',
        message: result.message ?? '',
        ...(result.heldBy ? { heldBy: result.heldBy } : {}),
      });
    else if (result.action === 'remove') deleteMember(db, member.id);
    else settleMember(db, member.id);
  }
}

export const rosterOrderSyncAdapter: SyncAdapter<RosterOrderWireRow> = {
  tbl: 'roster_order',
  parse: parseWith(rosterOrderRowSchema),
  load: serverCopyLoader(findRosterOrder),
  save(db, id, row, base) {
    upsertPulledRosterOrder(db, {
      id,
      enterprise_id: row.enterpriseId,
      changes_json: JSON.stringify(row.changes),
      created_by: row.submittedBy,
      created_at: row.createdAt,
      platform_status: row.status,
      results_json: json(row.results),
      group_number: row.groupNumber,
      failure_json: json(row.failure),
      processed_at: row.processedAt,
      ...baseColumns(base),
    });
    applyAnswer(db, row);
  },
  markServerDeleted: (db, id) => markRosterOrderServerDeleted(db, id),
  remove: (db, id) => deleteRosterOrder(db, id),
  syncedIds: (db) => syncedRosterOrderIds(db),
  idsOfEnterprise: (db, enterpriseId) => rosterOrderIdsOfEnterprise(db, enterpriseId),
};
