/**
 * The live compiler's pictures in the window (jsdom) on the in-memory transport against a real
 * backend: each size is read once as bytes (`files.image`, no base64 in JSON) and kept with its size
 * and as a data URL for the sandboxed previews — the same bytes the backend stores.
 */
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { setTransport } from '../../renderer/src/api/client';
import { cachedImage, dataUrlForAssetPath, derivedPathOf, loadImage } from '../../renderer/src/features/sites/state/imageCache';
import { storeImage } from '../../electron/backend/domains/assets/imageStore';
import { registerImage } from '../../electron/backend/domains/assets/repository';
import { createTestBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend | undefined;
afterEach(() => t?.cleanup());

describe('the picture cache of the live compiler', () => {
  it('reads a size once as bytes and keeps it with its size and as a data URL', async () => {
    t = createTestBackend();
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 180, b: 90 } } })
      .jpeg()
      .toBuffer();
    const stored = await storeImage(t.dataDir, photo);
    await t.backend.writes.write((db) => registerImage(db, stored, new Date()));
    const reads: string[] = [];
    const transport = t.transport;
    setTransport({ ...transport, invoke: (name, input) => (reads.push(name), transport.invoke(name, input)) });

    await Promise.all([loadImage(stored.sha256, 'web480'), loadImage(stored.sha256, 'web480')]);
    expect(reads).toEqual(['files.image']);
    const image = cachedImage(stored.sha256, 'web480')!;
    const same = await t.call('sites.image', { sha256: stored.sha256, variant: 'web480' });
    expect(image).toMatchObject({
      mime: same.mime,
      width: same.width,
      height: same.height,
      bytes: Buffer.from(same.base64, 'base64').length,
    });
    expect(image.dataUrl).toBe(`data:${same.mime};base64,${same.base64}`);
    expect(dataUrlForAssetPath(`web/${derivedPathOf(stored.sha256, 'web480', image)}`)).toBe(image.dataUrl);
  });
});
