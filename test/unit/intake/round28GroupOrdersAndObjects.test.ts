/**
 * Round 28 (c)'s new shapes (issue 9): a WeChat group order (群接龙) copied to text, an Excel range pasted into Word or
 * PowerPoint as a worksheet object (the workbook embedded, a preview picture shown), a photo named like variants of one
 * product, a southern 阿X beside a number and the 发制品 trade in a short name. The material is made up for the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { parseContactLines } from '../../../electron/backend/domains/intake/fields';
import { withoutGroupOrders } from '../../../electron/backend/domains/intake/groupOrder';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { readPresentation } from '../../../electron/backend/domains/intake/presentation';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { readXlsx, sheetBlocks } from '../../../electron/backend/domains/intake/spreadsheet';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { Column, Product } from '../../../shared/sites/model';
import { itemTitles, listColumn, namedProduct, structuredText, TODAY } from '../../helpers/structuredText';

const dataDir = mkdtempSync(path.join(tmpdir(), 'round28-objects-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const of = (columns: Column[], type: Column['type']) => columns.find((c) => c.type === type);

describe('a WeChat group order (群接龙)', () => {
  const ORDER = [
    '#接龙',
    '阿芳家土鸡蛋本周团购（周五送货）',
    '',
    '自家散养的走地鸡，吃玉米和青菜长大，村里满10个免费送到家门口',
    '走地鸡蛋 1.5元/个，20个起',
    '土鸡（约三斤，现杀）120元/只',
    '农家腊肠（五花肉做的）45元/斤',
    '自提地址：某某村口小卖部',
    '订货电话：13800001111（阿芳，微信同号）',
    '',
    '例 张三 鸡蛋30个 自提',
    '',
    '1. 李姐 鸡蛋20个 自提',
    '2. 小王 土鸡1只 腊肠2斤',
    '3. 🌼老陈🌼 鸡蛋40个 送到家',
    '4. 兴旺饭庄 土鸡5只',
  ].join('\n');

  it('reads the organiser’s goods and leaves out the sample and the members’ orders', () => {
    const material = structuredText(ORDER, '群接龙.txt');
    expect(itemTitles(of(material.columns, 'products'))).toEqual(['走地鸡蛋', '土鸡（约三斤，现杀）', '农家腊肠（五花肉做的）']);
    const prices = of(material.columns, 'products')!.items.map((item) => (item as Product).price);
    expect(prices).toMatchObject([
      { fen: 150, unit: '个' },
      { fen: 12000, unit: '只' },
      { fen: 4500, unit: '斤' },
    ]);
    const everything = JSON.stringify(material);
    for (const word of ['李姐', '兴旺饭庄', '张三', '#接龙']) expect(everything).not.toContain(word);
  });

  it('names the person 阿芳 beside the number', () => {
    expect(parseContactLines(['订货电话：13800001111（阿芳，微信同号）'])?.person).toBe('阿芳');
    expect(parseContactLines(['手机13800001111 阿强'])?.person).toBe('阿强');
    expect(parseContactLines(['电话：13800001111 阿里旺旺同号'])?.person).toBeUndefined();
  });

  it('knows a group order without its tag by the sample over entries counted from 1, and leaves other numbered lists alone', () => {
    const untagged = ['周末水果团', '砂糖橘 5元/斤', '', '例 名字 砂糖橘5斤', '', '1. 小李 5斤', '2. 小赵 10斤'];
    expect(withoutGroupOrders(untagged).filter(Boolean)).toEqual(['周末水果团', '砂糖橘 5元/斤']);
    const steps = ['办理流程', '1. 带身份证到店', '2. 填表', '3. 领卡'];
    expect(withoutGroupOrders(steps)).toEqual(steps);
  });

  it('does not join a line of prose with the priced lines under it', () => {
    const material = structuredText(
      '本店的豆腐都是石磨现磨的，卤水点的，每天早上五点开始做\n老豆腐 3元/斤\n嫩豆腐（盒装）4元/盒\n',
      '价目.txt',
    );
    expect(itemTitles(of(material.columns, 'products'))).toEqual(['老豆腐', '嫩豆腐（盒装）']);
  });
});

/** A workbook of a price list whose unit stands in the price's header. */
async function priceWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows([
    ['品名', '规格', '单价（元/㎡）'],
    ['防滑瓷砖', '600×600', 45],
    ['仿古砖', '300×300', 38],
    ['大理石台面', '定制', 560],
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const preview = () =>
  sharp({ create: { width: 120, height: 60, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();

const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A .docx with a paragraph, a worksheet object (its VML preview and the embedded workbook) and a paragraph. */
async function docxWithWorksheetObject(): Promise<Uint8Array> {
  const body = [
    '<w:p><w:r><w:t>本店经营各类瓷砖石材，量大从优。</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:object w:dxaOrig="8000" w:dyaOrig="3000">',
    '<v:shape id="_x0000_i1025" style="width:400pt;height:150pt" o:ole=""><v:imagedata r:id="rIdPreview" o:title=""/></v:shape>',
    '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" ObjectID="_1" r:id="rIdSheet"/>',
    '</w:object></w:r></w:p>',
    '<w:p><w:r><w:t>说明：以上价格不含安装。</w:t></w:r></w:p>',
  ].join('');
  const document =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
    `xmlns:r="${RELS_NS}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Default Extension="png" ContentType="image/png"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS_NS}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(document),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdPreview" Type="${RELS_NS}/image" Target="media/image1.png"/>` +
        `<Relationship Id="rIdSheet" Type="${RELS_NS}/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>`,
    ),
    'word/media/image1.png': new Uint8Array(await preview()),
    'word/embeddings/Microsoft_Excel_Worksheet.xlsx': await priceWorkbook(),
  });
}

/** A one-slide .pptx: a title and a worksheet object written as PowerPoint does (the new form, and the old with its preview). */
async function pptxWithWorksheetObject(): Promise<Uint8Array> {
  const object = (inner: string) =>
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="4" name="对象 3"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>` +
    `<p:xfrm><a:off x="900000" y="1600000"/><a:ext cx="7000000" cy="3000000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">` +
    `<p:oleObj name="Worksheet" r:id="rIdSheet" progId="Excel.Sheet.12">${inner}</p:oleObj></a:graphicData></a:graphic></p:graphicFrame>`;
  const slide =
    `<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${RELS_NS}" ` +
    `xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><p:cSld><p:spTree>` +
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="标题 1"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:txBody><a:p><a:r><a:t>产品价格</a:t></a:r></a:p></p:txBody></p:sp>` +
    `<mc:AlternateContent><mc:Choice Requires="v">${object('<p:embed/>')}</mc:Choice><mc:Fallback>${object(
      '<p:embed/><p:pic><p:nvPicPr><p:cNvPr id="0" name=""/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rIdPreview"/></p:blipFill><p:spPr/></p:pic>',
    )}</mc:Fallback></mc:AlternateContent></p:spTree></p:cSld></p:sld>`;
  return zipSync({
    'ppt/presentation.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:r="${RELS_NS}"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst></p:presentation>`,
    ),
    'ppt/_rels/presentation.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${RELS_NS}/slide" Target="slides/slide1.xml"/></Relationships>`,
    ),
    'ppt/slides/slide1.xml': strToU8(slide),
    'ppt/slides/_rels/slide1.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdPreview" Type="${RELS_NS}/image" Target="../media/image1.png"/>` +
        `<Relationship Id="rIdSheet" Type="${RELS_NS}/package" Target="../embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>`,
    ),
    'ppt/media/image1.png': new Uint8Array(await preview()),
    'ppt/embeddings/Microsoft_Excel_Worksheet.xlsx': await priceWorkbook(),
  });
}

