/**
 * Shapes of customer material the held-out round 16 showed the importer did not read (issue 9): a tri-fold brochure PDF
 * (three panels a page, their lines on one baseline grid), item names each over a line opening with its price in ￥,
 * a 诚招： job line among products, and farm places in photo names. The text is made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { isTaggedJob, jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { linesToBlocks } from '../../../electron/backend/domains/intake/lines';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { isPlaceName } from '../../../electron/backend/domains/intake/photos';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, runsText, type Column, type Product } from '../../../shared/sites/model';
import { helveticaPdf } from '../../helpers/pdf';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const LANDSCAPE = { width: 842, height: 595, top: 560 };
const texts = (blocks: SourceBlock[]) => blocks.map((b) => ('runs' in b ? runsText(b.runs) : b.type));

describe('a tri-fold brochure PDF: three panels a page', () => {
  // Three panels at x = 36, 317 and 597 on an A4 landscape page, their lines on the same baselines where they meet.
  const pdf = helveticaPdf(
    [
      [
        [36, 'About the studio'],
        [317, 'Classes'],
        [597, 'Events'],
      ],
      [
        [36, 'We opened in 2019 in an old house by the'],
        [317, 'Hand building'],
        [597, 'Winter market on 20 December,'],
      ],
      [
        [36, 'sea, two potters who teach every guest'],
        [317, '98 per person, one hour'],
        [597, 'bring the children along.'],
      ],
      [
        [36, 'at the wheel one by one.'],
        [317, 'Wheel throwing'],
        [597, 'Open from ten to six.'],
      ],
      [[317, '168 per person, 90 minutes']],
      [[317, 'Plate painting']],
      [[317, '68 a plate, for children']],
    ],
    LANDSCAPE,
  );

  it('reads each panel top to bottom, left panel first, its wrapped lines joined', async () => {
    const { blocks } = await readPdf(pdf, async () => undefined);
    const read = texts(blocks);
    expect(read.slice(0, 2)).toEqual([
      'About the studio',
      'We opened in 2019 in an old house by the sea, two potters who teach every guest at the wheel one by one.',
    ]);
    const at = (text: string) => read.findIndex((t) => t.includes(text));
    const order = ['Classes', 'Hand building', '98 per person', 'Wheel throwing', '168 per person', 'Plate painting', '68 a plate'];
    const events = ['Events', 'Winter market', 'bring the children', 'Open from ten'];
    const found = [...order, ...events].map(at);
    expect(found.every((index) => index >= 2)).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  it('leaves a one-column page with a three-column price table one table, row by row', async () => {
    const row = (a: string, b: string, c: string): [number, string][] => [
      [50, a],
      [250, b],
      [450, c],
    ];
    const table = helveticaPdf([
      [[50, 'Lakeside Garden Centre sells plants and tools for every garden, all year round.']],
      row('Item', 'Size', 'Price'),
      row('Rose', 'pot 2 l', '35.00'),
      [
        [50, 'Tulip bulbs'],
        [450, '12.00'],
      ],
      row('Lavender', 'pot 1 l', '18.00'),
      row('Compost', 'bag 40 l', '22.00'),
      [
        [50, 'Garden hose'],
        [450, '60.00'],
      ],
    ]);
    const { blocks } = await readPdf(table, async () => undefined);
    const found = blocks.find((b) => b.type === 'table');
    expect(found?.type === 'table' && found.rows.map((r) => r.map(runsText))).toEqual([
      ['Item', 'Size', 'Price'],
      ['Rose', 'pot 2 l', '35.00'],
      // A size left empty stays an empty cell (round 17), so the price stays under Price.
      ['Tulip bulbs', '', '12.00'],
      ['Lavender', 'pot 1 l', '18.00'],
      ['Compost', 'bag 40 l', '22.00'],
      ['Garden hose', '', '60.00'],
    ]);
  });
});

describe('item names each over a line that opens with the price', () => {
  const lines = [
    '关于我们',
    '本店开在老街上，手把手教您做木工。',
    '',
    '木工体验',
    '小板凳',
    '￥128/人　2小时　含材料',
    '木勺子',
    '￥58/人　1小时　带走作品',
    '相框',
    '￥88　半天',
  ].map((text) => ({ text }));

  it('takes each name as the sub-heading of one product, its price from the line under it, the rest its text', () => {
    const blocks = linesToBlocks(lines);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => ('runs' in b ? runsText(b.runs) : ''))).toEqual(
      expect.arrayContaining(['小板凳', '木勺子', '相框']),
    );
    const columns: Column[] = structureDocument(blocks, 'a.pdf', env, { today: TODAY }).columns;
    const products = columns.filter((c) => c.type === 'products').flatMap((c) => c.items) as Product[];
    expect(products.map((p) => [itemTitle(p), p.price])).toEqual([
      ['小板凳', { kind: 'amount', fen: 12_800, unit: '人' }],
      ['木勺子', { kind: 'amount', fen: 5800, unit: '人' }],
      ['相框', { kind: 'amount', fen: 8800 }],
    ]);
    expect(products[0]!.description.map((b) => ('runs' in b ? runsText(b.runs).replace(/\s+/g, ' ') : ''))).toEqual(['2小时 含材料']);
  });

  it('leaves one short line over a price line as text', () => {
    const blocks = linesToBlocks(['本店新到', '￥38 特价茶具'].map((text) => ({ text })));
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('a job tagged 诚招：', () => {
  it('is a job line', () => {
    const line = '诚招：兼职木工老师1名，周末上班，200元/天';
    expect(isTaggedJob(line)).toBe(true);
    expect(jobLine(line)).toMatchObject({ title: '兼职木工老师', headcount: 1, pay: '200元/天' });
  });
});

describe('farm places in photo names', () => {
  it.each(['猪舍.jpg', '鸡舍.jpg', '羊圈.jpg', '码头.jpg', '牛棚.jpg', '料场.jpg'])('%s is a place', (name) =>
    expect(isPlaceName(name)).toBe(true),
  );
  it.each(['密封圈.jpg', '护栏.jpg', '土鸡蛋.jpg'])('%s is no place', (name) => expect(isPlaceName(name)).toBe(false));
});

describe('the short name of a workshop', () => {
  const region = { province: '山东省', city: '烟台市', district: '芝罘区' };
  it.each([
    ['烟台市芝罘区木香木艺手工坊', '木香木艺'],
    ['烟台市芝罘区老刘豆腐作坊', '老刘豆腐'],
    ['烟台市芝罘区青石皮具工坊', '青石皮具'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));
});

describe('the short name of a school', () => {
  const region = { province: '山东省', city: '烟台市', district: '芝罘区' };
  it.each([
    // The trade is said before 培训学校: the school's own words are enough.
    ['烟台市芝罘区墨韵书法培训学校', '墨韵书法'],
    ['烟台市芝罘区彩虹舞蹈培训学校', '彩虹舞蹈'],
    // Too little before it: 培训学校 is what the school is.
    ['烟台市芝罘区天翼职业培训学校', '天翼培训学校'],
  ])('%s → %s', (name, short) => expect(shortNameOf(name, region)).toBe(short));
});
