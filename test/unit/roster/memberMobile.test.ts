/** Member mobiles: STANDARDS.md §7.3's vectors, cleaning as people type numbers, and each prefix's operator. */
import { describe, expect, it } from 'vitest';
import { carrierOfPrefix } from '../../../shared/domain/carriers';
import { checkMemberMobile } from '../../../shared/domain/memberMobile';

describe('checkMemberMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['(138) 0013.8000', '13800138000'],
    ['17031234567', '17031234567'],
  ])('%s is a China Mobile number %s', (input, normalized) =>
    expect(checkMemberMobile(input)).toEqual({ normalized, carrier: 'cmcc', chinaMobile: true }),
  );

  it.each([
    ['19212345678', 'broadnet'],
    ['18612345678', 'unicom'],
    ['13491234567', 'telecom'],
    ['15312345678', 'telecom'],
    ['15512345678', 'unicom'],
  ])('%s is a mobile of %s', (input, carrier) => expect(checkMemberMobile(input)).toMatchObject({ carrier, chinaMobile: false }));

  it.each([['12345678901'], ['1380013800'], ['138001380001'], ['10086'], ['abc']])('%s is no mobile', (input) =>
    expect(checkMemberMobile(input).problem).toBe('invalid'),
  );

  it('tells a number Excel rounded (1.38001E+10) from a mistyped one, and an empty cell from both', () => {
    expect(checkMemberMobile('1.38001E+10').problem).toBe('scientific');
    expect(checkMemberMobile('1.38E10').problem).toBe('scientific');
    expect(checkMemberMobile('  ').problem).toBe('missing');
  });

  it('finds the longest prefix (8615 is China Mobile, 153 is Telecom; 17400 Telecom)', () => {
    expect(carrierOfPrefix('15812345678')).toBe('cmcc');
    expect(carrierOfPrefix('15312345678')).toBe('telecom');
    expect(carrierOfPrefix('17400123456')).toBe('telecom');
    expect(carrierOfPrefix('13481234567')).toBe('cmcc');
  });
});
