/**
 * Round 26's sheet shapes (issue 9): a sheet saved from Excel as tab-separated text (「Unicode 文本」, UTF-16LE), a
 * workbook opening on a profile typed into one merged cell with Alt+Enter breaks, and a parts list giving both the
 * machine a part fits and its part number. Made-up material.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { tabSeparatedSheet } from '../../../electron/backend/domains/intake/tabSeparated';
import { readTable, rowFields } from '../../../electron/backend/domains/intake/tables';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import type { StructuredMaterial } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, type Item } from '../../../shared/sites/model';
import { TODAY } from '../../helpers/structuredText';

/** Text as Excel's 「Unicode 文本」 writes it: UTF-16LE with a BOM, CRLF line ends. */
function utf16le(text: string): Uint8Array {
  const body = text.replace(/\n/g, '\r\n');
  const bytes = new Uint8Array(2 + body.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < body.length; i++) {
    bytes[2 + i * 2] = body.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = body.charCodeAt(i) >> 8;
  }
  return bytes;
}

const SAVED_SHEET = [
  '某某五金门市价目表\t\t\t\t\t',
  '更新：2026.11.20\t\t\t\t\t',
  '名称\t规格\t单位\t零售价（元）\t会员价（元）\t备注',
  '铁锹\t加厚\t把\t35\t32\t"木柄⏎不松头"'.replace('⏎', '\n'),
  '塑料水管\t4分\t米\t2.5\t\t"蓝色""加厚"""',
  '电焊机\t250型\t台\t1,260\t\t含焊钳',
  '\t\t\t\t\t',
  '铝合金梯子\t3米\t\t电议\t电议\t',
  '注：会员价凭会员卡。\t\t\t\t\t',
].join('\n');

async function materialOf(kind: 'text' | 'xlsx', file: string, bytes: Uint8Array, names: string[] = []): Promise<StructuredMaterial[]> {
  const output = await readDocument({ kind, file, bytes, dataDir: '/nonexistent', today: TODAY, names });
  expect(output.problems).toEqual([]);
  return output.documents.map((d) => d.material);
}

const itemsOf = (materials: StructuredMaterial[], type: string): Item[] =>
  materials.flatMap((m) => m.columns.filter((c) => c.type === type).flatMap((c) => c.items));

describe('a sheet saved as tab-separated text', () => {
  it('is read as a table: a row per product, empty cells keeping the columns in line, the retail price chosen', async () => {
    const products = itemsOf(await materialOf('text', '价目表.txt', utf16le(SAVED_SHEET)), 'products');
    expect(products.map(itemTitle)).toEqual(['铁锹', '塑料水管', '电焊机', '铝合金梯子']);
    expect(products[0]).toMatchObject({ price: { kind: 'amount', fen: 3500, unit: '把' }, spec: '加厚' });
    expect(products[1]).toMatchObject({ price: { kind: 'amount', fen: 250, unit: '米' } });
    expect(products[2]).toMatchObject({ price: { kind: 'amount', fen: 126000, unit: '台' } });
    expect(products[3]).toMatchObject({ price: { kind: 'negotiable' } });
  });

  it('keeps a quoted cell whole: its line break and doubled quotes inside the cell', () => {
    const sheet = tabSeparatedSheet(SAVED_SHEET, '价目表.txt')!;
    expect(sheet.rows.find((r) => r[0] === '铁锹')!.at(-1)).toBe('木柄\n不松头');
    expect(sheet.rows.find((r) => r[0] === '塑料水管')!.at(-1)).toBe('蓝色"加厚"');
  });

  it('leaves a typed note with a tab here and there to the lines reader', () => {
    const note = ['我们店主营五金工具。', '铁锹\t35元', '地址：某某路8号', '电话：0531-1234567'].join('\n');
    expect(tabSeparatedSheet(note, '简介.txt')).toBeUndefined();
    const ragged = ['名称\t价格\t备注', '铁锹\t35元', '水管\t2.5元\t蓝色', '梯子\t电议'].join('\n');
    expect(tabSeparatedSheet(ragged, '价目.txt')).toBeUndefined();
  });
});

