/**
 * Shapes of customer material the held-out round 17 showed the importer misread (issue 9): goods folded away
 * under a sheet's outline groups, category rows counting their goods, a 品牌 column before the name, pictures
 * in a sheet's cells (WPS) or anchored over its rows, and shop and deal pages copied as text. The text is
 * made up for the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { readXlsx, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column, type Item, type Product } from '../../../shared/sites/model';
import { withWpsCellImages } from '../../fixtures/materials/make/cellImages';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const products = (columns: Column[]) => columns.filter((c) => c.type === 'products').flatMap((c) => c.items);
const fromText = (text: string) => structureDocument(linesToBlocks(textLines(text)), 'a.txt', env, { today: TODAY });
const fromSheets = (sheets: Sheet[]) => structureDocument(sheetBlocks(sheets), '价目.xlsx', env, { today: TODAY });
const priceFen = (item: Item | undefined) => ((item as Product | undefined)?.price as { fen?: number } | undefined)?.fen;

const dataDir = mkdtempSync(path.join(tmpdir(), 'round17-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const workbookBytes = async (workbook: ExcelJS.Workbook) => new Uint8Array(await workbook.xlsx.writeBuffer());
const picture = (colour: string) =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

describe('goods folded away under outline groups', () => {
  it('keeps the rows an outline group folds away and leaves out a row hidden by hand', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('价目');
    sheet.addRows([
      ['品名', '单价'],
      ['水果类', ''],
      ['红富士苹果', 6],
      ['砂糖橘', 5],
      ['旧款果篮', 99],
      ['蔬菜类', ''],
      ['西红柿', 3],
    ]);
    for (const row of [3, 4, 7]) Object.assign(sheet.getRow(row), { outlineLevel: 1, hidden: true });
    sheet.getRow(5).hidden = true;
    const rows = (await readXlsx(await workbookBytes(workbook)))[0]!.rows.map((r) => r[0]);
    expect(rows).toEqual(['品名', '水果类', '红富士苹果', '砂糖橘', '蔬菜类', '西红柿']);
  });

  it('reads a bold category row that counts its goods (共3个品种) as a category, not a product', () => {
    const result = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['品名', '规格', '单价（元）', '备注'],
          ['干货类', '', '', '共2个品种'],
          ['香菇', '500克', '38', ''],
          ['木耳', '250克', '26', ''],
          ['调料类', '', '', '3种'],
          ['花椒', '100克', '12', ''],
          ['八角', '100克', '10', ''],
          ['桂皮', '100克', '9', ''],
        ],
      },
    ]);
    const items = products(result.columns) as Product[];
    expect(items.map(itemTitle)).toEqual(['香菇', '木耳', '花椒', '八角', '桂皮']);
    expect(items.map((p) => p.category)).toEqual(['干货类', '干货类', '调料类', '调料类', '调料类']);
  });
});

describe('a 品牌 column before the name', () => {
  it('names each product by its brand and name, unless the name already says the brand', () => {
    const result = fromSheets([
      {
        name: 'Sheet1',
        rows: [
          ['品牌', '产品名称', '规格', '价格'],
          ['青松', '实木复合地板', '1.2米', '268'],
          ['蓝海', '防水石膏板', '9.5mm', '35'],
          ['蓝海', '蓝海轻钢龙骨', '3米', '18'],
        ],
      },
    ]);
    expect(products(result.columns).map(itemTitle)).toEqual(['青松 实木复合地板', '蓝海 防水石膏板', '蓝海轻钢龙骨']);
  });
});

/** An .xlsx as WPS saves pictures in cells: each picture cell holds `=DISPIMG("ID_…",1)`, xl/cellimages.xml the pictures. */
async function wpsCellPictureWorkbook(
  rows: (string | number | { picture: string })[][],
  pictures: Record<string, Buffer>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      sheet.getCell(r + 1, c + 1).value =
        typeof cell === 'object' ? { formula: `_xlfn.DISPIMG("${cell.picture}",1)`, result: `=DISPIMG("${cell.picture}",1)` } : cell;
    }),
  );
  return withWpsCellImages(
    await workbookBytes(workbook),
    Object.entries(pictures).map(([id, bytes]) => ({ id, bytes })),
  );
}

const photosByTitle = (items: Item[]) =>
  Object.fromEntries(items.map((item) => [itemTitle(item), item.kind === 'product' ? item.images.map((i) => i.sha256) : []]));

