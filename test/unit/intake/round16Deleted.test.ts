/**
 * Shapes of customer material the held-out round 16 showed the importer misread (issue 9): text the customer
 * struck through (deleted text: an old price before the new one, a discontinued row or line), what a workbook
 * hides, and a contact only in a sheet's printed page header or footer. The text is made up for the tests.
 */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertDocx } from '../../../electron/backend/domains/intake/docx';
import { docxPageLines } from '../../../electron/backend/domains/intake/docxPageLines';
import type { ParsedPhoto } from '../../../electron/backend/domains/intake/importMaterials';
import { readOpenDocument } from '../../../electron/backend/domains/intake/openDocument';
import { placePhotos } from '../../../electron/backend/domains/intake/placePhotos';
import { sanitizeIntakeHtml } from '../../../electron/backend/domains/intake/sanitize';
import { headerFooterLines } from '../../../electron/backend/domains/intake/sheetPageLines';
import { readXlsx } from '../../../electron/backend/domains/intake/spreadsheet';
import { shortNameOf } from '../../../electron/backend/domains/sites/defaults';
import { paragraph, type Item, type SiteContent } from '../../../shared/sites/model';
import { buildDocx } from '../../fixtures/materials/make/docx';

describe('struck-through text in a workbook', () => {
  it('leaves out struck rich-text runs (the old price) and struck cells (a discontinued row)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('价目');
    sheet.addRows([
      ['品名', '价格'],
      ['电热水壶', ''],
      ['豆浆机', 299],
      ['旧款榨汁机', 188],
    ]);
    sheet.getCell('B2').value = {
      richText: [
        { font: { strike: true }, text: '159' },
        { font: { bold: true }, text: ' 129' },
      ],
    };
    for (const ref of ['A4', 'B4']) sheet.getCell(ref).font = { strike: true };
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets[0]!.rows.filter((r) => r.some(Boolean))).toEqual([
      ['品名', '价格'],
      ['电热水壶', '129'],
      ['豆浆机', '299'],
    ]);
  });
});

describe('struck-through text in a Word document', () => {
  it('leaves out an old price struck before the new one, single or double, and a line struck whole', async () => {
    const bytes = buildDocx([
      { p: [{ text: '木门套装　', bold: false }, { text: '1280', strike: 'single' }, { text: ' 1180元/樘' }] },
      { p: [{ text: '铝合金窗　' }, { text: '460', strike: 'double' }, { text: ' 420元/平方米' }] },
      { p: [{ text: '老款铁艺门　980元/樘', strike: 'single' }] },
      { p: '防盗门　2600元/樘' },
    ]);
    const { blocks } = await convertDocx(bytes, async () => undefined);
    const lines = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(lines).toEqual(['木门套装　 1180元/樘', '铝合金窗　 420元/平方米', '防盗门　2600元/樘']);
  });
});

describe('a photo named by something the business says it has', () => {
  const photo = (file: string, sha256: string): ParsedPhoto => ({
    file,
    image: { sha256, size: 1, mime: 'image/jpeg', width: 10, height: 10, hasAlpha: false, sourceFormat: 'jpeg' } as ParsedPhoto['image'],
    look: { logoShape: false, pageLike: false, boardLike: false },
  });
  const product = (name: string): Item => ({ kind: 'product', id: `p-${name}`, name, description: [], images: [] });

  it('goes to the gallery when it fits several items by part of its name and the intro text names it; otherwise to the tray', () => {
    const content = {
      columns: [
        { id: 'p', type: 'products', title: '产品', order: 1, channels: {}, body: [], items: [product('烘干枣片'), product('烘干枣圈')] },
      ],
      profile: {},
      unsorted: [
        {
          id: 'u',
          source: 'a.docx',
          note: 'Text before the first column heading.',
          images: [],
          blocks: [paragraph('本厂拥有全自动烘干线两条，日产干果十吨。')],
        },
      ],
    } as unknown as SiteContent;
    placePhotos(content, [photo('烘干线.jpg', 'a'), photo('烘干枣.jpg', 'b')], { newId: () => 'n', guess: () => undefined });
    const intro = content.columns.find((c) => c.type === 'intro');
    expect(intro?.body.flatMap((b) => (b.type === 'image' ? [b.image.fileName] : []))).toEqual(['烘干线.jpg']);
    expect(content.unsorted.flatMap((u) => u.images.map((i) => i.fileName))).toEqual(['烘干枣.jpg']);
  });
});

