/**
 * The licence reader takes the picture formats intake photos take: an iPhone HEIC photo, a BMP
 * from an old scanner, a TIFF scan. Each is made a JPEG first (in the read worker, as intake
 * photos are); that JPEG is read by OCR and kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { bmpOf } from '../../fixtures/materials/make/formats';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { licencePicture, renderLicence } from '../../helpers/licenceImages';
import { FIXTURES_DIR } from '../../helpers/paths';
import { errorCode } from '../orders/support';

let t: TestBackend;
let jpeg: Buffer;
beforeAll(async () => {
  t = createTestBackend();
  jpeg = await renderLicence({ ...licencePicture(1), rotation: 0, blur: 0, quality: 90, shadow: false });
});
afterAll(async () => {
  t.cleanup();
  await stopOcrWorker();
  await stopReadWorker();
});

const read = (bytes: Buffer, name: string) =>
  t.call('licence.read', { source: { kind: 'file', name, base64: bytes.toString('base64') }, keep: true });

describe('licence pictures in other formats', () => {
  it('reads a BMP and a TIFF of the licence as it reads the JPEG, and keeps a JPEG', async () => {
    const fields = licencePicture(1).fields;
    for (const [name, bytes] of [
      ['营业执照.bmp', await bmpOf(jpeg)],
      ['营业执照.tif', await sharp(jpeg).tiff().toBuffer()],
    ] as const) {
      const reading = await read(bytes, name);
      expect([reading.creditCode, reading.creditCodeValid, reading.name], name).toEqual([fields.creditCode, true, fields.name]);
      expect(reading.photo?.mime, name).toBe('image/jpeg');
    }
  }, 120_000);

  it('reads an iPhone HEIC photo of the licence and keeps it as a JPEG; a damaged BMP is named unreadable', async () => {
    const heic = readFileSync(path.join(FIXTURES_DIR, 'formats', '营业执照.heic'));
    const reading = await read(heic, '营业执照.heic');
    expect([reading.creditCode, reading.creditCodeValid, reading.name]).toEqual([
      licencePicture(1).fields.creditCode,
      true,
      licencePicture(1).fields.name,
    ]);
    expect(reading.photo?.mime).toBe('image/jpeg');
    const broken = (await bmpOf(jpeg)).subarray(0, 300);
    expect(
      await errorCode(t, 'licence.read', { source: { kind: 'file', name: '坏.bmp', base64: broken.toString('base64') }, keep: false }),
    ).toBe('licence.unreadable');
  }, 60_000);
});
