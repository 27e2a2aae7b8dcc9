/**
 * Shapes the held-out round 20 (new shapes) showed the importer misread (issue 9): Word footnote marks in a
 * table's names, a price header in 万元 over bare numbers, a title line giving the unit of a quote, an Excel comment
 * voiding a price, a sold piece still on the list, photos named by the list's stock numbers, a bilingual contact
 * row, a standing 长期收购 line in an introduction, and an offer told in one sentence under a price list. The text is
 * made up for the tests.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { fileNameColumn } from '../../../electron/backend/domains/intake/keywords';
import { linesToBlocks, textLines } from '../../../electron/backend/domains/intake/lines';
import { matchPhoto } from '../../../electron/backend/domains/intake/photos';
import { proseOffer } from '../../../electron/backend/domains/intake/proseOffer';
import { readXlsx, sheetBlocks, type Sheet } from '../../../electron/backend/domains/intake/spreadsheet';
import { structureDocument } from '../../../electron/backend/domains/intake/structure';
import { itemTitle, runsText, type Column, type Product } from '../../../shared/sites/model';

let counter = 0;
const env = { newId: () => `id-${++counter}` };
const TODAY = '2026-12-01';
const PRICE_LIST = { type: 'products' as const, keyword: '价格', from: '价格表' };
const sheetColumns = (rows: string[][]): Column[] =>
  structureDocument(sheetBlocks([{ name: 'Sheet1', rows }] as Sheet[]), '价格表.xlsx', env, { today: TODAY, fileColumn: PRICE_LIST })
    .columns;
const products = (rows: string[][]): Product[] =>
  sheetColumns(rows)
    .flatMap((c) => c.items)
    .filter((i): i is Product => i.kind === 'product');
const textColumns = (text: string, file: string) =>
  structureDocument(linesToBlocks(textLines(text)), file, env, { today: TODAY, fileColumn: fileNameColumn(file) }).columns;

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const reference = (id: number) =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const cell = (inner: string) => `<w:tc><w:p>${inner}</w:p></w:tc>`;
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const footnote = (id: number, text: string) =>
  `<w:footnote w:id="${id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>${run(` ${text}`)}</w:p></w:footnote>`;

/** A Word document with real footnotes: references in a table's name cell and at the end of a sentence. */
function docxWithFootnotes(): Uint8Array {
  const body =
    `<w:tbl><w:tr>${cell(run('项目'))}${cell(run('价格（元/次）'))}</w:tr>` +
    `<w:tr>${cell(run('深度保洁') + reference(1))}${cell(run('260'))}</w:tr>` +
    `<w:tr>${cell(run('地毯清洗'))}${cell(run('180'))}</w:tr></w:tbl>` +
    `<w:p>${run('本店另有开荒保洁，每平方米8元')}${reference(2)}${run('。')}</w:p>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/footnotes.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>` +
        `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
        `${footnote(1, '含厨房油污处理。')}${footnote(2, '满100平方米7元。')}</w:footnotes>`,
    ),
  });
}

describe('Word footnotes', () => {
  it('leaves the reference marks out of the text and puts each note, without its back link, after the block referring to it', async () => {
    const { blocks } = await convertDocx(docxWithFootnotes(), async () => undefined);
    const table = blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.map((row) => row.map(runsText))).toEqual([
      ['项目', '价格（元/次）'],
      ['深度保洁', '260'],
      ['地毯清洗', '180'],
    ]);
    const texts = blocks.map((b) => (b.type === 'list' ? b.items.map((i) => runsText(i.runs)).join('|') : textOf(b)));
    // At the end the notes would fall into whatever column comes last (the contact).
    expect(texts.slice(1)).toEqual(['注：含厨房油污处理。', '本店另有开荒保洁，每平方米8元。', '注：满100平方米7元。']);
    expect(texts.join('')).not.toMatch(/\[\d\]|↑/);
  });
});

describe('a price header in 万元', () => {
  it('reads bare numbers under it as 万元, and a cell with its own amount as written', () => {
    const found = products([
      ['编号', '品名', '尺寸', '价格（万元）'],
      ['C101', '粉彩花鸟瓶', '高30厘米', '2.5'],
      ['C102', '紫檀镇纸', '长20厘米', '0.36'],
      ['D201', '山水横幅', '约6平尺', '800元/平尺'],
    ]);
    expect(found.map((p) => p.price)).toEqual([
      { kind: 'amount', fen: 2500000 },
      { kind: 'amount', fen: 360000 },
      { kind: 'amount', fen: 80000, unit: '平尺' },
    ]);
  });

  it('keeps a 编号 column of stock numbers in the details, where a photo named after one finds its row', () => {
    const columns = sheetColumns([
      ['编号', '品名', '价格（元）'],
      ['C101', '粉彩花鸟瓶', '2500'],
      ['C102', '紫檀镇纸', '360'],
    ]);
    const vase = columns.flatMap((c) => c.items).find((i) => itemTitle(i) === '粉彩花鸟瓶') as Product;
    expect(vase.description.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).toContain('编号：C101');
    const match = matchPhoto('C102.jpg', columns);
    expect(match.kind === 'item' && itemTitle(match.item)).toBe('紫檀镇纸');
    expect(matchPhoto('C103.jpg', columns).kind).toBe('none');
  });

  it('still drops a 编号 column that only counts the rows', () => {
    const [first] = products([
      ['编号', '品名', '价格（元）'],
      ['1', '粉彩花鸟瓶', '2500'],
      ['2', '紫檀镇纸', '360'],
    ]);
    expect(first!.description).toEqual([]);
  });
});

describe('a title line giving the unit of a quote', () => {
  it('gives the unit to bare amounts, not to a cell that names its own', () => {
    const found = products([
      ['钢材报价单'],
      ['报价日期：2026-11-30　价格单位：元/吨（特别注明的除外）'],
      ['品名', '规格', '出厂价', '含税价'],
      ['螺纹钢', 'HRB400 Φ12', '3380', '3800'],
      ['镀锌管', 'DN20', '电议', '电议'],
      ['焊丝', '1.2mm', '75元/箱', '85元/箱'],
    ]);
    expect(found.map((p) => p.price)).toEqual([
      { kind: 'amount', fen: 380000, unit: '吨' },
      expect.objectContaining({ kind: 'negotiable' }),
      { kind: 'amount', fen: 8500, unit: '箱' },
    ]);
  });
});

describe('a sold piece on a list of one-of-a-kind goods', () => {
  it('keeps a row marked 已售 off the site', () => {
    const found = products([
      ['品名', '价格（元）', '备注'],
      ['老榆木条案', '4800', ''],
      ['民国座钟', '2600', '已售'],
    ]);
    expect(found.map(itemTitle)).toEqual(['老榆木条案']);
  });
});

describe('an Excel comment on a price', () => {
  it('reads a price the comment voids as what the comment says to answer, and leaves other comments alone', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('清单');
    sheet.addRows([
      ['品名', '价格'],
      ['鸡翅木笔架', 880],
      ['竹雕臂搁', 1200],
      ['铜手炉', 1600],
    ]);
    sheet.getCell('B2').note = '这个价不算了，来问就说电议';
    sheet.getCell('B3').note = '含原装锦盒，不算运费，过期无效';
    sheet.getCell('B4').note = '此价作废';
    const [read] = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(read!.rows.map((r) => r[1])).toEqual(['价格', '电议', '1200', '']);
  });
});

describe('a bilingual contact row', () => {
  it('reads "地址 Add：…　电话 Tel：…" by the Chinese labels, the address without the next label', () => {
    const contact = parseContact(['地址 Add：泰安市岱岳区化工园区东路6号　电话 Tel：0538-8561234　手机 Mob：13905381234（刘经理）'])!;
    expect(contact.address).toBe('泰安市岱岳区化工园区东路6号');
    expect(contact.phones.map((p) => p.number)).toEqual(['0538-8561234', '13905381234']);
  });

  it('ends the address where a bilingual label runs into it', () => {
    expect(parseContact(['地址 Add：泰安市岱岳区东路6号电话 Tel：0538-8561234'])!.address).toBe('泰安市岱岳区东路6号');
  });
});

describe('a standing 长期收购 line in an introduction', () => {
  it('is a demand post titled by its first clause', () => {
    const columns = textColumns(
      '听松轩在开封鼓楼街开店十几年，主营老家具和文房杂项。\n长期收购老家具、旧木雕，可以上门看货。\n店里常年有师傅修复老家具。',
      '店铺介绍.txt',
    );
    const posts = columns.flatMap((c) => c.items).filter((i) => i.kind === 'post');
    expect(posts).toMatchObject([{ postKind: 'demand', title: '长期收购老家具、旧木雕' }]);
    const intro = columns.find((c) => c.type === 'intro')!;
    expect(intro.body.map((b) => (b.type === 'paragraph' ? runsText(b.runs) : ''))).not.toContain('长期收购老家具、旧木雕，可以上门看货。');
  });
});

describe('an offer told in one sentence', () => {
  it('reads what is offered after the verb, the last clause its price, the clauses between its description', () => {
    expect(proseOffer('另外本店开展宠物美容师培训，包教包会，每人4800元。')).toEqual({
      line: '宠物美容师培训  4800元/人',
      notes: ['包教包会'],
    });
    expect(proseOffer('我们还提供上门安装，收费80元')).toEqual({ line: '上门安装  80元', notes: [] });
  });

  it('is no offer without the offering verb or without a closing price', () => {
    expect(proseOffer('店里开了二十多年，每人都说好')).toBeUndefined();
    expect(proseOffer('另外合作社开展技术培训，欢迎咨询。')).toBeUndefined();
  });

  it('becomes a product of the price list it stands under', () => {
    const columns = textColumns(
      '价格表\n深度保洁：260元/次\n地毯清洗：180元/次\n另外公司开展保洁员培训，包住宿，每人3600元。',
      '价格表.txt',
    );
    const found = columns.flatMap((c) => c.items).filter((i): i is Product => i.kind === 'product');
    expect(found.find((p) => p.name === '保洁员培训')).toMatchObject({ price: { kind: 'amount', fen: 360000, unit: '人' } });
  });
});
