/** The BOSS's running numbers (group codes, SMS extensions, VPMN group numbers), kept in `boss_counter`. */
import { sql } from 'kysely';
import type { Tx } from '../db/database';

/** The next value of a counter, in one statement (its row lock keeps two platform processes from taking the same one). */
export async function nextCounter(trx: Tx, name: string, start: number): Promise<number> {
  const row = await trx
    .insertInto('boss_counter')
    .values({ name, value: start })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`boss_counter.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
