/**
 * Showing and resolving conflicts (SYNC.md §3.5): a resolution is a new op whose base is the
 * platform version the person saw, committed with the local row through the unit of work.
 */
import type { SyncConflict } from '../../../../shared/api/sync';
import { COMMANDS, SYNCED_TABLES, type CommandName, type SyncedTable } from '../../../../shared/platform-api';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError, notFound } from '../../app/errors';
import { commitChanges, type RecordChange } from '../../app/unitOfWork';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import type { Fields, SyncAdapter, SyncAdapters } from './adapters';
import {
  conflictById,
  conflictDetailOf,
  markResolved,
  openConflicts,
  openConflictsForRow,
  type ConflictDetail,
  type ConflictRecord,
} from './db/conflicts';
import { holdRow } from './db/heldRows';
import { hasUnacked } from './db/queue';

type Action = SyncConflict['actions'][number];
/** theirs: drop mine; keep: keep a refused new record here as a local draft; mine/edit: send again. */
type Resolution = Exclude<Action, 'export'>;

const ACTIONS: Record<ConflictRecord['kind'], Action[]> = {
  field: ['mine', 'theirs', 'edit', 'export'],
  delete_vs_update: ['mine', 'theirs', 'export'],
  update_vs_delete: ['mine', 'theirs', 'export'],
  duplicate_key: ['mine', 'theirs', 'export'],
  forbidden: ['theirs', 'export'],
  invalid: ['mine', 'theirs', 'edit', 'export'],
  rejected: ['mine', 'theirs', 'edit', 'export'],
};

/**
 * A refused record this device made and the platform never had, with nothing else waiting to be
 * sent about it: it may be kept here as a local draft (sync/db/heldRows.ts).
 */
function mayKeepAsDraft(db: ReadableDB, adapters: SyncAdapters, row: ConflictRecord): boolean {
  if (row.kind !== 'forbidden' || conflictDetailOf(row).op.kind !== 'create' || hasUnacked(db, row.tbl, row.row_id)) return false;
  const local = adapters.get(row.tbl)?.load(db, row.row_id);
  return local !== undefined && local !== null && local.baseVersion === null;
}

function actionsOf(db: ReadableDB, adapters: SyncAdapters, row: ConflictRecord): Action[] {
  return mayKeepAsDraft(db, adapters, row) ? ['theirs', 'keep', 'export'] : ACTIONS[row.kind];
}

const SYNCED = new Set<string>(SYNCED_TABLES);
const isSyncedTable = (tbl: string): tbl is SyncedTable => SYNCED.has(tbl);
const isCommandName = (name: string | null): name is CommandName => name !== null && Object.hasOwn(COMMANDS, name);

export function labelOf(db: ReadableDB, adapters: SyncAdapters, tbl: string, rowId: string, fallback?: Fields): string | null {
  const fields = adapters.get(tbl)?.load(db, rowId)?.fields ?? fallback;
  const name = fields?.name ?? fields?.planCode;
  return typeof name === 'string' ? name : null;
}

function toConflictView(db: ReadableDB, adapters: SyncAdapters, row: ConflictRecord): SyncConflict {
  const detail = conflictDetailOf(row);
  return {
    id: row.id,
    tbl: row.tbl,
    rowId: row.row_id,
    label: labelOf(db, adapters, row.tbl, row.row_id, detail.op.patch),
    kind: row.kind,
    opKind: detail.op.kind as SyncConflict['opKind'],
    fields: Object.entries(detail.fields ?? {}).map(([field, v]) => ({
      field,
      mine: v.mine,
      theirs: v.theirs,
      ...('base' in v ? { base: v.base } : {}),
    })),
    mine: detail.op.patch,
    theirs: detail.theirs ?? adapters.get(row.tbl)?.load(db, row.row_id)?.baseJson ?? null,
    code: detail.code ?? null,
    message: detail.message ?? null,
    existingId: detail.existingId ?? null,
    actions: actionsOf(db, adapters, row),
    createdAt: row.created_at,
  };
}

export function listConflicts(
  ctx: Pick<ReadContext, 'db'>,
  adapters: SyncAdapters,
  filter: { tbl?: string | undefined; rowId?: string | undefined },
): SyncConflict[] {
  const rows = filter.tbl && filter.rowId ? openConflictsForRow(ctx.db, filter.tbl, filter.rowId) : openConflicts(ctx.db);
  return rows.filter((r) => !filter.tbl || r.tbl === filter.tbl).map((r) => toConflictView(ctx.db, adapters, r));
}

