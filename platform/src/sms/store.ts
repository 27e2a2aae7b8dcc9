/**
 * The CMPP link's durable state, in the platform database (SQLite or PostgreSQL, through kysely).
 *
 * - An MT is stored with its parts before anything is sent; each part gets its Sequence_Id (from
 *   the `cmpp_seq` counter) in the same transaction, so a resend after a crash or a dropped link
 *   reuses it (see link.ts for what that buys).
 * - The link's answers, status reports and MOs are written in batches, one transaction each, with
 *   one statement per kind (per-row statements cost ~15× more), rows passed as JSON.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { newId, type Clock } from '../clock';
import type { Database } from '../db/database';
import type { DB, SmsMoTable } from '../db/schema';
import { prepareMt, type MtRequest } from './mt';

/** The database or a transaction on it. */
export type Db = Kysely<DB>;

const SEQ_COUNTER = 'cmpp_seq';
/** Rows per bulk statement (PostgreSQL allows 65,535 parameters, SQLite 32,766). */
const CHUNK = 500;

/** SUBMIT Sequence_Ids cycle through 1..0x7fffffff; the link numbers its other requests above. */
export const wireSequenceId = (seqNo: number): number => ((seqNo - 1) % 0x7fffffff) + 1;

const inTransaction = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

type ColumnType = 'bigint' | 'integer' | 'text';

/**
 * Rows passed as one JSON parameter, as a table `v` for UPDATE … FROM: one statement text whatever
 * the number of rows (prepared once), parsed by the database — binding a parameter per value costs
 * several times more.
 */
function jsonRows(dialect: Database['dialect'], rows: Record<string, unknown>[], columns: Record<string, ColumnType>): RawBuilder<unknown> {
  const json = JSON.stringify(rows);
  const names = Object.keys(columns);
  if (dialect === 'postgres') {
    return sql`json_to_recordset(CAST(${json} AS json)) AS v(${sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '))})`;
  }
  return sql`(SELECT ${sql.raw(names.map((n) => `value ->> '$.${n}' AS ${n}`).join(', '))} FROM json_each(${json})) AS v`;
}

/** Takes `count` numbers from the counter; returns the first. */
async function allocateSeqNos(trx: Db, count: number): Promise<number> {
  const row = await trx
    .updateTable('sms_counter')
    .set({ value: sql`value + ${count}` })
    .where('name', '=', SEQ_COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

export interface EnqueuedMt {
  id: string;
  parts: number;
}

/**
 * Stores MT messages (in `db`'s transaction if it is one, else in a new one) so the link sends them;
 * returns them and their parts as the link sends them (`parts`, one Sequence_Id range).
 * Every request is checked first: one bad request throws SmsInputError and nothing is stored.
 */
export async function enqueueMt(db: Db, requests: MtRequest[], clock: Clock): Promise<{ messages: EnqueuedMt[]; parts: QueuedPart[] }> {
  const prepared = requests.map(prepareMt);
  if (prepared.length === 0) return { messages: [], parts: [] };
  const now = clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    let seqNo = await allocateSeqNos(
      trx,
      prepared.reduce((n, p) => n + p.partCount, 0),
    );
    const messages: DB['sms_mt'][] = [];
    const parts: QueuedPart[] = [];
    for (const p of prepared) {
      const id = newId(clock);
      messages.push({
        id,
        mobile: p.mobile,
        extension: p.extension,
        kind: p.kind,
        body: p.body,
        enterprise_id: p.enterpriseId,
        parts: p.partCount,
        created_at: now,
        purpose: p.purpose,
      });
      p.parts(seqNo & 0xff).forEach((part, i) => {
        parts.push({
          seqNo: seqNo++,
          mtId: id,
          partNo: i + 1,
          parts: p.partCount,
          mobile: p.mobile,
          extension: p.extension,
          tpUdhi: part.tpUdhi,
          msgFmt: part.msgFmt,
          content: part.content,
        });
      });
    }
    const rows = parts.map((q): DB['sms_mt_part'] => ({
      mt_id: q.mtId,
      part_no: q.partNo,
      seq_no: q.seqNo,
      tp_udhi: q.tpUdhi,
      msg_fmt: q.msgFmt,
      content: q.content.toString('hex'),
      state: 'queued',
      result: null,
      msg_id: null,
      duplicate: 0,
      report_stat: null,
      answered_at: null,
      reported_at: null,
    }));
    for (const chunk of chunks(messages)) await trx.insertInto('sms_mt').values(chunk).execute();
    for (const chunk of chunks(rows)) await trx.insertInto('sms_mt_part').values(chunk).execute();
    return { messages: messages.map((m) => ({ id: m.id, parts: m.parts })), parts };
  });
}

