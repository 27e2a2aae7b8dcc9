/**
 * Round 28 (c)'s new shapes (issue 9): a print shop's flyer PDF whose text was turned into outlines (转曲: no fonts, no
 * text layer, every letter a filled path), read by rendering the page and OCR; a phone photo of a chalk board menu
 * (light writing on dark green), read by OCR and kept as a page when its text reads as a menu; a brewery's tanks as its
 * equipment and a 小酒馆's short name. The material is made up for the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cjkFont } from '../../../electron/backend/domains/documents/pdfParts';
import { readMaterials } from '../../../electron/backend/domains/intake/importMaterials';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { lookAt } from '../../../electron/backend/domains/intake/photoLook';
import { isEquipmentName } from '../../../electron/backend/domains/intake/photos';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { darkToLight, isDark } from '../../../electron/backend/infra/ocr/engine';
import { stopOcrWorker } from '../../../electron/backend/infra/ocr/ocrClient';
import { itemTitle } from '../../../shared/sites/model';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'round28-outlines-'));
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await stopReadWorker();
  await stopOcrWorker();
});

/** fontkit (pdfkit's font reader): a glyph's outline as an SVG path in font units, y up. */
interface Font {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(bytes: Buffer): Font };

/** An A4 page with each line's letters drawn as filled outlines, as a print shop's 转曲 file has them: no text at all. */
async function outlinedPdf(lines: [string, number, number, number][], extra?: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const font = fontkit.create(cjkFont());
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const [text, x, y, size] of lines) {
    const scale = size / font.unitsPerEm;
    const { glyphs, positions } = font.layout(text);
    let pen = x;
    glyphs.forEach((glyph, i) => {
      doc
        .save()
        .transform(scale, 0, 0, -scale, pen, y + size)
        .path(glyph.path.toSVG())
        .fill('#111')
        .restore();
      pen += positions[i]!.xAdvance * scale;
    });
  }
  extra?.(doc);
  doc.end();
  return done;
}

const FLYER: [string, number, number, number][] = [
  ['青禾快餐配送', 200, 60, 30],
  ['招牌盒饭（一荤两素）　　　18元/份', 60, 140, 16],
  ['红烧排骨饭　　　　　　　　26元/份', 60, 170, 16],
  ['诚聘送餐员2名，月薪4500元', 60, 220, 16],
  ['订餐电话：0371-61234567', 60, 260, 16],
];

