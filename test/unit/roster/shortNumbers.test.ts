/** Short-number rules as properties (fast-check) over random rosters, rules and numbers members already have. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignShortNumbers,
  DEFAULT_RULES,
  FORBIDDEN_PREFIXES,
  isEasyNumber,
  numberChangeEffect,
  numberProblem,
  rulesProblems,
  SERVICE_NUMBERS,
  type NumberRequest,
  type ShortNumberRules,
} from '../../../shared/domain/shortNumbers';

const DEPARTMENTS = ['销售部', '财务部', '技术部', '行政部'];
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

/** Numbers a member may already have: valid, too short, forbidden, easy, anything. */
const wanted = fc.oneof(
  digits(6),
  fc.stringMatching(/^[2-9]\d{5}$/),
  fc.constantFrom('110110', '120000', '10086', '012345', '955880', '666666', '618888', ''),
  digits(4),
);

const request = (i: number) =>
  fc.record({
    name: fc.constantFrom('王伟', '李娜', '张敏', '刘洋', `成员${i}`),
    department: fc.constantFrom(...DEPARTMENTS, ''),
    wanted: fc.option(wanted, { nil: undefined }),
  });

const requests = fc.integer({ min: 0, max: 300 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => request(i))).map((rs) =>
    rs.map((r, i): NumberRequest => ({
      key: `m${i}`,
      name: r.name,
      mobile: `138${String(i).padStart(8, '0')}`,
      department: r.department,
      ...(r.wanted !== undefined ? { wanted: r.wanted } : {}),
    })),
  ),
);

const rules: fc.Arbitrary<ShortNumberRules> = fc.record({
  firstDigit: fc.constantFrom('2', '3', '4', '5', '6', '7', '8', '9'),
  departmentBlocks: fc
    .uniqueArray(fc.record({ department: fc.constantFrom(...DEPARTMENTS), prefix: fc.stringMatching(/^[2-8][0-4]\d{1,2}$/) }), {
      selector: (b) => b.department,
      maxLength: 3,
    })
    .filter((blocks) => rulesProblems({ firstDigit: '6', departmentBlocks: blocks, reserved: [] }).length === 0),
  reserved: fc.uniqueArray(
    fc.record({ number: fc.constantFrom('666666', '688888', '612612', '600000', '868686'), name: fc.constantFrom('王伟', '李娜', '老板') }),
    { selector: (r) => r.number, maxLength: 3 },
  ),
});

const taken = fc.uniqueArray(fc.stringMatching(/^[2-9]\d{5}$/), { maxLength: 50 });

