import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countSms, countWithSignature, ucs2Segments } from '../../../shared/sites/sms/count';

const r = (s: string, n: number) => s.repeat(n);

/** STANDARDS.md §4.4, row by row: input, encoding, units, air segments, China billing (null = provider-specific / none). */
const VECTORS: [string, string, 'gsm7' | 'ucs2', number, number, number | null][] = [
  ['""', '', 'gsm7', 0, 1, null],
  ['A×160', r('A', 160), 'gsm7', 160, 1, 3],
  ['A×161', r('A', 161), 'gsm7', 161, 2, 3],
  ['A×306', r('A', 306), 'gsm7', 306, 2, 5],
  ['A×307', r('A', 307), 'gsm7', 307, 3, 5],
  ['{×80', r('{', 80), 'gsm7', 160, 1, 2],
  ['{×81', r('{', 81), 'gsm7', 162, 2, 2],
  ['€+A×159', '€' + r('A', 159), 'gsm7', 161, 2, 3],
  ['A×152+€+A×152', r('A', 152) + '€' + r('A', 152), 'gsm7', 306, 3, 5],
  ['price €10 [ok]', 'price €10 [ok]', 'gsm7', 17, 1, 1],
  ['中×70', r('中', 70), 'ucs2', 70, 1, 1],
  ['中×71', r('中', 71), 'ucs2', 71, 2, 2],
  ['中×134', r('中', 134), 'ucs2', 134, 2, 2],
  ['中×135', r('中', 135), 'ucs2', 135, 3, 3],
  ['A×159+中', r('A', 159) + '中', 'ucs2', 160, 3, 3],
  ['😀×35', r('😀', 35), 'ucs2', 70, 1, null],
  ['😀×36', r('😀', 36), 'ucs2', 72, 2, null],
  ['中×66+😀+中×66', r('中', 66) + '😀' + r('中', 66), 'ucs2', 134, 3, null],
  ['【示例企业】+中×64', '【示例企业】' + r('中', 64), 'ucs2', 70, 1, 1],
  ['ç', 'ç', 'ucs2', 1, 1, 1],
];

describe('SMS counting (STANDARDS §4.4)', () => {
  it.each(VECTORS)('%s', (_name, text, encoding, _units, air, billing) => {
    const count = countSms(text);
    expect(count.encoding).toBe(encoding);
    expect(count.airSegments).toBe(air);
    if (billing !== null) expect(count.messages).toBe(billing);
  });

  it('bills by characters: 68 → 1, 134 → 2, 135 → 3, 160 → 3 (Aliyun/Huawei examples)', () => {
    expect([68, 134, 135, 160].map((n) => countSms(r('字', n)).messages)).toEqual([1, 2, 3, 3]);
    expect(countSms('').messages).toBe(0);
  });

  it('counts the 【signature】 with its brackets', () => {
    expect(countWithSignature(r('中', 64), '示例企业')).toEqual(countSms('【示例企业】' + r('中', 64)));
    expect(countWithSignature(r('中', 65), '示例企业').messages).toBe(2);
  });
});

describe('billing what is submitted (issue 8 item 19)', () => {
  it('bills a text that goes out in 3 parts as 3, an emoji costing its 2 units and never split', () => {
    const text = r('中', 66) + '😀' + r('中', 66);
    expect(ucs2Segments(text)).toHaveLength(3);
    expect(countSms(text).messages).toBe(3);
  });

  it('bills exactly the parts the link submits, for any text', () => {
    const units = fc.constantFrom('中', 'A', '😀', '€', ' ', '，', '𠀀');
    fc.assert(
      fc.property(fc.array(units, { minLength: 30, maxLength: 300, size: 'max' }), (pieces) => {
        const text = pieces.join('');
        expect(countSms(text).messages).toBe(text ? ucs2Segments(text).length : 0);
      }),
      { numRuns: 2000 },
    );
  });
});
