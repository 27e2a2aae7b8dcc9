/**
 * Shapes of customer material the held-out round 17 showed the importer did not read (issue 9): a price table whose
 * cell lists several goods with bare prices joined by 、, a business card photographed front and back (its English
 * side with +86 numbers), a poster's price badges read by OCR, an offer line, "另承接：…" and 月入 pay. The text is
 * made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { extractPay } from '../../../electron/backend/domains/intake/fields';
import { couldBeHeading } from '../../../electron/backend/domains/intake/headings';
import { withBadgesPaired } from '../../../electron/backend/domains/intake/listCells';
import { productLine } from '../../../electron/backend/domains/intake/lineItems';
import { isDocumentName, isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const table = (rows: string[][]) => ({ type: 'table' as const, header: false, rows: rows.map((r) => r.map((text) => [{ text }])) });

describe('a table cell listing several goods with bare prices', () => {
  it('makes one product per listed good, priced in the header currency, under the row category', () => {
    const { columns } = structureDocument(
      [
        { type: 'heading', level: 1, runs: [{ text: '小王修鞋价目' }] },
        table([
          ['分类', '项目及价格（元）', '说明'],
          ['皮鞋', '换鞋跟25、擦油上光10、补鞋面30起', '当天取'],
          ['运动鞋', '深度清洗39、鞋带更换5/双', ''],
        ]),
      ],
      '价目.docx',
      env,
      { today: TODAY },
    );
    const products = columns.flatMap((c) => c.items).filter((i): i is Product => i.kind === 'product');
    expect(products.map(itemTitle)).toEqual(['换鞋跟', '擦油上光', '补鞋面', '深度清洗', '鞋带更换']);
    expect(products.map((p) => p.price)).toEqual([
      { kind: 'amount', fen: 2500 },
      { kind: 'amount', fen: 1000 },
      { kind: 'amount', fen: 3000, from: true },
      { kind: 'amount', fen: 3900 },
      { kind: 'amount', fen: 500, unit: '双' },
    ]);
    expect(products[0]!.category).toBe('皮鞋');
    expect(products[4]!.category).toBe('运动鞋');
  });

  it('leaves a cell of counts under a header without a price alone', () => {
    const { columns } = structureDocument(
      [
        table([
          ['班级', '学员'],
          ['一班', '男生12、女生10'],
          ['二班', '男生9、女生11'],
        ]),
      ],
      '名单.docx',
      env,
      { today: TODAY },
    );
    expect(columns.flatMap((c) => c.items).map(itemTitle)).not.toContain('男生');
  });
});

describe('a business card and a poster', () => {
  it("reads a business card and a poster named as such by OCR, not a print shop's sample card", () => {
    expect(
      ['名片.jpg', '名片背面.jpg', '老板的名片.png', 'business card front.jpg', '开业海报.png', 'poster.png'].map(isDocumentName),
    ).toEqual([true, true, true, true, true, true]);
    expect(['名片样品.jpg', '名片夹.jpg', '海报架.jpg'].map(isDocumentName)).toEqual([false, false, false]);
  });

  it("reads +86 numbers of a card's English side as dialled at home, and keeps the Chinese address", () => {
    const contact = parseContact([
      'Tel: +86-531-86021234',
      'Mob: +86 135 3110 4321',
      'Add: No.9 Jingshi Road, Jinan',
      '地址：济南市经十路9号',
    ]);
    expect(contact?.phones.map((p) => p.number)).toEqual(['0531-86021234', '13531104321']);
    expect(contact?.address).toBe('济南市经十路9号');
    expect(parseContact(['Tel: +86 10 65121234'])?.phones[0]?.number).toBe('010-65121234');
  });

  it('pairs price badges (names over bare amounts) into one row per good', () => {
    expect(
      withBadgesPaired([
        ['洗车', '打蜡'],
        ['25', '*80'],
      ]),
    ).toEqual([
      ['洗车', '25元'],
      ['打蜡', '80元'],
    ]);
    // A table with other rows, or a single name over a number, is left alone.
    const mixed = [
      ['洗车', '打蜡'],
      ['25', '80'],
      ['营业时间', '8点到18点'],
    ];
    expect(withBadgesPaired(mixed)).toBe(mixed);
    expect(withBadgesPaired([['二楼'], ['12']])).toEqual([['二楼'], ['12']]);
  });

  it('takes a poster line ending in a ¥ amount for an item, not a heading', () => {
    expect(couldBeHeading('双人套餐（含2杯饮品）￥168')).toBe(false);
    expect(couldBeHeading('双人套餐')).toBe(true);
  });

  it("shows a photo of the business at work at a customer's like its places", () => {
    expect(['上门维修.jpg', '安装现场.jpg', '维修工具.jpg'].map(isPlaceName)).toEqual([true, true, false]);
  });
});

describe('lines around a price list', () => {
  it('reads an amount taken off as an offer, not a product', () => {
    expect(productLine('会员第二件立减15元')).toBeUndefined();
    expect(productLine('洗车 25元')).toMatchObject({ name: '洗车' });
  });

  it('names the goods a label of what else is taken on lists', () => {
    expect(productLine('另承接：灯箱、展板制作，价格面议')).toEqual({ name: '灯箱、展板制作', price: { kind: 'negotiable' } });
  });

  it('takes a 月入 amount after piecework for the pay', () => {
    expect(extractPay('按件计酬，月入5000-8000元。').pay).toContain('5000-8000');
  });
});