describe('an Excel worksheet object pasted into Word or PowerPoint', () => {
  it('reads a .docx’s embedded workbook as its sheet where it stands, the unit from the price header, the preview not stored', async () => {
    const output = await readDocument({ kind: 'docx', file: '报价单.docx', bytes: await docxWithWorksheetObject(), dataDir, today: TODAY });
    expect(output.problems).toEqual([]);
    expect(output.images).toEqual([]);
    expect(output.pasted).toEqual([]);
    const material = output.documents[0]!.material;
    const products = of(material.columns, 'products')!.items as Product[];
    expect(products.map((p) => [p.name, p.price])).toEqual([
      ['防滑瓷砖', { kind: 'amount', fen: 4500, unit: '㎡' }],
      ['仿古砖', { kind: 'amount', fen: 3800, unit: '㎡' }],
      ['大理石台面', { kind: 'amount', fen: 56000, unit: '㎡' }],
    ]);
  });

  it('reads a slide’s embedded workbook once, as a table below the title, and stores no preview', async () => {
    const stored: string[] = [];
    const blocks = await readPresentation(
      await pptxWithWorksheetObject(),
      (_bytes, name) => {
        stored.push(name);
        return Promise.resolve('a'.repeat(64));
      },
      () => {},
      async (bytes) => sheetBlocks(await readXlsx(bytes)),
    );
    expect(stored).toEqual([]);
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'table']);
    expect(textOf(blocks[0]!)).toBe('产品价格');
    const table = blocks[1]!;
    expect(table.type === 'table' && table.rows.length).toBe(4);
  });
});

describe('names', () => {
  it('gives a photo named like variants of one product to the first of them', () => {
    const shirts = listColumn('products', [
      namedProduct('男装衬衫（长袖）', 'a'),
      namedProduct('男装衬衫（短袖）', 'b'),
      namedProduct('女装衬衫', 'c'),
    ]);
    const match = matchPhoto('男装衬衫.jpg', [shirts]);
    expect(match.kind === 'item' && match.item.id).toBe('a');
    // Sizes of one name are variants too.
    const sizes = listColumn('products', [namedProduct('绿茶 250克', 'f'), namedProduct('绿茶 500克', 'g')]);
    const size = matchPhoto('绿茶.jpg', [sizes]);
    expect(size.kind === 'item' && size.item.id).toBe('f');
    // Two different things the name is part of stay undecided.
    const teas = listColumn('products', [namedProduct('红茶礼盒', 'd'), namedProduct('红茶散装', 'e')]);
    expect(matchPhoto('红茶.jpg', [teas]).kind).toBe('ambiguous');
  });

  it('keeps 发制品 (hair goods) in a short name', () => {
    const region = { province: '河南省', city: '许昌市', district: '魏都区' };
    expect(shortNameOf('许昌秀丽发制品有限公司', region)).toBe('秀丽发制品');
  });
});
