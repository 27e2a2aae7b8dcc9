/** Credit codes as OCR reads them: sure mappings, and for a failed check the confusable characters and the corrections that pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from '../../../shared/domain/creditCode';
import { findCreditCode, readCreditCode } from '../../../shared/domain/creditCodeReading';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const validCode = fc
  .tuple(
    fc.array(fc.constantFrom(...CHARSET), { minLength: 2, maxLength: 2 }),
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...CHARSET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => {
    const body = [...a, ...b, ...c].join('');
    return body + creditCodeCheckChar(body);
  });
/** What OCR does to one character: a look-alike the code may hold. */
const MISREADS: Record<string, string> = { '8': 'B', B: '8', '0': 'D', D: '0', '1': 'L', '6': 'G', G: '6', '5': '6', '2': '7', U: 'W' };

describe('reading a credit code', () => {
  it('maps letters a code never uses to their digits and accepts the result when it passes the check', () => {
    expect(readCreditCode('91350100M000100Y43')).toMatchObject({ code: '91350100M000100Y43', valid: true });
    expect(readCreditCode('9135O1OOMOOO1OOY43')).toMatchObject({ code: '91350100M000100Y43', valid: true });
    expect(readCreditCode('91350I00M000I00Y43')).toMatchObject({ code: '91350100M000100Y43', valid: true });
  });

  it('finds the code in an OCR line, spaces and the colon ignored', () => {
    expect(findCreditCode('统一社会信用代码：9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
    expect(findCreditCode('统一社会信用代码 9135')).toBeUndefined();
  });

  it('never reports a code with one misread character as valid, and offers the true code among the corrections (property)', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), (code, at) => {
        const misread = MISREADS[code[at]!];
        fc.pre(misread !== undefined && (at < 2 || at >= 8 || /\d/.test(misread)));
        const read = readCreditCode(code.slice(0, at) + misread + code.slice(at + 1));
        expect(read.valid).toBe(false);
        expect(read.unsure).toContain(at);
        expect(read.corrections).toContain(code);
        for (const correction of read.corrections) expect(checkCreditCode(correction).valid).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('offers nothing it cannot back: a code of the wrong length is invalid without corrections', () => {
    expect(readCreditCode('91350100M000100Y4')).toEqual({ code: '91350100M000100Y4', valid: false, unsure: [], corrections: [] });
  });
});
