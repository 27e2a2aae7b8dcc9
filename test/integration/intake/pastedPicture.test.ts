/**
 * A price list pasted into a Word document as a screenshot (issue 9, round 15): its text exists only in the
 * picture, so the picture is read by OCR like a photographed page and its items are marked as read by OCR.
 * The text is made up for the test.
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
import { buildDocx } from '../../fixtures/materials/make/docx';

afterAll(async () => {
  await stopReadWorker();
  await stopOcrWorker();
});

/** A screenshot of a three-column table: black text on white, as Excel shows it. */
async function tableScreenshot(rows: string[][]): Promise<Uint8Array> {
  const text = rows
    .flatMap((row, r) =>
      row.map(
        (cell, c) =>
          `<text x="${40 + c * 260}" y="${60 + r * 44}" font-family="WenQuanYi Micro Hei" font-size="24" fill="#222">${cell}</text>`,
      ),
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="820" height="${100 + rows.length * 44}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('a price list pasted into a Word document as a picture', () => {
  it('reads the picture by OCR into products marked as read by OCR, whatever the file is named', async () => {
    const picture = await tableScreenshot([
      ['品名', '价格', '备注'],
      ['铝合金纱窗', '120元/平方米', '含安装'],
      ['断桥铝平开窗', '680元/平方米', '上门测量'],
      ['防盗纱网', '260元/平方米', ''],
    ]);
    const docx = buildDocx([
      { p: '明亮门窗', bold: true, center: true },
      { p: '我们做门窗十年了，上门测量，免费出方案。' },
      { p: '价格如下：' },
      { picture, ext: 'png' },
      { p: '电话：0311-5551234' },
    ]);
    const result = await readMaterials([{ name: '明亮门窗介绍.docx', size: docx.byteLength, read: async () => docx }], {
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'pasted-')),
      newId: () => crypto.randomUUID(),
      today: '2026-12-01',
    });
    const read = result.documents.filter((d) => d.material.ocr);
    const products = read.flatMap((d) => d.material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items));
    expect(products.map(itemTitle)).toEqual(['铝合金纱窗', '断桥铝平开窗', '防盗纱网']);
    expect(result.problems).toEqual([]);
  }, 60_000);

  it('leaves a photo pasted into a document (no page of text) as a picture only', async () => {
    const photo = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#3a6ea5' } })
      .jpeg()
      .toBuffer();
    const docx = buildDocx([{ p: '门店照片' }, { picture: photo, ext: 'jpeg' }]);
    const result = await readMaterials([{ name: '门店.docx', size: docx.byteLength, read: async () => docx }], {
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'pasted-')),
      newId: () => crypto.randomUUID(),
      today: '2026-12-01',
    });
    expect(result.documents.filter((d) => d.material.ocr)).toEqual([]);
    expect(result.images).toHaveLength(1);
  }, 60_000);
});
