/**
 * Documents that are not Office files under their names: Word saved as a web page (.htm, or .doc),
 * a web system's "Excel" export (an HTML table or CSV text named .xls), and RTF (WordPad, office
 * systems; Word under a .doc name). Made here as Word, browsers, LibreOffice and WordPad write them.
 */
import { describe, expect, it } from 'vitest';
import { readLegacyWord } from '../../../electron/backend/domains/intake/legacyWord';
import { readRtf, RtfProblem } from '../../../electron/backend/domains/intake/rtf';
import { readXls, readXlsx } from '../../../electron/backend/domains/intake/spreadsheet';
import { isHtml, readWebPage } from '../../../electron/backend/domains/intake/webPage';
import { runsText } from '../../../shared/sites/model';
import { excelHtml, wordHtml } from '../../fixtures/materials/make/wordHtml';
import { encodeGbk } from '../../helpers/rosterFiles';

const gbk = (text: string) => new Uint8Array(encodeGbk(text));

describe('web pages under Office names', () => {
  it('reads a Word "web page" in GB2312 saved as .doc: bold paragraphs are headings by look, tables stay tables', async () => {
    const html = wordHtml(
      '茶庄',
      [
        { p: '一、茶庄简介', bold: true, size: 14 },
        { p: '泉城茶庄始于2006年。' },
        { p: '二、产品价格', bold: true, size: 14 },
        {
          table: [
            ['品名', '价格'],
            ['龙井', '368元/斤'],
          ],
          header: true,
        },
      ],
      'gb2312',
    );
    const content = await readLegacyWord(gbk(html));
    expect(content.kind).toBe('html');
    const { blocks } = readWebPage((content as { html: string }).html, '茶庄.doc');
    expect(blocks.map((b) => [b.type, b.type === 'heading' || b.type === 'paragraph' ? runsText(b.runs) : ''])).toEqual([
      ['heading', '一、茶庄简介'],
      ['paragraph', '泉城茶庄始于2006年。'],
      ['heading', '二、产品价格'],
      ['table', ''],
    ]);
    expect(blocks.filter((b) => b.type === 'heading').every((b) => b.type === 'heading' && b.look)).toBe(true);
  });

  it('a bold sentence is no heading', () => {
    const { blocks } = readWebPage('<html><body><p><b>本店所有茶叶均为当年新茶，欢迎品尝。</b></p></body></html>', 'a.htm');
    expect(blocks[0]!.type).toBe('paragraph');
  });

  it('reads an HTML table in GBK named .xls as a sheet, title row included', async () => {
    const html = excelHtml(
      [
        ['产品名称', '型号', '单价(元)'],
        ['仿古砖', 'HT-6601', '28.5'],
      ],
      '产品价格表',
      'gbk',
    );
    const bytes = gbk(html);
    expect(isHtml(bytes)).toBe(true);
    expect(await readXls(bytes)).toEqual([
      {
        name: '表1',
        rows: [['产品价格表'], ['产品名称', '型号', '单价(元)'], ['仿古砖', 'HT-6601', '28.5']],
      },
    ]);
  });

  it('reads CSV or tab-separated text named .xls or .xlsx; binary junk under those names is still refused', async () => {
    const tabbed = gbk('品名\t规格\t价格\r\n龙井\t特级\t368\r\n');
    expect((await readXls(tabbed))[0]!.rows).toEqual([
      ['品名', '规格', '价格'],
      ['龙井', '特级', '368'],
    ]);
    expect((await readXlsx(new TextEncoder().encode('品名,价格\n碧螺春,298\n')))[0]!.rows[1]).toEqual(['碧螺春', '298']);
    await expect(readXlsx(new Uint8Array([0, 1, 2, 3, 0, 0, 9, 200]))).rejects.toMatchObject({ code: 'sheet.unreadable' });
  });
});

describe('RTF', () => {
  it("reads WordPad-style RTF in GBK (\\ansicpg936, \\'xx bytes), skipping font tables, styles and field instructions", () => {
    const body = (text: string) =>
      [...gbk(text)].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16).padStart(2, '0')}`)).join('');
    const rtf =
      `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 ${body('宋体')};}}{\\colortbl ;\\red0\\green0\\blue0;}` +
      `{\\*\\generator Riched20 10.0.19041}\\viewkind4\\uc1\\pard\\b\\f0\\fs28 ${body('一、学校简介')}\\b0\\par\n` +
      `${body('天翼学校成立于2010年。')}\\par\n{\\field{\\*\\fldinst HYPERLINK "http://x.example"}{\\fldrslt ${body('官网')}}}\\par\n` +
      `${body('电工证培训：1200元')}\\par\n}`;
    expect(readRtf(new TextEncoder().encode(rtf)).map((l) => l.text)).toEqual([
      '一、学校简介',
      '天翼学校成立于2010年。',
      '官网',
      '电工证培训：1200元',
    ]);
  });

  it('reads \\uN characters with their fallback dropped, and table rows with their cells', () => {
    const u = (text: string) =>
      [...text].map((c) => `\\u${c.charCodeAt(0) > 32767 ? c.charCodeAt(0) - 65536 : c.charCodeAt(0)}\\'3f`).join('');
    const rtf =
      `{\\rtf1\\ansi\\uc1{\\stylesheet{\\s0 Normal;}}` +
      `\\trowd\\cellx2000\\cellx4000\\pard\\intbl ${u('岗位')}\\cell ${u('人数')}\\cell\\row` +
      `\\trowd\\cellx2000\\cellx4000\\pard\\intbl ${u('电工教师')}\\cell 2${u('人')}\\cell\\row\\pard ${u('鲥鱼')}\\par}`;
    const lines = readRtf(new TextEncoder().encode(rtf));
    expect(lines).toEqual([
      { text: '岗位  人数', cells: ['岗位', '人数'] },
      { text: '电工教师  2人', cells: ['电工教师', '2人'] },
      { text: '鲥鱼' },
    ]);
  });

  it('refuses a file that is not RTF, with a code', () => {
    expect(() => readRtf(new TextEncoder().encode('not rtf at all'))).toThrow(RtfProblem);
  });
});
