/**
 * A product titled only by a price is a misread page, not an item: it waits in the tray with its
 * price and text, and the guesses that made it go with it (issue 9). Made-up text.
 */
import { describe, expect, it } from 'vitest';
import type { Guess } from '../../../shared/api/sites';
import type { Column, UnsortedEntry } from '../../../shared/sites/model';
import { isPriceOnlyTitle, trayPriceOnlyProducts } from '../../../electron/backend/domains/intake/priceOnlyItems';

describe('a title that is only a price', () => {
  it.each(['168.00', '15元 买二送一', '定价：68.00元', '8角/斤', '¥1,280', '1.2万起', '0.', '本店价 31.20元'])('%s is one', (title) =>
    expect(isPriceOnlyTitle(title)).toBe(true),
  );
  it.each(['A4彩色打印', '100ml', '3层货架', '蚯蚓（红虫）', '会员价', '2号钓钩 5元'])('%s is a name', (title) =>
    expect(isPriceOnlyTitle(title)).toBe(false),
  );
});

describe('products titled by a price', () => {
  let counter = 0;
  const env = { newId: () => `id-${++counter}` };
  const column: Column = {
    id: 'c1',
    type: 'products',
    title: '价目表',
    order: 10,
    channels: { web: true, wap2: true, wap1: true, sms: true },
    body: [],
    items: [
      { kind: 'product', id: 'p1', name: '鱼竿4.5米', price: { kind: 'amount', fen: 16800 }, description: [], images: [] },
      {
        kind: 'product',
        id: 'p2',
        name: '198.00',
        price: { kind: 'amount', fen: 19800 },
        description: [{ type: 'paragraph', runs: [{ text: '会员价180元' }] }],
        images: [],
      },
    ],
  };
  const guess = (id: string, itemId: string) => ({ id, rule: 'item.table_row', target: { kind: 'item', itemId } }) as unknown as Guess;
  const material = { columns: [column], unsorted: [] as UnsortedEntry[], guesses: [guess('g1', 'p1'), guess('g2', 'p2')] };
  trayPriceOnlyProducts(material, env, '价目表.pdf');

  it('leaves the named product and trays the other with its text', () => {
    expect(column.items.map((i) => i.id)).toEqual(['p1']);
    expect(material.unsorted).toHaveLength(1);
    expect(material.unsorted[0]!.source).toBe('价目表.pdf');
    expect(JSON.stringify(material.unsorted[0]!.blocks)).toContain('198.00');
    expect(JSON.stringify(material.unsorted[0]!.blocks)).toContain('会员价180元');
  });

  it('drops the guess that made it', () => expect(material.guesses.map((g) => g.id)).toEqual(['g1']));
});
