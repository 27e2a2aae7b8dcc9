/**
 * Shapes the held-out round 23 showed the importer misread (issue 9): a price sheet saved from a spreadsheet as PDF with
 * every cell bordered — tall rows, centred and right-aligned cells, the table running onto the next page without its
 * header, a merged row under it whose text wraps inside its cell — and the line dating the list. Made up for the tests.
 */
import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { newsLine } from '../../../electron/backend/domains/intake/lineItems';
import { readPdf } from '../../../electron/backend/domains/intake/pdf';
import { drawnPdf, type DrawnPage } from '../../helpers/pdf';

/** Column rules of the sheet: No | Name | Spec | Unit | Price | Note, between x = 60 and 760. */
const COLUMNS = [60, 100, 300, 420, 480, 580, 760];
const ROW = 30;

/** A bordered row with its top at `top` (from the bottom of the page): the rule above it and a rule at each column. */
const ruledRow = (top: number, columns = COLUMNS): DrawnPage['lines'] => [
  [columns[0]!, top, columns.at(-1)!, top],
  ...columns.map((x): [number, number, number, number] => [x, top, x, top - ROW]),
];

/** A row's cells written as a spreadsheet prints them: numbers right-aligned, specs centred, the rest from the left. */
function rowRuns(top: number, cells: string[]): DrawnPage['runs'] {
  const baseline = top - 20;
  const width = (text: string) => text.length * 6;
  return cells.flatMap((text, k): DrawnPage['runs'] => {
    if (!text) return [];
    const [left, right] = [COLUMNS[k]!, COLUMNS[k + 1]!];
    const x = k === 2 ? (left + right - width(text)) / 2 : k === 0 || k === 4 ? right - 4 - width(text) : left + 4;
    return [[x, baseline, text]];
  });
}

function blocksText(blocks: SourceBlock[]): (string | string[][])[] {
  return blocks.map((b) =>
    b.type === 'table'
      ? b.rows.map((row) => row.map((cell) => cell.map((run) => run.text).join('')))
      : b.type === 'heading' || b.type === 'paragraph'
        ? b.runs.map((r) => r.text).join('')
        : b.type,
  );
}

describe('a price sheet printed with every cell bordered', () => {
  const rows1 = [
    ['No', 'Name', 'Spec', 'Unit', 'Price', 'Note'],
    ['1', 'Chicken wings', '10kg', 'box', '385', ''],
    ['2', 'Drumsticks', '1kg x 10', 'box', '165', 'for grills'],
    ['3', 'Beef rolls', '2.5kg', 'bag', '95', ''],
  ];
  const rows2 = [
    ['4', 'Lamb rolls', '2.5kg', 'bag', '128', ''],
    ['5', 'Fish fillets', '10kg', 'box', '210', ''],
  ];
  const page1: DrawnPage = {
    runs: [[300, 540, 'PRICE LIST', 20], ...rows1.flatMap((cells, i) => rowRuns(520 - i * ROW, cells))],
    lines: [
      [60, 560, 760, 560],
      [60, 560, 60, 520],
      [760, 560, 760, 520],
      ...rows1.flatMap((_, i) => ruledRow(520 - i * ROW)!),
      [60, 520 - rows1.length * ROW, 760, 520 - rows1.length * ROW],
    ],
  };
  const below = 560 - rows2.length * ROW;
  const page2: DrawnPage = {
    runs: [
      ...rows2.flatMap((cells, i) => rowRuns(560 - i * ROW, cells)),
      // The contact in one merged cell, wrapped where the mobile number no longer fitted.
      [
        64,
        below - 16,
        'Address: 15 Market Road, Cold Store Hall C2, Eastern Farm Produce Logistics City, Zhengzhou Tel: 0371-66321234 Mobile:',
      ],
      [64, below - 30, '13938212345 (Mr Ma)'],
      // A framed list of short lines stays lines.
      [64, below - 66, 'Open daily'],
      [64, below - 80, 'Free delivery'],
    ],
    lines: [
      ...rows2.flatMap((_, i) => ruledRow(560 - i * ROW)!),
      [60, below, 760, below],
      [60, below, 60, below - 36],
      [760, below, 760, below - 36],
      [60, below - 36, 760, below - 36],
      [60, below - 36, 60, below - 90],
      [760, below - 36, 760, below - 90],
      [60, below - 90, 760, below - 90],
    ],
  };

  it('reads one table across both pages, each cell under its column however it is aligned', async () => {
    const { blocks } = await readPdf(drawnPdf([page1, page2]), async () => undefined);
    const texts = blocksText(blocks);
    expect(texts[0]).toBe('PRICE LIST');
    expect(texts[1]).toEqual([...rows1, ...rows2]);
    expect(texts.slice(2)).toEqual([
      'Address: 15 Market Road, Cold Store Hall C2, Eastern Farm Produce Logistics City, Zhengzhou Tel: 0371-66321234 Mobile: 13938212345 (Mr Ma)',
      'Open daily',
      'Free delivery',
    ]);
  });

  it('leaves out the header a next page repeats', async () => {
    const repeated: DrawnPage = {
      runs: [...rowRuns(560, rows1[0]!), ...rows2.flatMap((cells, i) => rowRuns(530 - i * ROW, cells))],
      lines: [...[0, 1, 2].flatMap((i) => ruledRow(560 - i * ROW)!), [60, 560 - 3 * ROW, 760, 560 - 3 * ROW]],
    };
    const { blocks } = await readPdf(drawnPdf([page1, repeated]), async () => undefined);
    expect(blocksText(blocks)[1]).toEqual([...rows1, ...rows2]);
  });
});

describe('the line dating a price list', () => {
  it('is no notice', () => {
    expect(newsLine('2026年12月8日更新　价格单位：元', [], '2026-12-05')).toBeUndefined();
    expect(newsLine('12月1日修订版', [], '2026-12-05')).toBeUndefined();
    expect(newsLine('2026年12月8日起全场九折', [], '2026-12-05')?.title).toBe('2026年12月8日起全场九折');
  });
});
