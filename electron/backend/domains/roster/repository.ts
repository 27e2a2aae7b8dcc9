/** SQL for VPMN rosters: the only place that knows `roster_member` and `roster_rules`. */
import { DEFAULT_RULES, shortNumberRulesSchema, type ShortNumberRules } from '../../../../shared/domain/shortNumbers';
import type { MemberState, RosterMember } from '../../../../shared/domain/roster';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import { perDatabase } from '../../infra/db/perDatabase';
import type { SyncedRecord } from '../sync/adapters';

export type MemberChange = 'add' | 'update' | 'remove';

/** The outbox step of every edit of the working copy: the platform learns it from the next roster order. */
export const WORKING_COPY = { localOnly: 'roster_working_copy' } as const;
export type NumberSource = 'file' | 'manual' | 'rules' | 'reserved' | 'platform';

/** A `roster_member` row as SQLite holds it. */
export interface MemberRecord extends SyncedRecord {
  id: string;
  enterprise_id: string;
  name: string;
  mobile: string;
  department: string;
  title: string;
  email: string | null;
  short_number: string | null;
  number_source: NumberSource;
  extension: string | null;
  china_mobile: number;
  ported_in: number;
  card_consent: number;
  photo_sha256: string | null;
  change: MemberChange | null;
  order_id: string | null;
  conflict_json: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns a person (or an import) sets; writing them ends any order the member waited on (callers check it was refused). */
export type WorkingColumns = Pick<
  MemberRecord,
  | 'name'
  | 'mobile'
  | 'department'
  | 'title'
  | 'email'
  | 'short_number'
  | 'number_source'
  | 'extension'
  | 'china_mobile'
  | 'ported_in'
  | 'card_consent'
  | 'photo_sha256'
>;

const reads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], MemberRecord>('SELECT * FROM roster_member WHERE id = ?'),
  ofEnterprise: db.prepare<[string], MemberRecord>('SELECT * FROM roster_member WHERE enterprise_id = ? ORDER BY department, name, mobile'),
  otherGroup: db
    .prepare<[string, string], string>(
      `SELECT enterprise_id FROM roster_member WHERE mobile = ? AND enterprise_id <> ? AND (change IS NULL OR change <> 'remove') LIMIT 1`,
    )
    .pluck(),
  rules: db.prepare<[string], string>('SELECT rules_json FROM roster_rules WHERE enterprise_id = ?').pluck(),
}));

const writes = perDatabase((db: WritableDB) => ({
  insert: db.prepare<[MemberRecord]>(
    `INSERT INTO roster_member (id, enterprise_id, name, mobile, department, title, email, short_number, number_source, extension,
       china_mobile, ported_in, card_consent, photo_sha256, change, order_id, conflict_json, created_at, updated_at, base_version, base_json, server_deleted)
     VALUES (@id, @enterprise_id, @name, @mobile, @department, @title, @email, @short_number, @number_source, @extension,
       @china_mobile, @ported_in, @card_consent, @photo_sha256, @change, @order_id, @conflict_json, @created_at, @updated_at, @base_version, @base_json, @server_deleted)`,
  ),
  updateWorking: db.prepare<[WorkingColumns & { id: string; change: MemberChange | null; updated_at: string }]>(
    `UPDATE roster_member SET name = @name, mobile = @mobile, department = @department, title = @title, email = @email,
       short_number = @short_number, number_source = @number_source, extension = @extension, china_mobile = @china_mobile,
       ported_in = @ported_in, card_consent = @card_consent, photo_sha256 = @photo_sha256, change = @change, order_id = NULL,
       conflict_json = NULL, updated_at = @updated_at
     WHERE id = @id`,
  ),
  setChange: db.prepare<[{ id: string; change: MemberChange | null; updated_at: string }]>(
    'UPDATE roster_member SET change = @change, conflict_json = NULL, updated_at = @updated_at WHERE id = @id',
  ),
  remove: db.prepare<[string]>('DELETE FROM roster_member WHERE id = ?'),
  saveRules: db.prepare<[{ enterprise_id: string; rules_json: string; updated_at: string }]>(
    `INSERT INTO roster_rules (enterprise_id, rules_json, updated_at) VALUES (@enterprise_id, @rules_json, @updated_at)
     ON CONFLICT (enterprise_id) DO UPDATE SET rules_json = excluded.rules_json, updated_at = excluded.updated_at`,
  ),
}));

export const findMember = (db: ReadableDB, id: string): MemberRecord | undefined => reads(db).byId.get(id);
export const membersOf = (db: ReadableDB, enterpriseId: string): MemberRecord[] => reads(db).ofEnterprise.all(enterpriseId);
/** The enterprise whose group (as this device knows it) has this mobile, other than `enterpriseId`. */
export const otherGroupOf = (db: ReadableDB, mobile: string, enterpriseId: string): string | undefined =>
  reads(db).otherGroup.get(mobile, enterpriseId);

