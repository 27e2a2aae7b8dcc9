import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { convertDocx, DocxProblem } from '../../../electron/backend/domains/intake/docx';
import { structureDocument, textToBlocks } from '../../../electron/backend/domains/intake/structure';
import { columnSchema, formatPrice, itemTitle, plainText, type Column, type Product } from '../../../shared/sites/model';
import { FIXTURES_DIR } from '../../helpers/paths';
import { buildDocx } from '../../fixtures/materials/make/docx';

const FIXTURE = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea');
let counter = 0;
const env = { newId: () => `id-${++counter}` };
const fakeStore = async () => 'f'.repeat(64);

async function fixtureStructure() {
  const { blocks, warnings } = await convertDocx(readFileSync(path.join(FIXTURE, '公司资料.docx')), fakeStore);
  return { ...structureDocument(blocks, '公司资料.docx', env), warnings };
}

const column = (columns: Column[], type: string) => columns.find((c) => c.type === type)!;

describe('auto-structuring the tea company’s Word document', () => {
  it('maps the six headings to six columns by keyword, in document order, each valid for the model', async () => {
    const { columns, unsorted, warnings } = await fixtureStructure();
    expect(columns.map((c) => [c.type, c.title])).toEqual([
      ['intro', '公司简介'],
      ['products', '产品介绍'],
      ['news', '新闻动态'],
      ['jobs', '人才招聘'],
      ['supply', '供求信息'],
      ['contact', '联系我们'],
    ]);
    for (const c of columns) expect(columnSchema.safeParse(c).success).toBe(true);
    expect(unsorted).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('turns each product sub-heading into a product with price and spec taken out of the text', async () => {
    const products = column((await fixtureStructure()).columns, 'products').items as Product[];
    expect(products.map((p) => [p.name, formatPrice(p.price), p.spec ?? ''])).toEqual([
      ['明前龙井', '368元', '250克/罐'],
      ['安溪铁观音', '298元', '500克/盒'],
      ['云南普洱熟茶', '198元', ''],
      ['崂山绿茶', '128元', '250克/袋'],
      ['武夷大红袍', '458元', '200克/盒'],
    ]);
    expect(plainText(products[0]!.description)).toBe('产地浙江杭州，清明前采摘，扁平光滑，香气清高。');
    // No "规格：" label for the 普洱: the weight stays in the text rather than being guessed.
    expect(plainText(products[2]!.description)).toBe('2015年勐海料，357克/饼。');
    // The picture inside the 武夷大红袍 section goes with it, its alt text from the product name.
    expect(products[4]!.images).toEqual([{ sha256: 'f'.repeat(64), alt: '武夷大红袍' }]);
  });

  it('reads news dates, job headcounts and pay, and 【求购】/【供应】 posts', async () => {
    const { columns } = await fixtureStructure();
    expect(column(columns, 'news').items.map((i) => (i.kind === 'article' ? [i.title, i.date] : []))).toEqual([
      ['2026年春茶品鉴会圆满举办', '2026-04-12'],
      ['泰安万达店开业', '2026-06-01'],
    ]);
    expect(
      column(columns, 'jobs').items.map((i) => (i.kind === 'job' ? [i.title, i.headcount, i.pay, plainText(i.requirements)] : [])),
    ).toEqual([
      ['门店茶艺师', 3, '月薪4500-6500元，五险一金', '持有茶艺师证书，形象端正，有门店经验者优先。'],
      ['电商运营专员', 1, '面议', '熟悉淘宝、抖音店铺运营，两年以上经验。'],
    ]);
    expect(column(columns, 'supply').items.map((i) => (i.kind === 'post' ? [i.postKind, i.title] : []))).toEqual([
      ['demand', '长期求购日照绿茶毛茶'],
      ['supply', '供应崂山绿茶礼盒'],
    ]);
  });

  it('records a guess for every column, item and placed picture, pointing at what it created', async () => {
    const { columns, guesses, contactLines } = await fixtureStructure();
    const items = columns.flatMap((c) => c.items);
    expect(guesses.filter((g) => g.rule === 'column.keyword').map((g) => g.target)).toEqual(
      columns.map((c) => ({ kind: 'column', columnId: c.id })),
    );
    const itemGuesses = guesses.filter((g) => g.rule === 'item.subheading' || g.rule === 'post.tag');
    expect(itemGuesses.map((g) => g.target)).toEqual(items.map((i) => ({ kind: 'item', itemId: i.id })));
    expect(guesses.find((g) => g.params.heading === '明前龙井')?.params).toMatchObject({ price: '368元', spec: '250克/罐' });
    expect(guesses.filter((g) => g.rule === 'photo.embedded')).toHaveLength(1);
    expect(guesses.every((g) => g.source === '公司资料.docx')).toBe(true);
    expect(contactLines).toContain('邮箱：service@quanchengtea.example');
    expect(items.map(itemTitle)).toContain('武夷大红袍');
  });
});

describe('Word documents with Chinese style names', () => {
  it('maps 标题 1 / 标题 2 / 正文 to columns, items and text, keeps pictures with their alt text, and shows mammoth’s warnings', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2e6b30' } })
      .png()
      .toBuffer();
    const stored: { contentType: string; altText?: string }[] = [];
    const docx = buildDocx([
      { style: '标题 1', p: '一、企业介绍' },
      { style: '正文', p: '我们是一家茶企。' },
      { picture: png, ext: 'png', alt: '茶园全景' },
      { style: '标题 1', p: '二、产品中心' },
      { style: '标题 2', p: '崂山绿茶' },
      { style: '正文', p: '豆香浓郁。价格：128元/袋。' },
      { style: '艺术字', p: '企业文化' },
      { style: '标题 1', p: '企业荣誉' },
      { style: '正文', p: '省级龙头企业。' },
    ]);
    const { blocks, warnings } = await convertDocx(docx, async (image) => {
      stored.push(image);
      return 'a'.repeat(64);
    });
    const result = structureDocument(blocks, '资料.docx', env);
    expect(result.columns.map((c) => [c.type, c.title])).toEqual([
      ['intro', '企业介绍'],
      ['products', '产品中心'],
    ]);
    expect(result.columns[0]!.body).toContainEqual({ type: 'image', image: { sha256: 'a'.repeat(64), alt: '茶园全景' } });
    expect(stored).toMatchObject([{ contentType: 'image/png', altText: '茶园全景' }]);
    const product = result.columns[1]!.items[0] as Product;
    expect([product.name, product.price]).toEqual(['崂山绿茶', { kind: 'amount', fen: 12800, unit: '袋' }]);
    expect(warnings.some((w) => w.includes('艺术字'))).toBe(true);
    // 企业荣誉 names no column: it goes to the tray with its text, and says why.
    expect(result.unsorted).toHaveLength(1);
    expect(plainText(result.unsorted[0]!.blocks)).toBe('企业荣誉\n省级龙头企业。');
    expect(result.unsorted[0]!.note).toMatch(/企业荣誉/);
  });

  it('refuses a file that is not a .docx with a code and a reason', async () => {
    const problem = (bytes: Uint8Array) =>
      convertDocx(bytes, fakeStore).then(
        () => undefined,
        (e: DocxProblem) => e.code,
      );
    expect(await problem(Buffer.from('just text, renamed to .docx'))).toBe('docx.unreadable');
    expect(await problem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('docx.legacy_format');
    expect(await problem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]))).toBe('docx.unreadable');
  });
});

describe('plain text material', () => {
  it('recognizes column headings on their own lines; text without any goes to the tray', () => {
    const structured = structureDocument(
      textToBlocks(['公司简介', '百年老店。', '供求信息', '【供应】散装茶叶，量大从优。']),
      'a.txt',
      env,
    );
    expect(structured.columns.map((c) => c.type)).toEqual(['intro', 'supply']);
    expect(structured.columns[1]!.items).toHaveLength(1);
    const loose = structureDocument(textToBlocks(['随便写点什么', '第二行']), 'b.txt', env);
    expect(loose.columns).toEqual([]);
    expect(plainText(loose.unsorted[0]!.blocks)).toBe('随便写点什么\n第二行');
  });
});