/** A camera's photo of a chalk board: light writing on dark green, a wooden frame on a grey wall, a little turned. */
async function boardPhoto(lines: string[]): Promise<Buffer> {
  const text = lines
    .map((line, i) => `<text x="90" y="${200 + i * 70}" font-family="WenQuanYi Micro Hei" font-size="38" fill="#efe9c8">${line}</text>`)
    .join('');
  const smudges = [140, 420, 610]
    .map((y, i) => `<ellipse cx="${260 + i * 90}" cy="${y}" rx="120" ry="18" fill="#3d5a4b" opacity="0.6"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="960"><rect width="100%" height="100%" fill="#7d746a"/>
    <rect x="40" y="60" width="640" height="840" fill="#6b4524"/><rect x="60" y="80" width="600" height="800" fill="#2b4a3b"/>${smudges}${text}</svg>`;
  return sharp(Buffer.from(svg)).rotate(3, { background: '#7d746a' }).jpeg({ quality: 85 }).toBuffer();
}

const file = (name: string, bytes: Buffer) => ({ name, size: bytes.byteLength, read: async () => new Uint8Array(bytes) });

describe('a PDF whose text is outlines (转曲)', () => {
  it('hands the page back rendered, with no text blocks, and a page with a few shapes only is no such page', async () => {
    const content = await readPdf(await outlinedPdf(FLYER), async () => undefined);
    expect(content.blocks).toEqual([]);
    expect(content.drawnPages).toHaveLength(1);
    expect((await sharp(content.drawnPages[0]!).metadata()).height).toBeGreaterThan(1500);
    // A border and a rule drawn on an empty page: nothing to read.
    const framed = await outlinedPdf([], (doc) => doc.rect(30, 30, 535, 780).stroke().rect(60, 100, 475, 2).fill());
    await expect(readPdf(framed, async () => undefined)).rejects.toMatchObject({ code: 'pdf.no_text' });
  });
});

describe('a dark picture before OCR', () => {
  it('is turned dark writing on a light ground, stretched to full contrast; a light page is left alone', async () => {
    const rgba = async (bytes: Buffer) => sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const { data: board, info } = await rgba(await boardPhoto(['今日特饮']));
    expect(isDark(board)).toBe(true);
    const light = darkToLight(board);
    // The photo is turned 3° on a larger canvas: its middle stays where it was.
    const [dx, dy] = [Math.round((info.width - 720) / 2), Math.round((info.height - 960) / 2)];
    const at = (pixels: Buffer, x: number, y: number) => pixels[((y + dy) * info.width + x + dx) * 4]!;
    // The ground inside the frame becomes light, a stroke of the writing dark.
    expect(at(light, 360, 600)).toBeGreaterThan(200);
    const writing = Array.from({ length: 60 * 160 }, (_, k) => at(light, 90 + (k % 160), 150 + Math.floor(k / 160)));
    expect(Math.min(...writing)).toBeLessThan(60);
    const page = await rgba(
      await sharp({ create: { width: 40, height: 40, channels: 3, background: '#f4f1ea' } })
        .png()
        .toBuffer(),
    );
    expect(isDark(page.data)).toBe(false);
  });
});

describe('read by OCR: an outlined flyer and a board menu photographed', () => {
  it('reads the flyer’s goods and jobs, the board as a page of goods, and leaves a board without prices a photo', async () => {
    const board = await boardPhoto(['今日特饮', '冰镇酸梅汤　　8元/杯', '手打柠檬茶　　12元/杯', '椰子水　　15元/瓶', '周末第二杯半价']);
    const sign = await boardPhoto(['欢迎光临', '好好吃饭', '好好生活']);
    expect((await lookAt(board)).boardLike).toBe(true);
    expect((await lookAt(board)).pageLike).toBe(false);
    const result = await readMaterials(
      [
        file('快餐宣传单（转曲）.pdf', await outlinedPdf(FLYER)),
        file('IMG_20261201_191522.jpg', board),
        file('IMG_20261201_191618.jpg', sign),
      ],
      { dataDir, newId: () => crypto.randomUUID(), today: '2026-12-05' },
    );
    const columns = (name: string) => result.documents.filter((d) => d.file === name).flatMap((d) => d.material.columns);
    const titles = (name: string, type: string) =>
      columns(name)
        .filter((c) => c.type === type)
        // OCR may read a space before a full-width bracket; the space says nothing here.
        .flatMap((c) => c.items.map((item) => itemTitle(item).replace(/\s+/g, '')));
    expect(result.problems).toEqual([]);
    expect(titles('快餐宣传单（转曲）.pdf', 'products')).toEqual(['招牌盒饭（一荤两素）', '红烧排骨饭']);
    expect(titles('快餐宣传单（转曲）.pdf', 'jobs')).toEqual(['送餐员']);
    expect(titles('IMG_20261201_191522.jpg', 'products')).toEqual(['冰镇酸梅汤', '手打柠檬茶', '椰子水']);
    expect(result.photos.map((p) => [p.file, Boolean(p.page)])).toEqual([
      ['IMG_20261201_191522.jpg', true],
      ['IMG_20261201_191618.jpg', false],
    ]);
  }, 120_000);
});

describe('a brewery’s tanks and a 小酒馆', () => {
  it('takes vessels as equipment and drops 小酒馆 after a name of four', () => {
    expect(isEquipmentName('发酵罐.jpg')).toBe(true);
    expect(isEquipmentName('烤炉.jpg')).toBe(true);
    expect(shortNameOf('杭州市西湖区青禾精酿小酒馆', { province: '浙江省', city: '杭州市', district: '西湖区' })).toBe('青禾精酿');
    expect(shortNameOf('老何酒馆', { province: '浙江省', city: '杭州市', district: '西湖区' })).toBe('老何酒馆');
  });
});