/** A part waiting to be submitted, with what the SUBMIT needs. */
export interface QueuedPart {
  seqNo: number;
  mtId: string;
  partNo: number;
  parts: number;
  mobile: string;
  extension: string;
  tpUdhi: number;
  msgFmt: number;
  content: Buffer;
}

/** Queued parts after `afterSeqNo` (and before `beforeSeqNo`), in Sequence_Id order. */
export async function loadQueued(db: Db, afterSeqNo: number, beforeSeqNo: number, limit: number): Promise<QueuedPart[]> {
  const rows = await db
    .selectFrom('sms_mt_part as p')
    .innerJoin('sms_mt as m', 'm.id', 'p.mt_id')
    .select(['p.seq_no', 'p.mt_id', 'p.part_no', 'm.parts', 'm.mobile', 'm.extension', 'p.tp_udhi', 'p.msg_fmt', 'p.content'])
    .where('p.state', '=', 'queued')
    .where('p.seq_no', '>', afterSeqNo)
    .where('p.seq_no', '<', beforeSeqNo)
    .orderBy('p.seq_no')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seqNo: Number(r.seq_no),
    mtId: r.mt_id,
    partNo: r.part_no,
    parts: r.parts,
    mobile: r.mobile,
    extension: r.extension,
    tpUdhi: r.tp_udhi,
    msgFmt: r.msg_fmt,
    content: Buffer.from(r.content, 'hex'),
  }));
}

/** New Sequence_Ids for parts the ISMG refused for now (flow control): a definite "no" is never resent under the same number. */
export async function renumberParts(database: Database, seqNos: number[]): Promise<Map<number, number>> {
  if (seqNos.length === 0) return new Map();
  return database.db.transaction().execute(async (trx) => {
    let next = await allocateSeqNos(trx, seqNos.length);
    const renumbered = new Map(seqNos.map((old) => [old, next++]));
    const rows = [...renumbered].map(([old, seq]) => ({ old, seq }));
    await sql`UPDATE sms_mt_part SET seq_no = v.seq FROM ${jsonRows(database.dialect, rows, { old: 'bigint', seq: 'bigint' })} WHERE sms_mt_part.seq_no = v.old`.execute(
      trx,
    );
    return renumbered;
  });
}

/** A SUBMIT_RESP that settles a part. */
export interface SubmitAnswer {
  seqNo: number;
  state: 'accepted' | 'failed';
  result: number;
  msgId: string | null;
  /** The ISMG said "repeated sequence": an earlier send had been accepted. */
  duplicate: boolean;
}

export interface DeliveryReport {
  msgId: string;
  stat: string;
}

/** One DELIVER with an MO, as stored. */
export interface MoPart {
  ismgMsgId: string;
  mobile: string;
  destId: string;
  serviceId: string;
  msgFmt: number;
  content: Buffer;
  /** The decoded text of this part (null for binary). */
  text: string | null;
  concat: { ref: number; total: number; index: number } | null;
}

export interface LinkEvents {
  answers: SubmitAnswer[];
  reports: DeliveryReport[];
  mos: MoPart[];
}

