/**
 * Shapes of customer material the held-out round 17 showed the importer did not read (issue 9): a price table whose
 * cell lists several goods with bare prices joined by 、, … The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
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
      [table([['班级', '学员'], ['一班', '男生12、女生10'], ['二班', '男生9、女生11']])],
      '名单.docx',
      env,
      { today: TODAY },
    );
    expect(columns.flatMap((c) => c.items).map(itemTitle)).not.toContain('男生');
  });
});
