/**
 * A licence as PDF (issue 12): a scan (a picture, no text layer) is read by OCR of its picture; a PDF
 * with a text layer is read from its text, exactly — through the backend and `ecw licence read`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { licencePicture, renderLicence } from '../../helpers/licenceImages';
import { scannedLicencePdf, textLicencePdf } from '../../helpers/licencePdfs';
import { ecw } from '../cli/support';
import { errorCode } from '../orders/support';

let t: TestBackend;
beforeAll(() => void (t = createTestBackend()));
afterAll(async () => {
  t.cleanup();
  await stopOcrWorker();
});

const read = (bytes: Buffer, keep = false) =>
  t.call('licence.read', { source: { kind: 'file', name: '营业执照.pdf', base64: bytes.toString('base64') }, keep });
const iso = (printed: string) =>
  printed.replace(/(\d+)年(\d+)月(\d+)日/, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);

describe('licence PDFs', () => {
  it('reads a scanned licence (a picture, no text layer) by OCR of its picture, and keeps the PDF itself', async () => {
    const picture = { ...licencePicture(5), rotation: 0, blur: 0 };
    const pdf = await scannedLicencePdf(await renderLicence(picture));
    const reading = await read(pdf, true);
    const f = picture.fields;
    expect(reading).toMatchObject({
      name: f.name,
      creditCode: f.creditCode,
      creditCodeValid: true,
      legalRepresentative: f.legalRepresentative,
      address: f.address,
      establishedOn: iso(f.establishedOn),
    });
    expect(reading.photo).toMatchObject({ mime: 'application/pdf' });
  }, 120_000);

  it('reads a PDF with a text layer from its text, every field exact', async () => {
    const f = licencePicture(6).fields;
    const reading = await read(await textLicencePdf(f));
    expect(reading).toMatchObject({
      name: f.name,
      creditCode: f.creditCode,
      creditCodeValid: true,
      type: f.type,
      legalRepresentative: f.legalRepresentative,
      registeredCapital: f.registeredCapital,
      establishedOn: iso(f.establishedOn),
      address: f.address,
      businessScope: '茶叶销售；预包装食品销售',
      uncertain: [],
    });
  });

  it('refuses a damaged PDF with a stable code', async () => {
    const pdf = await textLicencePdf(licencePicture(6).fields);
    const damaged = Buffer.concat([pdf.subarray(0, 200), Buffer.alloc(400, 0x41)]);
    expect(await errorCode(t, 'licence.read', { source: { kind: 'file', name: 'x.pdf', base64: damaged.toString('base64') } })).toBe(
      'licence.unreadable',
    );
  });

  it('prints both through `ecw licence read FILE.pdf --json`', async () => {
    const dir = tempDir();
    const scanned = { ...licencePicture(7), rotation: 0, blur: 0 };
    const texted = licencePicture(9).fields;
    const files = { scan: path.join(dir, '扫描件.pdf'), text: path.join(dir, '电子执照.pdf') };
    writeFileSync(files.scan, await scannedLicencePdf(await renderLicence(scanned)));
    writeFileSync(files.text, await textLicencePdf(texted));
    for (const [file, f] of [
      [files.scan, scanned.fields],
      [files.text, texted],
    ] as const) {
      const run = await ecw('--data-dir', tempDir(), 'licence', 'read', file, '--json');
      expect(run.code).toBe(0);
      expect(run.json).toMatchObject({
        name: f.name,
        creditCode: f.creditCode,
        creditCodeValid: true,
        address: f.address,
        legalRepresentative: f.legalRepresentative,
      });
    }
  }, 180_000);
});