describe("a worksheet's printed page header and footer", () => {
  it('gives its sections as lines, without the page, date and font codes', () => {
    expect(
      headerFooterLines('&L&"宋体,加粗"&12地址：开发区纬二路6号&C第 &P 页 共 &N 页&R电话：0631-7654321　手机：13712345678（周经理）'),
    ).toEqual(['地址：开发区纬二路6号', '第  页 共  页', '电话：0631-7654321　手机：13712345678（周经理）']);
    expect(headerFooterLines('&C&KFF0000R&&D五金&D')).toEqual(['R&D五金']);
  });

  it('comes with the sheet read from a workbook, and a hidden sheet is not read at all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('报价');
    sheet.addRows([
      ['品名', '价格'],
      ['播种机', 3600],
    ]);
    sheet.headerFooter.oddFooter = '&L地址：开发区纬二路6号&R手机：13712345678（周经理）';
    const hidden = workbook.addWorksheet('进价', { state: 'hidden' });
    hidden.addRows([
      ['品名', '进价'],
      ['播种机', 3000],
    ]);
    const sheets = await readXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(sheets.map((s) => [s.name, s.pageLines])).toEqual([['报价', ['地址：开发区纬二路6号', '手机：13712345678（周经理）']]]);
  });
});

describe('the SMS short name of a supplier to other businesses', () => {
  const region = { province: '山东省', city: '潍坊市', district: '奎文区' };
  it('keeps 用品 after a kind of business it serves (it would read as that business), drops it after a trade', () => {
    expect(shortNameOf('潍坊安居酒店用品有限公司', region)).toBe('安居酒店用品');
    expect(shortNameOf('潍坊顺达汽车用品有限公司', region)).toBe('顺达汽车用品');
    expect(shortNameOf('潍坊乐乐母婴用品店', region)).toBe('乐乐母婴');
  });
});

describe('struck-through text in a Word page footer', () => {
  it('is left out of the footer lines, as in the body', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const footer = `<w:ftr ${W}><w:p>${run('电话：')}${run('0536-1111111', '<w:strike/>')}${run('0536-2222222')}${run('（旧）', '<w:dstrike/>')}${run('　手机：13800002222', '<w:strike w:val="0"/>')}</w:p></w:ftr>`;
    const bytes = zipSync({ 'word/footer1.xml': strToU8(footer) });
    expect(docxPageLines(bytes)).toEqual(['电话：0536-2222222　手机：13800002222']);
  });
});

describe('struck-through text in an OpenDocument text', () => {
  it('is dropped with the <s> the reader writes for a line-through style', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"><office:automatic-styles>' +
      '<style:style style:name="T1" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>' +
      '<style:style style:name="T2" style:family="text"><style:text-properties style:text-line-through-style="none"/></style:style>' +
      '</office:automatic-styles><office:body><office:text>' +
      '<text:p>地板砖　<text:span text:style-name="T1">88</text:span> <text:span text:style-name="T2">76元/平方米</text:span></text:p>' +
      '<text:p text:style-name="T1">老款墙砖　30元/平方米</text:p>' +
      '</office:text></office:body></office:document-content>';
    const bytes = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });
    const html = sanitizeIntakeHtml(await readOpenDocument(bytes, 'odt', async () => undefined));
    expect(html).toBe('<p>地板砖　 76元/平方米</p><p></p>');
  });
});