export type MoRow = SmsMoTable;

/**
 * Writes a batch of what the link received, inside the caller's transaction: answers first (a report can only
 * follow its part's answer), then reports, then MOs (a resent MO, same Msg_Id, is stored once).
 * Returns the MO rows that are new and how many reports matched no part.
 */
export async function recordLinkEvents(
  trx: Db,
  dialect: Database['dialect'],
  events: LinkEvents,
  clock: Clock,
): Promise<{ newMos: MoRow[]; unmatchedReports: number }> {
  const now = clock.now().toISOString();
  if (events.answers.length > 0) {
    // `state || ''`: a plain `state = 'queued'` makes SQLite walk the queue index and scan the JSON for every row.
    const rows = events.answers.map((a) => ({ seq: a.seqNo, state: a.state, result: a.result, msg_id: a.msgId, dup: a.duplicate ? 1 : 0 }));
    await sql`UPDATE sms_mt_part SET state = v.state, result = v.result, msg_id = v.msg_id, duplicate = v.dup, answered_at = ${now}
      FROM ${jsonRows(dialect, rows, { seq: 'bigint', state: 'text', result: 'integer', msg_id: 'text', dup: 'integer' })}
      WHERE sms_mt_part.seq_no = v.seq AND sms_mt_part.state || '' = 'queued'`.execute(trx);
  }
  let matched = 0;
  if (events.reports.length > 0) {
    const rows = events.reports.map((r) => ({ msg_id: r.msgId, stat: r.stat }));
    const result =
      await sql`UPDATE sms_mt_part SET state = CASE WHEN v.stat = 'DELIVRD' THEN 'delivered' ELSE 'undelivered' END, report_stat = v.stat, reported_at = ${now}
      FROM ${jsonRows(dialect, rows, { msg_id: 'text', stat: 'text' })} WHERE sms_mt_part.msg_id = v.msg_id`.execute(trx);
    matched = Number(result.numAffectedRows ?? 0);
  }
  const newMos: MoRow[] = [];
  for (const rows of chunks(events.mos)) {
    const values = rows.map((m): MoRow => ({
      id: newId(clock),
      ismg_msg_id: m.ismgMsgId,
      mobile: m.mobile,
      dest_id: m.destId,
      service_id: m.serviceId,
      msg_fmt: m.msgFmt,
      content: m.content.toString('hex'),
      text: m.text,
      concat_ref: m.concat?.ref ?? null,
      concat_total: m.concat?.total ?? null,
      concat_index: m.concat?.index ?? null,
      received_at: now,
      handled_at: null,
    }));
    newMos.push(
      ...(await trx
        .insertInto('sms_mo')
        .values(values)
        .onConflict((oc) => oc.column('ismg_msg_id').doNothing())
        .returningAll()
        .execute()),
    );
  }
  return { newMos, unmatchedReports: events.reports.length - matched };
}

/** An MO message: one DELIVER, or the parts of a long one put back together. */
export interface MoMessage {
  /** The first part's id. */
  id: string;
  mobile: string;
  /** The number texted: service code + extension. */
  destId: string;
  serviceId: string;
  text: string;
  receivedAt: string;
  partIds: string[];
}

function assemble(parts: MoRow[]): MoMessage {
  const first = parts[0]!;
  return {
    id: first.id,
    mobile: first.mobile,
    destId: first.dest_id,
    serviceId: first.service_id,
    text: parts.map((p) => p.text ?? '').join(''),
    receivedAt: parts[parts.length - 1]!.received_at,
    partIds: parts.map((p) => p.id),
  };
}

const concatKey = (r: MoRow) => `${r.mobile}|${r.dest_id}|${r.concat_ref}|${r.concat_total}`;

