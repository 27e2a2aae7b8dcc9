import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveAll, ensureDerived } from '../../../electron/backend/domains/assets/derived';
import { ImageProblem, normalizeImage, sniffImageFormat } from '../../../electron/backend/domains/assets/images';
import { storeImage } from '../../../electron/backend/domains/assets/imageStore';
import { registerImage } from '../../../electron/backend/domains/assets/repository';
import { assetFile, sha256Of } from '../../../electron/backend/domains/assets/store';
import { openDatabase } from '../../../electron/backend/infra/db/database';
import { asReadable } from '../../../electron/backend/infra/db/handles';
import { createWriteQueue } from '../../../electron/backend/infra/db/writeQueue';
import { tempDir } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';

const photo = (name: string) => readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'photos', name));

async function problemOf(bytes: Uint8Array): Promise<ImageProblem> {
  try {
    await normalizeImage(bytes);
  } catch (error) {
    if (error instanceof ImageProblem) return error;
    throw error;
  }
  throw new Error('expected an ImageProblem');
}

describe('normalizing a photo', () => {
  it('applies EXIF orientation 6: the 4032×3024 sideways shop photo is stored upright, 3024×4032, without EXIF', async () => {
    const source = await sharp(photo('门店.jpg')).metadata();
    expect([source.width, source.height, source.orientation]).toEqual([4032, 3024, 6]);
    const image = await normalizeImage(photo('门店.jpg'));
    expect([image.width, image.height, image.mime]).toEqual([3024, 4032, 'image/jpeg']);
    const stored = await sharp(image.bytes).metadata();
    expect([stored.width, stored.height]).toEqual([3024, 4032]);
    expect(stored.orientation).toBeUndefined();
    expect(stored.exif).toBeUndefined();
  });

  it('strips camera metadata (EXIF with GPS, XMP) from a JPEG', async () => {
    const tagged = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2e6b30' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 40/1 0/1' } })
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const image = await normalizeImage(tagged);
    const meta = await sharp(image.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(image.bytes.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('keeps the logo transparent: PNG with alpha stays PNG with alpha', async () => {
    const image = await normalizeImage(photo('logo.png'));
    expect(image).toMatchObject({ mime: 'image/png', hasAlpha: true, width: 512, height: 512 });
    expect((await sharp(image.bytes).metadata()).hasAlpha).toBe(true);
  });

  it('turns an opaque PNG (alpha channel unused) and a transparent GIF into the right formats', async () => {
    const opaque = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 1 } } })
      .png()
      .toBuffer();
    expect(await normalizeImage(opaque)).toMatchObject({ mime: 'image/jpeg', hasAlpha: false });
    const gif = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0 } } })
      .gif()
      .toBuffer();
    expect(await normalizeImage(gif)).toMatchObject({ mime: 'image/png', hasAlpha: true, sourceFormat: 'gif' });
  });

  it('reports IMG_0042.JPG (text, not a picture) by its content, whatever its name says', async () => {
    expect(sniffImageFormat(photo('IMG_0042.JPG'))).toBe('text');
    const problem = await problemOf(photo('IMG_0042.JPG'));
    expect(problem.code).toBe('image.not_an_image');
    expect(problem.message).toMatch(/text, not image data/);
  });

  describe('an iPhone HEIC photo', () => {
    // 64×96 HEVC in a HEIC file whose pixels are stored sideways (96×64, left half red, right half
    // blue) with an irot box turning them 90° clockwise, as an iPhone stores portrait photos; its
    // EXIF says orientation 6 as well, which HEIF readers must not apply a second time.
    const heic = () => readFileSync(path.join(FIXTURES_DIR, 'formats', 'IMG_0001.HEIC'));

    it('becomes an upright JPEG: irot applied once, red on top, blue below', async () => {
      expect(sniffImageFormat(heic())).toBe('heic');
      const image = await normalizeImage(heic());
      expect(image).toMatchObject({ mime: 'image/jpeg', width: 64, height: 96, hasAlpha: false, sourceFormat: 'heic' });
      const { data, info } = await sharp(image.bytes).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      const [top, bottom] = [pixel(32, 10), pixel(32, 85)];
      expect(top[0]! > 180 && top[2]! < 80).toBe(true);
      expect(bottom[2]! > 180 && bottom[0]! < 80).toBe(true);
      expect((await sharp(image.bytes).metadata()).exif).toBeUndefined();
    });

    it('reports a cut-off HEIC as damaged, with what to do', async () => {
      const problem = await problemOf(heic().subarray(0, 600));
      expect(problem.code).toBe('image.damaged');
      expect(problem.message).toMatch(/HEIC photo is damaged.*export it as JPEG/);
    });

    it('refuses a HEIC over the pixel cap by its declared size, before decoding its pixels', async () => {
      const bytes = Buffer.from(heic());
      const ispe = bytes.indexOf('ispe');
      bytes.writeUInt32BE(12_000, ispe + 8);
      bytes.writeUInt32BE(9_000, ispe + 12);
      const problem = await problemOf(bytes);
      expect(problem.code).toBe('image.too_large');
      expect(problem.message).toMatch(/100 megapixels/);
    });
  });

  it('reports a truncated JPEG as damaged and an empty file as empty', async () => {
    const jpeg = photo('茶园.jpg');
    expect((await problemOf(jpeg.subarray(0, 2000))).code).toBe('image.damaged');
    expect((await problemOf(new Uint8Array())).code).toBe('image.empty');
  });
});

