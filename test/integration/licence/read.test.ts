/**
 * The licence reader on 20 licence pictures rendered here (test/helpers/licenceImages.ts: both
 * layouts, two fonts, rotation ±5°, blur, JPEG noise, shadows) through the real OCR worker:
 * ≥ 95 % of credit codes exactly right, none wrong yet reported valid, name and address exact in
 * ≥ 90 %; bad and partial pictures give what could be read and say what could not.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCreditCode } from '../../../shared/domain/creditCode';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { licencePicture, renderLicence } from '../../helpers/licenceImages';
import { errorCode } from '../orders/support';

const PICTURES = 20;
let t: TestBackend;
beforeAll(() => void (t = createTestBackend()));
afterAll(async () => {
  t.cleanup();
  await stopOcrWorker();
});

const read = (bytes: Buffer, name = 'licence.jpg') =>
  t.call('licence.read', { source: { kind: 'file', name, base64: bytes.toString('base64') } });

describe('reading rendered licences', () => {
  it(`gets ≥ 95 % of ${PICTURES} credit codes exactly right and never reports a wrong one as valid`, async () => {
    let codesRight = 0;
    let wrongButValid = 0;
    let namesRight = 0;
    let addressesRight = 0;
    const misses: string[] = [];
    for (let i = 0; i < PICTURES; i++) {
      const picture = licencePicture(i);
      const reading = await read(await renderLicence(picture));
      const f = picture.fields;
      if (reading.creditCode === f.creditCode && reading.creditCodeValid) codesRight++;
      else
        misses.push(
          `#${i} ${picture.layout} rot ${picture.rotation} blur ${picture.blur} q${picture.quality}: ${reading.creditCode} (valid ${reading.creditCodeValid}) ≠ ${f.creditCode}; corrections ${reading.creditCodeCorrections.join(',')}`,
        );
      if (reading.creditCodeValid && reading.creditCode !== f.creditCode) wrongButValid++;
      if (reading.creditCodeValid) expect(checkCreditCode(reading.creditCode!).valid).toBe(true);
      else expect(reading.uncertain).toContain('creditCode');
      if (reading.name === f.name) namesRight++;
      if (reading.address === f.address) addressesRight++;
      expect(reading.establishedOn === null || /^\d{4}-\d{2}-\d{2}$/.test(reading.establishedOn)).toBe(true);
    }
    console.log(
      `licence OCR: credit codes ${codesRight}/${PICTURES}, wrong-as-valid ${wrongButValid}, names ${namesRight}/${PICTURES}, addresses ${addressesRight}/${PICTURES}${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(wrongButValid).toBe(0);
    expect(codesRight / PICTURES).toBeGreaterThanOrEqual(0.95);
    expect(namesRight / PICTURES).toBeGreaterThanOrEqual(0.9);
    expect(addressesRight / PICTURES).toBeGreaterThanOrEqual(0.9);
  }, 600_000);

  it('reads every field of a straight current-layout licence, with its date as ISO', async () => {
    const picture = { ...licencePicture(0), rotation: 0, blur: 0, quality: 90, shadow: false };
    const reading = await read(await renderLicence(picture));
    expect(reading).toMatchObject({ ...picture.fields, establishedOn: '2010-01-01', creditCodeValid: true, uncertain: [] });
  });

  it('gives what a partial photo shows and names what it could not read, never a guessed value', async () => {
    const whole = await renderLicence({ ...licencePicture(1), rotation: 0, blur: 0, shadow: false });
    const top = await sharp(whole).extract({ left: 0, top: 0, width: 1600, height: 560 }).jpeg().toBuffer();
    const reading = await read(top);
    expect(reading.name).toBe(licencePicture(1).fields.name);
    expect(reading.creditCodeValid).toBe(true);
    expect(reading.uncertain).toEqual(expect.arrayContaining(['legalRepresentative', 'registeredCapital', 'establishedOn']));
    expect(reading.legalRepresentative).toBeNull();
  });

  it('refuses a file that is not a picture, and a picture without text, with stable codes', async () => {
    const source = (bytes: Buffer, name: string) => ({ source: { kind: 'file' as const, name, base64: bytes.toString('base64') } });
    expect(await errorCode(t, 'licence.read', source(Buffer.from('PK\u0003\u0004 not a picture'), 'x.jpg'))).toBe('licence.unreadable');
    const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    expect(await errorCode(t, 'licence.read', source(blank, 'blank.png'))).toBe('licence.no_text');
  });
});
