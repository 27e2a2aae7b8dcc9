/**
 * How the sync engine reaches a synced table: one adapter per table, beside the domain's
 * repository (enterprises/syncAdapter.ts …), registered by the composition root. The engine speaks
 * the wire shape of rows (shared/platform-api/tables.ts) and never sees SQL columns; the adapter
 * parses what the platform sends with the shared zod schema — a malformed row is refused before
 * anything can store it — and maps rows to its table through the repository.
 */
import type { z } from 'zod';
import { SYNCED_TABLES, type SyncedTable } from '../../../../shared/platform-api';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';

export type Fields = Record<string, unknown>;

/** The sync columns every synced table keeps: the server version and row last received. */
export const baseColumns = (base: ServerBase | null) => ({
  base_version: base?.version ?? null,
  base_json: base ? JSON.stringify(base.row) : null,
});

/** A JSON object this backend stored itself (a patch, a server row): read back as fields. */
export const storedFields = (json: string): Fields => JSON.parse(json) as Fields;
export const storedFieldsOrNull = (json: string | null): Fields | null => (json === null ? null : storedFields(json));

export interface LocalCopy {
  /** The row as the device shows it (server base + this device's unacked edits), wire shape. */
  fields: Fields;
  baseVersion: number | null;
  baseJson: Fields | null;
  serverDeleted: boolean;
}

/** The sync columns of a stored record, as every synced table keeps them. */
export interface SyncedRecord {
  base_version: number | null;
  base_json: string | null;
  server_deleted: number;
}

/** An adapter's `load` answer from a record with the usual sync columns. */
export const localCopyOf = (fields: Fields, record: SyncedRecord): LocalCopy => ({
  fields,
  baseVersion: record.base_version,
  baseJson: storedFieldsOrNull(record.base_json),
  serverDeleted: record.server_deleted === 1,
});

/** `load` of a table this device never edits field by field: the server's row as last received (`fallback` before any). */
export const serverCopyOf = (fallback: Fields, record: SyncedRecord): LocalCopy => {
  const copy = localCopyOf(fallback, record);
  return { ...copy, fields: copy.baseJson ?? fallback };
};

/** `load` by `serverCopyOf`, with the row's id before the server sent it. */
export const serverCopyLoader =
  (find: (db: ReadableDB, id: string) => SyncedRecord | undefined) =>
  (db: ReadableDB, id: string): LocalCopy | undefined => {
    const record = find(db, id);
    return record && serverCopyOf({ id }, record);
  };

export type ParsedRow<Row> = { ok: true; row: Row } | { ok: false; problems: string[] };

/** The server's version of a row, as last received (kept as its base: what conflicts compare with). */
export interface ServerBase {
  version: number;
  row: Fields;
}

export interface SyncAdapter<Row extends Fields = Fields> {
  tbl: SyncedTable;
  /** A row as the platform sends it, checked against the table's wire schema. */
  parse(row: unknown): ParsedRow<Row>;
  load(db: ReadableDB, id: string): LocalCopy | undefined;
  /** Writes the shown fields (a parsed row) and the server base of one row. */
  save(db: WritableDB, id: string, row: Row, base: ServerBase | null, unacked: boolean): void;
  /** A tombstone arrived while this device still has unacked edits of the row. */
  markServerDeleted(db: WritableDB, id: string, version: number | undefined): void;
  remove(db: WritableDB, id: string): void;
  /** Ids of rows that came from the server (base_version set). */
  syncedIds(db: ReadableDB): string[];
  /** Rows of this table that belong to an enterprise and leave with it (scope exit). */
  idsOfEnterprise?(db: ReadableDB, enterpriseId: string): string[];
}

/** Zod's issues as short lines: `content.columns.0.items.0.id: site.id.invalid`. */
export const problemsOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] =>
  issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(row)'}: ${i.message}`);

/** An adapter's `parse`: the row as `schema` reads it, or what is wrong with it. */
export function parseWith<S extends z.ZodType>(schema: S): (row: unknown) => ParsedRow<z.output<S>> {
  return (row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? { ok: true, row: parsed.data } : { ok: false, problems: problemsOf(parsed.error.issues) };
  };
}

/**
 * A table the platform writes and this device mirrors (leads, publications, visit days, SMS counts …):
 * its repository's functions and the mapping between its wire row and its columns. The columns omit
 * the id and the sync columns, which the adapter adds.
 */
export interface PlatformTable<Row extends Fields, Rec extends SyncedRecord, Columns> {
  tbl: SyncedTable;
  schema: z.ZodType<Row>;
  // Properties, not methods, so that the repository's functions are checked strictly against them.
  wireRowOf: (record: Rec) => Row;
  columnsOf: (row: Row) => Columns;
  find: (db: ReadableDB, id: string) => Rec | undefined;
  upsert: (db: WritableDB, columns: NoInfer<Columns> & { id: string } & ReturnType<typeof baseColumns>) => void;
  markServerDeleted: (db: WritableDB, id: string, version: number | undefined) => void;
  remove: (db: WritableDB, id: string) => void;
  syncedIds: (db: ReadableDB) => string[];
  idsOfEnterprise: (db: ReadableDB, enterpriseId: string) => string[];
}

/** The adapter of a platform-written table: rows are parsed, stored whole with their base, read back as wire rows. */
export function platformTableAdapter<Row extends Fields, Rec extends SyncedRecord, Columns>(
  table: PlatformTable<Row, Rec, Columns>,
): SyncAdapter<Row> {
  return {
    tbl: table.tbl,
    parse: parseWith(table.schema),
    load(db, id) {
      const record = table.find(db, id);
      return record && localCopyOf(table.wireRowOf(record), record);
    },
    save: (db, id, row, base) => table.upsert(db, { ...table.columnsOf(row), id, ...baseColumns(base) }),
    markServerDeleted: table.markServerDeleted,
    remove: table.remove,
    syncedIds: table.syncedIds,
    idsOfEnterprise: table.idsOfEnterprise,
  };
}

export interface SyncAdapters {
  get(tbl: string): SyncAdapter | undefined;
  all(): SyncAdapter[];
}

/** The adapters the composition root hands the engine: one per synced table, none twice. */
export function syncAdapters(list: readonly SyncAdapter[]): SyncAdapters {
  const byTable = new Map<string, SyncAdapter>();
  for (const adapter of list) {
    if (byTable.has(adapter.tbl)) throw new Error(`two sync adapters for ${adapter.tbl}`);
    byTable.set(adapter.tbl, adapter);
  }
  const missing = SYNCED_TABLES.filter((tbl) => !byTable.has(tbl));
  if (missing.length) throw new Error(`no sync adapter for ${missing.join(', ')}`);
  return { get: (tbl) => byTable.get(tbl), all: () => [...byTable.values()] };
}
