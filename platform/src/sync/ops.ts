/**
 * Applies one create/update/delete op to an enterprise or site row: authorization on the row's
 * current and target scope, validation, the field merge of SYNC.md §3.5 and natural-key checks.
 * Permanent failures throw `Rejection`; conflicts are results.
 */
import type { z } from 'zod';
import type { OpResult, PushOp } from '../../../shared/platform-api/sync';
import {
  enterpriseCreateSchema,
  enterprisePatchSchema,
  siteCreateSchema,
  leadPatchSchema,
  sitePatchSchema,
  type SyncedTable,
} from '../../../shared/platform-api/tables';
import type { Tx } from '../db/database';
import { inScope, scopeOf, type Principal } from '../scopes';
import { changedAfter, mergePatch } from './merge';
import { roleAllows, type Action } from './permissions';
import { Rejection, invalid } from './rejection';
import {
  activeSubscription,
  creditCodeHolder,
  insertRow,
  loadRow,
  moveChildren,
  toWire,
  updateRow,
  type StoredRow,
  type WriteBy,
  type Writer,
} from './rows';

/** An op's write transaction, and who sends it when. */
export interface OpContext extends Writer {
  user: Principal;
  clientId: string;
  at: string;
}

const by = (oc: OpContext): WriteBy => ({ clientId: oc.clientId, at: oc.at });

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(result.error);
  return result.data;
}

export function authorize(user: Principal, tbl: SyncedTable, action: Action, scopeId: string): void {
  if (!roleAllows(user.role, tbl, action)) throw new Rejection('forbidden', `The role ${user.role} may not ${action} ${tbl} rows.`);
  if (!inScope(user, scopeId)) throw new Rejection('forbidden', `${scopeId} is outside your regions.`);
}

export function rowResult(opSeq: number, status: OpResult['status'], row: StoredRow, extra: Partial<OpResult> = {}): OpResult {
  return { opSeq, status, version: row.version, seq: row.lastSeq, row: toWire(row), ...(row.deleted ? { deleted: true } : {}), ...extra };
}

/**
 * `baseVersion: null` means "derived from my own create". The platform owns versions: a base above
 * the row's version was never handed out, and deciding by it would overwrite others' edits unseen.
 */
function effectiveBase(op: PushOp, row: StoredRow, clientId: string): number {
  if (op.baseVersion != null && op.baseVersion > row.version)
    throw new Rejection('invalid', `baseVersion ${op.baseVersion} is above the platform's version ${row.version} of this row.`);
  return op.baseVersion ?? (row.createdByClient === clientId ? 1 : 0);
}

async function liveEnterprise(w: Writer, id: string): Promise<StoredRow> {
  const row = await loadRow(w, 'enterprise', id);
  if (!row || row.deleted) throw new Rejection('enterprise_not_found', `Enterprise ${id} does not exist on the platform.`);
  return row;
}

/** The holder's id, when the user may see it: another region's enterprise stays unnamed. */
const visibleId = (user: Principal, holder: { id: string; scopeId: string }) =>
  inScope(user, holder.scopeId) ? { existingId: holder.id } : {};

async function missingBlobs(trx: Tx, images: unknown): Promise<string[]> {
  const hashes = Array.isArray(images) ? (images as string[]) : [];
  if (hashes.length === 0) return [];
  const present = await trx.selectFrom('blob').select('sha256').where('sha256', 'in', hashes).execute();
  const have = new Set(present.map((b) => b.sha256));
  return hashes.filter((h) => !have.has(h));
}

/* ---------- create ---------- */

async function createData(oc: OpContext, op: PushOp): Promise<{ data: Record<string, unknown>; scopeId: string }> {
  if (op.tbl === 'enterprise') {
    const f = parse(enterpriseCreateSchema, op.patch);
    const data = { ...f, industryDivision: f.industryDivision ?? null, note: f.note ?? null, status: 'registered', groupCode: null };
    return { data, scopeId: scopeOf(f.region) };
  }
  const f = parse(siteCreateSchema, op.patch);
  return { data: f, scopeId: (await liveEnterprise(oc, f.enterpriseId)).scopeId };
}

async function applyCreate(oc: OpContext, op: PushOp): Promise<OpResult> {
  const { data, scopeId } = await createData(oc, op);
  authorize(oc.user, op.tbl, 'create', scopeId);
  if (await loadRow(oc, op.tbl, op.rowId)) throw new Rejection('already_exists', `A ${op.tbl} with id ${op.rowId} already exists.`);
  if (op.tbl === 'enterprise') {
    const holder = await creditCodeHolder(oc, data.creditCode as string, op.rowId);
    if (holder) return duplicateKey(oc, op, holder, data.creditCode as string);
  }
  const row = insertRow(oc, op.tbl, op.rowId, scopeId, data, by(oc));
  const missing = await missingBlobs(oc.trx, op.tbl === 'site' ? data.images : data.licencePhotoSha256 ? [data.licencePhotoSha256] : []);
  return rowResult(op.opSeq, 'applied', row, missing.length ? { missingBlobs: missing } : {});
}

