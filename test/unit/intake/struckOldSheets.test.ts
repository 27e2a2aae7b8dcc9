/**
 * Struck-through text in old Excel (.xls/.et, BIFF8) and OpenDocument (.ods) workbooks is text the writer deleted (an
 * old price, a withdrawn product), left out as on the .xlsx path. Fixtures: test/fixtures/formats/struck (LibreOffice's
 * .xls and .ods of an exceljs .xlsx; see the README there).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOds, readXls, readXlsx, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { runsText, type Product } from '../../../shared/sites/model';
import { FIXTURES_DIR } from '../../helpers/paths';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES_DIR, 'formats', 'struck', name)));

const PRICE_ROWS = [
  ['品名', '规格', '单价(元)', '说明'],
  ['铁观音', '250克', '128', '安溪清香型'],
  ['大红袍', '250克', '168', '武夷岩茶'],
  ['茉莉花茶', '500克', '', '现价88'],
  ['正山小种', '250克', '150', '桐木关红茶'],
];

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const PRICE_LIST = { fileColumn: { type: 'products' as const, keyword: '价目', from: '价目' }, today: '2026-12-01' };

const descriptionText = (product: Product) =>
  (product.description ?? []).map((block) => ('runs' in block ? runsText(block.runs) : '')).join('\n');

function products(sheets: Sheet[], fileName: string) {
  const { columns } = structureDocument(sheetBlocks(sheets), fileName, env, PRICE_LIST);
  return (columns.flatMap((c) => c.items) as Product[]).map((p) => [
    p.name,
    p.price?.kind === 'amount' ? p.price.fen : undefined,
    descriptionText(p),
  ]);
}

describe('struck-through text in an old Excel workbook', () => {
  it('reads a struck cell as empty, and a shared string without its struck run, as .xlsx does', async () => {
    const xls = await readXls(fixture('划线价目.xls'));
    expect(xls).toEqual([{ name: '茶叶价目', rows: PRICE_ROWS }]);
    // The .xlsx path keeps the withdrawn row as an empty one; SheetJS's readers leave empty rows out.
    // (Only .xlsx says which sheet the workbook opens on.)
    const xlsx = (await readXlsx(fixture('划线价目.xlsx'))).map((sheet) => ({
      name: sheet.name,
      rows: sheet.rows.filter((row) => row.some(Boolean)),
    }));
    expect(xls).toEqual(xlsx);
  });

  it('finds the struck runs of shared strings that go on over CONTINUE records', async () => {
    const [sheet] = await readXls(fixture('划线长表.xls'));
    expect(sheet!.rows).toHaveLength(801);
    expect(sheet!.rows.filter((row) => row[1]!.includes('价'))).toEqual(
      [100, 200, 300, 400, 500, 600, 700, 800].map((i) => [`茶品第${i}号`, `现价${i}元`]),
    );
    expect(sheet!.rows[799]).toEqual(['茶品第799号', '说明文字第799条']);
  });
});

describe('struck-through text in an OpenDocument spreadsheet', () => {
  it('drops struck cells and struck spans', () => {
    expect(readOds(fixture('划线价目.ods'))).toEqual([{ name: '茶叶价目', rows: PRICE_ROWS }]);
  });

  it('strikes the cells of a column whose default cell style is struck, counting repeated columns and rows', () => {
    const files = unzipSync(fixture('划线价目.ods'));
    const content = strFromU8(files['content.xml']!)
      .replace(
        '<table:table-column ',
        '<table:table-column table:number-columns-repeated="2" table:default-cell-style-name="Default"/><table:table-column table:default-cell-style-name="ce1"/><table:table-column ',
      )
      .replace(
        /table:number-columns-repeated="16384" table:default-cell-style-name="Default"/,
        'table:number-columns-repeated="16381" table:default-cell-style-name="Default"',
      )
      // The first row's first two cells as one repeated cell: the struck column is still the third.
      .replace(
        '<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>品名</text:p></table:table-cell><table:table-cell office:value-type="string" calcext:value-type="string"><text:p>规格</text:p></table:table-cell>',
        '<table:table-cell table:number-columns-repeated="2" office:value-type="string" calcext:value-type="string"><text:p>同</text:p></table:table-cell>',
      );
    const bytes = zipSync({ ...files, 'content.xml': strToU8(content) });
    const [sheet] = readOds(bytes);
    expect(sheet!.rows).toEqual([
      ['同', '同', '', '说明'],
      ['铁观音', '250克', '', '安溪清香型'],
      ['大红袍', '250克', '', '武夷岩茶'],
      ['茉莉花茶', '500克', '', '现价88'],
      ['正山小种', '250克', '', '桐木关红茶'],
    ]);
  });
});

describe('a price list with struck prices and a struck product, through the importer', () => {
  it('gives the items a manager expects from .xls and .ods, as from the .xlsx: new prices only, no withdrawn product', async () => {
    const expected = [
      ['铁观音', 12800, '说明：安溪清香型'],
      ['大红袍', 16800, '说明：武夷岩茶'],
      ['茉莉花茶', undefined, '说明：现价88'],
      ['正山小种', 15000, '说明：桐木关红茶'],
    ];
    expect(products(await readXlsx(fixture('划线价目.xlsx')), '价目.xlsx')).toEqual(expected);
    expect(products(await readXls(fixture('划线价目.xls')), '价目.xls')).toEqual(expected);
    expect(products(readOds(fixture('划线价目.ods')), '价目.ods')).toEqual(expected);
  });
});
