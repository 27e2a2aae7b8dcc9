/**
 * Round 26 (c)'s new shapes (issue 9): a phone scanner app's PDF (each page a scanned picture under the app's OCR as
 * an invisible text layer), a WeChat message saved as a text file, and a Word catalogue of one product a page (a
 * picture and a two-column table of its facts), with a hire paid by the piece and a 竹制品 factory's short name.
 * The material is made up for the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cjkFont, FONT } from '../../../electron/backend/domains/documents/pdfParts';
import { extractPay } from '../../../electron/backend/domains/intake/fields';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { fileNameColumn } from '../../../electron/backend/domains/intake/keywords';
import { printedBrackets } from '../../../electron/backend/domains/intake/ocrText';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { Column, Product } from '../../../shared/sites/model';
import { env, itemTitles, structuredText, TODAY } from '../../helpers/structuredText';

const of = (columns: Column[], type: Column['type']) => columns.find((c) => c.type === type);

/** An A4 page: a scanned picture over all of it and, when `invisible`, the app's OCR lines in text rendering mode 3. */
async function scannedPdf(lines: [string, number, number][], invisible = true): Promise<Buffer> {
  const scan = await sharp({ create: { width: 620, height: 877, channels: 3, background: { r: 236, g: 234, b: 226 } } })
    .jpeg()
    .toBuffer();
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.image(scan, 0, 0, { width: 595.28, height: 841.89 });
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT).fontSize(14);
  if (invisible) doc.addContent('3 Tr');
  for (const [text, x, y] of lines) doc.text(text, x, y, { lineBreak: false });
  doc.end();
  return done;
}

// The price cells start a little apart (330 and 341 points), as an app's OCR layer stretches each line to the print.
const PRICE_PAGE: [string, number, number][] = [
  ['某某木器厂产品价目表（2026年）', 200, 60],
  ...(
    [
      ['1. 松木衣架(10个装)', '25元/包', 330],
      ['2. 樟木箱', '380元/个', 330],
      ['3. 竹编果盘', '18元/个', 330],
      ['4. 木质砧板(小号)', '30元/块', 341],
      ['5. 竹筷子', '12元/把', 341],
    ] as const
  ).flatMap(([name, price, x], k): [string, number, number][] => [
    [name, 60, 110 + k * 30],
    [price, x, 110 + k * 30],
  ]),
  ['地址：某某县工业路6号(加油站对面)，电话0000-1234567', 60, 290],
];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'round26-scan-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("a scanner app's PDF", () => {
  it('reads the invisible OCR layer as OCR text, the page scan apart from the page’s pictures', async () => {
    const pictures: Buffer[] = [];
    const content = await readPdf(await scannedPdf(PRICE_PAGE), async (picture) => {
      pictures.push(picture);
      return 'a'.repeat(64);
    });
    expect(content.ocr).toBe(true);
    expect(content.scannedPages).toHaveLength(1);
    expect(pictures).toEqual([]);
    expect(content.blocks.some((b) => b.type === 'image')).toBe(false);
    const table = content.blocks.find((b) => b.type === 'table');
    // One price column though the cells start 11 points apart; brackets as the Chinese print sets them.
    expect(table?.type === 'table' && table.rows.map((row) => row.length)).toEqual([2, 2, 2, 2, 2]);
    expect(content.blocks.map(textOf)).toContain('地址：某某县工业路6号（加油站对面），电话0000-1234567');
  });

  it('keeps a page with visible text and a picture as typed text with its picture', async () => {
    const content = await readPdf(await scannedPdf(PRICE_PAGE, false), async () => 'b'.repeat(64));
    expect(content.ocr).toBe(false);
    expect(content.scannedPages).toEqual([]);
    expect(content.blocks.some((b) => b.type === 'image')).toBe(true);
  });

  it('marks what is read from it as OCR and keeps the page scan in the tray to check against', async () => {
    const output = await readDocument({
      kind: 'pdf',
      file: '新文档 2026-12-01 09.30.pdf',
      bytes: await scannedPdf(PRICE_PAGE),
      dataDir,
      today: TODAY,
    });
    const material = output.documents[0]!.material;
    expect(material.ocr).toBe(true);
    expect(itemTitles(of(material.columns, 'products'))).toEqual([
      '松木衣架（10个装）',
      '樟木箱',
      '竹编果盘',
      '木质砧板（小号）',
      '竹筷子',
    ]);
    const page = material.unsorted.find((entry) => entry.ocr && entry.images.length === 1);
    expect(page?.blocks).toEqual([]);
  });

  it('writes OCR brackets full-width around Chinese text only', () => {
    expect(printedBrackets('工业路6号(加油站对面)')).toBe('工业路6号（加油站对面）');
    expect(printedBrackets('螺栓M8(A2)')).toBe('螺栓M8(A2)');
    expect(printedBrackets('套餐(2人)')).toBe('套餐（2人）');
  });

  it('heads a column with a heading that names one before the larger heading of the next page', () => {
    const blocks: SourceBlock[] = [
      { type: 'heading', level: 3, runs: [{ text: '产品价目表' }] },
      { type: 'paragraph', runs: [{ text: '樟木箱　　380元/个' }] },
      { type: 'paragraph', runs: [{ text: '竹编果盘　　18元/个' }] },
      { type: 'heading', level: 1, runs: [{ text: '招工启事' }] },
      { type: 'paragraph', runs: [{ text: '一、木工2名，月薪5000元。' }] },
    ];
    const material = structureDocument(blocks, '扫描件.pdf', env, { today: TODAY, ocr: true });
    expect(itemTitles(of(material.columns, 'products'))).toEqual(['樟木箱', '竹编果盘']);
    expect(itemTitles(of(material.columns, 'jobs'))).toEqual(['木工']);
  });
});

