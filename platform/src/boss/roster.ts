/**
 * The BOSS simulation for VPMN rosters: opens each submitted roster order in its own transaction,
 * the enterprise locked first (so one group's orders are opened one at a time, whatever platform
 * process runs them). The first order gives the group its VPMN number. Each change is confirmed or
 * sent back with the reason — a short number another member holds (taken meanwhile), a mobile in
 * another group, a number not China Mobile's — and the results travel back on the order's row.
 *
 * Changes of one order apply as a whole: removals first (their numbers free up), then changes of
 * numbers — including swaps, which only work together — then additions.
 */
import { sql, type Kysely } from 'kysely';
import { checkMemberMobile } from '../../../shared/domain/memberMobile';
import { numberProblem } from '../../../shared/domain/shortNumbers';
import type { RosterChange, RosterChangeResult, RosterConflictCode } from '../../../shared/platform-api/roster';
import type { Tx } from '../db/database';
import type { DB } from '../db/schema';
import { hasVpmnPlan } from '../sync/rosterOrders';
import { childRows, insertRow, loadRow, updateRow, type StoredRow, type WriteBy, type Writer } from '../sync/rows';
import { nextCounter } from './counters';

type Add = Extract<RosterChange, { action: 'add' }>;
type Update = Extract<RosterChange, { action: 'update' }>;

/** The group's VPMN number: VP + the credit code's region (6 digits) + a running number. */
async function groupNumberOf(trx: Tx, enterprise: StoredRow, at: string): Promise<string> {
  const existing = await trx.selectFrom('vpmn_group').select('group_number').where('enterprise_id', '=', enterprise.id).executeTakeFirst();
  if (existing) return existing.group_number;
  const number = `VP${(enterprise.data.creditCode as string).slice(2, 8)}${String(await nextCounter(trx, 'vpmn_group', 1)).padStart(4, '0')}`;
  await trx.insertInto('vpmn_group').values({ enterprise_id: enterprise.id, group_number: number, created_at: at }).execute();
  return number;
}

/** Claims a mobile for a member; false when another group holds it (its primary key decides between concurrent runs). */
async function claimMobile(trx: Tx, mobile: string, enterpriseId: string, memberId: string): Promise<boolean> {
  const claimed = await trx
    .insertInto('vpmn_mobile')
    .values({ mobile, enterprise_id: enterpriseId, member_id: memberId })
    .onConflict((oc) => oc.column('mobile').doNothing())
    .returning('mobile')
    .executeTakeFirst();
  return claimed !== undefined;
}

const releaseMobile = (trx: Tx, mobile: string, memberId: string) =>
  trx.deleteFrom('vpmn_mobile').where('mobile', '=', mobile).where('member_id', '=', memberId).execute();

/** One order's changes against the group as it is now. */
class RosterRun {
  readonly results = new Map<string, RosterChangeResult>();
  /** Short number → the member holding it. */
  private readonly numbers = new Map<string, StoredRow>();
  private readonly byId: Map<string, StoredRow>;
  private readonly byMobile: Map<string, StoredRow>;

  constructor(
    private readonly w: Writer,
    private readonly enterprise: StoredRow,
    members: StoredRow[],
    private readonly groupNumber: string,
    private readonly orderId: string,
    private readonly by: WriteBy,
  ) {
    this.byId = new Map(members.map((m) => [m.id, m]));
    this.byMobile = new Map(members.map((m) => [m.data.mobile as string, m]));
    for (const m of members) this.numbers.set(m.data.shortNumber as string, m);
  }

  private confirm(change: RosterChange): void {
    this.results.set(change.memberId, { memberId: change.memberId, action: change.action, status: 'confirmed' });
  }

  private sendBack(change: RosterChange, code: RosterConflictCode, message: string, holder?: StoredRow): void {
    this.results.set(change.memberId, {
      memberId: change.memberId,
      action: change.action,
      status: 'conflict',
      code,
      message,
      ...(holder ? { heldBy: holder.data.name as string } : {}),
    });
  }

  async remove(change: RosterChange): Promise<void> {
    const member = this.byId.get(change.memberId);
    if (!member) return this.confirm(change); // already gone: what was asked for is true
    updateRow(this.w, member, { deleted: true, changes: { lastOrderId: this.orderId } }, this.by);
    this.numbers.delete(member.data.shortNumber as string);
    this.byMobile.delete(member.data.mobile as string);
    this.byId.delete(member.id);
    await releaseMobile(this.w.trx, member.data.mobile as string, member.id);
    this.confirm(change);
  }

  private write(member: StoredRow, update: Update): void {
    this.numbers.delete(member.data.shortNumber as string);
    const { name, department, title, email, shortNumber, extension } = update;
    const written = updateRow(
      this.w,
      member,
      { changes: { name, department, title, email, shortNumber, extension, lastOrderId: this.orderId } },
      this.by,
    );
    this.byId.set(member.id, written);
    this.numbers.set(shortNumber, written);
    this.confirm(update);
  }

