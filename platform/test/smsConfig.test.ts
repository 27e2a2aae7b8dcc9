/** The platform's CMPP flags: a link configuration, or an error naming the bad flag. */
import { describe, expect, it } from 'vitest';
import { parseHostPort, smsConfigFromFlags } from '../src/sms/config';
import { LINK_DEFAULTS } from '../src/sms/link';

const GOOD = { ismg: '10.1.2.3:7890', 'sp-id': '900001', 'sp-secret': 's3cret', 'service-code': '10658000' };

describe('CMPP flags', () => {
  it('means no link without --ismg', () => {
    expect(smsConfigFromFlags({})).toBeNull();
  });

  it('builds the link from the flags, defaults for the rest', () => {
    expect(smsConfigFromFlags(GOOD)).toEqual({
      ...LINK_DEFAULTS,
      host: '10.1.2.3',
      port: 7890,
      spId: '900001',
      secret: 's3cret',
      serviceCode: '10658000',
    });
    expect(smsConfigFromFlags({ ...GOOD, 'cmpp-version': '3', 'cmpp-window': '32', 'service-id': 'QCTEA' })).toMatchObject({
      version: 3,
      window: 32,
      serviceId: 'QCTEA',
    });
  });

  it('reads host:port, IPv6 in brackets', () => {
    expect(parseHostPort('[::1]:7890')).toEqual({ host: '::1', port: 7890 });
    expect(() => parseHostPort('ismg.example.com')).toThrow(/HOST:PORT/);
    expect(() => parseHostPort('ismg:70000')).toThrow(/HOST:PORT/);
  });

  it('names the flag that is wrong', () => {
    expect(() => smsConfigFromFlags({ ...GOOD, 'sp-id': '9000012' })).toThrow(/--sp-id/);
    expect(() => smsConfigFromFlags({ ...GOOD, 'sp-secret': '' })).toThrow(/--sp-secret/);
    expect(() => smsConfigFromFlags({ ...GOOD, 'service-code': '1065-8000' })).toThrow(/--service-code/);
    expect(() => smsConfigFromFlags({ ...GOOD, 'cmpp-version': '2.1' })).toThrow(/--cmpp-version/);
    expect(() => smsConfigFromFlags({ ...GOOD, 'cmpp-window': '0' })).toThrow(/--cmpp-window/);
    expect(() => smsConfigFromFlags({ ...GOOD, 'service-id': '业务代码' })).toThrow(/--service-id/);
  });
});
