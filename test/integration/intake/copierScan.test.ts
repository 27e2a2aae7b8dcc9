/**
 * Price sheets scanned on an office copier to one multi-page greyscale JPEG-compressed TIFF named by the copier
 * (issue 9, round 18): every page is read by OCR, not only the first, though the name says nothing about the
 * pictures. The text is made up for the test.
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

const WIDTH = 760;
const HEIGHT = 520;

/** A printed page, black text on white, as the copier's greyscale pixels. */
async function pagePixels(lines: string[]): Promise<Buffer> {
  const text = lines
    .map((line, i) => `<text x="40" y="${70 + i * 48}" font-family="WenQuanYi Micro Hei" font-size="28" fill="#222">${line}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).greyscale().raw().toBuffer();
}

const PAGE_1 = ['打印机出租价格表', '1.黑白打印机（兄弟L2540）', '月租120元（含每月1000张）', '2.会议投影仪', '80元/天起，押金另收'];
const PAGE_2 = ['耗材价格', '兄弟TN2325粉盒　　　160元/支', 'A4打印纸　　　25元/包', '电话：0571-86661234'];

describe('a copier’s multi-page scan', () => {
  it('reads every page of the TIFF by OCR', async () => {
    const pixels = Buffer.concat([await pagePixels(PAGE_1), await pagePixels(PAGE_2)]);
    const scan = await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT * 2, channels: 1, pageHeight: HEIGHT } })
      .tiff({ compression: 'jpeg', quality: 85 })
      .toBuffer();
    expect((await sharp(scan).metadata()).pages).toBe(2);

    const result = await readMaterials([{ name: 'SKM_C30826120110000.tif', size: scan.byteLength, read: async () => scan }], {
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'copier-scan-')),
      newId: () => crypto.randomUUID(),
      today: '2026-12-01',
    });
    const read = result.documents.filter((d) => d.material.ocr);
    expect(read).toHaveLength(2);
    const products = read.flatMap((d) => d.material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items));
    expect(products.map(itemTitle)).toEqual(['黑白打印机（兄弟L2540）', '会议投影仪', '兄弟TN2325粉盒', 'A4打印纸']);
  }, 120_000);
});