/** One conflict as it is exported: what it is about and my change, whole. */
function exportedConflict(db: ReadableDB, adapters: SyncAdapters, id: string) {
  const row = conflictById(db, id);
  if (!row) throw notFound('conflict', id);
  return {
    row,
    entry: {
      table: row.tbl,
      rowId: row.row_id,
      kind: row.kind,
      label: toConflictView(db, adapters, row).label,
      myChange: JSON.parse(row.detail_json) as unknown,
    },
  };
}

export function exportConflict(
  ctx: Pick<ReadContext, 'db' | 'now'>,
  adapters: SyncAdapters,
  id: string,
): { fileName: string; json: string } {
  const { row, entry } = exportedConflict(ctx.db, adapters, id);
  const json = JSON.stringify({ exportedAt: ctx.now().toISOString(), ...entry }, null, 2);
  return { fileName: `ecw-conflict-${row.tbl}-${row.row_id}.json`, json };
}

/** Several conflicts in one file, to hand to the colleague who may make the changes. */
export function exportConflicts(
  ctx: Pick<ReadContext, 'db' | 'now'>,
  adapters: SyncAdapters,
  ids: string[],
): { fileName: string; json: string } {
  const exportedAt = ctx.now().toISOString();
  const conflicts = ids.map((id) => exportedConflict(ctx.db, adapters, id).entry);
  return {
    fileName: `ecw-conflicts-${exportedAt.slice(0, 10)}-${conflicts.length}.json`,
    json: JSON.stringify({ exportedAt, conflicts }, null, 2),
  };
}

/** Writes the local row as it shows `patch` on top of what it shows now (its base stays). */
function showLocally(adapter: SyncAdapter, rowId: string, patch: Fields): (db: WritableDB) => void {
  return (db) => {
    const local = adapter.load(db, rowId);
    if (!local) return;
    const shown = adapter.parse({ ...local.fields, ...patch });
    if (!shown.ok) return; // values the row cannot hold: the op still goes, and the platform's answer decides
    const base = local.baseJson && local.baseVersion !== null ? { version: local.baseVersion, row: local.baseJson } : null;
    adapter.save(db, rowId, shown.row, base, true);
  };
}

/** Drops this device's own never-synced copy of a row (nothing else refers to it on the platform). */
function dropLocalOnly(adapter: SyncAdapter, rowId: string): (db: WritableDB) => void {
  return (db) => {
    const local = adapter.load(db, rowId);
    if (!local || hasUnacked(db, adapter.tbl, rowId)) return;
    if (local.baseVersion === null || local.serverDeleted) adapter.remove(db, rowId);
  };
}

function valuesFor(detail: ConflictDetail, resolution: 'mine' | 'edit', values: Fields | undefined): Fields {
  if (resolution === 'edit') {
    if (!values || Object.keys(values).length === 0)
      throw new AppError('sync.values_required', 'Editing a conflict needs the values to send.', { field: 'values' });
    return values;
  }
  if (detail.fields) return Object.fromEntries(Object.entries(detail.fields).map(([f, v]) => [f, v.mine]));
  return detail.op.patch;
}

