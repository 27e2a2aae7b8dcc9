/**
 * The roster of one group: listing it, its short-number rules, and a person's edits of single
 * members. Every change goes through the unit of work with its audit entry; the change a member
 * carries (add, update, remove) is what the next roster order submits.
 */
import type { Output, ParsedInput } from '../../../../shared/api';
import { checkMemberMobile } from '../../../../shared/domain/memberMobile';
import type { RosterMember } from '../../../../shared/domain/roster';
import { assignShortNumbers, numberChangeEffect, rulesProblems, type ShortNumberRules } from '../../../../shared/domain/shortNumbers';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { commitChanges } from '../../app/unitOfWork';
import { WORKING_COPY } from './repository';
import type { ReadableDB } from '../../infra/db/handles';
import { findEnterprise } from '../enterprises/repository';
import { changeAfterEdit, removalOf, removeMemberRecord } from './importService';
import { refusedOrders } from './submit';
import {
  deleteMember,
  findMember,
  insertAddedMember,
  memberState,
  membersOf,
  otherGroupOf,
  rulesOf,
  saveRules,
  toMember,
  updateMemberWorking,
  workingColumnsOf,
  rosterOrdersOf,
  type MemberRecord,
  type RosterOrderRecord,
  type WorkingColumns,
} from './repository';

type EditableFields = ParsedInput<'roster.addMember'>['fields'];

function requireEnterprise(db: ReadableDB, id: string): void {
  if (!findEnterprise(db, id)) throw new AppError('roster.enterprise_not_found', `No enterprise with id ${id}.`, { field: 'enterpriseId' });
}

function requireMember(db: ReadableDB, id: string): MemberRecord {
  const member = findMember(db, id);
  if (!member) throw new AppError('roster.member_not_found', `No roster member with id ${id}.`, { details: { id } });
  return member;
}

/** A member whose change waits for the platform cannot change again (unless the platform refused its order). */
function requireEditable(db: ReadableDB, member: MemberRecord): void {
  if (member.order_id && !refusedOrders(db, member.enterprise_id).has(member.order_id))
    throw new AppError('roster.member_pending', `${member.name}'s change is waiting for the platform.`, { details: { id: member.id } });
}

function orderSummary(
  order: RosterOrderRecord,
  refusal: { code: string; message: string } | undefined,
): Output<'roster.list'>['orders'][number] {
  const results = order.results_json ? (JSON.parse(order.results_json) as { status: string }[]) : [];
  const status = refusal ? 'refused' : ((order.platform_status ?? 'sending') as 'sending' | 'submitted' | 'completed' | 'failed');
  return {
    id: order.id,
    createdAt: order.created_at,
    createdBy: order.created_by,
    status,
    changes: (JSON.parse(order.changes_json) as unknown[]).length,
    confirmed: results.filter((r) => r.status === 'confirmed').length,
    sentBack: results.filter((r) => r.status === 'conflict').length,
    failure: refusal ?? (order.failure_json ? (JSON.parse(order.failure_json) as { code: string; message: string }) : null),
  };
}

export function rosterView(db: ReadableDB, enterpriseId: string): Output<'roster.list'> {
  requireEnterprise(db, enterpriseId);
  const refused = refusedOrders(db, enterpriseId);
  const members = membersOf(db, enterpriseId).map((r) => {
    const refusal = r.order_id ? refused.get(r.order_id) : undefined;
    return refusal ? { ...toMember(r), state: 'conflict' as const, conflict: refusal } : toMember(r);
  });
  const orders = rosterOrdersOf(db, enterpriseId);
  const count = (state: RosterMember['state']) => members.filter((m) => m.state === state).length;
  return {
    members,
    groupNumber: orders.find((o) => o.group_number)?.group_number ?? null,
    orders: orders.slice(0, 20).map((o) => orderSummary(o, refused.get(o.id))),
    rules: rulesOf(db, enterpriseId),
    counts: {
      members: members.filter((m) => m.state !== 'removing').length,
      draft: count('draft') + count('removing'),
      pending: count('pending'),
      conflict: count('conflict'),
      notChinaMobile: members.filter((m) => !m.chinaMobile).length,
    },
  };
}

export const listRoster = (ctx: ReadContext, enterpriseId: string) => rosterView(ctx.db, enterpriseId);

