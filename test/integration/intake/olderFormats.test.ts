/**
 * More formats Chinese customers hand over, through `sites.import` on a real backend: .rar and .7z
 * archives (WeChat/QQ transfers), old PowerPoint .ppt and WPS .dps, WPS files saved as OOXML under
 * their old names, BMP pictures and multi-page TIFF scans. What cannot be read is named with the
 * reason and the rest goes on. Fixtures: test/fixtures/formats (made by make/formats.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readAsset } from '../../../electron/backend/domains/assets/store';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import type { Site } from '../../../shared/api/sites';
import { itemTitle, type Item } from '../../../shared/sites/model';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { xlsWorkbook } from '../../helpers/legacyXls';
import { FIXTURES_DIR } from '../../helpers/paths';
import { buildDocx } from '../../fixtures/materials/make/docx';
import { buildPptx } from '../../fixtures/materials/make/office';
import { bmpOf } from '../../fixtures/materials/make/formats';
import { teaEnterprise } from '../sites/support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
afterAll(() => stopReadWorker());

const FORMATS = path.join(FIXTURES_DIR, 'formats');
const fixture = (name: string) => readFileSync(path.join(FORMATS, name));

async function importFiles(
  files: Record<string, Uint8Array | string>,
): Promise<{ b: TestBackend; site: Site; problems: [string, string][] }> {
  const b = createTestBackend();
  backends.push(b);
  const enterpriseId = await teaEnterprise(b);
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  const report = await b.call('sites.import', { enterpriseId, paths: [dir] });
  const site = await b.call('sites.get', { siteId: report.siteId });
  return { b, site, problems: report.problems.map((p) => [p.file, p.code]) };
}

const name = (item: Item) => (item.kind === 'product' ? item.name : itemTitle(item));
const products = (site: Site) => site.content.columns.find((c) => c.type === 'products')?.items ?? [];
const prices = (site: Site) =>
  products(site).map((i) => (i.kind === 'product' && i.price?.kind === 'amount' ? [i.name, i.price.fen, i.price.unit] : [name(i)]));
const imagesOf = (item: Item) => ('images' in item ? item.images : []);
const photosOf = (site: Site) => Object.fromEntries(products(site).map((i) => [name(i), imagesOf(i).map((image) => image.fileName ?? '')]));

/** Every picture the site holds (items, columns, logo, tray), once per file name. */
function pictures(site: Site): { sha256: string; fileName: string }[] {
  const found = new Map<string, { sha256: string; fileName: string }>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.sha256 === 'string' && typeof object.fileName === 'string')
        found.set(object.fileName, { sha256: object.sha256, fileName: object.fileName });
      else Object.values(object).forEach(walk);
    }
  };
  walk(site.content);
  return [...found.values()];
}

describe('.rar and .7z archives', () => {
  it('reads a .rar like a .zip: its text into items, its photo onto the item it names; an encrypted entry and an archive inside are named, the rest goes on', async () => {
    const { site, problems } = await importFiles({ '资料.rar': fixture('资料.rar') });
    expect(problems).toEqual([
      ['资料.rar/资料/报价单.txt', 'archive.encrypted'],
      ['资料.rar/资料/旧资料.zip', 'archive.nested'],
    ]);
    expect(prices(site)).toEqual([
      ['白茶', 26800, '斤'],
      ['红茶', 19800, '斤'],
    ]);
    expect(photosOf(site)['白茶']).toEqual(['白茶.jpg']);
  });

  it('reads a .7z; a .7z with a password and a damaged .rar are named with their reasons while the other files go in', async () => {
    const rar = fixture('资料.rar');
    const { site, problems } = await importFiles({
      '资料.7z': fixture('资料.7z'),
      '加密.7z': fixture('加密.7z'),
      '损坏.rar': rar.subarray(0, 60),
      '说明.txt': '产品介绍\n白茶 268元/斤',
    });
    expect(problems).toEqual([
      ['加密.7z', 'archive.encrypted'],
      ['损坏.rar', 'archive.unreadable'],
    ]);
    expect(prices(site)).toEqual([
      ['白茶', 26800, '斤'],
      ['龙井', 36800, '斤'],
      ['碧螺春', 29800, '斤'],
    ]);
    expect(photosOf(site)['龙井']).toEqual(['龙井.jpg']);
  });

  it('refuses a .7z that unpacks to far more than it weighs before unpacking it', async () => {
    // 60 MB of zeros packed into a few kilobytes.
    const bomb = fixture('炸弹.7z');
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const { problems, site } = await importFiles({ '炸弹.7z': bomb, '说明.txt': '产品介绍\n白茶 268元/斤' });
    expect(problems).toEqual([['炸弹.7z', 'archive.too_large']]);
    expect(prices(site)).toEqual([['白茶', 26800, '斤']]);
  });
});

