/**
 * What an import would do to a group's roster: which rows add members, which change members the
 * group has (matched by mobile), which members a full-roster import removes, and the short number
 * every added or changed member ends up with. The same plan is shown as the preview and written by
 * the import, so nothing is saved that the manager has not seen.
 */
import type { PreviewMember, RefusedRow, RosterField } from '../../../../shared/domain/roster';
import { assignShortNumbers, type NumberRequest, type ShortNumberRules } from '../../../../shared/domain/shortNumbers';
import type { MemberRecord } from './repository';
import type { RowMember } from './rows';

export interface PlannedMember {
  member: RowMember;
  shortNumber: string;
  /** How the number was chosen: kept from the file, reserved for this person, or by the rules. */
  numberSource: 'file' | 'reserved' | 'rules' | 'kept';
  numberNote?: string;
}

export interface PlannedChange extends PlannedMember {
  existing: MemberRecord;
  /** The fields that change. */
  fields: string[];
}

export interface ImportPlan {
  added: PlannedMember[];
  changed: PlannedChange[];
  removed: MemberRecord[];
  unchanged: number;
  refused: RefusedRow[];
  /** Members of the group afterwards. */
  members: number;
}

/** What a member looks like after the file's given values are laid over it. */
function overlay(existing: MemberRecord, m: RowMember) {
  const given = (f: RosterField) => m.given.has(f);
  return {
    name: m.name,
    department: given('department') ? m.department : existing.department,
    title: given('title') ? m.title : existing.title,
    extension: given('extension') ? m.extension : existing.extension,
    email: given('email') ? m.email : existing.email,
  };
}

const COMPARED = ['name', 'department', 'title', 'extension', 'email'] as const;

export interface PlanOptions {
  replace: boolean;
  inOtherGroup: (mobile: string) => boolean;
  /** A member whose change waits for the platform: the file cannot change it now. */
  waiting: (member: MemberRecord) => boolean;
}

export function planImport(rows: RowMember[], existing: MemberRecord[], rules: ShortNumberRules, options: PlanOptions): ImportPlan {
  const byMobile = new Map(existing.map((r) => [r.mobile, r]));
  const refused: RefusedRow[] = [];
  const candidates: { member: RowMember; existing?: MemberRecord }[] = [];
  for (const member of rows) {
    const current = byMobile.get(member.mobile);
    if (current && options.waiting(current)) {
      refused.push({
        row: member.row,
        code: 'roster.member_pending',
        message: `${member.name}'s last change is waiting for the platform; import again once it has answered.`,
        name: member.name,
        mobile: member.mobile,
      });
      continue;
    }
    if (!current && options.inOtherGroup(member.mobile)) {
      refused.push({
        row: member.row,
        code: 'roster.in_other_group',
        message: `${member.mobile} is already a member of another enterprise's VPMN group.`,
        name: member.name,
        mobile: member.mobile,
      });
      continue;
    }
    candidates.push({ member, ...(current ? { existing: current } : {}) });
  }

  // Numbers: members not in the file keep theirs; the file's members keep a valid number they have or are given.
  const inFile = new Set(candidates.map((c) => c.member.mobile));
  const staying = existing.filter((r) => !inFile.has(r.mobile));
  const requests: NumberRequest[] = candidates.map(({ member, existing: current }, i) => ({
    key: String(i),
    name: member.name,
    mobile: member.mobile,
    department: member.given.has('department') || !current ? member.department : current.department,
    ...(member.shortNumber ? { wanted: member.shortNumber } : current?.short_number ? { wanted: current.short_number } : {}),
    ...(member.shortNumber && current?.short_number ? { fallback: current.short_number } : {}),
  }));
  const assignments = assignShortNumbers(
    requests,
    rules,
    staying.flatMap((r) => (r.short_number ? [r.short_number] : [])),
  );

  const added: PlannedMember[] = [];
  const changed: PlannedChange[] = [];
  let unchanged = 0;
  candidates.forEach(({ member, existing: current }, i) => {
    const a = assignments[i]!;
    if (a.number === null) {
      refused.push({
        row: member.row,
        code: 'roster.no_short_number',
        message: 'Every short number of the group range is in use.',
        name: member.name,
        mobile: member.mobile,
      });
      return;
    }
    const keptOwn = a.how === 'kept' && a.number === current?.short_number;
    const numberSource = keptOwn ? 'kept' : a.how === 'kept' ? 'file' : a.how === 'reserved' ? 'reserved' : 'rules';
    const planned: PlannedMember = { member, shortNumber: a.number, numberSource, ...(a.note ? { numberNote: a.note } : {}) };
    if (!current) {
      added.push(planned);
      return;
    }
    const after = overlay(current, member);
    const fields: string[] = COMPARED.filter((f) => (after[f] ?? null) !== (current[f] ?? null));
    if (a.number !== current.short_number) fields.push('shortNumber');
    if (current.change === 'remove') fields.push('restored');
    if (fields.length) changed.push({ ...planned, existing: current, fields });
    else unchanged++;
  });

  const removed = options.replace ? staying.filter((r) => r.change !== 'remove' && !options.waiting(r)) : [];
  const before = existing.filter((r) => r.change !== 'remove').length;
  const restored = changed.filter((c) => c.fields.includes('restored')).length;
  return {
    added,
    changed,
    removed,
    unchanged,
    refused: refused.sort((a, b) => a.row - b.row),
    members: before + added.length + restored - removed.length,
  };
}

/** A planned member as the preview lists it. */
export function previewOf(p: PlannedMember, existing?: MemberRecord): PreviewMember {
  const values = existing ? overlay(existing, p.member) : p.member;
  return {
    row: p.member.row,
    ...(p.member.sheet ? { sheet: p.member.sheet } : {}),
    name: values.name,
    mobile: p.member.mobile,
    department: values.department,
    title: values.title,
    shortNumber: p.shortNumber,
    extension: values.extension,
    email: values.email,
    ...(p.numberNote ? { numberNote: p.numberNote } : {}),
  };
}
