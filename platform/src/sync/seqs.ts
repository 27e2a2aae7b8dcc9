/**
 * Server seqs for one write transaction (SYNC.md §3.1). Pulls rely on commits becoming visible in
 * seq order, so a transaction takes its seqs from sync_meta and holds that row's lock until it
 * commits. To hold it briefly, writes first get placeholders — -1, -2, … in write order — and
 * `assign` takes real seqs at the very end, just before the commit: rows still to be written get
 * them through the returned mapping; rows already written with placeholders are rewritten, one
 * UPDATE per table. Scope exits (keyed by their seq) are kept here and inserted by `assign`.
 */
import { sql } from 'kysely';
import type { SyncedTable } from '../../../shared/platform-api/tables';
import type { Tx } from '../db/database';

interface PendingExit {
  placeholder: number;
  scopeId: string;
  tbl: SyncedTable;
  rowId: string;
}

export class PendingSeqs {
  private count = 0;
  private last: number | undefined;
  private readonly tables = new Set<SyncedTable>();
  private exits: PendingExit[] = [];

  /** The placeholder seq of a row write. */
  forRow(): number {
    return -++this.count;
  }

  /** Rows of `tbl` were written to the database with placeholders: `assign` rewrites them there. */
  placeholdersIn(tbl: SyncedTable): void {
    this.tables.add(tbl);
  }

  /** Records that a row left `scopeId` (written by `assign`). */
  exit(scopeId: string, tbl: SyncedTable, rowId: string): void {
    this.exits.push({ placeholder: -++this.count, scopeId, tbl, rowId });
  }

  /** For a savepoint: what to go back to if its work is undone. */
  mark(): number {
    return this.exits.length;
  }

  /** The work since `mark` was undone (rows roll back with the savepoint; their placeholders are simply unused). */
  rollbackTo(mark: number): void {
    this.exits = this.exits.slice(0, mark);
  }

  /** The highest seq `assign` took (undefined when it took none). */
  lastAssigned(): number | undefined {
    return this.last;
  }

  /**
   * Takes real seqs from sync_meta — its row lock then orders this transaction's commit among all
   * writers — and writes them over the placeholders: placeholder -k becomes base + k - 1. Returns
   * the mapping (real seqs pass through).
   */
  async assign(trx: Tx): Promise<(seq: number) => number> {
    if (this.count === 0) return (seq) => seq;
    const { seq: last } = await trx
      .updateTable('sync_meta')
      .set({ seq: sql`seq + ${this.count}` })
      .where('id', '=', 1)
      .returning('seq')
      .executeTakeFirstOrThrow();
    this.last = Number(last);
    const base = this.last - this.count + 1;
    const real = (seq: number) => (seq < 0 ? base - 1 - seq : seq);
    // Only this transaction's rows hold placeholders: others' are committed with real seqs or invisible to it.
    for (const tbl of this.tables) {
      await trx
        .updateTable(tbl as 'enterprise')
        .set({ last_seq: sql`${base - 1} - last_seq` })
        .where('last_seq', '<', 0)
        .execute();
    }
    if (this.exits.length) {
      await trx
        .insertInto('scope_exit')
        .values(this.exits.map((e) => ({ seq: real(e.placeholder), scope_id: e.scopeId, tbl: e.tbl, row_id: e.rowId })))
        .execute();
    }
    return real;
  }
}
