/**
 * 大写金额 as a Chinese business writes it on a document it signs (the rules of 《支付结算办法》 for
 * writing amounts in capitals): 元整 when there are no jiao or fen, one 零 for a run of zeros,
 * 零 after 元 when only fen follow, 壹拾 for ten.
 */
import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../shared/domain/amountInWords';

describe('amountInWords (fen → 大写金额)', () => {
  it.each([
    [1_234_567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [117_000, '壹仟壹佰柒拾元整'],
    [10_000, '壹佰元整'],
    [1_000, '壹拾元整'],
    [1_500, '壹拾伍元整'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [600_714, '陆仟零柒元壹角肆分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [10_050_000, '壹拾万零伍佰元整'],
    [100_000_000, '壹佰万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [200_000_000_000, '贰拾亿元整'],
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [0, '零元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('refuses what is not a whole, non-negative number of fen', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) expect(() => amountInWords(bad), String(bad)).toThrow();
  });
});