export function setRules(ctx: WriteContext, input: ParsedInput<'roster.setRules'>): Output<'roster.setRules'> {
  requireEnterprise(ctx.db, input.enterpriseId);
  const problems = rulesProblems(input.rules);
  if (problems.length)
    throw new AppError('roster.rules_invalid', problems.map((p) => `${p.code} ${p.detail}`).join('; '), {
      field: 'rules',
      details: { problems },
    });
  commitChanges(ctx, (db) => {
    const renumbered = input.renumber ? renumberDrafts(membersOf(db, input.enterpriseId), input.rules) : [];
    const now = ctx.now().toISOString();
    return {
      changes: [
        {
          entity: 'roster_member',
          outbox: WORKING_COPY,
          id: input.enterpriseId,
          write: (db) => {
            saveRules(db, input.enterpriseId, input.rules, now);
            for (const { member, number } of renumbered)
              updateMemberWorking(db, member.id, { ...workingColumnsOf(member), short_number: number }, member.change, now);
          },
          audit: {
            action: 'roster.rules_set',
            detail: {
              firstDigit: input.rules.firstDigit,
              blocks: input.rules.departmentBlocks.length,
              reserved: input.rules.reserved.length,
              renumbered: renumbered.length,
            },
          },
        },
      ],
      result: undefined,
    };
  });
  return rosterView(ctx.db, input.enterpriseId);
}

/** New numbers by `rules` for members whose number the rules gave and the platform never confirmed. */
function renumberDrafts(members: MemberRecord[], rules: ShortNumberRules): { member: MemberRecord; number: string }[] {
  const movable = members.filter((m) => m.number_source === 'rules' && m.base_version === null && !m.order_id && m.change !== 'remove');
  const movableIds = new Set(movable.map((m) => m.id));
  const taken = members.filter((m) => !movableIds.has(m.id) && m.short_number).map((m) => m.short_number!);
  const assigned = assignShortNumbers(
    movable.map((m) => ({ key: m.id, name: m.name, mobile: m.mobile, department: m.department })),
    rules,
    taken,
  );
  return assigned.flatMap((a, i) => (a.number && a.number !== movable[i]!.short_number ? [{ member: movable[i]!, number: a.number }] : []));
}

/** The member's number: the one asked for (checked), or the next one by the group's rules. */
function numberFor(
  db: ReadableDB,
  enterpriseId: string,
  fields: EditableFields,
  mobile: string,
  selfId?: string,
): { number: string; source: WorkingColumns['number_source'] } {
  const others = membersOf(db, enterpriseId).filter((m) => m.id !== selfId);
  const rules = rulesOf(db, enterpriseId);
  if (fields.shortNumber) {
    const effect = numberChangeEffect(
      { key: selfId ?? '', name: fields.name, mobile, department: fields.department },
      fields.shortNumber,
      others.map((m) => ({ key: m.id, name: m.name, shortNumber: m.short_number })),
      rules,
    );
    if (effect.problem)
      throw new AppError('roster.short_number_invalid', `${fields.shortNumber} cannot be a short number.`, { field: 'fields.shortNumber' });
    if (effect.heldBy)
      throw new AppError('roster.short_number_taken', `${effect.heldBy.name} has ${fields.shortNumber}.`, {
        field: 'fields.shortNumber',
        details: { name: effect.heldBy.name },
      });
    if (effect.reservedFor)
      throw new AppError('roster.short_number_reserved', `${fields.shortNumber} is reserved for ${effect.reservedFor}.`, {
        field: 'fields.shortNumber',
        details: { name: effect.reservedFor },
      });
    return { number: fields.shortNumber, source: 'manual' };
  }
  const [assigned] = assignShortNumbers(
    [{ key: 'new', name: fields.name, mobile, department: fields.department }],
    rules,
    others.flatMap((m) => (m.short_number ? [m.short_number] : [])),
  );
  if (!assigned?.number)
    throw new AppError('roster.short_number_taken', 'Every short number of the group range is in use.', { field: 'fields.shortNumber' });
  return { number: assigned.number, source: assigned.how === 'reserved' ? 'reserved' : 'rules' };
}

function checkedMobile(db: ReadableDB, enterpriseId: string, fields: EditableFields, selfId?: string) {
  const mobile = checkMemberMobile(fields.mobile);
  if (mobile.problem)
    throw new AppError('roster.mobile_invalid', `${fields.mobile} is not a mainland mobile number.`, { field: 'fields.mobile' });
  if (!mobile.chinaMobile && !fields.portedIn)
    throw new AppError('roster.not_china_mobile', `${mobile.normalized} is not in a China Mobile range.`, {
      field: 'fields.mobile',
      details: { carrier: mobile.carrier ?? null },
    });
  const same = membersOf(db, enterpriseId).find((m) => m.mobile === mobile.normalized && m.id !== selfId);
  if (same)
    throw new AppError('roster.duplicate_mobile', `${same.name} already has ${mobile.normalized}.`, {
      field: 'fields.mobile',
      details: { name: same.name },
    });
  if (otherGroupOf(db, mobile.normalized, enterpriseId))
    throw new AppError('roster.in_other_group', `${mobile.normalized} is in another group.`, { field: 'fields.mobile' });
  return { normalized: mobile.normalized, chinaMobile: mobile.chinaMobile };
}

