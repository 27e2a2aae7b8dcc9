/**
 * Showing and resolving conflicts (SYNC.md §3.5): a resolution is a new op whose base is the
 * platform version the person saw, written with the local row in one transaction.
 */
import type Database from 'better-sqlite3';
import type { SyncConflict } from '../../../../shared/api/sync';
import { AppError, notFound } from '../../app/errors';
import { conflictById, markResolved, openConflicts, openConflictsForRow, type ConflictDetail, type ConflictRow } from './conflicts';
import { recordChange } from './outbox';
import { hasUnacked } from './queue';
import { localTable, type Fields } from './tables';

export interface ResolveContext {
  db: Database.Database;
  now: () => Date;
  newId: () => string;
}

type Action = SyncConflict['actions'][number];

const ACTIONS: Record<ConflictRow['kind'], Action[]> = {
  field: ['mine', 'theirs', 'edit', 'export'],
  delete_vs_update: ['mine', 'theirs', 'export'],
  update_vs_delete: ['mine', 'theirs', 'export'],
  duplicate_key: ['mine', 'theirs', 'export'],
  forbidden: ['theirs', 'export'],
  invalid: ['mine', 'theirs', 'edit', 'export'],
  rejected: ['mine', 'theirs', 'edit', 'export'],
};

export function labelOf(db: Database.Database, tbl: string, rowId: string, fallback?: Fields): string | null {
  const fields = localTable(tbl)?.load(db, rowId)?.fields ?? fallback;
  const name = fields?.name ?? fields?.planCode;
  return typeof name === 'string' ? name : null;
}

export function toConflictView(db: Database.Database, row: ConflictRow): SyncConflict {
  const detail = JSON.parse(row.detail_json) as ConflictDetail;
  return {
    id: row.id,
    tbl: row.tbl,
    rowId: row.row_id,
    label: labelOf(db, row.tbl, row.row_id, detail.op.patch),
    kind: row.kind,
    fields: Object.entries(detail.fields ?? {}).map(([field, v]) => ({ field, mine: v.mine, theirs: v.theirs, ...('base' in v ? { base: v.base } : {}) })),
    mine: detail.op.patch,
    theirs: detail.theirs ?? localTable(row.tbl)?.load(db, row.row_id)?.baseJson ?? null,
    code: detail.code ?? null,
    message: detail.message ?? null,
    existingId: detail.existingId ?? null,
    actions: ACTIONS[row.kind],
    createdAt: row.created_at,
  };
}

export function listConflicts(db: Database.Database, filter: { tbl?: string; rowId?: string }): SyncConflict[] {
  const rows = filter.tbl && filter.rowId ? openConflictsForRow(db, filter.tbl, filter.rowId) : openConflicts(db);
  return rows.filter((r) => !filter.tbl || r.tbl === filter.tbl).map((r) => toConflictView(db, r));
}

export function exportConflict(db: Database.Database, id: string, now: Date): { fileName: string; json: string } {
  const row = conflictById(db, id);
  if (!row) throw notFound('conflict', id);
  const view = toConflictView(db, row);
  const json = JSON.stringify({ exportedAt: now.toISOString(), table: row.tbl, rowId: row.row_id, kind: row.kind, label: view.label, myChange: JSON.parse(row.detail_json) }, null, 2);
  return { fileName: `ecw-conflict-${row.tbl}-${row.row_id}.json`, json };
}

/** The local row shows `patch` on top of what it shows now (its base stays). */
function showLocally(db: Database.Database, tbl: string, rowId: string, patch: Fields): void {
  const table = localTable(tbl);
  const local = table?.load(db, rowId);
  if (!table || !local) return;
  const base = local.baseJson && local.baseVersion !== null ? { version: local.baseVersion, row: local.baseJson } : null;
  table.save(db, rowId, { ...local.fields, ...patch }, base, true);
}

/** Drops this device's own never-synced copy of a row (nothing else refers to it on the platform). */
function dropLocalOnly(db: Database.Database, tbl: string, rowId: string): void {
  const table = localTable(tbl);
  const local = table?.load(db, rowId);
  if (!table || !local || hasUnacked(db, tbl, rowId)) return;
  if (local.baseVersion === null || local.serverDeleted) table.remove(db, rowId);
}

