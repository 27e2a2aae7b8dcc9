/** Builders the migrations share: the columns every synced table has, and its pull indexes. */
import type { CreateTableBuilder, Kysely } from 'kysely';

// Migrations work on an untyped Kysely: the typed interface describes the final schema only.
export type AnyDb = Kysely<unknown>;

export function syncedColumns<T extends string>(t: CreateTableBuilder<T, never>) {
  return t
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('field_versions', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by_client', 'text')
    .addColumn('updated_by_client', 'text');
}

export async function pullIndexes(db: AnyDb, tbl: string) {
  await db.schema.createIndex(`${tbl}_pull`).on(tbl).columns(['scope_id', 'last_seq']).execute();
  await db.schema.createIndex(`${tbl}_seq`).on(tbl).column('last_seq').execute();
}