export function rulesOf(db: ReadableDB, enterpriseId: string): ShortNumberRules {
  const json = reads(db).rules.get(enterpriseId);
  return json ? shortNumberRulesSchema.parse(JSON.parse(json)) : DEFAULT_RULES;
}

export const insertMember = (db: WritableDB, record: MemberRecord) => void writes(db).insert.run(record);

/** A member added here (by hand or by an import): its working columns, waiting to be pushed ('add'), on no order yet. */
export const insertAddedMember = (db: WritableDB, member: WorkingColumns & Pick<MemberRecord, 'id' | 'enterprise_id'>, now: string) =>
  insertMember(db, {
    ...member,
    change: 'add',
    order_id: null,
    conflict_json: null,
    created_at: now,
    updated_at: now,
    base_version: null,
    base_json: null,
    server_deleted: 0,
  });
export const updateMemberWorking = (db: WritableDB, id: string, columns: WorkingColumns, change: MemberChange | null, updatedAt: string) =>
  void writes(db).updateWorking.run({ ...columns, id, change, updated_at: updatedAt });
export const setMemberChange = (db: WritableDB, id: string, change: MemberChange | null, updatedAt: string) =>
  void writes(db).setChange.run({ id, change, updated_at: updatedAt });
export const deleteMember = (db: WritableDB, id: string) => void writes(db).remove.run(id);
export const saveRules = (db: WritableDB, enterpriseId: string, rules: ShortNumberRules, updatedAt: string) =>
  void writes(db).saveRules.run({ enterprise_id: enterpriseId, rules_json: JSON.stringify(rules), updated_at: updatedAt });

export const workingColumnsOf = (r: MemberRecord): WorkingColumns => ({
  name: r.name,
  mobile: r.mobile,
  department: r.department,
  title: r.title,
  email: r.email,
  short_number: r.short_number,
  number_source: r.number_source,
  extension: r.extension,
  china_mobile: r.china_mobile,
  ported_in: r.ported_in,
  card_consent: r.card_consent,
  photo_sha256: r.photo_sha256,
});

export function memberState(r: MemberRecord): MemberState {
  if (r.conflict_json) return 'conflict';
  if (r.order_id) return r.change === 'remove' ? 'removing' : 'pending';
  if (r.change === 'remove') return 'removing';
  if (r.change) return 'draft';
  return 'active';
}

export function toMember(r: MemberRecord): RosterMember {
  const base = r.base_json ? (JSON.parse(r.base_json) as { shortNumber?: string }) : null;
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    name: r.name,
    mobile: r.mobile,
    department: r.department,
    title: r.title,
    email: r.email,
    shortNumber: r.short_number,
    extension: r.extension,
    chinaMobile: r.china_mobile === 1,
    portedIn: r.ported_in === 1,
    cardConsent: r.card_consent === 1,
    photoSha256: r.photo_sha256,
    state: memberState(r),
    conflict: r.conflict_json ? (JSON.parse(r.conflict_json) as RosterMember['conflict']) : null,
    confirmedShortNumber: base?.shortNumber ?? null,
  };
}

/* ---------- roster orders ---------- */

/** A `roster_order` row as SQLite holds it. */
export interface RosterOrderRecord extends SyncedRecord {
  id: string;
  enterprise_id: string;
  changes_json: string;
  created_by: string;
  created_at: string;
  platform_status: string | null;
  results_json: string | null;
  group_number: string | null;
  failure_json: string | null;
  processed_at: string | null;
}

/** What the platform says about an order (the sync adapter sets these), with what an order from another device needs. */
export type PulledRosterOrderColumns = Pick<
  RosterOrderRecord,
  | 'id'
  | 'enterprise_id'
  | 'changes_json'
  | 'created_by'
  | 'created_at'
  | 'platform_status'
  | 'results_json'
  | 'group_number'
  | 'failure_json'
  | 'processed_at'
  | 'base_version'
  | 'base_json'
>;

const orderReads = perDatabase((db: ReadableDB) => ({
  byId: db.prepare<[string], RosterOrderRecord>('SELECT * FROM roster_order WHERE id = ?'),
  ofEnterprise: db.prepare<[string], RosterOrderRecord>(
    'SELECT * FROM roster_order WHERE enterprise_id = ? ORDER BY created_at DESC, id DESC',
  ),
  idsOfEnterprise: db.prepare<[string], string>('SELECT id FROM roster_order WHERE enterprise_id = ?').pluck(),
  synced: db.prepare<[], string>('SELECT id FROM roster_order WHERE base_version IS NOT NULL').pluck(),
}));

