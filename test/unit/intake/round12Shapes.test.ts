/**
 * Shapes of customer material the held-out round 12 showed the importer did not read (issue 9): a
 * price table whose unit stands in a 计价单位 column, lines typed with bars (品名|价格|说明) and ---
 * rules, a slide's speaker notes. The text is made up for the tests.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readPresentation } from '../../../electron/backend/domains/intake/presentation';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column } from '../../../shared/sites/model';
import { buildPptx } from '../../fixtures/materials/make/office';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const cells = (rows: string[][]): SourceBlock => ({ type: 'table', header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });
const structure = (blocks: SourceBlock[], file = 'a.docx') => structureDocument(blocks, file, env, { today: TODAY });

describe('a price table with a 计价单位 column', () => {
  it('reads the bare number under 单价（元） as the price per the unit column', () => {
    const table = cells([
      ['序号', '服务项目', '计价单位', '单价（元）', '备注'],
      ['1', '日语笔译', '千字', '180', '按中文字符计'],
      ['2', '展会口译', '天', '1500', ''],
    ]);
    const products = column(structure([table]).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['日语笔译', '展会口译']);
    expect(products.items[0]).toMatchObject({ price: { kind: 'amount', fen: 18000, unit: '千字' } });
    expect(products.items[1]).toMatchObject({ price: { kind: 'amount', fen: 150000, unit: '天' } });
  });
});

describe('a rental price table', () => {
  it('reads 月租金（元） per the unit column and per month, the 丢失赔偿价 beside it no price', () => {
    const table = cells([
      ['序号', '物资名称', '单位', '月租金（元）', '丢失赔偿价（元）'],
      ['1', '钢模板', '平方米', '12', '260'],
      ['2', '木方', '立方米', '90', '1800'],
    ]);
    const products = column(structure([table]).columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['钢模板', '木方']);
    expect(products.items[0]).toMatchObject({ price: { kind: 'amount', fen: 1200, unit: '平方米·月' } });
    expect(products.items[1]).toMatchObject({ price: { kind: 'amount', fen: 9000, unit: '立方米·月' } });
  });
});

describe('a table with a 品牌型号 column and no name column', () => {
  it('names each product by its brand and model, not by the spec beside it', () => {
    const table = cells([
      ['品牌型号', '电池', '续航', '售价'],
      ['绿源 S30', '60V20Ah铅酸', '80公里', '2899元'],
      ['小牛 G2', '48V24Ah锂电', '70公里', '3299元'],
    ]);
    expect(titles(structure([table]).columns, 'products')).toEqual(['绿源 S30', '小牛 G2']);
  });
});

describe('lines typed with bars', () => {
  it('reads 品名|价格|说明 lines as a table of items, a --- line ending it', () => {
    const text = [
      '品名|价格|说明',
      '绿豆糕|6元/盒|现做',
      '桃酥|10元/斤|',
      '芝麻饼|2元/个|早上有',
      '---',
      '每天早上现做，卖完为止，欢迎乡亲们来尝尝。',
    ].join('\n');
    const blocks = linesToBlocks(textLines(text));
    expect(blocks[0]).toMatchObject({ type: 'table' });
    expect(blocks.some((b) => b.type === 'paragraph' && b.runs[0]!.text === '---')).toBe(false);
    const products = column(structure(blocks, 'a.txt').columns, 'products')!;
    expect(products.items.map(itemTitle)).toEqual(['绿豆糕', '桃酥', '芝麻饼']);
    expect(products.items[1]).toMatchObject({ price: { kind: 'amount', fen: 1000, unit: '斤' } });
  });
});

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A speaker-notes page for slide n: a slide image placeholder, then the body with the notes. */
function withNotes(pptx: Uint8Array, n: number, notes: string): Uint8Array {
  const files = unzipSync(pptx);
  const ns = `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"`;
  files[`ppt/notesSlides/notesSlide${n}.xml`] = strToU8(
    `<p:notes ${ns}><p:cSld><p:spTree>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="2" name=""/><p:cNvSpPr/><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr></p:sp>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="3" name=""/><p:cNvSpPr/><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>` +
      `<p:txBody><a:p><a:r><a:t>${notes}</a:t></a:r></a:p></p:txBody></p:sp>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="4" name=""/><p:cNvSpPr/><p:nvPr><p:ph type="sldNum" idx="5"/></p:nvPr></p:nvSpPr>` +
      `<p:txBody><a:p><a:r><a:t>${n}</a:t></a:r></a:p></p:txBody></p:sp>` +
      `</p:spTree></p:cSld></p:notes>`,
  );
  const rels = `ppt/slides/_rels/slide${n}.xml.rels`;
  files[rels] = strToU8(
    strFromU8(files[rels]!).replace(
      '</Relationships>',
      `<Relationship Id="rIdN" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide${n}.xml"/></Relationships>`,
    ),
  );
  return zipSync(files);
}

describe('a slide with speaker notes', () => {
  it('reads the notes as the slide’s text after its body, without the notes page’s number', async () => {
    const pptx = withNotes(
      buildPptx([
        { title: '城南洗衣店', subtitle: '干洗 · 水洗 · 熨烫' },
        { title: '服务项目', body: ['衣物干洗、水洗、熨烫'] },
        { title: '联系我们', body: ['电话：0535-1234567'] },
      ]),
      2,
      '羽绒服干洗30元/件，西装干洗25元/套。',
    );
    const texts = (await readPresentation(pptx, async () => undefined)).flatMap((b) =>
      b.type === 'paragraph' || b.type === 'heading' ? [b.runs.map((r) => r.text).join('')] : [],
    );
    expect(texts.indexOf('羽绒服干洗30元/件，西装干洗25元/套。')).toBe(texts.indexOf('衣物干洗、水洗、熨烫') + 1);
    expect(texts.indexOf('联系我们')).toBe(texts.indexOf('衣物干洗、水洗、熨烫') + 2);
    expect(texts).not.toContain('2');
  });
});
