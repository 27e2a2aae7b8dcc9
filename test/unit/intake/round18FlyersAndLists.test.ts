/**
 * Shapes of customer material the held-out round 18 showed the importer did not read (issue 9): a product list
 * made with Word's two-level numbering (each product's name, its details and price as bullets nested under it)
 * and WPS flyers laid out with text boxes. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import { priceOfBullets } from '../../../electron/backend/domains/intake/bulletPrices';
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
