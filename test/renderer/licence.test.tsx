/**
 * The licence reader of the new-enterprise form in jsdom against a real backend and the real OCR
 * worker: a licence whose printed credit code has one look-alike character wrong is read, the code is
 * not filled as it stands, the correction that passes the check is offered, and choosing it fills
 * the form together with the name and address, the licence's other details going to their own
 * fields and the photo linked; the enterprise page then shows the details, the photo and the photo
 * among the documents.
 */
import { screen, waitFor, within } from '@testing-library/react';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepLicenceFile } from '../../electron/backend/domains/licence/photo';
import { stopOcrWorker } from '../../electron/backend/infra/ocr/ocrClient';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { licencePicture, renderLicence } from '../helpers/licenceImages';
import { jinanEnterprise } from '../helpers/syncDevice';
import { OPERATOR } from '../integration/orders/support';
import { renderApp } from './renderApp';

const LOOK_ALIKE: Record<string, string> = { '8': 'B', B: '8', '6': 'G', G: '6', M: 'N', N: 'M', X: 'Y', Y: 'X', '0': 'D', D: '0' };

/** The code with its first look-alike character after the region digits swapped: what a misprint or misreading gives. */
function misprinted(code: string): string {
  const at = [...code].findIndex((c, i) => i >= 8 && i < 17 && LOOK_ALIKE[c]);
  return code.slice(0, at) + LOOK_ALIKE[code[at]!] + code.slice(at + 1);
}

describe('the licence reader in the new-enterprise form (jsdom, real backend and OCR)', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = createTestBackend();
    await backend.call('system.setOperator', OPERATOR);
  });
  afterEach(() => backend.cleanup());
  afterAll(() => stopOcrWorker());

  it('never fills a code that fails its check; the correction it offers fills the form', async () => {
    const picture = { ...licencePicture(8), rotation: 0, blur: 0, shadow: false };
    const wrong = misprinted(picture.fields.creditCode);
    const photo = await renderLicence({ ...picture, fields: { ...picture.fields, creditCode: wrong } });
    const { user } = renderApp(backend.transport, '/enterprises/new');
    const reader = await screen.findByTestId('licence-reader', {}, { timeout: 20_000 });
    await user.upload(
      reader.querySelector('input[type=file]') as HTMLInputElement,
      new File([new Uint8Array(photo)], '执照.jpg', { type: 'image/jpeg' }),
    );
    const fields = await screen.findByTestId('licence-fields', {}, { timeout: 60_000 });
    expect(fields).toHaveTextContent(picture.fields.name);
    expect(within(fields).getAllByText('请核对').length).toBeGreaterThanOrEqual(1);
    const unsure = screen.getByTestId('licence-code-unsure');
    expect(unsure).toHaveTextContent('校验位不符');
    await user.click(screen.getByTestId('licence-fill'));
    expect((document.getElementById('ent-creditCode') as HTMLInputElement).value).toBe('');
    await user.click(within(unsure).getByText(picture.fields.creditCode));
    await user.click(screen.getByTestId('licence-fill'));
    await waitFor(() => expect((document.getElementById('ent-creditCode') as HTMLInputElement).value).toBe(picture.fields.creditCode));
    expect((document.getElementById('ent-name') as HTMLInputElement).value).toBe(picture.fields.name);
    expect((document.getElementById('ent-address') as HTMLInputElement).value).toBe(picture.fields.address);
    expect((document.getElementById('ent-licence-legalRepresentative') as HTMLInputElement).value).toBe(picture.fields.legalRepresentative);
    expect((document.getElementById('ent-licence-registeredCapital') as HTMLInputElement).value).toBe(picture.fields.registeredCapital);
    expect((document.getElementById('ent-licence-type') as HTMLInputElement).value).toBe(picture.fields.type);
    expect((document.getElementById('ent-note') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByTestId('licence-photo-attached')).toHaveTextContent('执照照片将随客户保存');
  }, 120_000);

  it('shows the licence details, the photo and the photo among the documents on the enterprise page', async () => {
    const photo = await sharp({ create: { width: 320, height: 226, channels: 3, background: '#f6f1e4' } })
      .jpeg()
      .toBuffer();
    const kept = keepLicenceFile(backend.dataDir, photo);
    const licence = {
      type: '股份有限公司（非上市）',
      legalRepresentative: '李秀英',
      registeredCapital: '3000万元整',
      establishedOn: '2012-05-06',
      businessScope: '食品生产；食品销售',
    };
    const { id } = await backend.call('enterprises.create', jinanEnterprise(4, { licence, licencePhotoSha256: kept.sha256 }));
    renderApp(backend.transport, `/enterprises/${id}`);
    const info = await screen.findByTestId('enterprise-info', {}, { timeout: 20_000 });
    for (const value of Object.values(licence)) expect(info).toHaveTextContent(value);
    const photoShown = await within(info).findByTestId('licence-photo', {}, { timeout: 10_000 });
    const img = photoShown.tagName === 'IMG' ? photoShown : photoShown.querySelector('img')!;
    expect(img.getAttribute('src')).toContain(`files.licencePhoto?enterpriseId=${id}&sha256=${kept.sha256}`);
    const rows = await screen.findAllByTestId('document-row');
    expect(rows.map((r) => r.textContent)).toEqual([expect.stringContaining('营业执照')]);
  }, 60_000);

  it('says plainly when there is no camera, and leaves choosing a file open', async () => {
    const { user } = renderApp(backend.transport, '/enterprises/new');
    await user.click(await screen.findByTestId('licence-camera', {}, { timeout: 20_000 }));
    expect(await screen.findByTestId('licence-camera-failed')).toHaveTextContent('没有找到摄像头');
    expect(screen.getByTestId('licence-camera-capture')).toBeDisabled();
    expect(screen.getByTestId('licence-pick')).toBeEnabled();
  }, 60_000);
});
