/**
 * 0010_vpmn — VPMN rosters (动力100): roster orders (commands the BOSS opens) and the members it
 * confirmed, as synced tables; each group's VPMN number; and who holds each mobile, one group at a
 * time (its primary key is what keeps two concurrent BOSS runs from giving a number to two groups).
 */
import type { Migration } from 'kysely';
import { pullIndexes, syncedColumns, type AnyDb } from './tableBuilders';

export const vpmn: Migration = {
  async up(db: AnyDb) {
    await syncedColumns(db.schema.createTable('roster_order'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .execute();
    await pullIndexes(db, 'roster_order');
    await db.schema.createIndex('roster_order_enterprise').on('roster_order').columns(['enterprise_id', 'status']).execute();
    await db.schema.createIndex('roster_order_status').on('roster_order').columns(['status', 'created_at']).execute();

    await syncedColumns(db.schema.createTable('roster_member'))
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text')
      .addColumn('short_number', 'text')
      .execute();
    await pullIndexes(db, 'roster_member');
    await db.schema.createIndex('roster_member_enterprise').on('roster_member').columns(['enterprise_id', 'short_number']).execute();

    await db.schema
      .createTable('vpmn_group')
      .addColumn('enterprise_id', 'text', (c) => c.primaryKey())
      .addColumn('group_number', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('vpmn_mobile')
      .addColumn('mobile', 'text', (c) => c.primaryKey())
      .addColumn('enterprise_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull())
      .execute();
  },
};
