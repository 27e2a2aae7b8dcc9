/**
 * Gaps left after round 25 (issue 9): a price list saved as "XML Spreadsheet 2003" by old Excel or WPS (as .xml or
 * under .xls), a .vcf holding several cards of one business, and a label word after a telephone emoji
 * ("☎️订餐电话0530-…") that was read as a number. Made-up material.
 */
import { describe, expect, it } from 'vitest';
import { parseContact } from '../../../electron/backend/domains/intake/contact';
import { textOf } from '../../../electron/backend/domains/intake/htmlToBlocks';
import { readDocument } from '../../../electron/backend/domains/intake/readFile';
import { withEmojiLabel } from '../../../electron/backend/domains/intake/socialNote';
import { vcardBlocks } from '../../../electron/backend/domains/intake/vcard';
import { itemTitle, type Item } from '../../../shared/sites/model';
import { TODAY } from '../../helpers/structuredText';

const row = (...cells: string[]) =>
  `<Row>${cells.map((c) => (c === '' ? '<Cell/>' : `<Cell><Data ss:Type="${/^\d+(\.\d+)?$/.test(c) ? 'Number' : 'String'}">${c}</Data></Cell>`)).join('')}</Row>`;

const SPREADSHEET_2003 = [
  '<?xml version="1.0"?>',
  '<?mso-application progid="Excel.Sheet"?>',
  '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"',
  ' xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
  ' <Worksheet ss:Name="价格表">',
  '  <Table>',
  '   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">某某五金店价格表（2026年12月）</Data></Cell></Row>',
  `   ${row('品名', '规格', '单位', '单价（元）')}`,
  `   ${row('不锈钢合页', '4寸', '个', '6.5')}`,
  `   ${row('防盗门锁芯', 'C级', '个', '85')}`,
  `   ${row('膨胀螺丝', 'M8×80', '盒', '22')}`,
  `   ${row('', '', '', '')}`,
  `   ${row('电话：0539-5556677  地址：某某县建设路15号')}`,
  '  </Table>',
  ' </Worksheet>',
  '</Workbook>',
].join('\n');

async function productsOf(kind: 'xml' | 'xls', file: string): Promise<Item[]> {
  const bytes = new TextEncoder().encode(SPREADSHEET_2003);
  const output = await readDocument({ kind, file, bytes, dataDir: '/nonexistent', today: TODAY });
  expect(output.problems).toEqual([]);
  return output.documents.flatMap((d) => d.material.columns.filter((c) => c.type === 'products').flatMap((c) => c.items));
}

describe('an XML Spreadsheet 2003 price list', () => {
  it('is read as a workbook when saved as .xml: header row to fields, a row per product', async () => {
    const items = await productsOf('xml', '价格表.xml');
    expect(items.map(itemTitle)).toEqual(['不锈钢合页', '防盗门锁芯', '膨胀螺丝']);
    expect(items[0]).toMatchObject({ kind: 'product', price: { kind: 'amount', fen: 650 } });
  });

  it('is read alike when saved under an .xls name', async () => {
    expect((await productsOf('xls', '价格表.xls')).map(itemTitle)).toEqual(['不锈钢合页', '防盗门锁芯', '膨胀螺丝']);
  });
});

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\n');
const contactOf = (text: string) => parseContact(vcardBlocks(text).map(textOf).slice(1));

describe('a .vcf with several cards', () => {
  it('gives the numbers of the business cards together, the first person named as the contact', () => {
    const text = [
      card('FN:某某建材', 'ORG:某某建材', 'TEL;TYPE=WORK:0535-6661234', 'ADR;TYPE=WORK:;;幸福路8号;某某市;;;'),
      card('FN:郑国强', 'ORG:某某建材', 'TITLE:经理', 'TEL;TYPE=CELL:13700001111'),
      card('FN:郑小红', 'ORG:某某建材', 'TEL;TYPE=CELL:13700002222'),
    ].join('\n');
    const contact = contactOf(text);
    expect(contact).toMatchObject({ person: '郑国强', address: '某某市幸福路8号' });
    expect(contact?.phones.map((p) => p.number)).toEqual(['0535-6661234', '13700001111', '13700002222']);
  });

  it('gives only the first card of a whole address book', () => {
    const text = ['甲', '乙', '丙', '丁', '戊']
      .map((name, i) => card(`FN:${name}先生`, `ORG:公司${i}`, `TEL;TYPE=CELL:1370000${1000 + i}`))
      .join('\n');
    const contact = contactOf(text);
    expect(contact?.person).toBe('甲先生');
    expect(contact?.phones.map((p) => p.number)).toEqual(['13700001000']);
  });
});

describe('a label word after a telephone emoji', () => {
  it('keeps "订餐电话" as the label, so the word is not read as a number', () => {
    expect(withEmojiLabel('☎️订餐电话0530-4620000  15800001111（微信同号）')).toBe('订餐电话0530-4620000  15800001111（微信同号）');
    expect(withEmojiLabel('☎️0530-4620000')).toBe('电话：0530-4620000');
  });

  it('reads no number from a phone label whose value has no digit', () => {
    const contact = parseContact(['电话：订餐', '手机：15800001111']);
    expect(contact?.phones.map((p) => p.number)).toEqual(['15800001111']);
  });
});