async function profileWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const profile = workbook.addWorksheet('公司简介');
  profile.mergeCells('A1:E20');
  profile.getCell('A1').value = [
    '某某庆典礼仪有限公司',
    '',
    '本公司承接开业庆典、婚礼布置，现有拱门40个、充气人偶20个，市内半天可到。',
    '',
    '最新消息：',
    '2026年10月，承办某某商场周年庆开幕式。',
    '2026年11月，新添大型气柱拱门10套。',
    '',
    '招聘：礼仪小姐5名，身高165以上，一场200元；司机1名，月薪5000元。',
    '',
    '联系方式：',
    '地址：某某市某某路66号',
    '电话：0311-8888666',
  ].join('\n');
  profile.getCell('A1').alignment = { wrapText: true };
  const prices = workbook.addWorksheet('价目');
  prices.addRow(['名称', '规格', '单位', '单价（元）']);
  prices.addRow(['充气拱门', '12米', '个/天', 300]);
  prices.addRow(['礼炮', '电子', '对/天', 150]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('a workbook opening on a profile typed into one merged cell', () => {
  it('reads the cell line by line: the intro, dated notices, job lines and the contact', async () => {
    const materials = await materialOf('xlsx', '报价.xlsx', await profileWorkbook(), ['某某庆典礼仪有限公司']);
    expect(itemsOf(materials, 'news').map(itemTitle)).toEqual(['承办某某商场周年庆开幕式', '新添大型气柱拱门10套']);
    expect(itemsOf(materials, 'news').map((i) => i.kind === 'article' && i.date)).toEqual(['2026-10-01', '2026-11-01']);
    expect(itemsOf(materials, 'jobs').map(itemTitle)).toEqual(['礼仪小姐', '司机']);
    expect(itemsOf(materials, 'products').map(itemTitle)).toEqual(['充气拱门', '礼炮']);
    const intro = materials.flatMap((m) => m.columns.filter((c) => c.type === 'intro'));
    expect(JSON.stringify(intro)).toContain('本公司承接开业庆典');
    expect(materials.flatMap((m) => m.contactLines)).toContain('电话：0311-8888666');
  });
});

describe('a parts list with the machine each part fits and its part number', () => {
  const grid = [
    ['品名', '适用机型', '配件号', '单位', '单价（元）'],
    ['刹车片', '解放J6', 'DZ9100-440', '套', '260'],
    ['刹车片', '东风天龙', '3501-00180', '套', '240'],
    ['机油格', '通用', '', '个', '35'],
  ];
  const fieldsOf = (rows: string[][]) => {
    const reading = readTable(rows);
    return reading.rows.map((r) => rowFields(reading, r)!);
  };

  it('names parts of one name by the machine each fits, then every part; its part number a detail, a fit to all no model', () => {
    const fields = fieldsOf(grid);
    expect(fields.map((f) => [f.name, f.model])).toEqual([
      ['刹车片', '解放J6'],
      ['刹车片', '东风天龙'],
      ['机油格', undefined],
    ]);
    expect(fields[0]!.details).toContain('配件号：DZ9100-440');
    expect(fields[2]!.details).toContain('适用机型：通用');
  });

  it('leaves the fit a detail where every name is one part: beside the name it would read as the part’s own model', () => {
    const fields = fieldsOf([
      ['滤芯名称', '适用机型', '价格'],
      ['超滤膜', 'AB-300', '180元'],
      ['椰壳炭滤芯', '通用', '40元'],
    ]);
    expect(fields.map((f) => [f.name, f.model])).toEqual([
      ['超滤膜', undefined],
      ['椰壳炭滤芯', undefined],
    ]);
    expect(fields[0]!.details).toContain('适用机型：AB-300');
  });

  it('keeps the goods’ own 型号 as the model beside the machines they fit', () => {
    const fields = fieldsOf([
      ['名称', '适用车型', '型号', '单价'],
      ['轮胎', '大众朗逸', '205/55R16', '420元'],
      ['轮胎', '丰田卡罗拉', '195/65R15', '380元'],
    ]);
    expect(fields.map((f) => f.model)).toEqual(['205/55R16', '195/65R15']);
    expect(fields[0]!.details).toContain('适用车型：大众朗逸');
  });

  it('shortens a parts dealer’s name without the kind of machine', () => {
    const region = { province: '河北省', city: '石家庄市', district: '长安区' };
    expect(shortNameOf('石家庄市长安区鸿达工程机械配件经营部', region)).toBe('鸿达配件');
    expect(shortNameOf('丰收农业机械配件有限公司', region)).toBe('丰收配件');
  });
});
