/** Mainland mobiles per libphonenumber's current CN metadata (issue 8 item 19). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CN_PHONE_METADATA } from '../../../shared/domain/cnPhoneMetadata';
import { checkMobile } from '../../../shared/domain/mobile';

describe('checkMobile', () => {
  it('accepts allocated mobile ranges in their usual spellings, hinting China Mobile prefixes (STANDARDS §7.3)', () => {
    expect(checkMobile('13800138000')).toEqual({ valid: true, normalized: '13800138000', chinaMobilePrefix: true });
    expect(checkMobile('+86 138-0013-8000')).toEqual({ valid: true, normalized: '13800138000', chinaMobilePrefix: true });
    expect(checkMobile('17031234567')).toMatchObject({ valid: true, chinaMobilePrefix: true });
    for (const other of ['19212345678', '18612345678', '13491234567'])
      expect(checkMobile(other), other).toMatchObject({ valid: true, chinaMobilePrefix: false });
  });

  it('refuses numbers in unallocated ranges, which the 1[3-9] pattern let through', () => {
    for (const number of ['14401234567', '14001234567', '14101234567', '15401234567', '16301234567', '17901234567', '19401234567'])
      expect(checkMobile(number), number).toMatchObject({ valid: false, chinaMobilePrefix: false });
  });

  it('refuses what is not 11 digits or not a mobile', () => {
    for (const number of ['12345678901', '1380013800', '138001380001', '053188888888', '10086'])
      expect(checkMobile(number).valid, number).toBe(false);
  });
});

describe('the CN metadata the app carries', () => {
  it('is the CN part of the installed libphonenumber-js max metadata (regenerate with scripts/cn-phone-metadata.mjs after an update)', () => {
    const require = createRequire(import.meta.url);
    const max = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.max.json'), 'utf8')) as {
      version: number;
      countries: Record<string, unknown>;
    };
    expect(CN_PHONE_METADATA).toEqual({
      version: max.version,
      country_calling_codes: { '86': ['CN'] },
      countries: { CN: max.countries.CN },
      nonGeographic: {},
    });
  });
});