const orderWrites = perDatabase((db: WritableDB) => ({
  insert: db.prepare<[Pick<RosterOrderRecord, 'id' | 'enterprise_id' | 'changes_json' | 'created_by' | 'created_at'>]>(
    `INSERT INTO roster_order (id, enterprise_id, changes_json, created_by, created_at, platform_status)
     VALUES (@id, @enterprise_id, @changes_json, @created_by, @created_at, NULL)`,
  ),
  upsertPulled: db.prepare<[PulledRosterOrderColumns]>(
    `INSERT INTO roster_order (id, enterprise_id, changes_json, created_by, created_at, platform_status, results_json, group_number, failure_json,
       processed_at, base_version, base_json)
     VALUES (@id, @enterprise_id, @changes_json, @created_by, @created_at, @platform_status, @results_json, @group_number, @failure_json,
       @processed_at, @base_version, @base_json)
     ON CONFLICT (id) DO UPDATE SET platform_status = excluded.platform_status, results_json = excluded.results_json,
       group_number = excluded.group_number, failure_json = excluded.failure_json, processed_at = excluded.processed_at,
       base_version = excluded.base_version, base_json = excluded.base_json, server_deleted = 0`,
  ),
  markDeleted: db.prepare('UPDATE roster_order SET server_deleted = 1 WHERE id = ?'),
  remove: db.prepare('DELETE FROM roster_order WHERE id = ?'),
}));

export const findRosterOrder = (db: ReadableDB, id: string) => orderReads(db).byId.get(id);
export const rosterOrdersOf = (db: ReadableDB, enterpriseId: string) => orderReads(db).ofEnterprise.all(enterpriseId);
export const insertRosterOrder = (
  db: WritableDB,
  order: Pick<RosterOrderRecord, 'id' | 'enterprise_id' | 'changes_json' | 'created_by' | 'created_at'>,
) => void orderWrites(db).insert.run(order);
export const upsertPulledRosterOrder = (db: WritableDB, columns: PulledRosterOrderColumns) =>
  void orderWrites(db).upsertPulled.run(columns);
export const markRosterOrderServerDeleted = (db: WritableDB, id: string) => void orderWrites(db).markDeleted.run(id);
export const deleteRosterOrder = (db: WritableDB, id: string) => void orderWrites(db).remove.run(id);
export const syncedRosterOrderIds = (db: ReadableDB): string[] => orderReads(db).synced.all();
export const rosterOrderIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] =>
  orderReads(db).idsOfEnterprise.all(enterpriseId);

/* ---------- members: submitting, and the platform's side (the sync adapters) ---------- */

const memberSync = perDatabase((db: WritableDB) => ({
  submit: db.prepare<[{ id: string; order_id: string }]>(
    'UPDATE roster_member SET order_id = @order_id, conflict_json = NULL WHERE id = @id',
  ),
  settle: db.prepare<[string]>('UPDATE roster_member SET change = NULL, order_id = NULL, conflict_json = NULL WHERE id = ?'),
  sendBack: db.prepare<[{ id: string; conflict_json: string }]>(
    'UPDATE roster_member SET order_id = NULL, conflict_json = @conflict_json WHERE id = @id',
  ),
  base: db.prepare<[{ id: string; base_version: number | null; base_json: string | null }]>(
    'UPDATE roster_member SET base_version = @base_version, base_json = @base_json, server_deleted = 0 WHERE id = @id',
  ),
  markDeleted: db.prepare('UPDATE roster_member SET server_deleted = 1 WHERE id = ?'),
}));
const memberLookups = perDatabase((db: ReadableDB) => ({
  byMobile: db.prepare<[string, string], MemberRecord>('SELECT * FROM roster_member WHERE enterprise_id = ? AND mobile = ?'),
  ofOrder: db.prepare<[string], MemberRecord>('SELECT * FROM roster_member WHERE order_id = ?'),
  idsOfEnterprise: db.prepare<[string], string>('SELECT id FROM roster_member WHERE enterprise_id = ?').pluck(),
  synced: db.prepare<[], string>('SELECT id FROM roster_member WHERE base_version IS NOT NULL').pluck(),
}));

export const memberByMobile = (db: ReadableDB, enterpriseId: string, mobile: string) =>
  memberLookups(db).byMobile.get(enterpriseId, mobile);
export const membersOfOrder = (db: ReadableDB, orderId: string) => memberLookups(db).ofOrder.all(orderId);
export const memberIdsOfEnterprise = (db: ReadableDB, enterpriseId: string): string[] =>
  memberLookups(db).idsOfEnterprise.all(enterpriseId);
export const syncedMemberIds = (db: ReadableDB): string[] => memberLookups(db).synced.all();
/** The member's change went out in `orderId`. */
export const markMemberSubmitted = (db: WritableDB, id: string, orderId: string) =>
  void memberSync(db).submit.run({ id, order_id: orderId });
/** The platform confirmed the member's change: nothing is left to send. */
export const settleMember = (db: WritableDB, id: string) => void memberSync(db).settle.run(id);
/** The platform sent the change back: it stays, with the reason, to be fixed and submitted again. */
export const sendMemberBack = (db: WritableDB, id: string, conflict: NonNullable<RosterMember['conflict']>) =>
  void memberSync(db).sendBack.run({ id, conflict_json: JSON.stringify(conflict) });
export const setMemberBase = (db: WritableDB, id: string, base: { base_version: number | null; base_json: string | null }) =>
  void memberSync(db).base.run({ id, ...base });
export const markMemberServerDeleted = (db: WritableDB, id: string) => void memberSync(db).markDeleted.run(id);