/** A create (or restore) whose credit code another enterprise holds; that one is named only when the user may see it. */
async function duplicateKey(oc: OpContext, op: PushOp, holder: { id: string; scopeId: string }, creditCode: string): Promise<OpResult> {
  const result: OpResult = {
    opSeq: op.opSeq,
    status: 'conflict',
    kind: 'duplicate_key',
    fields: { creditCode: { mine: op.patch.creditCode, theirs: creditCode } },
  };
  if (!inScope(oc.user, holder.scopeId)) return result;
  const existing = (await loadRow(oc, 'enterprise', holder.id))!;
  return { ...result, existingId: holder.id, row: toWire(existing), version: existing.version, seq: existing.lastSeq };
}

/* ---------- update ---------- */

function parsePatch(tbl: SyncedTable, patch: unknown): Record<string, unknown> {
  if (tbl === 'lead') return parse(leadPatchSchema, patch);
  return tbl === 'enterprise' ? parse(enterprisePatchSchema, patch) : parse(sitePatchSchema, patch);
}

async function applyUpdate(oc: OpContext, op: PushOp): Promise<OpResult> {
  const row = await loadRow(oc, op.tbl, op.rowId);
  if (!row) throw new Rejection('not_found', `No ${op.tbl} ${op.rowId} on the platform.`);
  authorize(oc.user, op.tbl, 'update', row.scopeId);
  const patch = parsePatch(op.tbl, op.patch);
  const base = effectiveBase(op, row, oc.clientId);
  if (row.deleted && base < row.version) return rowResult(op.opSeq, 'conflict', row, { kind: 'update_vs_delete' });
  if (row.deleted) authorize(oc.user, op.tbl, 'restore', row.scopeId);

  // An update from a base at or after the tombstone is a deliberate restore: every patched field applies.
  const merge = row.deleted
    ? { changes: patch, conflicts: {}, autoMerged: [] }
    : mergePatch({ current: row.data, fieldVersions: row.fieldVersions, baseVersion: base, patch });
  const { changes, conflicts } = merge;
  let scopeId = row.scopeId;
  if (op.tbl === 'enterprise' && changes.region) {
    scopeId = scopeOf(changes.region as { province: string; city: string });
    if (scopeId !== row.scopeId) authorize(oc.user, op.tbl, 'update', scopeId);
  }
  let holder: { id: string; scopeId: string } | undefined;
  if (op.tbl === 'enterprise' && (changes.creditCode !== undefined || row.deleted)) {
    const creditCode = (changes.creditCode ?? row.data.creditCode) as string;
    holder = await creditCodeHolder(oc, creditCode, row.id);
    if (holder) {
      conflicts.creditCode = { mine: patch.creditCode ?? row.data.creditCode, theirs: row.data.creditCode };
      delete changes.creditCode;
      if (row.deleted) return duplicateKey(oc, op, holder, creditCode);
    }
  }
  const written = Object.keys(changes).length > 0 || row.deleted ? updateRow(oc, row, { changes, deleted: false, scopeId }, by(oc)) : row;
  if (scopeId !== row.scopeId) await moveChildren(oc, row.id, scopeId, by(oc));

  const missing = op.tbl === 'site' && changes.images ? await missingBlobs(oc.trx, changes.images) : [];
  const extra: Partial<OpResult> = {
    ...(merge.autoMerged.length ? { autoMerged: merge.autoMerged } : {}),
    ...(missing.length ? { missingBlobs: missing } : {}),
  };
  if (holder)
    return rowResult(op.opSeq, 'conflict', written, { ...extra, kind: 'duplicate_key', ...visibleId(oc.user, holder), fields: conflicts });
  if (Object.keys(conflicts).length) return rowResult(op.opSeq, 'conflict', written, { ...extra, kind: 'field', fields: conflicts });
  return rowResult(op.opSeq, merge.autoMerged.length ? 'merged' : 'applied', written, extra);
}

/* ---------- delete ---------- */

async function applyDelete(oc: OpContext, op: PushOp): Promise<OpResult> {
  const row = await loadRow(oc, op.tbl, op.rowId);
  if (!row) throw new Rejection('not_found', `No ${op.tbl} ${op.rowId} on the platform.`);
  authorize(oc.user, op.tbl, 'delete', row.scopeId);
  if (row.deleted) return rowResult(op.opSeq, 'applied', row);
  const changed = changedAfter(row.fieldVersions, effectiveBase(op, row, oc.clientId));
  if (changed.length)
    return rowResult(op.opSeq, 'conflict', row, { kind: 'delete_vs_update', autoMerged: changed.filter((f) => !f.startsWith('_')) });
  if (op.tbl === 'enterprise') {
    if (await activeSubscription(oc, row.id))
      throw new Rejection('has_active_subscription', 'Cancel the subscription before deleting the enterprise.');
  }
  return rowResult(op.opSeq, 'applied', updateRow(oc, row, { deleted: true }, by(oc)));
}

export function applyRowOp(oc: OpContext, op: PushOp): Promise<OpResult> {
  // Leads are the platform's; the desktop may only mark one handled.
  if (op.tbl === 'lead' && op.kind === 'update') return applyUpdate(oc, op);
  if (op.tbl !== 'enterprise' && op.tbl !== 'site')
    throw new Rejection('forbidden', `${op.tbl} rows are written by the platform (use commands).`);
  if (op.kind === 'create') return applyCreate(oc, op);
  if (op.kind === 'update') return applyUpdate(oc, op);
  return applyDelete(oc, op);
}
