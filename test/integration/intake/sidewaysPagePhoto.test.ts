/**
 * A price sheet photographed with the phone held sideways (issue 9, round 16): the JPEG's pixels lie on their side and
 * only its EXIF Orientation turns the page upright, so OCR reads the picture turned as the EXIF says. The text is made
 * up for the test.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readMaterials } from '../../../electron/backend/domains/intake/importMaterials';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { itemTitle } from '../../../shared/sites/model';

afterAll(async () => {
  await stopReadWorker();
  await stopOcrWorker();
});

/** A printed price sheet, upright: black text on white. */
function pageSvg(lines: string[]): Buffer {
  const text = lines
    .map((line, i) => `<text x="40" y="${70 + i * 48}" font-family="WenQuanYi Micro Hei" font-size="28" fill="#222">${line}</text>`)
    .join('');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="760" height="${120 + lines.length * 48}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`,
  );
}

const LINES = ['绿野鸡场价目表', '散养土鸡　45元/只', '土鸡蛋　1.2元/个', '鸡苗　8元/只', '电话：0543-3215678'];

async function readPhoto(bytes: Buffer) {
  return readMaterials([{ name: 'IMG_20261201_080000.jpg', size: bytes.byteLength, read: async () => bytes }], {
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'sideways-')),
    newId: () => crypto.randomUUID(),
    today: '2026-12-01',
  });
}

describe('a page photographed sideways', () => {
  it('reads the page turned upright by its EXIF Orientation (6: turn a quarter clockwise)', async () => {
    // The sensor's pixels: the page turned a quarter anticlockwise; Orientation 6 says how to show it.
    const sideways = await sharp(await sharp(pageSvg(LINES)).png().toBuffer())
      .rotate(270)
      .jpeg({ quality: 92 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const metadata = await sharp(sideways).metadata();
    expect([metadata.orientation, metadata.width! < metadata.height!]).toEqual([6, true]);

    const result = await readPhoto(sideways);
    const read = result.documents.filter((d) => d.material.ocr);
    const products = read.flatMap((d) => d.material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items));
    expect(products.map(itemTitle)).toEqual(['散养土鸡', '土鸡蛋', '鸡苗']);
  }, 90_000);
});
