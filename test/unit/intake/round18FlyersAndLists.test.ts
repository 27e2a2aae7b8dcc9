/**
 * Shapes of customer material the held-out round 18 showed the importer did not read (issue 9): a product list
 * made with Word's two-level numbering (each product's name, its details and price as bullets nested under it)
 * and WPS flyers laid out with text boxes. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { priceOfBullets } from '../../../electron/backend/domains/intake/bulletPrices';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const heading = (level: number, text: string) => ({ type: 'heading' as const, level, runs: [{ text, strong: true }], look: true });
const bullets = (...texts: string[]) => ({
  type: 'list' as const,
  ordered: false,
  items: [{ runs: [], children: texts.map((text) => ({ runs: [{ text }] })) }],
});
const products = (columns: { items: { kind: string }[] }[]) =>
  columns.flatMap((c) => c.items).filter((i): i is Product => i.kind === 'product');

describe("a product's price among the bullets nested under its name", () => {
  it('reads a labelled price, a bullet that is only the price, and priced variants as a "from" price', () => {
    const { columns } = structureDocument(
      [
        heading(1, '永固围栏'),
        heading(2, '产品及报价'),
        heading(3, '锌钢护栏'),
        bullets('高度：1.2米—1.8米', '参考价：95—130元/米（含立柱及安装，不含运费）'),
        heading(3, '不锈钢大门'),
        bullets('每樘另配锁具', '2600元/樘'),
        heading(3, '围栏维修'),
        bullets('焊接修补：50元', '整段更换：300元起', '异形定制：面议', '周末照常上门'),
        heading(3, '小区道闸'),
        bullets('按现场尺寸设计', '价格：面议'),
      ],
      '简介.docx',
      env,
      { today: TODAY },
    );
    const found = products(columns);
    expect(found.map(itemTitle)).toEqual(['锌钢护栏', '不锈钢大门', '围栏维修', '小区道闸']);
    expect(found.map((p) => p.price)).toEqual([
      { kind: 'amount', fen: 9500, maxFen: 13000, unit: '米' },
      { kind: 'amount', fen: 260000, unit: '樘' },
      { kind: 'amount', fen: 5000, from: true },
      { kind: 'negotiable' },
    ]);
    // The bullets stay the product's details.
    expect(found[0]!.description[0]!.type).toBe('list');
  });

  it('takes no price from facts measured in other units, a members-only price or a list price beside the current one', () => {
    expect(priceOfBullets(['跨度：12米—24米', '载重：3吨—5吨'])).toBeUndefined();
    expect(priceOfBullets(['会员价：80元'])).toBeUndefined();
    expect(priceOfBullets(['原价980元', '活动价780元'])).toEqual({ kind: 'amount', fen: 78000 });
    expect(priceOfBullets(['60元起，市区上门'])).toEqual({ kind: 'amount', fen: 6000, from: true });
  });
});

describe('lines under the last product of a flyer', () => {
  it('sends a tagged offer and the contact lines after the last tile to their own places', () => {
    const { columns, contactLines } = structureDocument(
      [
        heading(2, '铝合金推拉窗'),
        { type: 'paragraph', runs: [{ text: '220元/平方米' }] },
        heading(2, '断桥隔音窗'),
        { type: 'paragraph', runs: [{ text: '价格面议' }] },
        { type: 'paragraph', runs: [{ text: '承接：小区封阳台工程，旧窗拆换。' }] },
        { type: 'paragraph', runs: [{ text: '地址：临河县建设路88号' }] },
        { type: 'paragraph', runs: [{ text: '电话：0531-5550123　手机：13705550123（王师傅）' }] },
      ],
      '传单.docx',
      env,
      { today: TODAY },
    );
    const last = products(columns).at(-1)!;
    expect(itemTitle(last)).toBe('断桥隔音窗');
    expect(last.description).toEqual([]);
    expect(columns.find((c) => c.type === 'supply')?.items.map(itemTitle)).toEqual(['小区封阳台工程']);
    expect(contactLines).toEqual(['地址：临河县建设路88号', '电话：0531-5550123　手机：13705550123（王师傅）']);
  });
});

/** A .docx whose body is `body` (WordprocessingML inside w:body). */
function docx(body: string): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
        `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:body>${body}</w:body></w:document>`,
    ),
  });
}
const p = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** A text box written only as DrawingML (as WPS writes it: no VML fallback). */
const box = (...lines: string[]) =>
  '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>' +
  lines.map((line, i) => p(line, i === 0)).join('') +
  '</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r>';