describe('stored originals and their derived sizes', () => {
  let db: Database.Database | undefined;
  afterEach(() => db?.close());

  const setUp = async () => {
    const dataDir = tempDir();
    const readable = asReadable((db = openDatabase(path.join(dataDir, 'ecw.sqlite'))));
    const writes = createWriteQueue(() => readable);
    const env = { db: readable, dataDir, writes, now: () => new Date('2026-11-16T01:00:00Z') };
    return { dataDir, env };
  };

  it('stores the normalized original by its sha256 and registers it for upload with its pixel size', async () => {
    const { dataDir, env } = await setUp();
    const image = await storeImage(dataDir, photo('门店.jpg'));
    expect(sha256Of(readFileSync(assetFile(dataDir, image.sha256)))).toBe(image.sha256);
    await env.writes.write((db) => registerImage(db, image, env.now()));
    expect(env.db.prepare('SELECT state, mime FROM asset WHERE sha256 = ?').get(image.sha256)).toEqual({
      state: 'pending_upload',
      mime: 'image/jpeg',
    });
    expect(env.db.prepare('SELECT width, height FROM image WHERE sha256 = ?').get(image.sha256)).toEqual({ width: 3024, height: 4032 });
  });

  it('derives every channel size once, never upscaled, and serves later requests from the cache', async () => {
    const { dataDir, env } = await setUp();
    const image = await storeImage(dataDir, photo('龙井.jpg'));
    await env.writes.write((db) => registerImage(db, image, env.now()));
    const made = await deriveAll(env, [image.sha256]);
    expect(made.map((d) => [d.variant, d.width, d.mime])).toEqual([
      ['web480', 480, 'image/jpeg'],
      ['web1200', 1200, 'image/jpeg'],
      ['wap2', 240, 'image/jpeg'],
      ['wap1', 120, 'image/jpeg'],
    ]);
    for (const d of made) expect((await sharp(d.file).metadata()).width).toBe(d.width);
    const before = statSync(made[0]!.file).mtimeMs;
    rmSync(assetFile(dataDir, image.sha256)); // the original is gone: only the cache can answer now
    const again = await ensureDerived(env, image.sha256, 'web480');
    expect(again).toEqual(made[0]);
    expect(statSync(again.file).mtimeMs).toBe(before);
  });

  it('makes a derived file again when it went missing', async () => {
    const { dataDir, env } = await setUp();
    const image = await storeImage(dataDir, photo('茶园.jpg'));
    await env.writes.write((db) => registerImage(db, image, env.now()));
    const first = await ensureDerived(env, image.sha256, 'wap1');
    rmSync(first.file);
    const second = await ensureDerived(env, image.sha256, 'wap1');
    expect(existsSync(second.file)).toBe(true);
    expect(second.width).toBe(120);
  });

  it('keeps transparency in derived sizes of the logo (PNG; GIF for WAP 1.0) and never enlarges a small picture', async () => {
    const { dataDir, env } = await setUp();
    const logo = await storeImage(dataDir, photo('logo.png'));
    await env.writes.write((db) => registerImage(db, logo, env.now()));
    const [web480, web1200, wap2, wap1] = await deriveAll(env, [logo.sha256]);
    expect([web480!.mime, web1200!.mime, wap2!.mime, wap1!.mime]).toEqual(['image/png', 'image/png', 'image/png', 'image/gif']);
    expect(web1200!.width).toBe(512);
    expect((await sharp(wap2!.file).metadata()).hasAlpha).toBe(true);
    expect((await sharp(wap1!.file).metadata()).format).toBe('gif');
  });
});
