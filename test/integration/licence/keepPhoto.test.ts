/**
 * The licence photo kept with the enterprise (issue 12): read with `keep`, the enterprise registered
 * from it holds the licence's details in its own fields, the photo among its documents (an asset
 * queued for upload) and served as `files.licencePhoto`; an edit that does not name the photo keeps
 * it; a photo that is not on the device is refused with a stable code and nothing is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { licencePicture, renderLicence } from '../../helpers/licenceImages';
import { jinanEnterprise } from '../../helpers/syncDevice';
import { errorCode } from '../orders/support';

let t: TestBackend;
let photo: Buffer;
beforeAll(async () => {
  t = createTestBackend();
  photo = await renderLicence({ ...licencePicture(0), rotation: 0, blur: 0, quality: 90, shadow: false });
});
afterAll(async () => {
  t.cleanup();
  await stopOcrWorker();
});

const read = (keep: boolean) =>
  t.call('licence.read', { source: { kind: 'file', name: '营业执照.jpg', base64: photo.toString('base64') }, keep });
const assetRow = (sha256: string) => t.backend.database()!.prepare('SELECT state, mime, size FROM asset WHERE sha256 = ?').get(sha256);

describe('the licence photo kept with the enterprise', () => {
  it('registers the enterprise with the licence details in their fields and the photo among its documents', async () => {
    expect((await read(false)).photo).toBeNull();
    const reading = await read(true);
    expect(reading.photo).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), mime: 'image/jpeg' });
    const f = licencePicture(0).fields;
    const created = await t.call(
      'enterprises.create',
      jinanEnterprise(1, {
        name: reading.name!,
        creditCode: reading.creditCode!,
        licence: {
          type: reading.type!,
          legalRepresentative: reading.legalRepresentative!,
          registeredCapital: reading.registeredCapital!,
          establishedOn: reading.establishedOn!,
          businessScope: reading.businessScope!,
        },
        licencePhotoSha256: reading.photo!.sha256,
      }),
    );
    expect(created.licence).toEqual({
      type: f.type,
      legalRepresentative: f.legalRepresentative,
      registeredCapital: f.registeredCapital,
      establishedOn: '2010-01-01',
      businessScope: '茶叶销售；预包装食品销售',
    });
    expect(created.note).toBeUndefined();
    expect(created.licencePhotoSha256).toBe(reading.photo!.sha256);

    const documents = await t.call('documents.listForEnterprise', { enterpriseId: created.id });
    expect(documents).toEqual([
      expect.objectContaining({
        kind: 'business_licence',
        title: '营业执照',
        fileName: '营业执照.jpg',
        mime: 'image/jpeg',
        bytes: photo.length,
        sha256: reading.photo!.sha256,
      }),
    ]);
    expect(assetRow(reading.photo!.sha256)).toEqual({ state: 'pending_upload', mime: 'image/jpeg', size: photo.length });
    const file = await t.call('files.licencePhoto', { enterpriseId: created.id, sha256: reading.photo!.sha256 });
    expect(Buffer.from(file.bytes).equals(photo)).toBe(true);
    expect(file.mime).toBe('image/jpeg');
    const document = await t.call('files.document', { id: documents[0]!.id });
    expect(Buffer.from(document.bytes).equals(photo)).toBe(true);

    // An edit from a form that does not name the photo keeps it (and files it only once).
    const { id, createdAt: _c, updatedAt: _u, licencePhotoSha256: _p, ...fields } = created;
    const edited = await t.call('enterprises.update', {
      id,
      fields: { ...fields, licence: { ...fields.licence, registeredCapital: '600万元整' } },
    });
    expect(edited.licencePhotoSha256).toBe(reading.photo!.sha256);
    expect(edited.licence?.registeredCapital).toBe('600万元整');
    expect(await t.call('documents.listForEnterprise', { enterpriseId: id })).toHaveLength(1);
  }, 120_000);

  it('refuses a photo that is not on this device with a stable code, saving nothing', async () => {
    const missing = 'ab'.repeat(32);
    expect(await errorCode(t, 'enterprises.create', jinanEnterprise(2, { licencePhotoSha256: missing }))).toBe('licence.photo_missing');
    expect(await t.call('enterprises.findByCreditCode', { creditCode: jinanEnterprise(2).creditCode })).toBeNull();
    expect(await errorCode(t, 'enterprises.create', jinanEnterprise(3, { licence: { establishedOn: '2016-02-30' } }))).toBe(
      'invalid_input',
    );
  });
});