const columnsOf = (
  fields: EditableFields,
  mobile: { normalized: string; chinaMobile: boolean },
  number: { number: string; source: WorkingColumns['number_source'] },
  photo: string | null,
): WorkingColumns => ({
  name: fields.name,
  mobile: mobile.normalized,
  department: fields.department,
  title: fields.title,
  email: fields.email || null,
  short_number: number.number,
  number_source: number.source,
  extension: fields.extension || null,
  china_mobile: mobile.chinaMobile || fields.portedIn ? 1 : 0,
  ported_in: !mobile.chinaMobile && fields.portedIn ? 1 : 0,
  card_consent: fields.cardConsent ? 1 : 0,
  photo_sha256: photo,
});

export function addMember(ctx: WriteContext, input: ParsedInput<'roster.addMember'>): RosterMember {
  const id = ctx.newId();
  commitChanges(ctx, (db) => {
    requireEnterprise(db, input.enterpriseId);
    const mobile = checkedMobile(db, input.enterpriseId, input.fields);
    const columns = columnsOf(input.fields, mobile, numberFor(db, input.enterpriseId, input.fields, mobile.normalized), null);
    const now = ctx.now().toISOString();
    return {
      changes: [
        {
          entity: 'roster_member',
          outbox: WORKING_COPY,
          id,
          write: (db) => insertAddedMember(db, { ...columns, id, enterprise_id: input.enterpriseId }, now),
          audit: {
            action: 'roster.member_added',
            detail: { name: columns.name, mobile: columns.mobile, shortNumber: columns.short_number },
          },
        },
      ],
      result: undefined,
    };
  });
  return toMember(findMember(ctx.db, id)!);
}

/** The fields the platform is told about (a staff-card consent alone is no roster change). */
const ROSTER_COLUMNS = ['name', 'mobile', 'department', 'title', 'email', 'short_number', 'extension'] as const;

export function updateMember(ctx: WriteContext, input: ParsedInput<'roster.updateMember'>): RosterMember {
  commitChanges(ctx, (db) => {
    const member = requireMember(db, input.id);
    requireEditable(db, member);
    const mobile = checkedMobile(db, member.enterprise_id, input.fields, member.id);
    if (mobile.normalized !== member.mobile && member.base_version !== null)
      throw new AppError('roster.mobile_locked', `${member.name}'s mobile is confirmed by the platform.`, { field: 'fields.mobile' });
    const number =
      input.fields.shortNumber === member.short_number && member.short_number
        ? { number: member.short_number, source: member.number_source }
        : numberFor(db, member.enterprise_id, input.fields, mobile.normalized, member.id);
    const columns = columnsOf(input.fields, mobile, number, member.photo_sha256);
    const changed = ROSTER_COLUMNS.filter((c) => columns[c] !== member[c]);
    const change = changed.length ? changeAfterEdit(member) : member.change;
    return {
      changes: [
        {
          entity: 'roster_member',
          outbox: WORKING_COPY,
          id: member.id,
          write: (db) => updateMemberWorking(db, member.id, columns, change, ctx.now().toISOString()),
          audit: {
            action: 'roster.member_updated',
            detail: { fields: changed, ...(changed.includes('short_number') ? { shortNumber: columns.short_number } : {}) },
          },
        },
      ],
      result: undefined,
    };
  });
  return toMember(findMember(ctx.db, input.id)!);
}

export function removeMember(ctx: WriteContext, id: string): Output<'roster.removeMember'> {
  return commitChanges(ctx, (db) => {
    const member = requireMember(db, id);
    requireEditable(db, member);
    return {
      changes: [
        {
          entity: 'roster_member',
          outbox: WORKING_COPY,
          id,
          write: (db) => removeMemberRecord(db, member, ctx.now().toISOString()),
          audit: { action: 'roster.member_removed', detail: { name: member.name, mobile: member.mobile } },
        },
      ],
      result: { id, removed: removalOf(member) },
    };
  });
}

/** The values the platform confirmed, from the member's base row. */
function confirmedColumns(member: MemberRecord): WorkingColumns {
  const base = JSON.parse(member.base_json!) as Record<string, string | null>;
  return {
    ...workingColumnsOf(member),
    name: base.name ?? member.name,
    department: base.department ?? '',
    title: base.title ?? '',
    email: base.email ?? null,
    short_number: base.shortNumber ?? null,
    number_source: 'platform',
    extension: base.extension ?? null,
  };
}

export function discardChange(ctx: WriteContext, id: string): Output<'roster.discardChange'> {
  commitChanges(ctx, (db) => {
    const member = requireMember(db, id);
    requireEditable(db, member);
    const now = ctx.now().toISOString();
    const neverConfirmed = member.base_version === null;
    return {
      changes: [
        {
          entity: 'roster_member',
          outbox: WORKING_COPY,
          id,
          write: (db) => (neverConfirmed ? deleteMember(db, id) : updateMemberWorking(db, id, confirmedColumns(member), null, now)),
          audit: { action: 'roster.change_discarded', detail: { change: member.change, state: memberState(member) } },
        },
      ],
      result: undefined,
    };
  });
  const after = findMember(ctx.db, id);
  return { id, member: after ? toMember(after) : null };
}
