/**
 * Shapes the held-out round 23 showed the importer misread (issue 9): a handbill printed in two columns side by side on
 * coloured paper and photographed, read by OCR — its rows cut at the gap between the columns, a remark on the prices,
 * `诚招…`, a number with the person in brackets; a photo's short name one character off a stretch inside a longer name.
 * The text is made up for the tests.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ocrRows } from '../../../electron/backend/infra/ocr/layout';
import type { OcrLine } from '../../../electron/backend/infra/ocr/types';
import { isContactLine, parseContact } from '../../../electron/backend/domains/intake/contact';
import { couldBeHeading } from '../../../electron/backend/domains/intake/headings';
import { jobLine } from '../../../electron/backend/domains/intake/lineItems';
import { lookAt } from '../../../electron/backend/domains/intake/photoLook';
import { matchPhoto } from '../../../electron/backend/domains/intake/photos';
import type { Column } from '../../../shared/sites/model';

/** An OCR box of `text` at (x, y), its characters 30 px wide, the photo turned so that it rises `tilt` per 100 px. */
const box = (text: string, x: number, y: number, tilt = 0): OcrLine => {
  const w = text.length * 30;
  const rise = (w * tilt) / 100;
  return {
    text,
    score: 0.98,
    box: [
      [x, y],
      [x + w, y - rise],
      [x + w, y - rise + 30],
      [x, y + 30],
    ],
  };
};

const shown = (lines: OcrLine[], columns = true) => ocrRows(lines, { columns }).map((r) => (r.cells.length ? r.cells : r.text));

describe('a handbill in two columns read by OCR', () => {
  const left = [
    ['修车锁', '60元'],
    ['换锁芯', '120元起'],
    ['开保险柜', '面议'],
    ['配遥控钥匙', '80元/把'],
  ];
  const right = [
    ['装猫眼', '50元/个'],
    ['换门把手', '40元'],
    ['修防盗门', '100元起'],
    ['装智能锁', '200元/把'],
  ];
  const page = (tilt: number) => [
    box('平安开锁换锁', 200, 40, tilt),
    box('【开锁类】', 40, 120, tilt),
    box('【安装类】', 520, 120 - (480 * tilt) / 100, tilt),
    ...left.flatMap(([name, price], i) => [
      box(name!, 40, 180 + i * 50, tilt),
      box(price!, 330 - price!.length * 30 + 120, 180 + i * 50 - (290 * tilt) / 100, tilt),
    ]),
    ...right.flatMap(([name, price], i) => [
      box(name!, 520, 180 + i * 50 - (480 * tilt) / 100, tilt),
      box(price!, 900 - price!.length * 30, 180 + i * 50 - ((860 - price!.length * 30) * tilt) / 100, tilt),
    ]),
    box('诚招学徒1名，包吃住', 150, 420, tilt),
  ];

  it('reads the left column, then the right, each row a name and its price', () => {
    for (const tilt of [0, 2]) {
      const rows = shown(page(tilt)).filter((r) => r !== '');
      expect(rows).toEqual(['平安开锁换锁', '【开锁类】', ...left, '【安装类】', ...right, '诚招学徒1名，包吃住']);
    }
  });

  it('keeps rows whole without the option (a licence) and for one table whose right half repeats its units', () => {
    expect(shown(page(0), false).filter((r) => r !== '')[2]).toEqual(['修车锁', '60元', '装猫眼', '50元/个']);
    const table = ['冻鸡翅', '冻鸡腿', '冻鸭掌', '冻猪蹄'].flatMap((name, i) => [
      box(name, 40, 100 + i * 50),
      box('10kg', 300, 100 + i * 50),
      box('箱', 560, 100 + i * 50),
      box(`${180 + i * 10}`, 760, 100 + i * 50),
    ]);
    expect(shown(table)).toEqual(['冻鸡翅', '冻鸡腿', '冻鸭掌', '冻猪蹄'].map((name, i) => [name, '10kg', '箱', `${180 + i * 10}`]));
  });
});

describe('the handbill’s other lines', () => {
  it('takes a remark on the prices for no heading', () => {
    expect(couldBeHeading('以上安装均不含配件费')).toBe(false);
    expect(couldBeHeading('上门费另收')).toBe(false);
    expect(couldBeHeading('开锁服务')).toBe(true);
  });

  it('reads 诚招 before a position and its headcount as the job’s lead', () => {
    expect(jobLine('诚招学徒1名，包吃住，出师后月薪5000')).toMatchObject({ title: '学徒', headcount: 1 });
  });

  it('takes a number with the person in brackets for a contact line', () => {
    expect(isContactLine('13955501234（孙师傅）')).toBe(true);
    expect(isContactLine('0551-62221234（前台）')).toBe(false);
    expect(parseContact(['13955501234（孙师傅）'])).toMatchObject({ person: '孙师傅' });
  });
});

describe('a photo of the business’s van', () => {
  it('is not taken for a longer name one of whose stretches is one character off its name', () => {
    const column = {
      id: 'c',
      type: 'products',
      title: '服务项目',
      body: [],
      items: ['吸污车清理化粪池', '疏通下水管', '消防应急照明灯'].map((name, i) => ({
        kind: 'product',
        id: `p${i}`,
        name,
        description: [],
        images: [],
      })),
    } as unknown as Column;
    expect(matchPhoto('清理车.jpg', [column]).kind).not.toBe('item');
    expect(matchPhoto('疏通下水道.jpg', [column])).toMatchObject({ kind: 'item', item: { id: 'p1' } });
    // The name's characters in its order, a word left out: an abbreviation.
    expect(matchPhoto('应急灯.jpg', [column])).toMatchObject({ kind: 'item', item: { id: 'p2' } });
  });
});

describe('a page printed on coloured paper', () => {
  it('looks like a page to read, as on white paper; a plain coloured picture does not', async () => {
    // Lines of characters: small dark marks with gaps between them.
    const lines = Array.from({ length: 18 }, (_, i) =>
      Array.from({ length: 14 }, (_, j) => `<rect x="${20 + j * 12}" y="${20 + i * 12}" width="7" height="7" fill="#222"/>`).join(''),
    ).join('');
    const handbill = (paper: string) =>
      sharp(
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="250"><rect width="200" height="250" fill="${paper}"/>${lines}</svg>`,
        ),
      )
        .jpeg()
        .toBuffer();
    expect((await lookAt(await handbill('#f2e48c'))).pageLike).toBe(true);
    expect((await lookAt(await handbill('#f6f6f6'))).pageLike).toBe(true);
    const wall = await sharp({ create: { width: 200, height: 250, channels: 3, background: '#f2e48c' } })
      .jpeg()
      .toBuffer();
    expect((await lookAt(wall)).pageLike).toBe(false);
  });
});
