/** WAP Push SI: the STANDARDS.md §5.3 test vector, xml2wbxml and the SI DTD. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSi, encodeSiDate, siDocument, toHex, wapPushMessages, type ServiceIndication } from '../../../shared/sites/push/si';
import { describeWith } from '../../helpers/systemTools';
import { writeTemp, xmllintProblems } from './oracles';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const VECTOR: ServiceIndication = {
  href: 'http://wap.example.com/',
  siId: 'ent-001',
  action: 'signal-medium',
  created: '2024-01-15T08:30:00Z',
  text: '示例企业WAP站',
};

describe('WAP Push SI (STANDARDS §5.3 vector)', () => {
  it('encodes the SI to the 64 octets of the vector', () => {
    const si = encodeSi(VECTOR);
    expect(si.length).toBe(64);
    expect(toHex(si)).toBe(
      [
        '02056a0045c60c03',
        Buffer.from('wap.example').toString('hex'),
        '00851103',
        Buffer.from('ent-001').toString('hex'),
        '00070ac306202401150830',
        '0103',
        Buffer.from('示例企业WAP站').toString('hex'),
        '000101',
      ].join(''),
    );
  });

  it('wraps it in one SMS: ports 2948/9200, WSP push of application/vnd.wap.sic, 75 octets', () => {
    const [message, ...rest] = wapPushMessages(VECTOR);
    expect(rest).toEqual([]);
    expect(toHex(message!).toUpperCase()).toBe(
      '0605040B8423F0010601AE02056A0045C60C037761702E6578616D706C6500851103656E742D30303100070AC3062024011508300103E7A4BAE4BE8BE4BC81E4B89A574150E7AB99000101',
    );
  });

  it('packs dates as BCD without trailing zero octets, and refuses other date forms', () => {
    expect(encodeSiDate('2026-09-25T00:00:00Z')).toEqual([0xc3, 0x04, 0x20, 0x26, 0x09, 0x25]);
    expect(() => encodeSiDate('2026-09-25 08:00')).toThrow();
  });

  it('splits a long SI into concatenated parts that each fit an SMS', () => {
    const parts = wapPushMessages({ ...VECTOR, text: '泉城茶业'.repeat(30) }, 7);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.length).toBeLessThanOrEqual(140);
      expect([...part.slice(0, 12)]).toEqual([0x0b, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0, 0x00, 0x03, 7, parts.length, i + 1]);
    });
  });
});

describeWith(['xmllint', 'xml2wbxml', '../shared'], 'WAP Push SI against libxml2 and libwbxml', () => {
  let dir: string;
  let cleanup: () => void;
  const hostile: ServiceIndication = {
    href: 'https://www.quanchengtea.ec.example.cn/wap/?a=1&b=<2>',
    siId: 'site-1',
    action: 'signal-high',
    created: '2026-11-16T02:00:00Z',
    expires: '2026-12-31T00:00:00Z',
    text: '泉城茶业 <script>&amp; "WAP站"',
  };
  beforeAll(() => {
    ({ dir, cleanup } = writeTemp([
      { path: 'vector.si', channel: 'sms', mime: 'text/vnd.wap.si', content: siDocument(VECTOR) },
      { path: 'hostile.si', channel: 'sms', mime: 'text/vnd.wap.si', content: siDocument(hostile) },
    ]));
  });
  afterAll(() => cleanup?.());

  it('writes SI documents valid against si.dtd', () => {
    expect(xmllintProblems(dir, ['vector.si', 'hostile.si'])).toEqual([]);
  });

  it.each([
    ['vector', VECTOR],
    ['hostile', hostile],
  ] as const)('encodes the %s SI exactly as xml2wbxml -n -v 1.2', (name, si) => {
    const out = path.join(dir, `${name}.sic`);
    execFileSync('xml2wbxml', ['-n', '-v', '1.2', '-o', out, path.join(dir, `${name}.si`)], { stdio: 'ignore' });
    expect(toHex(encodeSi(si))).toBe(toHex(readFileSync(out)));
  });
});