/** The complete messages among unhandled rows: single MOs as they are, long ones once every part is there. */
function completeMessages(rows: MoRow[]): MoMessage[] {
  const messages: MoMessage[] = [];
  const groups = new Map<string, Map<number, MoRow>>();
  for (const row of rows) {
    if (row.concat_total === null || row.concat_index === null) messages.push(assemble([row]));
    else {
      const group = groups.get(concatKey(row)) ?? new Map<number, MoRow>();
      if (!group.has(row.concat_index)) group.set(row.concat_index, row);
      groups.set(concatKey(row), group);
    }
  }
  for (const group of groups.values()) {
    const parts = [...group.values()].sort((a, b) => a.concat_index! - b.concat_index!);
    if (parts.length === parts[0]!.concat_total) messages.push(assemble(parts));
  }
  return messages.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
}

/** The messages that the new rows complete (a long MO's last part completes it). */
export async function messagesCompletedBy(db: Db, newRows: MoRow[]): Promise<MoMessage[]> {
  const singles = newRows.filter((r) => r.concat_total === null);
  const keys = new Map(newRows.filter((r) => r.concat_total !== null).map((r) => [concatKey(r), r]));
  const siblings: MoRow[] = [];
  for (const r of keys.values()) {
    siblings.push(
      ...(await db
        .selectFrom('sms_mo')
        .selectAll()
        .where('handled_at', 'is', null)
        .where('mobile', '=', r.mobile)
        .where('dest_id', '=', r.dest_id)
        .where('concat_ref', '=', r.concat_ref)
        .where('concat_total', '=', r.concat_total)
        .orderBy('received_at')
        .execute()),
    );
  }
  return completeMessages([...singles, ...siblings]);
}

/** The MO inbox: complete messages not yet marked handled, oldest first. */
export async function unhandledMos(db: Db, limit = 1000): Promise<MoMessage[]> {
  const rows = await db
    .selectFrom('sms_mo')
    .selectAll()
    .where('handled_at', 'is', null)
    .orderBy('received_at')
    .orderBy('id')
    .limit(limit * 10)
    .execute();
  return completeMessages(rows).slice(0, limit);
}

export async function markMosHandled(db: Db, partIds: string[], clock: Clock): Promise<void> {
  for (const ids of chunks(partIds))
    await db.updateTable('sms_mo').set({ handled_at: clock.now().toISOString() }).where('id', 'in', ids).execute();
}

export type MtState = 'queued' | 'submitted' | 'delivered' | 'undelivered' | 'failed';

export interface MtStatus {
  id: string;
  to: string;
  extension: string;
  kind: string;
  parts: number;
  createdAt: string;
  state: MtState;
  partStates: {
    partNo: number;
    state: string;
    result: number | null;
    msgId: string | null;
    duplicate: boolean;
    reportStat: string | null;
  }[];
}

/** A message's state from its parts': failed if any failed, queued while any is, delivered when all are. */
function messageState(states: string[]): MtState {
  if (states.includes('failed')) return 'failed';
  if (states.includes('queued')) return 'queued';
  if (states.every((s) => s === 'delivered')) return 'delivered';
  if (states.includes('undelivered')) return 'undelivered';
  return 'submitted';
}

export async function mtStatus(db: Db, id: string): Promise<MtStatus | null> {
  const message = await db.selectFrom('sms_mt').selectAll().where('id', '=', id).executeTakeFirst();
  if (!message) return null;
  const parts = await db.selectFrom('sms_mt_part').selectAll().where('mt_id', '=', id).orderBy('part_no').execute();
  return {
    id,
    to: message.mobile,
    extension: message.extension,
    kind: message.kind,
    parts: message.parts,
    createdAt: message.created_at,
    state: messageState(parts.map((p) => p.state)),
    partStates: parts.map((p) => ({
      partNo: p.part_no,
      state: p.state,
      result: p.result,
      msgId: p.msg_id,
      duplicate: p.duplicate === 1,
      reportStat: p.report_stat,
    })),
  };
}

/** How many parts wait to be submitted. */
export async function queuedCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('sms_mt_part')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('state', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
