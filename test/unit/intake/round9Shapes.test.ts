/**
 * Shapes of customer material the held-out round 9 showed the importer did not read (issue 9): a
 * bold name over a paragraph that is only its price, dot-leader price lines under 一、/二、 category
 * lines, a jobs table under a merged title row, course prices in Chinese numerals and 1.2w, a
 * 【tag】 and a date before a news title, numbered product photos, QR codes, a notes sheet, phones
 * after labels like 座机. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Column } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const column = (columns: Column[], type: string) => columns.find((c) => c.type === type);
const titles = (columns: Column[], type: string) => column(columns, type)?.items.map(itemTitle) ?? [];
const para = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const heading = (text: string, level = 1): SourceBlock => ({ type: 'heading', level, runs: [{ text, strong: true }] });

describe('a bold name over a paragraph that is only its price', () => {
  it('makes each such sub-heading under a services heading a priced item', () => {
    const blocks = [
      heading('服务项目'),
      heading('上门保洁', 2),
      para('￥ 260 / 次'),
      para('两人上门，自带工具。'),
      heading('地毯清洗', 2),
      para('￥ 30 - 50'),
      para('按面积计价。'),
      heading('整屋开荒', 2),
      para('面议'),
      heading('最新消息'),
      para('2026年5月1日 五一期间照常营业。'),
    ];
    const result = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(titles(result.columns, 'products')).toEqual(['上门保洁', '地毯清洗', '整屋开荒']);
    const items = column(result.columns, 'products')!.items;
    expect(items[0]).toMatchObject({ price: { kind: 'amount', fen: 26000, unit: '次' } });
    expect(items[1]).toMatchObject({ price: { kind: 'amount', fen: 3000, maxFen: 5000 } });
    expect(items[2]).toMatchObject({ price: { kind: 'negotiable' } });
  });

  it('leaves articles under a services heading articles when their text names no price', () => {
    const blocks = [heading('服务项目'), heading('上门保洁', 2), para('两人上门，自带工具。'), heading('地毯清洗', 2), para('按面积计价。')];
    const result = structureDocument(blocks, 'a.docx', env, { today: TODAY });
    expect(column(result.columns, 'services')!.items.map((i) => i.kind)).toEqual(['article', 'article']);
  });
});
