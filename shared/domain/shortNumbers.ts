/**
 * VPMN short numbers (集团短号): 6 digits, unique in the group, chosen by rules the customer
 * manager can see and change. Pure and deterministic: the same roster and rules give the same
 * numbers on every machine.
 *
 * - The first digit is chosen per group (default 6); a number never starts with 0 (the trunk
 *   prefix) or 1 (emergency and service numbers: 110, 112, 119, 120, 122, 10086, 12345 …), nor
 *   with 95 or 96 (national and local service hotlines, 95588, 96xxx): dialled inside the group a
 *   short number must not be taken for one of them.
 * - Valid numbers a member already has (from the file or the roster) are kept.
 * - A department can get its own block (销售部 → 6100xx); others draw from the group's range.
 * - Easy numbers (靓号: 666666, 618888, 612612 …) are never handed out by the rules; the customer
 *   names who gets them (`reserved`).
 */
import { z } from 'zod';

export const SHORT_NUMBER_LENGTH = 6;
export const DEFAULT_FIRST_DIGIT = '6';

/** Prefixes no short number may start with, and why (shown to the manager). */
export const FORBIDDEN_PREFIXES: readonly { prefix: string; why: string }[] = [
  { prefix: '0', why: '长途字冠' },
  { prefix: '1', why: '紧急与特服号码（110、112、119、120、122、10086、12345 等）' },
  { prefix: '95', why: '全国客服热线（95xxx）' },
  { prefix: '96', why: '地方公共服务号码（96xxx）' },
];

/** The emergency and service numbers the rules keep clear of (all covered by FORBIDDEN_PREFIXES). */
export const SERVICE_NUMBERS = [
  '110',
  '112',
  '114',
  '119',
  '120',
  '122',
  '10000',
  '10010',
  '10086',
  '12315',
  '12345',
  '95588',
  '96110',
] as const;

const sixDigits = z.string().regex(/^\d{6}$/, { message: 'short_number.length' });

export const departmentBlockSchema = z.object({
  department: z.string().trim().min(1).max(50),
  /** 2–5 digits: the block is every number starting with it (6100 → 610000–610099). */
  prefix: z.string().regex(/^[2-9]\d{1,4}$/, { message: 'short_number.block_prefix' }),
});
export type DepartmentBlock = z.infer<typeof departmentBlockSchema>;

export const reservationSchema = z.object({
  number: sixDigits,
  /** Who the customer named for it: matched by mobile when given, else by name. */
  name: z.string().trim().min(1).max(50),
  mobile: z
    .string()
    .regex(/^\d{11}$/)
    .optional(),
});
export type Reservation = z.infer<typeof reservationSchema>;

export const shortNumberRulesSchema = z.object({
  firstDigit: z.string().regex(/^[2-9]$/, { message: 'short_number.first_digit' }),
  departmentBlocks: z.array(departmentBlockSchema).max(100),
  reserved: z.array(reservationSchema).max(1000),
});
export type ShortNumberRules = z.infer<typeof shortNumberRulesSchema>;

export const DEFAULT_RULES: ShortNumberRules = { firstDigit: DEFAULT_FIRST_DIGIT, departmentBlocks: [], reserved: [] };

/** Why a number cannot be used at all (whoever asks). */
export type NumberProblem = 'short_number.length' | 'short_number.forbidden_prefix';

export function numberProblem(number: string): NumberProblem | undefined {
  if (!/^\d{6}$/.test(number)) return 'short_number.length';
  if (FORBIDDEN_PREFIXES.some((f) => number.startsWith(f.prefix))) return 'short_number.forbidden_prefix';
  return undefined;
}

/** 靓号: runs of four, a triple at the end, ABABAB, ABCABC, AABBCC, six digits in a row. */
export function isEasyNumber(n: string): boolean {
  if (/(\d)\1{3}/.test(n) || /(\d)\1\1$/.test(n)) return true;
  if (/^(\d\d)\1\1$/.test(n) || /^(\d{3})\1$/.test(n) || /^(\d)\1(\d)\2(\d)\3$/.test(n)) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < n.length; i++) {
    const step = n.charCodeAt(i) - n.charCodeAt(i - 1);
    up &&= step === 1;
    down &&= step === -1;
  }
  return up || down;
}