describe('old PowerPoint .ppt and WPS .dps', () => {
  it('reads each slide like a .pptx slide: titles under a column title become items with their text, prices and pictures', async () => {
    const ppt = fixture('茶庄介绍.ppt');
    for (const file of ['茶庄介绍.ppt', '茶庄介绍.dps']) {
      const { site, problems } = await importFiles({ [file]: ppt });
      expect(problems, file).toEqual([]);
      expect(prices(site), file).toEqual([
        ['西湖龙井', 36800, '斤'],
        ['安溪铁观音', 26800, '斤'],
      ]);
      // Each slide's own picture (a JPEG, a PNG) went with the item its slide names.
      expect(products(site).map((i) => imagesOf(i).length)).toEqual([1, 1]);
    }
  });

  it('names an encrypted and a damaged presentation with their reasons, and the rest goes on', async () => {
    const encrypted = CFB.utils.cfb_new();
    CFB.utils.cfb_add(encrypted, '/PowerPoint Document', Buffer.alloc(64));
    CFB.utils.cfb_add(encrypted, '/EncryptedSummary', Buffer.alloc(64));
    const damaged = CFB.utils.cfb_new();
    CFB.utils.cfb_add(damaged, '/PowerPoint Document', Buffer.from('not records at all'));
    const { site, problems } = await importFiles({
      '加密.ppt': Buffer.from(CFB.write(encrypted, { type: 'buffer' }) as Uint8Array),
      '损坏.dps': Buffer.from(CFB.write(damaged, { type: 'buffer' }) as Uint8Array),
      '茶庄介绍.ppt': fixture('茶庄介绍.ppt'),
    });
    expect(problems).toEqual([
      ['加密.ppt', 'pptx.encrypted'],
      ['损坏.dps', 'pptx.unreadable'],
    ]);
    expect(products(site).map(name)).toEqual(['西湖龙井', '安溪铁观音']);
  });
});

describe('files read by their content, not their name', () => {
  it('reads WPS files saved as OOXML under .wps, .et and .dps, and a workbook named .doc', async () => {
    const et = xlsWorkbook([
      {
        name: 'Sheet1',
        rows: [
          ['品名', '价格'],
          ['普洱', 158],
        ],
      },
    ]);
    const { site, problems } = await importFiles({
      '公司简介.wps': buildDocx([{ p: '招聘信息', style: 'heading 1' }, { p: '茶艺师 2名：月薪5000元' }]),
      '价目表.et': readFileSync(path.join(FIXTURES_DIR, 'materials', 'corpus', 'jinding-building-materials', '2026年产品价格表.xlsx')),
      '介绍.dps': buildPptx([
        { title: '产品展示', body: ['本店主营各类名茶'] },
        { title: '白毫银针', body: ['价格：468元/斤'] },
      ]),
      '报价.doc': et,
    });
    expect(problems).toEqual([]);
    const items = site.content.columns.flatMap((c) => c.items.map((i) => `${c.type}:${name(i)}`));
    expect(items).toEqual(expect.arrayContaining(['jobs:茶艺师', 'products:白毫银针', 'products:普洱']));
    // The .xlsx under .et gave its rows too (more products than the two above).
    expect(products(site).length).toBeGreaterThan(4);
  });
});

describe('BMP pictures and multi-page TIFF scans', () => {
  it('stores BMPs (24-bit and 8-bit with a palette) as site photos, each page of a TIFF as a photo of its own; a damaged BMP is named', async () => {
    const { b, site, problems } = await importFiles({
      '门店.bmp': fixture('门店.bmp'),
      '招牌.bmp': fixture('招牌.bmp'),
      '扫描件.tif': fixture('扫描件.tif'),
      '坏图.bmp': fixture('门店.bmp').subarray(0, 200),
    });
    expect(problems).toEqual([['坏图.bmp', 'image.damaged']]);
    const held = pictures(site);
    expect(held.map((i) => i.fileName).sort()).toEqual(
      ['扫描件（第1页）.tif', '扫描件（第2页）.tif', '扫描件（第3页）.tif', '招牌.bmp', '门店.bmp'].sort(),
    );
    const sign = held.find((i) => i.fileName === '招牌.bmp')!;
    const { data, info } = await sharp(readAsset(b.dataDir, sign.sha256)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([90, 30]);
    // Red on the left, yellow in the middle, as drawn (8-bit palette, rows bottom-up).
    const at = (x: number) => [...data.subarray((15 * 90 + x) * info.channels, (15 * 90 + x) * info.channels + 3)];
    expect(at(10).map((v) => Math.round(v / 20))).toEqual([10, 1, 1]);
    expect(at(45).map((v) => Math.round(v / 25))).toEqual([10, 9, 0]);
    const pages = await Promise.all(
      held.filter((i) => i.fileName.startsWith('扫描件')).map(async (i) => (await sharp(readAsset(b.dataDir, i.sha256)).metadata()).height),
    );
    expect(pages).toEqual([280, 280, 280]);
  });

  it('stores a tiny BMP as a JPEG of its size', async () => {
    const original = await sharp({ create: { width: 7, height: 5, channels: 3, background: { r: 10, g: 200, b: 90 } } })
      .png()
      .toBuffer();
    const { b, site, problems } = await importFiles({ '小图.bmp': await bmpOf(original) });
    expect(problems).toEqual([]);
    const stored = pictures(site).find((p) => p.fileName === '小图.bmp')!;
    const meta = await sharp(readAsset(b.dataDir, stored.sha256)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 7, 5]);
  });
});

