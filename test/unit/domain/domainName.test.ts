/**
 * Own domains per IDNA 2008 as UTS #46 processing plus RFC 5892's code point rules give them (what
 * Python's `idna` package does): symbols and emoji are refused although UTS #46 alone allows them.
 */
import { describe, expect, it } from 'vitest';
import { checkDomain } from '../../../shared/domain/domainName';

describe('checkDomain', () => {
  it('accepts Chinese and Latin names, giving the A-label form DNS needs', () => {
    expect(checkDomain('中国移动.中国')).toMatchObject({ valid: true, ascii: 'xn--fiq02ib9d179b.xn--fiqs8s', unicode: '中国移动.中国' });
    expect(checkDomain('示例企业.公司')).toMatchObject({ valid: true, ascii: 'xn--vhquv3m109k.xn--55qx5d' });
    expect(checkDomain('例子.cn')).toMatchObject({ valid: true, ascii: 'xn--fsqu00a.cn' });
    expect(checkDomain('Shop-01.example.com.cn')).toMatchObject({ valid: true, ascii: 'shop-01.example.com.cn' });
    expect(checkDomain('a--b.cn').valid).toBe(true);
    expect(checkDomain('straße.de')).toMatchObject({ valid: true, ascii: 'xn--strae-oqa.de' });
  });

  it('refuses emoji and symbols, which IDNA 2008 disallows (UTS #46 marks them NV8)', () => {
    for (const name of ['😀.cn', '♥.cn', 'shop♥.com.cn', '茶☕.cn', 'xn--e28h.cn', 'xn--g6h.cn'])
      expect(checkDomain(name), name).toMatchObject({ valid: false, error: { code: 'domain.disallowed_character' } });
    expect(checkDomain('♥.cn').error).toMatchObject({ character: '♥' });
  });

  it('applies the contextual rules: a middle dot only between two l (Catalan), a katakana middle dot only among kana or Han', () => {
    expect(checkDomain('a·b.cn')).toMatchObject({ valid: false, error: { code: 'domain.disallowed_character', character: '·' } });
    expect(checkDomain('col·legi.cat').valid).toBe(true);
    expect(checkDomain('a・b.cn').valid).toBe(false);
    expect(checkDomain('カ・ナ.jp').valid).toBe(true);
  });

  it('still refuses what LDH rules refuse', () => {
    for (const name of ['-bad.cn', 'ab--c.cn', 'a_b.cn', `${'a'.repeat(64)}.cn`]) expect(checkDomain(name).valid, name).toBe(false);
  });

  it('takes a trailing 。 like a trailing .', () => {
    for (const name of ['example.cn.', 'example.cn。', 'example。cn。', '例子．cn｡'])
      expect(checkDomain(name), name).toMatchObject({ valid: true });
    expect(checkDomain('example.cn。').ascii).toBe('example.cn');
    expect(checkDomain('例子．cn｡').ascii).toBe('xn--fsqu00a.cn');
    expect(checkDomain('example.cn..').valid).toBe(false);
  });
});