/** What a resolution changes about the conflict's row(s). */
function resolutionChanges(
  ctx: WriteContext,
  db: ReadableDB,
  adapter: SyncAdapter,
  row: ConflictRecord,
  resolution: Resolution,
  values: Fields | undefined,
): RecordChange[] {
  const tbl = adapter.tbl;
  const detail = conflictDetailOf(row);
  if (resolution === 'keep') {
    const hold = (db: WritableDB) => holdRow(db, tbl, row.row_id, detail.code ?? row.kind, ctx.now().toISOString());
    return [{ entity: tbl, id: row.row_id, write: hold, outbox: { localOnly: 'local_draft' } }];
  }
  const base = row.server_version ?? adapter.load(db, row.row_id)?.baseVersion ?? null;
  if (resolution === 'theirs') {
    const drop = row.kind === 'duplicate_key' || row.kind === 'update_vs_delete' || row.kind === 'forbidden' || detail.op.kind === 'create';
    return drop
      ? [{ entity: tbl, id: row.row_id, write: dropLocalOnly(adapter, row.row_id), outbox: { localOnly: 'platform_decided' } }]
      : [];
  }
  if (row.kind === 'field') {
    const patch = valuesFor(detail, resolution, values);
    return [
      { entity: tbl, id: row.row_id, write: showLocally(adapter, row.row_id, patch), outbox: { op: 'update', patch, baseVersion: base } },
    ];
  }
  if (row.kind === 'update_vs_delete') {
    // Restore: an update from the tombstone's version brings the row back with my values.
    return [{ entity: tbl, id: row.row_id, outbox: { op: 'update', patch: detail.op.patch, baseVersion: base } }];
  }
  if (row.kind === 'delete_vs_update') {
    return [
      {
        entity: tbl,
        id: row.row_id,
        write: (db) => adapter.remove(db, row.row_id),
        outbox: { op: 'delete', patch: {}, baseVersion: base },
      },
    ];
  }
  if (row.kind === 'duplicate_key') {
    // Merge into the existing record: my values as an edit of it; my duplicate goes.
    const { creditCode: _creditCode, ...patch } = detail.op.patch;
    const existingId = detail.existingId;
    if (!existingId) throw new AppError('sync.no_existing_row', 'The platform did not say which record already holds the key.');
    return [
      { entity: tbl, id: existingId, write: showLocally(adapter, existingId, patch), outbox: { op: 'update', patch, baseVersion: base } },
      { entity: tbl, id: row.row_id, write: dropLocalOnly(adapter, row.row_id), outbox: { localOnly: 'platform_decided' } },
    ];
  }
  return [retry(db, adapter, row, detail, valuesFor(detail, resolution, values))];
}

/** A rejected op sent again (as it was, or with the person's corrections). */
function retry(db: ReadableDB, adapter: SyncAdapter, row: ConflictRecord, detail: ConflictDetail, patch: Fields): RecordChange {
  const local = adapter.load(db, row.row_id);
  const kind = detail.op.kind;
  if (kind === 'command') {
    const name = detail.op.name;
    if (!isCommandName(name)) throw new Error(`conflict ${row.id} holds an unknown command ${String(name)}`);
    return { entity: adapter.tbl, id: row.row_id, outbox: { command: name, args: { ...detail.op.patch, ...patch } } };
  }
  const createAgain = kind === 'create' && (local?.baseVersion ?? null) === null;
  const full = createAgain ? { ...detail.op.patch, ...patch } : patch;
  return {
    entity: adapter.tbl,
    id: row.row_id,
    write: showLocally(adapter, row.row_id, full),
    outbox: { op: createAgain ? 'create' : kind === 'delete' ? 'delete' : 'update', patch: full, baseVersion: local?.baseVersion ?? null },
  };
}

/** What resolving one conflict changes (its rows, and the conflict marked resolved); none when it was resolved already. */
function resolutionOf(
  ctx: WriteContext,
  db: ReadableDB,
  adapters: SyncAdapters,
  id: string,
  resolution: Resolution,
  values: Fields | undefined,
): RecordChange[] {
  const row = conflictById(db, id);
  if (!row) throw notFound('conflict', id);
  if (row.resolved_at) return [];
  if (!actionsOf(db, adapters, row).includes(resolution))
    throw new AppError('sync.resolution_not_allowed', `A ${row.kind} conflict cannot be resolved with "${resolution}".`);
  const adapter = isSyncedTable(row.tbl) ? adapters.get(row.tbl) : undefined;
  const rowChanges = adapter ? resolutionChanges(ctx, db, adapter, row, resolution, values) : [];
  const resolved: RecordChange = { entity: 'sync', id, write: (db) => void markResolved(db, id, ctx.now().toISOString()) };
  return [...rowChanges, resolved];
}

export function resolveConflict(ctx: WriteContext, adapters: SyncAdapters, id: string, resolution: Resolution, values?: Fields): boolean {
  return commitChanges(ctx, (db) => {
    const changes = resolutionOf(ctx, db, adapters, id, resolution, values);
    return { changes, result: changes.length > 0 };
  });
}

/** Conflicts resolved the same way in one unit of work: all of them, or (one not allowed that way) none. Returns how many were open. */
export function resolveConflicts(ctx: WriteContext, adapters: SyncAdapters, ids: string[], resolution: 'theirs' | 'keep'): number {
  return commitChanges(ctx, (db) => {
    const perConflict = [...new Set(ids)].map((id) => resolutionOf(ctx, db, adapters, id, resolution, undefined));
    return { changes: perConflict.flat(), result: perConflict.filter((changes) => changes.length > 0).length };
  });
}
