/** MT parts as CMPP carries them (STANDARDS §4.3, §5.3) and the checks an MT request passes before it is stored. */
import { describe, expect, it } from 'vitest';
import { countSms } from '../../shared/sites/sms/count';
import { MSG_FMT } from '../src/sms/cmpp/codec';
import { prepareMt, SmsInputError, type MtRequest } from '../src/sms/mt';
import { decodeText, pushParts, splitUdh, textParts } from '../src/sms/userData';

const r = (s: string, n: number) => s.repeat(n);
const ucs2Units = (part: { content: Buffer; tpUdhi: number }) => (part.content.length - (part.tpUdhi ? 6 : 0)) / 2;

describe('text parts (UCS-2, Msg_Fmt 8)', () => {
  it('sends up to 70 characters as one part without a header', () => {
    const [part, ...rest] = textParts(r('中', 70), 5);
    expect(rest).toEqual([]);
    expect(part).toMatchObject({ tpUdhi: 0, msgFmt: MSG_FMT.ucs2 });
    expect(part!.content.length).toBe(140);
    expect(part!.content.subarray(0, 2).toString('hex')).toBe('4e2d');
  });

  it('cuts longer texts into 67-character parts, each with 05 00 03 ref n i', () => {
    const parts = textParts(r('中', 135), 0x2a);
    expect(parts.map(ucs2Units)).toEqual([67, 67, 1]);
    parts.forEach((part, i) => {
      expect(part).toMatchObject({ tpUdhi: 1, msgFmt: MSG_FMT.ucs2 });
      expect([...part.content.subarray(0, 6)]).toEqual([0x05, 0x00, 0x03, 0x2a, 3, i + 1]);
      expect(part.content.length).toBeLessThanOrEqual(140);
    });
  });

  it('never splits a surrogate pair: that part carries 66 units', () => {
    const text = r('中', 66) + '😀' + r('中', 66);
    const parts = textParts(text, 1);
    expect(parts.map(ucs2Units)).toEqual([66, 67, 1]);
    expect(parts.map((p) => decodeText(p.msgFmt, splitUdh(p.content).payload)).join('')).toBe(text);
  });

  it('makes as many parts as the STANDARDS §4.4 air count for UCS-2 texts, and 8 for 500 characters', () => {
    for (const text of [
      r('中', 71),
      r('中', 134),
      r('A', 159) + '中',
      r('😀', 36),
      r('中', 66) + '😀' + r('中', 66),
      '【示例企业】' + r('中', 64),
    ]) {
      expect(textParts(text, 0)).toHaveLength(countSms(text).airSegments);
    }
    const five = r('泉城茶业欢迎您', 72).slice(0, 500);
    const parts = textParts(five, 0);
    expect(parts).toHaveLength(8);
    expect(parts.map((p) => decodeText(p.msgFmt, splitUdh(p.content).payload)).join('')).toBe(five);
  });
});

describe('WAP Push parts (binary, Msg_Fmt 4)', () => {
  it('carries the §5.3 75 octets with TP_udhi 1', () => {
    const [part, ...rest] = pushParts(
      { href: 'http://wap.example.com/', siId: 'ent-001', action: 'signal-medium', created: '2024-01-15T08:30:00Z', text: '示例企业WAP站' },
      0,
    );
    expect(rest).toEqual([]);
    expect(part).toMatchObject({ tpUdhi: 1, msgFmt: MSG_FMT.binary });
    expect(part!.content.toString('hex').toUpperCase()).toBe(
      '0605040B8423F0010601AE02056A0045C60C037761702E6578616D706C6500851103656E742D30303100070AC3062024011508300103E7A4BAE4BE8BE4BC81E4B89A574150E7AB99000101',
    );
    expect(splitUdh(part!.content).udh).toEqual({ ports: { dest: 2948, src: 9200 } });
  });
});

describe('UDH', () => {
  it('reads 8- and 16-bit concatenation and refuses headers that run past the data or count from 0', () => {
    expect(splitUdh(Buffer.from('0500030a0302ff', 'hex'))).toEqual({
      udh: { concat: { ref: 10, total: 3, index: 2 } },
      payload: Buffer.from('ff', 'hex'),
    });
    expect(splitUdh(Buffer.from('060804beef0201', 'hex')).udh).toEqual({ concat: { ref: 0xbeef, total: 2, index: 1 } });
    expect(() => splitUdh(Buffer.from('0900030a03', 'hex'))).toThrow(RangeError);
    expect(() => splitUdh(Buffer.from('050003010300', 'hex'))).toThrow(RangeError);
    expect(() => splitUdh(Buffer.alloc(0))).toThrow(RangeError);
  });

  it('decodes ASCII, UCS-2 and GB 18030 text, and nothing for binary', () => {
    expect(decodeText(0, Buffer.from('TD'))).toBe('TD');
    expect(decodeText(8, Buffer.from('4f60597d', 'hex'))).toBe('你好');
    expect(decodeText(15, Buffer.from('c4e3bac3', 'hex'))).toBe('你好');
    expect(decodeText(4, Buffer.from('00', 'hex'))).toBeNull();
  });
});

describe('MT requests', () => {
  const code = (request: MtRequest) => {
    try {
      prepareMt(request);
      return null;
    } catch (err) {
      return err instanceof SmsInputError ? `${err.code} ${err.field}` : String(err);
    }
  };

  it('accepts a mainland mobile in its usual spellings', () => {
    expect(prepareMt({ to: '+86 138-0013-8000', text: '您好' })).toMatchObject({
      mobile: '13800138000',
      kind: 'text',
      partCount: 1,
      extension: '',
    });
  });

  it('refuses bad input with stable codes', () => {
    expect(code({ to: '12345678901', text: 'x' })).toBe('sms.invalid_mobile to');
    expect(code({ to: '13800138000', text: 'x', extension: '10a' })).toBe('sms.invalid_extension extension');
    expect(code({ to: '13800138000', text: ' \u0000\u0007 ' })).toBe('sms.empty_text text');
    expect(code({ to: '13800138000' })).toBe('sms.text_or_push text');
    expect(code({ to: '13800138000', text: 'x', wapPush: { href: 'http://a.cn/', text: 'x' } })).toBe('sms.text_or_push text');
    expect(code({ to: '13800138000', text: r('中', 67 * 255 + 1) })).toBe('sms.too_long text');
    expect(code({ to: '13800138000', wapPush: { href: 'javascript:alert(1)', text: 'x' } })).toBe('sms.invalid_push wapPush.href');
    expect(code({ to: '13800138000', wapPush: { href: 'http://a.cn/', text: 'x', created: 'yesterday' } })).toBe(
      'sms.invalid_push wapPush',
    );
  });

  it('drops control characters and lone surrogates from the text before it is counted and sent', () => {
    const prepared = prepareMt({ to: '13800138000', text: '泉城\u0000茶业\u001b\ud800！' });
    expect(prepared.body).toBe('泉城茶业！');
    expect(decodeText(MSG_FMT.ucs2, prepared.parts(0)[0]!.content)).toBe('泉城茶业！');
  });
});
