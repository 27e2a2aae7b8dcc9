import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../../shared/sites/model';
import { isMarkedPrice, parsePrice, readPrice } from '../../../shared/sites/price';

describe('the price parser shared by the importer and the editor', () => {
  it.each([
    ['16.8万元', 16_800_000, '168000元'],
    ['1.2万', 1_200_000, '12000元'],
    ['3千元', 300_000, '3000元'],
    ['368元', 36_800, '368元'],
    ['￥1,280.50', 128_050, '1280.50元'],
    ['¥2,680', 268_000, '2680元'],
    ['１２８元', 12_800, '128元'],
    ['RMB 99', 9_900, '99元'],
    ['0.3元/张', 30, '0.30元/张'],
  ])('%s is %i fen, shown as %s', (text, fen, shown) => {
    const price = parsePrice(text)!;
    expect(price).toMatchObject({ kind: 'amount', fen });
    expect(formatPrice(price)).toBe(shown);
  });

  it('keeps ranges, units and 起', () => {
    expect(parsePrice('200-400元/颗')).toEqual({ kind: 'amount', fen: 20_000, maxFen: 40_000, unit: '颗' });
    expect(parsePrice('1.2～1.5万元/台')).toEqual({ kind: 'amount', fen: 1_200_000, maxFen: 1_500_000, unit: '台' });
    expect(parsePrice('5500元/月起')).toEqual({ kind: 'amount', fen: 550_000, unit: '月', from: true });
    expect(parsePrice('每晚288元')).toEqual({ kind: 'amount', fen: 28_800, unit: '晚' });
    expect(parsePrice('每次课120元')).toEqual({ kind: 'amount', fen: 12_000, unit: '次' });
    expect(parsePrice('每节课80元')).toEqual({ kind: 'amount', fen: 8_000, unit: '节' });
    expect(parsePrice('每课时60元')).toEqual({ kind: 'amount', fen: 6_000, unit: '课时' });
    expect(parsePrice('38.5元/500g')).toEqual({ kind: 'amount', fen: 3_850, unit: '500g' });
    expect(formatPrice(parsePrice('200-400元/颗'))).toBe('200-400元/颗');
    expect(formatPrice(parsePrice('180元起'))).toBe('180元起');
  });

  it('knows the words that stand for no amount, and shows the one the customer used', () => {
    expect(parsePrice('面议')).toEqual({ kind: 'negotiable' });
    expect(parsePrice('时价')).toEqual({ kind: 'negotiable', text: '时价' });
    expect(formatPrice(parsePrice('电议'))).toBe('电议');
    expect(formatPrice({ kind: 'negotiable' })).toBe('面议');
  });

  it('says why something is not a price', () => {
    expect(readPrice('')).toEqual({ ok: false, reason: 'empty' });
    expect(readPrice('请来电咨询')).toEqual({ ok: false, reason: 'unreadable' });
    expect(readPrice('1.234元')).toEqual({ ok: false, reason: 'unreadable' }); // no rounding to fen behind the user's back
    expect(readPrice('400-200元')).toEqual({ ok: false, reason: 'range_reversed' });
    expect(readPrice('2亿亿')).toMatchObject({ ok: false });
    expect(readPrice('200亿元')).toEqual({ ok: false, reason: 'too_large' });
  });

  it('takes a bare number for a price only where a column says so', () => {
    expect(isMarkedPrice('38')).toBe(false);
    expect(isMarkedPrice('38元')).toBe(true);
    expect(isMarkedPrice('面议')).toBe(true);
    expect(isMarkedPrice('2026')).toBe(false);
  });
});
