/**
 * File addresses in Electron (issue 7 item 6): `app://ui/api/files/…` is asked of a real backend's
 * dispatcher (as main relays it to the utilityProcess) and answered with the picture's bytes and the
 * same headers as browser mode; anything else is left to the UI's files; bad addresses get a status.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { filePath } from '../../../shared/api/files';
import { answerFile, APP_ORIGIN } from '../../../electron/main/appProtocol';
import { storeImage } from '../../../electron/backend/domains/assets/imageStore';
import { registerImage } from '../../../electron/backend/domains/assets/repository';
import { createTestBackend, type TestBackend } from '../../helpers/backend';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

async function backendWithPicture(): Promise<{ t: TestBackend; sha256: string; png: Buffer }> {
  const t = createTestBackend();
  backends.push(t);
  const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 10, g: 120, b: 60, alpha: 0.5 } } })
    .png()
    .toBuffer();
  const stored = await storeImage(t.dataDir, png);
  await t.backend.writes.write((db) => registerImage(db, stored, new Date()));
  return { t, sha256: stored.sha256, png };
}

const invokeOf = (t: TestBackend) => (name: string, input: unknown) => t.backend.dispatcher.invoke(name, input);

describe('app:// file addresses', () => {
  it('answers a picture with its bytes, type, size and nosniff, from the backend', async () => {
    const { t, sha256 } = await backendWithPicture();
    const response = await answerFile(`${APP_ORIGIN}${filePath('files.image', { sha256 })}`, invokeOf(t));
    expect(response?.status).toBe(200);
    const bytes = Buffer.from(await response!.arrayBuffer());
    expect((await sharp(bytes).metadata()).width).toBe(40);
    expect(Object.fromEntries(response!.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'x-image-width': '40',
      'x-image-height': '30',
    });
  });

  it('answers a bad input 400 and a missing picture 404 with the code, as JSON', async () => {
    const { t } = await backendWithPicture();
    const bad = await answerFile(`${APP_ORIGIN}/api/files/files.image?sha256=zz`, invokeOf(t));
    expect([bad?.status, ((await bad!.json()) as { error: { code: string } }).error.code]).toEqual([400, 'invalid_input']);
    const missing = await answerFile(`${APP_ORIGIN}${filePath('files.image', { sha256: 'e'.repeat(64) })}`, invokeOf(t));
    expect([missing?.status, ((await missing!.json()) as { error: { code: string } }).error.code]).toEqual([404, 'site.image_missing']);
    expect((await answerFile(`${APP_ORIGIN}/api/files/sites.get?siteId=x`, invokeOf(t)))?.status).toBe(404);
  });

  it.each([
    'app://ui/index.html',
    'app://ui/assets/index.js',
    'app://evil/api/files/files.image?sha256=00',
    'https://ui/api/files/files.image',
    'not a url',
  ])('leaves %s to the UI files (not a file address of ours)', async (url) => {
    const { t } = await backendWithPicture();
    expect(await answerFile(url, invokeOf(t))).toBeNull();
  });
});
