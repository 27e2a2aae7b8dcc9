/**
 * The licence's details and photo travel like the rest of the enterprise (issue 12): registered on
 * device A with the photo `licence.read` kept, the photo is uploaded as a blob, the details and the
 * photo's address reach device B, which fetches the photo and shows it; an edit of the details on B
 * comes back to A, and the invariants hold with the new fields compared.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { keepLicenceFile } from '../../../electron/backend/domains/licence/photo';
import { jinanEnterprise } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig({ proxy: false });

describe('the licence photo and details on another device', () => {
  it('uploads the photo, and the other device gets the details and the photo itself', async () => {
    const a = await rig.device('A');
    const b = await rig.device('B');
    const photo = await sharp({ create: { width: 640, height: 452, channels: 3, background: '#f6f1e4' } })
      .jpeg()
      .toBuffer();
    // What `licence.read` with `keep` does with the file it read.
    const kept = keepLicenceFile(a.dataDir, photo);
    const licence = {
      type: '有限责任公司（自然人独资）',
      legalRepresentative: '王建国',
      registeredCapital: '500万元整',
      establishedOn: '2016-03-08',
    };
    const { id } = await a.call('enterprises.create', jinanEnterprise(7, { licence, licencePhotoSha256: kept.sha256 }));
    await a.settle();
    expect(a.asset(kept.sha256)).toMatchObject({ state: 'uploaded' });

    await b.settle();
    const onB = await b.call('enterprises.get', { id });
    expect(onB.licence).toEqual(licence);
    expect(onB.licencePhotoSha256).toBe(kept.sha256);
    const file = await b.call('files.licencePhoto', { enterpriseId: id, sha256: kept.sha256 });
    expect(Buffer.from(file.bytes).equals(photo)).toBe(true);

    await b.editEnterprise(id, (f) => ({ ...f, licence: { ...f.licence, businessScope: '茶叶销售' } }));
    await b.settle();
    await a.settle();
    expect((await a.call('enterprises.get', { id })).licence).toEqual({ ...licence, businessScope: '茶叶销售' });
    expect((await a.call('enterprises.get', { id })).licencePhotoSha256).toBe(kept.sha256);
    rig.invariants(a, b);
  }, 120_000);
});
