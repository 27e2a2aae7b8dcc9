/**
 * A price matrix under a caption that says its numbers are prices ("车身改色（整车价格，单位：元）" over
 * 膜类 | 轿车 | SUV | MPV及七座 with bare numbers): one product a row, priced from its lowest cell ("from"
 * when another costs more), the cells kept as the product's description ("轿车 3800元；SUV 4500元").
 * The table is rewritten as a name | 价格 | 说明 table, which the table reader already reads.
 */
import { runsText, type Run } from '../../../../shared/sites/model';
import type { SourceBlock } from './htmlToBlocks';
import { headerRole } from './tables';

type Table = Extract<SourceBlock, { type: 'table' }>;

/** A caption naming prices in yuan: "单位：元", "（元）", or a price word. */
const PRICE_CAPTION = /单位\s*[：:]\s*元|[（(]\s*元\s*[)）]|价格|价目|报价|收费/;
const BARE_NUMBER = /^\d+(?:\.\d{1,2})?$/;
const LEFT_OUT = /^(?:[-—–/／]|无)?$/;

const cell = (text: string): Run[] => [{ text }];

/** The matrix as a name | 价格 | 说明 table, or undefined when `table` is no price matrix. */
function asPriceList(table: Table): Table | undefined {
  const grid = table.rows.map((row) => row.map((c) => runsText(c).trim()));
  const [header, ...rows] = grid;
  if (!header || header.length < 3 || rows.length < 2) return undefined;
  const bands = header.slice(1);
  // Bands with names of their own, not fields the table reader knows (价格, 数量, 规格 …).
  if (bands.some((band) => !band || BARE_NUMBER.test(band) || headerRole(band))) return undefined;
  const fits = rows.every(
    (row) => row[0] && row.slice(1).every((c) => BARE_NUMBER.test(c) || LEFT_OUT.test(c)) && row.slice(1).some((c) => BARE_NUMBER.test(c)),
  );
  if (!fits) return undefined;
  const priceList = rows.map((row) => {
    const amounts = row
      .slice(1)
      .filter((c) => BARE_NUMBER.test(c))
      .map(Number);
    const lowest = Math.min(...amounts);
    const price = `${lowest}元${amounts.some((a) => a > lowest) ? '起' : ''}`;
    const cells = bands.flatMap((band, i) => (BARE_NUMBER.test(row[i + 1]!) ? [`${band} ${row[i + 1]}元`] : []));
    return [cell(row[0]!), cell(price), cell(cells.join('；'))];
  });
  return { type: 'table', header: true, rows: [[cell(header[0] || '名称'), cell('价格'), cell('说明')], ...priceList] };
}

/** The blocks with every price matrix under a price caption rewritten as a price list. */
export function withPriceMatrices(blocks: SourceBlock[]): SourceBlock[] {
  return blocks.map((block, i) => {
    const caption = blocks[i - 1];
    if (block.type !== 'table' || (caption?.type !== 'paragraph' && caption?.type !== 'heading')) return block;
    if (!PRICE_CAPTION.test(runsText(caption.runs))) return block;
    return asPriceList(block) ?? block;
  });
}