describe('short-number assignment (properties)', () => {
  it('gives every member a unique 6-digit number that starts with no forbidden prefix and is not already taken', () => {
    fc.assert(
      fc.property(requests, rules, taken, (rs, r, others) => {
        const result = assignShortNumbers(rs, r, others);
        expect(result.map((a) => a.key)).toEqual(rs.map((q) => q.key));
        const numbers = result.map((a) => a.number);
        expect(numbers.every((n) => n !== null && /^\d{6}$/.test(n))).toBe(true);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const n of numbers as string[]) {
          expect(numberProblem(n)).toBeUndefined();
          expect(FORBIDDEN_PREFIXES.some((f) => n.startsWith(f.prefix))).toBe(false);
          expect(SERVICE_NUMBERS.some((s) => n.startsWith(s))).toBe(false);
          expect(others).not.toContain(n);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every valid number a member already has (first come when two ask for the same)', () => {
    fc.assert(
      fc.property(requests, rules, taken, (rs, r, others) => {
        const result = assignShortNumbers(rs, r, others);
        const seen = new Set(others);
        rs.forEach((q, i) => {
          const w = q.wanted;
          if (!w || numberProblem(w) || seen.has(w)) return;
          const reservation = r.reserved.find((x) => x.number === w);
          if (reservation && reservation.name !== q.name) return;
          seen.add(w);
          expect(result[i]).toMatchObject({ number: w, how: 'kept' });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never hands out an easy number by the rules, and uses the department block while it has room', () => {
    fc.assert(
      fc.property(requests, rules, (rs, r) => {
        const result = assignShortNumbers(rs, r);
        result.forEach((a, i) => {
          if (a.how === 'block' || a.how === 'range') expect(isEasyNumber(a.number!)).toBe(false);
          const block = r.departmentBlocks.find((b) => b.department === rs[i]!.department);
          if (a.how === 'block') expect(a.number!.startsWith(block!.prefix)).toBe(true);
          if (a.how === 'range') {
            expect(a.number!.startsWith(r.firstDigit)).toBe(true);
            expect(r.departmentBlocks.some((b) => a.number!.startsWith(b.prefix))).toBe(false);
          }
          if (block && a.how === 'range') expect(a.note).toBe('short_number.block_full');
        });
      }),
      { numRuns: 200 },
    );
  });

  it('gives a reserved easy number to the one person the customer named, and to nobody else', () => {
    const r: ShortNumberRules = { ...DEFAULT_RULES, reserved: [{ number: '666666', name: '王建国' }] };
    const rs: NumberRequest[] = [
      { key: 'a', name: '李娜', mobile: '13800000001', department: '', wanted: '666666' },
      { key: 'b', name: '王建国', mobile: '13800000002', department: '' },
    ];
    expect(assignShortNumbers(rs, r)).toEqual([
      expect.objectContaining({ key: 'a', how: 'range', note: 'short_number.reserved' }),
      { key: 'b', number: '666666', how: 'reserved' },
    ]);
  });

  it('assigns 10,000 members fast enough to feel instant', () => {
    const rs = Array.from({ length: 10_000 }, (_, i): NumberRequest => ({
      key: String(i),
      name: `成员${i}`,
      mobile: `138${String(i).padStart(8, '0')}`,
      department: DEPARTMENTS[i % 4]!,
    }));
    const start = performance.now();
    const result = assignShortNumbers(rs, { firstDigit: '6', departmentBlocks: [{ department: '销售部', prefix: '6100' }], reserved: [] });
    expect(performance.now() - start).toBeLessThan(2000); // the bench measures it properly
    expect(new Set(result.map((a) => a.number)).size).toBe(10_000);
    expect(result.filter((a) => a.how === 'block')).toHaveLength(
      100 - [...Array(100).keys()].filter((n) => isEasyNumber(`6100${String(n).padStart(2, '0')}`)).length,
    );
  });
});

describe('easy numbers and forbidden prefixes', () => {
  it.each(['666666', '618888', '612222', '612612', '616161', '668899', '234567', '987654', '600001'])('%s is easy', (n) =>
    expect(isEasyNumber(n)).toBe(true),
  );
  it.each(['612345', '601001', '638271', '610203'])('%s is not', (n) => expect(isEasyNumber(n)).toBe(false));
  it.each(['110000', '119119', '120123', '122000', '100860', '012345', '955881', '961234'])('%s is refused', (n) =>
    expect(numberProblem(n)).toBe('short_number.forbidden_prefix'),
  );
});

describe('changing one number shows its effect first', () => {
  const others = [
    { key: 'a', name: '王伟', shortNumber: '612345' },
    { key: 'b', name: '李娜', shortNumber: '612346' },
  ];
  const rules: ShortNumberRules = {
    firstDigit: '6',
    departmentBlocks: [{ department: '销售部', prefix: '6100' }],
    reserved: [{ number: '688888', name: '王建国' }],
  };
  const member = { key: 'a', name: '王伟', mobile: '13800000001', department: '销售部' };
  it('names who holds it, who it is reserved for, and that it leaves the department block', () => {
    expect(numberChangeEffect(member, '612346', others, rules)).toMatchObject({
      heldBy: { key: 'b', name: '李娜' },
      outsideBlock: '6100',
      easy: false,
    });
    expect(numberChangeEffect(member, '688888', others, rules)).toMatchObject({ reservedFor: '王建国', easy: true });
    expect(numberChangeEffect(member, '110123', others, rules)).toMatchObject({ problem: 'short_number.forbidden_prefix' });
    expect(numberChangeEffect(member, '610077', others, rules)).toEqual({ number: '610077', easy: false });
  });
});