function valuesFor(detail: ConflictDetail, resolution: 'mine' | 'edit', values: Fields | undefined): Fields {
  if (resolution === 'edit') {
    if (!values || Object.keys(values).length === 0) throw new AppError('sync.values_required', 'Editing a conflict needs the values to send.', { field: 'values' });
    return values;
  }
  if (detail.fields) return Object.fromEntries(Object.entries(detail.fields).map(([f, v]) => [f, v.mine]));
  return detail.op.patch;
}

export function resolveConflict(ctx: ResolveContext, id: string, resolution: 'mine' | 'theirs' | 'edit', values?: Fields): boolean {
  const { db } = ctx;
  return db
    .transaction(() => {
      const row = conflictById(db, id);
      if (!row) throw notFound('conflict', id);
      if (row.resolved_at) return false;
      if (!ACTIONS[row.kind].includes(resolution)) throw new AppError('sync.resolution_not_allowed', `A ${row.kind} conflict cannot be resolved with "${resolution}".`);
      const detail = JSON.parse(row.detail_json) as ConflictDetail;
      const base = row.server_version ?? localTable(row.tbl)?.load(db, row.row_id)?.baseVersion ?? null;
      if (resolution === 'theirs') {
        if (row.kind === 'duplicate_key' || row.kind === 'update_vs_delete' || row.kind === 'forbidden' || detail.op.kind === 'create') dropLocalOnly(db, row.tbl, row.row_id);
      } else if (row.kind === 'field') {
        const patch = valuesFor(detail, resolution, values);
        showLocally(db, row.tbl, row.row_id, patch);
        recordChange(ctx, { tbl: row.tbl, rowId: row.row_id, kind: 'update', patch, baseVersion: base });
      } else if (row.kind === 'update_vs_delete') {
        // Restore: an update from the tombstone's version brings the row back with my values.
        recordChange(ctx, { tbl: row.tbl, rowId: row.row_id, kind: 'update', patch: detail.op.patch, baseVersion: base });
      } else if (row.kind === 'delete_vs_update') {
        localTable(row.tbl)?.remove(db, row.row_id);
        recordChange(ctx, { tbl: row.tbl, rowId: row.row_id, kind: 'delete', patch: {}, baseVersion: base });
      } else if (row.kind === 'duplicate_key') {
        // Merge into the existing record: my values as an edit of it; my duplicate goes.
        const { creditCode: _creditCode, ...patch } = detail.op.patch;
        const existingId = detail.existingId;
        if (!existingId) throw new AppError('sync.no_existing_row', 'The platform did not say which record already holds the key.');
        showLocally(db, row.tbl, existingId, patch);
        recordChange(ctx, { tbl: row.tbl, rowId: existingId, kind: 'update', patch, baseVersion: base });
        dropLocalOnly(db, row.tbl, row.row_id);
      } else {
        retry(ctx, row, detail, valuesFor(detail, resolution, values));
      }
      return markResolved(db, id, ctx.now().toISOString());
    })
    .immediate();
}

/** A rejected op sent again (as it was, or with the person's corrections). */
function retry(ctx: ResolveContext, row: ConflictRow, detail: ConflictDetail, patch: Fields): void {
  const { db } = ctx;
  const local = localTable(row.tbl)?.load(db, row.row_id);
  const kind = detail.op.kind;
  if (kind === 'command') {
    ctx.db
      .prepare(`INSERT INTO outbox (mutation_id, tbl, row_id, kind, name, patch_json, base_version, created_at) VALUES (?, ?, ?, 'command', ?, ?, NULL, ?)`)
      .run(ctx.newId(), row.tbl, row.row_id, detail.op.name, JSON.stringify({ ...detail.op.patch, ...patch }), ctx.now().toISOString());
    return;
  }
  const createAgain = kind === 'create' && (local?.baseVersion ?? null) === null;
  const full = createAgain ? { ...detail.op.patch, ...patch } : patch;
  showLocally(db, row.tbl, row.row_id, full);
  recordChange(ctx, { tbl: row.tbl, rowId: row.row_id, kind: createAgain ? 'create' : kind === 'delete' ? 'delete' : 'update', patch: full, baseVersion: local?.baseVersion ?? null });
}