describe('a flyer laid out with text boxes', () => {
  it('reads text boxes anchored side by side in one paragraph as one product each', async () => {
    const bytes = docx(
      p('秋季特惠', true) +
        `<w:p>${box('柚木餐桌', '1.6米 · 北美柚木', '原价3680元', '特价2980元')}${box('实木书柜', '五层 · 橡木', '1580元')}${box('儿童床', '松木 · 带护栏', '价格面议')}</w:p>` +
        p('地址：临河县家具城二楼') +
        p('电话：0531-5550199'),
    );
    const { blocks } = await convertDocx(bytes, async () => undefined);
    const { columns } = structureDocument(blocks, '秋季活动海报.docx', env, {
      today: TODAY,
      fileColumn: { type: 'news', keyword: '活动', from: '秋季活动海报' },
    });
    const found = products(columns);
    expect(found.map(itemTitle)).toEqual(['柚木餐桌', '实木书柜', '儿童床']);
    expect(found.map((f) => f.price)).toEqual([{ kind: 'amount', fen: 298000 }, { kind: 'amount', fen: 158000 }, { kind: 'negotiable' }]);
    // No column of notices made from the file's name.
    expect(columns.map((c) => c.type)).not.toContain('news');
  });

  it('keeps a text box with the contact beside a tile as its lines', async () => {
    const { blocks } = await convertDocx(
      docx(`<w:p>${box('柚木餐桌', '2980元')}${box('地址：临河县家具城二楼', '电话：0531-5550199')}</w:p>`),
      async () => undefined,
    );
    expect(blocks).toHaveLength(4);
    expect(blocks.map((b) => b.type)).not.toContain('table');
  });

  it('keeps a single text box as the lines it holds', async () => {
    const { blocks } = await convertDocx(docx(`<w:p>${box('地址：临河县家具城二楼', '电话：0531-5550199')}</w:p>`), async () => undefined);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('a price matrix under a caption naming prices', () => {
  const matrix = (caption: string) =>
    structureDocument(
      [
        { type: 'paragraph', runs: [{ text: caption, strong: true }] },
        {
          type: 'table',
          header: true,
          rows: [
            ['漆类', '单间', '两居', '三居'],
            ['乳胶漆', '800', '2600', '3500'],
            ['艺术漆', '1500', '—', '6800'],
          ].map((row) => row.map((text) => [{ text }])),
        },
      ],
      '价目.docx',
      env,
      { today: TODAY },
    );

  it('makes one product a row, priced from its lowest cell', () => {
    const found = products(matrix('墙面翻新（整套价格，单位：元）').columns);
    expect(found.map(itemTitle)).toEqual(['乳胶漆', '艺术漆']);
    expect(found.map((f) => f.price)).toEqual([
      { kind: 'amount', fen: 80000, from: true },
      { kind: 'amount', fen: 150000, from: true },
    ]);
  });

  it('leaves a table of counts under a caption that names no price alone', () => {
    expect(products(matrix('各小区完工套数').columns)).toEqual([]);
  });
});

describe('a job said the way people speak', () => {
  it('leaves 招个 out of the position', () => {
    expect(jobLine('招个仓库保管，1名，会开叉车，月薪4500')).toMatchObject({ title: '仓库保管', headcount: 1 });
  });
});