describe('a chat message saved as a file', () => {
  it('names no column by its 消息', () => {
    expect(fileNameColumn('微信消息.txt')).toBeUndefined();
    expect(fileNameColumn('QQ聊天记录.txt')).toBeUndefined();
    expect(fileNameColumn('最新消息.txt')?.type).toBe('news');
  });

  it('leaves its greeting and story out of the news', () => {
    const material = structuredText(
      ['王经理好，我是店里的会计，资料我整理好发你了。', '我们店是2015年开的，主要做实木家具，有两个仓库。'].join('\n'),
      '微信消息.txt',
    );
    expect(of(material.columns, 'news')).toBeUndefined();
  });
});

describe('a catalogue of one product a page', () => {
  const facts = (name: string, model: string, price: string): SourceBlock => ({
    type: 'table',
    header: false,
    rows: [
      ['产品名称', name],
      ['型号', model],
      ['材质', '实木'],
      ['规格', '1800×900mm'],
      ['价格', price],
    ].map((row) => row.map((text) => [{ text }])),
  });
  const picture = (sha: string, alt = ''): SourceBlock => ({ type: 'image', image: { sha256: sha.repeat(64), alt } });
  const blocks: SourceBlock[] = [
    { type: 'paragraph', runs: [{ text: '2027年产品手册' }] },
    { type: 'heading', level: 3, runs: [{ text: '品质保证　送货上门' }] },
    picture('a'),
    facts('实木书桌', 'SZ-01', '1280元/张'),
    picture('b'),
    facts('实木书桌', 'SZ-02', '1480元/张'),
    picture('c'),
    facts('定制衣柜', '按图纸', '面议'),
    { type: 'heading', level: 2, runs: [{ text: '关于我们' }] },
    { type: 'paragraph', runs: [{ text: '本厂做实木家具十年。' }] },
    { type: 'heading', level: 2, runs: [{ text: '招聘' }] },
    { type: 'paragraph', runs: [{ text: '招油漆工2名，按件计件，每件15元，多劳多得。' }] },
  ];

  it('reads each facts table as one product, the picture before it its photo, the cover left in the tray', () => {
    const material = structureDocument(blocks, '产品手册.docx', env, { today: TODAY });
    const products = of(material.columns, 'products');
    expect(itemTitles(products)).toEqual(['实木书桌 SZ-01', '实木书桌 SZ-02', '定制衣柜']);
    const [first, , custom] = products!.items as Product[];
    expect(first).toMatchObject({ model: 'SZ-01', price: { kind: 'amount', fen: 128000, unit: '张' } });
    expect(products!.items.map((item) => (item as Product).images.map((i) => i.sha256[0]))).toEqual([['a'], ['b'], ['c']]);
    expect(custom!.model).toBeUndefined();
    expect(material.unsorted.flatMap((entry) => entry.blocks).map((b) => (b.type === 'paragraph' ? b.runs[0]!.text : ''))).toContain(
      '2027年产品手册',
    );
  });

  it('gives a picture named for the product after it to that product when the pictures do not lead', () => {
    const named: SourceBlock[] = [
      facts('实木书桌', 'SZ-01', '1280元/张'),
      picture('b', '实木书桌'),
      facts('实木书桌', 'SZ-02', '1480元/张'),
      picture('c', '定制衣柜'),
      facts('定制衣柜', 'YG-1', '面议'),
    ];
    const material = structureDocument(named, '产品.docx', env, { today: TODAY });
    const images = of(material.columns, 'products')!.items.map((item) => (item as Product).images.map((i) => i.sha256[0]));
    expect(images).toEqual([[], ['b'], ['c']]);
  });

  it('pays a piece rate by the rate a later clause names', () => {
    expect(extractPay('有经验，按件计件，每件15元，多劳多得。').pay).toBe('按件计件，每件15元');
  });

  it('keeps 制品 after one material’s character in the short name', () => {
    const region = { province: '湖南省', city: '益阳市', district: '安化县' };
    expect(shortNameOf('安化县山林竹制品厂', region)).toBe('山林竹制品');
    expect(shortNameOf('安化县联华包装制品厂', region)).toBe('联华包装');
    expect(shortNameOf('安化县青山艾草制品厂', region)).toBe('青山艾草');
  });
});
