/**
 * Submitting a group's roster changes: every member change not yet sent (or sent back) goes out in
 * roster orders — `roster.submit.v1` commands of at most MAX_ROSTER_CHANGES changes — through the
 * unit of work, so the order, its outbox command and the members it carries are written together.
 */
import type { Output } from '../../../../shared/api';
import { MAX_ROSTER_CHANGES, type RosterChange } from '../../../../shared/platform-api';
import type { WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges, type RecordChange } from '../../app/unitOfWork';
import type { ReadableDB } from '../../infra/db/handles';
import { currentPlanOf } from '../orders/service';
import { openConflictsForRow } from '../sync/db/conflicts';
import { insertRosterOrder, markMemberSubmitted, membersOf, rosterOrdersOf, WORKING_COPY, type MemberRecord } from './repository';

/** Orders the platform refused outright (a rejected command: no VPMN plan, forbidden …), with why. */
export function refusedOrders(db: ReadableDB, enterpriseId: string): Map<string, { code: string; message: string }> {
  const refused = new Map<string, { code: string; message: string }>();
  for (const order of rosterOrdersOf(db, enterpriseId)) {
    if (order.base_version !== null) continue;
    const conflict = openConflictsForRow(db, 'roster_order', order.id)[0];
    if (!conflict) continue;
    const detail = JSON.parse(conflict.detail_json) as { code?: string; message?: string };
    refused.set(order.id, { code: detail.code ?? 'rejected', message: detail.message ?? '' });
  }
  return refused;
}

function changeOf(m: MemberRecord): RosterChange {
  if (m.change === 'remove') return { action: 'remove', memberId: m.id };
  return {
    action: m.change === 'add' ? 'add' : 'update',
    memberId: m.id,
    name: m.name,
    mobile: m.mobile,
    department: m.department,
    title: m.title,
    email: m.email,
    shortNumber: m.short_number!,
    extension: m.extension,
    portedIn: m.ported_in === 1,
  };
}

export function submitRoster(ctx: WriteContext, enterpriseId: string): Output<'roster.submit'> {
  const plan = currentPlanOf(ctx, enterpriseId);
  if (!plan?.current.components.some((c) => c.code === 'vpmn'))
    throw new AppError('roster.no_vpmn_plan', 'The enterprise has no signed plan with VPMN (动力100): sign an order for one first.', {
      field: 'enterpriseId',
    });
  return commitChanges(ctx, (db) => {
    const refused = refusedOrders(db, enterpriseId);
    const due = membersOf(db, enterpriseId).filter(
      (m) => m.change && (!m.order_id || refused.has(m.order_id)) && (m.change === 'remove' || m.short_number),
    );
    if (due.length === 0) throw new AppError('roster.nothing_to_submit', 'Every change of the roster is submitted already.');
    const changes: RecordChange[] = [];
    for (let at = 0; at < due.length; at += MAX_ROSTER_CHANGES) {
      const part = due.slice(at, at + MAX_ROSTER_CHANGES);
      const id = ctx.newId();
      const args = { id, enterpriseId, changes: part.map(changeOf) };
      changes.push({
        entity: 'roster_order',
        id,
        write: (db) => {
          insertRosterOrder(db, {
            id,
            enterprise_id: enterpriseId,
            changes_json: JSON.stringify(args.changes),
            created_by: ctx.actor(),
            created_at: ctx.now().toISOString(),
          });
          for (const m of part) markMemberSubmitted(db, m.id, id);
        },
        outbox: { command: 'roster.submit.v1', args },
        audit: { action: 'roster.submitted', detail: { enterpriseId, changes: part.length } },
      });
    }
    changes.push({ entity: 'roster_member', id: enterpriseId, outbox: WORKING_COPY });
    return { changes, result: { orders: changes.length - 1, changes: due.length } };
  });
}
