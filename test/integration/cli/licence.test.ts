/** `ecw licence read IMAGE --json`: the shape scripts rely on (issue 12), through the real OCR worker. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { tempDir } from '../../helpers/backend';
import { licencePicture, renderLicence } from '../../helpers/licenceImages';
import { ecw } from './support';

afterAll(() => stopOcrWorker());

describe('ecw licence read', () => {
  it('prints exactly {name, creditCode, creditCodeValid, type, legalRepresentative, registeredCapital, establishedOn, address, uncertain}', async () => {
    const picture = { ...licencePicture(3), rotation: 2, blur: 0 };
    const file = path.join(tempDir(), '营业执照.jpg');
    writeFileSync(file, await renderLicence(picture));
    const run = await ecw('--data-dir', tempDir(), 'licence', 'read', file, '--json');
    expect(run.code).toBe(0);
    const f = picture.fields;
    const [y, m, d] = f.establishedOn.match(/\d+/g)!;
    expect(run.json).toEqual({
      name: f.name,
      creditCode: f.creditCode,
      creditCodeValid: true,
      type: f.type,
      legalRepresentative: f.legalRepresentative,
      registeredCapital: f.registeredCapital,
      establishedOn: `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`,
      address: f.address,
      uncertain: [],
    });
    expect(Object.keys(run.json as object)).toEqual([
      'name',
      'creditCode',
      'creditCodeValid',
      'type',
      'legalRepresentative',
      'registeredCapital',
      'establishedOn',
      'address',
      'uncertain',
    ]);
  });

  it('fails with a usage message and code 2 without exactly one picture', async () => {
    const run = await ecw('--data-dir', tempDir(), 'licence', 'read', '--json');
    expect(run.code).toBe(2);
  });
});