/** A zip with some of its parts rewritten (`edit` gets each part's text) and others added. */
function rezip(bytes: Uint8Array, edit: Record<string, (xml: string) => string>, add: Record<string, Uint8Array>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [part, change] of Object.entries(edit)) files[part] = strToU8(change(strFromU8(files[part]!)));
  return zipSync({ ...files, ...add });
}

/** A transparent PNG with a compact emblem: a logo's shape. */
const logoPng = () =>
  sharp({ create: { width: 120, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      { input: { create: { width: 60, height: 60, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 1 } } }, left: 30, top: 30 },
    ])
    .png()
    .toBuffer();

describe('pictures on a template (slide layouts, master pages)', () => {
  it('offers the picture on a .pptx slide layout and on an .odt letterhead as photos: a logo’s shape becomes the logo', async () => {
    const logo = await logoPng();
    const pptx = rezip(
      buildPptx([
        { title: '产品展示', body: ['本店主营各类名茶'] },
        { title: '白毫银针', body: ['价格：468元/斤'] },
      ]),
      {
        'ppt/slideLayouts/slideLayout1.xml': (xml) =>
          xml.replace(
            '</p:spTree>',
            '<p:pic><p:nvPicPr><p:cNvPr id="7" name="标志"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdLogo"/></p:blipFill>' +
              '<p:spPr><a:xfrm><a:off x="100" y="100"/><a:ext cx="900000" cy="900000"/></a:xfrm></p:spPr></p:pic></p:spTree>',
          ),
        'ppt/slideLayouts/_rels/slideLayout1.xml.rels': (xml) =>
          xml.replace(
            '</Relationships>',
            '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/emblem.png"/></Relationships>',
          ),
      },
      { 'ppt/media/emblem.png': logo },
    );
    const slides = await importFiles({ '介绍.pptx': pptx });
    expect(slides.problems).toEqual([]);
    expect(products(slides.site).map(name)).toEqual(['白毫银针']);
    expect(slides.site.content.profile.logo?.fileName).toBe('emblem.png');

    const letterPhoto = await sharp({ create: { width: 200, height: 60, channels: 3, background: { r: 30, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer();
    const odt = rezip(
      fixture('公司简介.odt'),
      {
        'styles.xml': (xml) =>
          xml.replace(
            '<style:master-page style:name="Standard" style:page-layout-name="Mpm1"/>',
            '<style:master-page style:name="Standard" style:page-layout-name="Mpm1"><style:header><text:p>' +
              '<draw:frame draw:name="信头" svg:width="5cm" svg:height="1.5cm"><draw:image xlink:href="Pictures/letterhead.jpg"/></draw:frame>' +
              '</text:p></style:header></style:master-page>',
          ),
      },
      { 'Pictures/letterhead.jpg': letterPhoto },
    );
    const letter = await importFiles({ '公司简介.odt': odt });
    expect(letter.problems).toEqual([]);
    expect(pictures(letter.site).map((p) => p.fileName)).toContain('letterhead.jpg');
  });
});

describe('struck-through text in old Excel and OpenDocument workbooks', () => {
  it('imports a price list from .xls, .et and .ods without struck prices or the struck (withdrawn) product', async () => {
    const struck = (name: string) => fixture(path.join('struck', name));
    const expected = [['铁观音', 12800, undefined], ['大红袍', 16800, undefined], ['茉莉花茶'], ['正山小种', 15000, undefined]];
    for (const [file, bytes] of [
      ['茶叶价目.xls', struck('划线价目.xls')],
      ['茶叶价目.et', struck('划线价目.xls')],
      ['茶叶价目.ods', struck('划线价目.ods')],
    ] as const) {
      const { site, problems } = await importFiles({ [file]: bytes });
      expect(problems, file).toEqual([]);
      expect(prices(site), file).toEqual(expected);
    }
  });
});