  /**
   * Changes whose number is free apply at once (freeing theirs); then changes that only hold each
   * other's numbers (A↔B, A→B→C→A) apply together; a number still held by anyone else is taken.
   */
  updates(updates: Update[]): void {
    let pending: Update[] = [];
    for (const u of updates) {
      if (!this.byId.has(u.memberId)) this.sendBack(u, 'not_member', 'The group has no such member (removed meanwhile?).');
      else if (numberProblem(u.shortNumber)) this.sendBack(u, 'short_number_invalid', `${u.shortNumber} cannot be a short number.`);
      else pending.push(u);
    }
    const holderOf = (u: Update) => this.numbers.get(u.shortNumber);
    for (let progress = true; progress;) {
      progress = false;
      for (const u of pending) {
        const holder = holderOf(u);
        if (holder && holder.id !== u.memberId) continue;
        this.write(this.byId.get(u.memberId)!, u);
        pending = pending.filter((p) => p !== u);
        progress = true;
      }
    }
    for (const start of [...pending]) {
      if (!pending.includes(start)) continue;
      const cycle = [start];
      for (
        let next = pending.find((p) => p.memberId === holderOf(start)?.id);
        next && !cycle.includes(next);
        next = pending.find((p) => p.memberId === holderOf(next!)?.id)
      )
        cycle.push(next);
      if (holderOf(cycle.at(-1)!)?.id !== start.memberId) continue;
      const members = cycle.map((u) => this.byId.get(u.memberId)!);
      for (const m of members) this.numbers.delete(m.data.shortNumber as string);
      cycle.forEach((u, i) => this.write(members[i]!, u));
      pending = pending.filter((p) => !cycle.includes(p));
    }
    for (const u of pending) this.sendBack(u, 'short_number_taken', `${u.shortNumber} is held by another member.`, holderOf(u));
  }

  async add(change: Add): Promise<void> {
    const same = this.byMobile.get(change.mobile);
    if (same) return this.sendBack(change, 'already_member', `${change.mobile} is already a member of the group.`, same);
    const mobile = checkMemberMobile(change.mobile);
    if (mobile.problem || !(mobile.chinaMobile || change.portedIn))
      return this.sendBack(change, 'not_china_mobile', `${change.mobile} is not a China Mobile number.`);
    if (numberProblem(change.shortNumber))
      return this.sendBack(change, 'short_number_invalid', `${change.shortNumber} cannot be a short number.`);
    const holder = this.numbers.get(change.shortNumber);
    if (holder) return this.sendBack(change, 'short_number_taken', `${change.shortNumber} is held by another member.`, holder);
    if (!(await claimMobile(this.w.trx, change.mobile, this.enterprise.id, change.memberId)))
      return this.sendBack(change, 'in_other_group', `${change.mobile} is a member of another enterprise's VPMN group.`);
    const { memberId, name, department, title, email, shortNumber, extension, portedIn } = change;
    const member = insertRow(
      this.w,
      'roster_member',
      memberId,
      this.enterprise.scopeId,
      {
        enterpriseId: this.enterprise.id,
        name,
        mobile: change.mobile,
        department,
        title,
        email,
        shortNumber,
        extension,
        portedIn,
        groupNumber: this.groupNumber,
        lastOrderId: this.orderId,
      },
      this.by,
    );
    this.numbers.set(shortNumber, member);
    this.byMobile.set(change.mobile, member);
    this.byId.set(memberId, member);
    this.confirm(change);
  }
}

async function failRosterOrder(w: Writer, order: StoredRow, by: WriteBy, code: string, message: string): Promise<string> {
  updateRow(w, order, { changes: { status: 'failed', failure: { code, message }, processedAt: by.at } }, by);
  return 'failed';
}

/** Opens one submitted roster order (in the caller's write transaction); undefined when there was nothing to do. */
export async function processRosterOrder(w: Writer, orderId: string, at: string): Promise<string | undefined> {
  // The enterprise first, as pushes lock it, so the two cannot deadlock.
  const submitted = await w.trx.selectFrom('roster_order').select('enterprise_id').where('id', '=', orderId).executeTakeFirst();
  if (!submitted) return undefined;
  const enterprise = await loadRow(w, 'enterprise', submitted.enterprise_id);
  const order = await loadRow(w, 'roster_order', orderId);
  if (!order || order.data.status !== 'submitted') return undefined; // another process got there first
  const by: WriteBy = { clientId: null, at };
  if (!enterprise || enterprise.deleted) return failRosterOrder(w, order, by, 'enterprise_not_found', 'The enterprise was deleted.');
  if (!(await hasVpmnPlan(w, enterprise.id)))
    return failRosterOrder(w, order, by, 'no_vpmn_subscription', 'The enterprise no longer has a plan with VPMN.');
  const groupNumber = await groupNumberOf(w.trx, enterprise, at);
  const members = (await childRows(w, 'roster_member', enterprise.id)).filter((m) => !m.deleted);
  const run = new RosterRun(w, enterprise, members, groupNumber, orderId, by);
  const changes = order.data.changes as RosterChange[];
  for (const c of changes) if (c.action === 'remove') await run.remove(c);
  run.updates(changes.filter((c): c is Update => c.action === 'update'));
  for (const c of changes) if (c.action === 'add') await run.add(c);
  const results = changes.map((c) => run.results.get(c.memberId)!);
  updateRow(w, order, { changes: { status: 'completed', results, groupNumber, processedAt: at } }, by);
  return 'completed';
}

/** Roster orders waiting for the BOSS, oldest first. */
export async function dueRosterOrders(trx: Kysely<DB>, cutoff: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('roster_order')
    .select('id')
    .where('status', '=', 'submitted')
    .where('created_at', '<=', cutoff)
    .orderBy('last_seq')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether anything waits (the BOSS timer is started again at platform start). */
export async function rosterOrderPending(trx: Kysely<DB>): Promise<boolean> {
  return (
    (await trx
      .selectFrom('roster_order')
      .select(sql<number>`1`.as('one'))
      .where('status', '=', 'submitted')
      .limit(1)
      .executeTakeFirst()) !== undefined
  );
}
