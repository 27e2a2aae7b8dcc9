/** Reading WAP Push back (what the ISMG simulator's handsets show): WSP push, SI WBXML, against the §5.3 vector and libwbxml. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSi, decodeWspPush, encodeSi, siDocument, wapPushMessages, type ServiceIndication } from '../../../shared/sites/push/si';
import { describeWith } from '../../helpers/systemTools';
import { writeTemp } from './oracles';

const VECTOR: ServiceIndication = {
  href: 'http://wap.example.com/',
  siId: 'ent-001',
  action: 'signal-medium',
  created: '2024-01-15T08:30:00Z',
  text: '示例企业WAP站',
};
const USER_DATA = Buffer.from(
  '0605040B8423F0010601AE02056A0045C60C037761702E6578616D706C6500851103656E742D30303100070AC3062024011508300103E7A4BAE4BE8BE4BC81E4B89A574150E7AB99000101',
  'hex',
);

describe('WAP Push decoding', () => {
  it('reads the §5.3 user data back to the SI it was made from', () => {
    const push = decodeWspPush(USER_DATA.subarray(7));
    expect(push.contentType).toBe('application/vnd.wap.sic');
    expect(decodeSi(push.body)).toEqual(VECTOR);
  });

  it('reads the content type in its general form with a charset (06 04 03 AE 81 EA)', () => {
    const body = encodeSi(VECTOR);
    const push = decodeWspPush(Uint8Array.from([0x01, 0x06, 0x04, 0x03, 0xae, 0x81, 0xea, ...body]));
    expect(push.contentType).toBe('application/vnd.wap.sic');
    expect(decodeSi(push.body)).toEqual(VECTOR);
  });

  it('round-trips hostile text, every action, expiry dates and https links', () => {
    const samples: ServiceIndication[] = [
      {
        href: 'https://www.quanchengtea.ec.example.cn/wap/?a=1&b=<2>',
        siId: 'site-1',
        action: 'signal-high',
        created: '2026-11-16T02:00:00Z',
        expires: '2026-12-31T00:00:00Z',
        text: '泉城茶业 <script>&amp; "WAP站"',
      },
      { href: 'http://www.shop.net/a.org/', action: 'delete', text: 'x' },
      { href: 'https://m.example.edu/', action: 'signal-none', text: '😀 emoji' },
    ];
    for (const si of samples) expect(decodeSi(encodeSi(si))).toEqual(si);
  });

  it('reads a long SI back from its concatenated parts', () => {
    const si = { ...VECTOR, text: '泉城茶业'.repeat(30) };
    const parts = wapPushMessages(si, 9);
    const payload = Buffer.concat(parts.map((p) => Buffer.from(p.subarray(12))));
    expect(decodeSi(decodeWspPush(payload).body)).toEqual(si);
  });

  it('refuses what is not an SI push with an Error, whatever the bytes', () => {
    expect(() => decodeWspPush(Uint8Array.from([0x01, 0x07, 0x01, 0xae]))).toThrow(/not a Push/);
    expect(() => decodeSi(encodeSi(VECTOR).subarray(0, 30))).toThrow(/truncated|unterminated/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          decodeSi(decodeWspPush(bytes).body);
        } catch (err) {
          expect(err).toBeInstanceOf(Error);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describeWith(['xml2wbxml', 'wbxml2xml'], 'WAP Push decoding against libwbxml', () => {
  let dir: string;
  let cleanup: () => void;
  const repeated: ServiceIndication = {
    href: 'http://wap.example.com/quancheng',
    siId: 'quancheng',
    action: 'signal-high',
    text: 'quancheng',
  };
  beforeAll(() => {
    ({ dir, cleanup } = writeTemp([{ path: 'repeated.si', channel: 'sms', mime: 'text/vnd.wap.si', content: siDocument(repeated) }]));
  });
  afterAll(() => cleanup?.());

  it('reads libwbxml output that uses a string table (xml2wbxml without -n)', () => {
    const out = path.join(dir, 'repeated.sic');
    execFileSync('xml2wbxml', ['-v', '1.2', '-o', out, path.join(dir, 'repeated.si')], { stdio: 'ignore' });
    const bytes = readFileSync(out);
    expect(bytes[3]).toBeGreaterThan(0); // a string table is there
    expect(decodeSi(bytes)).toEqual(repeated);
  });

  it('agrees with wbxml2xml on what our encoder wrote', () => {
    const file = path.join(dir, 'vector.sic');
    writeFileSync(file, encodeSi(VECTOR));
    const xml = execFileSync('wbxml2xml', ['-o', '-', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(xml).toContain(`href="${VECTOR.href}"`);
    expect(xml).toContain(`>${VECTOR.text}</indication>`);
    expect(decodeSi(readFileSync(file))).toEqual(VECTOR);
  });
});
