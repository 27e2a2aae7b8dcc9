/**
 * Roster layouts offices really send, on a real backend and SQLite file: one sheet per department,
 * a phone list printed two people a row, a contact column holding more than the mobile, a WeCom
 * export (department paths, +86), titles written after the name, a totals line, and a 通讯录 kept as a
 * table in Word.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/api';
import { ALL_SHEETS } from '../../../shared/domain/roster';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { buildDocx } from '../../fixtures/materials/make/docx';
import { encodeGbk } from '../../helpers/rosterFiles';
import { errorCode, setUp } from '../orders/support';

let t: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
  t = createTestBackend();
  enterpriseId = await setUp(t);
});
afterEach(() => t.cleanup());

const file = (name: string, bytes: Buffer): Input<'roster.import'>['source'] => ({ kind: 'file', name, base64: bytes.toString('base64') });
const members = async () =>
  (await t.call('roster.list', { enterpriseId })).members.map((m) => [m.name, m.mobile, m.department, m.title]).sort();

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STAFF = [
  ['赵卫东', '13805331101'],
  ['钱丽华', '13905331102'],
  ['孙海涛', '15006331103'],
  ['李春燕', '18253311104'],
  ['周建军', '13789561105'],
] as const;

describe('roster layouts', () => {
  it('imports every sheet of a workbook with one sheet per department, the sheet name as the department; one sheet can still be chosen', async () => {
    const bytes = await workbook((wb) => {
      const cover = wb.addWorksheet('填表说明');
      cover.addRow(['每个部门一张表，手机号必须填写']);
      for (const [department, rows] of [
        ['办公室', STAFF.slice(0, 2)],
        ['生产车间', STAFF.slice(2)],
      ] as const) {
        const sheet = wb.addWorksheet(department);
        sheet.addRow(['姓名', '手机', '职务']);
        for (const [name, mobile] of rows) sheet.addRow([name, Number(mobile), '职员']);
      }
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('通讯录.xlsx', bytes) });
    expect(preview.sheet).toBe(ALL_SHEETS);
    expect(preview.sheets).toEqual([ALL_SHEETS, '填表说明', '办公室', '生产车间']);
    expect(preview.added.map((m) => [m.sheet, m.row, m.name, m.department])).toEqual([
      ['办公室', 2, '赵卫东', '办公室'],
      ['办公室', 3, '钱丽华', '办公室'],
      ['生产车间', 2, '孙海涛', '生产车间'],
      ['生产车间', 3, '李春燕', '生产车间'],
      ['生产车间', 4, '周建军', '生产车间'],
    ]);

    const one = await t.call('roster.previewImport', { enterpriseId, source: file('通讯录.xlsx', bytes), sheet: '生产车间' });
    expect(one.added.map((m) => m.name)).toEqual(['孙海涛', '李春燕', '周建军']);

    expect(await t.call('roster.import', { enterpriseId, source: file('通讯录.xlsx', bytes) })).toMatchObject({ added: 5, refused: [] });
    expect(await members()).toContainEqual(['周建军', '13789561105', '生产车间', '职员']);
  });

  it('names the sheet of a refused row when several sheets are imported together', async () => {
    const bytes = await workbook((wb) => {
      for (const department of ['销售部', '财务部']) {
        const sheet = wb.addWorksheet(department);
        sheet.addRow(['姓名', '手机号码']);
        sheet.addRow([department === '销售部' ? '赵卫东' : '钱丽华', department === '销售部' ? STAFF[0][1] : '1390533']);
      }
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('名单.xlsx', bytes) });
    expect(preview.refused).toEqual([expect.objectContaining({ sheet: '财务部', row: 2, code: 'roster.mobile_invalid', name: '钱丽华' })]);
  });

  it('reads a phone list printed two people a row, each block under its own header', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('电话表');
      sheet.addRow(['鲁中机械内部电话表']);
      sheet.addRow(['部门', '姓名', '手机', '', '部门', '姓名', '手机']);
      sheet.addRow(['销售部', STAFF[0][0], STAFF[0][1], '', '技术部', STAFF[1][0], STAFF[1][1]]);
      sheet.addRow(['销售部', STAFF[2][0], STAFF[2][1], '', '技术部', STAFF[3][0], STAFF[3][1]]);
      sheet.addRow(['销售部', STAFF[4][0], STAFF[4][1]]);
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('电话表.xlsx', bytes) });
    expect(preview.headerRow).toBe(2);
    expect(preview.added.map((m) => [m.row, m.name, m.mobile, m.department])).toEqual([
      [3, '赵卫东', '13805331101', '销售部'],
      [4, '孙海涛', '15006331103', '销售部'],
      [5, '周建军', '13789561105', '销售部'],
      [3, '钱丽华', '13905331102', '技术部'],
      [4, '李春燕', '18253311104', '技术部'],
    ]);
  });

  it('finds the mobile in a 联系方式 column that holds labels, landlines, spaces and full-width digits; a title in brackets after the name is the title', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('名单');
      sheet.addRow(['姓 名', '联系方式']);
      sheet.addRow(['赵卫东（经理）', '138 0533 1101']);
      sheet.addRow(['钱丽华', '手机：139-0533-1102']);
      sheet.addRow(['孙海涛', '150 0633 1103 / 0533-2281234']);
      sheet.addRow(['李春燕', '０５３３-２２８１２３５　１８２５３３１１１０４']);
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('名单.xlsx', bytes) });
    expect(preview.refused).toEqual([]);
    expect(preview.added.map((m) => [m.name, m.mobile, m.title])).toEqual([
      ['赵卫东', '13805331101', '经理'],
      ['钱丽华', '13905331102', ''],
      ['孙海涛', '15006331103', ''],
      ['李春燕', '18253311104', ''],
    ]);
  });

  it('reads a WeCom export (department paths, several departments, +86) and leaves a GBK totals line out without a refusal', async () => {
    const wecom = [
      '姓名,账号,职务,部门,手机,座机',
      ...STAFF.slice(0, 2).map(([n, m]) => `${n},u1,专员,鲁中机械/销售部;鲁中机械/客服部,+86 ${m},`),
    ];
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('成员.csv', Buffer.from(wecom.join('\n'))) });
    expect(preview.added.map((m) => [m.name, m.mobile, m.department])).toEqual([
      ['赵卫东', '13805331101', '销售部'],
      ['钱丽华', '13905331102', '销售部'],
    ]);

    const gbk = encodeGbk(['部门,姓名,手机', ...STAFF.map(([n, m]) => `销售部,${n},${m}`), '合计,5人,'].join('\r\n'));
    const totals = await t.call('roster.previewImport', { enterpriseId, source: file('名单.csv', gbk) });
    expect(totals.added).toHaveLength(5);
    expect(totals.refused).toEqual([]);
  });

  it('reads a 通讯录 kept as a Word table under a title, the department merged down; a Word file without a table is refused with a reason', async () => {
    const docx = buildDocx([
      { p: '鲁中机械有限公司通讯录', bold: true, center: true },
      {
        table: [
          ['部门', '姓名', '职务', '手机号码'],
          ['销售部', STAFF[0][0], '经理', STAFF[0][1]],
          [null, STAFF[1][0], '业务员', STAFF[1][1]],
          ['技术部', STAFF[2][0], '工程师', STAFF[2][1]],
        ],
        header: true,
      },
    ]);
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('通讯录.docx', Buffer.from(docx)) });
    expect(preview.fileKind).toBe('docx');
    expect(preview.added.map((m) => [m.name, m.mobile, m.department, m.title])).toEqual([
      ['赵卫东', '13805331101', '销售部', '经理'],
      ['钱丽华', '13905331102', '销售部', '业务员'],
      ['孙海涛', '15006331103', '技术部', '工程师'],
    ]);

    const prose = buildDocx([{ p: '请各部门把名单发给办公室。' }]);
    expect(await errorCode(t, 'roster.previewImport', { enterpriseId, source: file('通知.docx', Buffer.from(prose)) })).toBe(
      'roster.file_unreadable',
    );
  });
});