describe('pictures in a sheet', () => {
  it('gives each WPS in-cell picture to its row’s product, a row without a picture getting none', async () => {
    const [red, green] = await Promise.all([picture('#c33'), picture('#3c3')]);
    const bytes = await wpsCellPictureWorkbook(
      [
        ['服务项目', '效果图', '价格'],
        ['精修剪发', { picture: 'ID_AAA' }, 58],
        ['头皮护理', '', 98],
        ['烫发造型', { picture: 'ID_BBB' }, 288],
      ],
      { ID_AAA: red, ID_BBB: green },
    );
    const output = await readDocument({ kind: 'xlsx', file: '价目.xlsx', bytes, dataDir, today: TODAY });
    const items = products(output.documents[0]!.material.columns);
    const [first, second] = output.images.map((i) => i.sha256);
    expect(photosByTitle(items)).toEqual({ 精修剪发: [first], 头皮护理: [], 烫发造型: [second] });
    expect(priceFen(items[0])).toBe(5800);
  });

  it('gives an Excel picture placed in a cell (rich value data) to its row’s product', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('价目');
    sheet.addRows([
      ['品名', '图片', '单价'],
      ['手工水饺', '', 30],
      ['葱油饼', 'x', 8],
    ]);
    const files = unzipSync(await workbookBytes(workbook));
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']!);
    files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml.replace(/<c r="B3"[^>]*>.*?<\/c>/, '<c r="B3" t="e" vm="1"><v>#VALUE!</v></c>'));
    const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`);
    files['xl/metadata.xml'] = xml(
      '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata">' +
        '<metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes>' +
        '<futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"><xlrd:rvb i="0"/></ext></extLst></bk></futureMetadata>' +
        '<valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>',
    );
    files['xl/richData/rdrichvaluestructure.xml'] = xml(
      '<rvStructures xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1"><s t="_localImage"><k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>',
    );
    files['xl/richData/rdrichvalue.xml'] = xml(
      '<rvData xmlns="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" count="1"><rv s="0"><v>0</v><v>5</v></rv></rvData>',
    );
    files['xl/richData/richValueRel.xml'] = xml(
      '<richValueRels xmlns="http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><rel r:id="rId1"/></richValueRels>',
    );
    files['xl/richData/_rels/richValueRel.xml.rels'] = xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
    );
    files['xl/media/image1.png'] = new Uint8Array(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#963' } })
        .png()
        .toBuffer(),
    );
    const output = await readDocument({ kind: 'xlsx', file: '价目.xlsx', bytes: zipSync(files), dataDir, today: TODAY });
    const items = products(output.documents[0]!.material.columns);
    expect(photosByTitle(items)).toEqual({ 手工水饺: [], 葱油饼: [output.images[0]!.sha256] });
  });

  it('gives a floating picture anchored over a row to that row’s product', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRows([
      ['品名', '图片', '单价'],
      ['竹编收纳篮', '', 45],
      ['藤编坐垫', '', 32],
    ]);
    const image = workbook.addImage({ buffer: (await picture('#36c')) as unknown as ExcelJS.Buffer, extension: 'jpeg' });
    sheet.addImage(image, { tl: { col: 1.1, row: 2.2 }, ext: { width: 40, height: 40 } });
    const output = await readDocument({ kind: 'xlsx', file: '价目.xlsx', bytes: await workbookBytes(workbook), dataDir, today: TODAY });
    const items = products(output.documents[0]!.material.columns);
    expect(photosByTitle(items)).toEqual({ 竹编收纳篮: [], 藤编坐垫: [output.images[0]!.sha256] });
  });
});

describe('a deal page copied as text', () => {
  const DEAL_PAGE = [
    '小林洗车美容',
    '4.8分 · 汽车服务 · 人均¥45',
    '',
    '团购',
    '五座轿车精洗',
    '外观+内饰+轮毂',
    '¥39.9',
    '¥68',
    '已售1520',
    '随时退 · 过期自动退',
    '抢购',
    '打蜡单次卡',
    '¥88',
    '¥128',
    '已售310',
    '随时退 · 过期自动退',
    '抢购',
    'SUV深度清洗套餐',
    '适用七座以下',
    '¥99',
    '¥150',
    '已售96',
    '抢购',
    '',
    '查看全部3个团购 >',
  ].join('\n');

  it('reads each deal by its name and price, not its contents line, its promises or the page’s links', () => {
    const items = products(fromText(DEAL_PAGE).columns);
    expect(items.map(itemTitle)).toEqual(['五座轿车精洗', '打蜡单次卡', 'SUV深度清洗套餐']);
    expect(items.map(priceFen)).toEqual([3990, 8800, 9900]);
  });
});

describe('a shop page copied as text', () => {
  it('names each listing without its 【tag】 and search words, under the sort bar', () => {
    const page = [
      '山里人家土特产小店',
      '粉丝3.5万　　店铺体验分 4.7',
      '全部商品　　销量　　新品　　价格',
      '',
      '【产地直发】秦岭土蜂蜜500g 百花蜜 送礼佳品',
      '¥78',
      '已售2.1万',
      '包邮　7天无理由退货',
      '',
      '野生核桃仁250g 手剥薄皮 原味 孕妇零食',
      '¥45.8',
      '已售860',
      '包邮',
      '',
      '——没有更多了——',
    ].join('\n');
    const items = products(fromText(page).columns);
    expect(items.map(itemTitle)).toEqual(['秦岭土蜂蜜500g', '野生核桃仁250g']);
    expect(items.map(priceFen)).toEqual([7800, 4580]);
  });
});