/** Problems of the rules themselves (overlapping blocks, forbidden prefixes, one number reserved twice). */
export function rulesProblems(rules: ShortNumberRules): { code: string; detail: string }[] {
  const problems: { code: string; detail: string }[] = [];
  const blocks = rules.departmentBlocks;
  blocks.forEach((b, i) => {
    if (FORBIDDEN_PREFIXES.some((f) => b.prefix.startsWith(f.prefix)))
      problems.push({ code: 'short_number.forbidden_prefix', detail: b.prefix });
    blocks.slice(i + 1).forEach((other) => {
      if (other.department === b.department) problems.push({ code: 'short_number.block_department_twice', detail: b.department });
      if (other.prefix.startsWith(b.prefix) || b.prefix.startsWith(other.prefix))
        problems.push({ code: 'short_number.blocks_overlap', detail: `${b.prefix} ${other.prefix}` });
    });
  });
  const reserved = new Set<string>();
  for (const r of rules.reserved) {
    if (numberProblem(r.number)) problems.push({ code: 'short_number.forbidden_prefix', detail: r.number });
    if (reserved.has(r.number)) problems.push({ code: 'short_number.reserved_twice', detail: r.number });
    reserved.add(r.number);
  }
  return problems;
}

export interface NumberRequest {
  /** Whose number it is (a member id or a row key); returned as given. */
  key: string;
  name: string;
  mobile: string;
  department: string;
  /** The number the member has or the file gives; kept when it can be. */
  wanted?: string;
  /** Kept instead when `wanted` cannot be (the number a member has when the file asks for another). */
  fallback?: string;
}

export type AssignmentNote =
  | 'short_number.length'
  | 'short_number.forbidden_prefix'
  | 'short_number.taken'
  | 'short_number.reserved'
  | 'short_number.block_full'
  | 'short_number.exhausted';

export interface Assignment {
  key: string;
  /** null only when the group's range is full. */
  number: string | null;
  how: 'kept' | 'reserved' | 'block' | 'range';
  /** Why a wanted number was not kept, or why the block could not be used. */
  note?: AssignmentNote;
}

/** The numbers one block or the group's range covers, lowest first. */
interface Pool {
  start: number;
  end: number;
  /** Next candidate to look at (numbers below it are all used). */
  next: number;
}

const poolOf = (prefix: string): Pool => {
  const size = 10 ** (SHORT_NUMBER_LENGTH - prefix.length);
  const start = Number(prefix) * size;
  return { start, end: start + size, next: start };
};

const asNumber = (n: number) => String(n).padStart(SHORT_NUMBER_LENGTH, '0');

function indexBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  list.forEach((item, i) => {
    const at = index.get(keyOf(item));
    if (at) at.push(i);
    else index.set(keyOf(item), [i]);
  });
  return index;
}

/**
 * Gives every request a number. `taken` holds the numbers of members not in `requests` (they keep
 * theirs). Requests are served in order: a wanted number two requests share goes to the first.
 */
export function assignShortNumbers(
  requests: readonly NumberRequest[],
  rules: ShortNumberRules,
  taken: Iterable<string> = [],
): Assignment[] {
  const used = new Uint8Array(10 ** SHORT_NUMBER_LENGTH);
  for (const n of taken) if (/^\d{6}$/.test(n)) used[Number(n)] = 1;
  const reservedFor = new Map(rules.reserved.map((r) => [r.number, r]));
  const isReservedFor = (number: string, request: NumberRequest) => {
    const r = reservedFor.get(number);
    return !r || (r.mobile ? r.mobile === request.mobile : r.name === request.name);
  };

  const results: (Assignment | undefined)[] = requests.map(() => undefined);
  const notes = new Map<number, AssignmentNote>();
  // 1. Keep every valid wanted number (first come).
  const problemOf = (number: string, request: NumberRequest): AssignmentNote | undefined =>
    numberProblem(number) ??
    (used[Number(number)] ? 'short_number.taken' : !isReservedFor(number, request) ? 'short_number.reserved' : undefined);
  requests.forEach((request, i) => {
    const wanted = request.wanted?.trim();
    if (!wanted) return;
    const problem = problemOf(wanted, request);
    const fallback = problem && request.fallback && !problemOf(request.fallback, request) ? request.fallback : undefined;
    if (problem) notes.set(i, problem);
    const kept = problem ? fallback : wanted;
    if (!kept) return;
    used[Number(kept)] = 1;
    results[i] = { key: request.key, number: kept, how: 'kept', ...(problem ? { note: problem } : {}) };
  });
  // 2. Numbers the customer reserved for named people.
  const byName = indexBy(requests, (q) => q.name);
  const byMobile = indexBy(requests, (q) => q.mobile);
  for (const r of rules.reserved) {
    if (used[Number(r.number)] || numberProblem(r.number)) continue;
    const matches = ((r.mobile ? byMobile.get(r.mobile) : byName.get(r.name)) ?? []).filter((i) => !results[i]);
    if (matches.length !== 1) continue; // nobody, or two people of that name: the manager decides
    const i = matches[0]!;
    used[Number(r.number)] = 1;
    results[i] = { key: requests[i]!.key, number: r.number, how: 'reserved', ...(notes.has(i) ? { note: notes.get(i)! } : {}) };
  }
  // 3. The rest from their department's block or the group's range, lowest free number first.
  const blocks = new Map(rules.departmentBlocks.map((b) => [b.department, poolOf(b.prefix)]));
  const inBlock = (n: number) => rules.departmentBlocks.some((b) => asNumber(n).startsWith(b.prefix));
  const range = poolOf(rules.firstDigit);
  const usable = (n: number, pool: Pool) => {
    if (used[n]) return false;
    const s = asNumber(n);
    return !isEasyNumber(s) && !reservedFor.has(s) && (pool !== range || !inBlock(n));
  };
  const draw = (pool: Pool): number | undefined => {
    while (pool.next < pool.end && !usable(pool.next, pool)) pool.next++;
    if (pool.next >= pool.end) return undefined;
    used[pool.next] = 1;
    return pool.next++;
  };
  requests.forEach((request, i) => {
    if (results[i]) return;
    const note = notes.get(i);
    const block = blocks.get(request.department.trim());
    const fromBlock = block ? draw(block) : undefined;
    if (fromBlock !== undefined) {
      results[i] = { key: request.key, number: asNumber(fromBlock), how: 'block', ...(note ? { note } : {}) };
      return;
    }
    const fromRange = draw(range);
    const rangeNote: AssignmentNote | undefined =
      fromRange === undefined ? 'short_number.exhausted' : block ? 'short_number.block_full' : note;
    results[i] = {
      key: request.key,
      number: fromRange === undefined ? null : asNumber(fromRange),
      how: 'range',
      ...(rangeNote ? { note: rangeNote } : {}),
    };
  });
  return results as Assignment[];
}

/** What changing one member's number to `number` would do, before anything is saved. */
export interface NumberChangeEffect {
  number: string;
  problem?: NumberProblem;
  /** The member who has it now (they would need another). */
  heldBy?: { key: string; name: string };
  /** Reserved by the customer for someone else. */
  reservedFor?: string;
  easy: boolean;
  /** The member's department has a block and the number is outside it. */
  outsideBlock?: string;
}

export function numberChangeEffect(
  member: { key: string; department: string; name: string; mobile: string },
  number: string,
  others: readonly { key: string; name: string; shortNumber: string | null }[],
  rules: ShortNumberRules,
): NumberChangeEffect {
  const problem = numberProblem(number);
  const holder = others.find((o) => o.key !== member.key && o.shortNumber === number);
  const reservation = rules.reserved.find((r) => r.number === number);
  const reservedForOther = reservation && (reservation.mobile ? reservation.mobile !== member.mobile : reservation.name !== member.name);
  const block = rules.departmentBlocks.find((b) => b.department === member.department.trim());
  return {
    number,
    ...(problem ? { problem } : {}),
    ...(holder ? { heldBy: { key: holder.key, name: holder.name } } : {}),
    ...(reservedForOther ? { reservedFor: reservation.name } : {}),
    easy: !problem && isEasyNumber(number),
    ...(block && !number.startsWith(block.prefix) ? { outsideBlock: block.prefix } : {}),
  };
}
