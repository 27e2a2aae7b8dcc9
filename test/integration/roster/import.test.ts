/**
 * Roster import on a real backend and SQLite file, from files as customers send them: a workbook
 * with a title block, merged header and department cells and formulas; CSV in GBK and UTF-8; cells
 * pasted without a header; 10,000 rows with 5 % bad ones; and files that are no roster at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/api';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { encryptedWorkbook } from '../../helpers/encryptedWorkbook';
import { damagedXls, encryptedXls, gbkBiff5Workbook, xlsWorkbook } from '../../helpers/legacyXls';
import { FIXTURES_DIR } from '../../helpers/paths';
import { csvText, encodeGbk, people, rosterWithBadRows, rosterXlsx, rowOf, type RosterPerson } from '../../helpers/rosterFiles';
import { errorCode, setUp } from '../orders/support';

let t: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
  t = createTestBackend();
  enterpriseId = await setUp(t);
});
afterEach(() => t.cleanup());

const file = (name: string, bytes: Buffer): Input<'roster.import'>['source'] => ({ kind: 'file', name, base64: bytes.toString('base64') });
const listed = async () => (await t.call('roster.list', { enterpriseId })).members;

describe('workbooks as customers make them', () => {
  it('reads a roster under a title, with a two-line merged header, departments merged down and formula mobiles', async () => {
    const staff = people(12, 3);
    const bytes = await rosterXlsx(staff, {
      title: '济南泉城茶业有限公司员工通讯录（2026年11月）',
      groupedHeader: true,
      mergeDepartments: true,
      formulaMobiles: true,
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('通讯录.xlsx', bytes) });
    expect(preview.headerRow).toBe(3); // title on 1, the grouped header on 2–3
    expect(preview.mapping).toMatchObject({ name: 0, mobile: 1, department: 3, title: 4, shortNumber: 5, extension: 6, email: 7 });
    expect(preview.added).toHaveLength(12);
    expect(preview.refused).toEqual([]);

    const result = await t.call('roster.import', { enterpriseId, source: file('通讯录.xlsx', bytes) });
    expect(result).toMatchObject({ added: 12, changed: 0, refused: [], members: 12 });
    const members = await listed();
    for (const person of staff)
      expect(members.find((m) => m.mobile === person.mobile)).toMatchObject({
        name: person.name,
        department: person.department,
        title: person.title,
        state: 'draft',
      });
  });

  it('reads mobiles stored as numbers that Excel shows as 1.38E+10, and picks the roster sheet over a cover sheet', async () => {
    const staff = people(5, 4);
    const bytes = await rosterXlsx(staff, {
      numericMobiles: true,
      extraSheets: [{ name: '说明', rows: [['请按格式填写'], ['手机号码必须是移动号码']] }],
    });
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('r.xlsx', bytes) });
    expect(preview.sheets).toEqual(['说明', '通讯录']);
    expect(preview.sheet).toBe('通讯录');
    expect(preview.added.map((a) => a.mobile).sort()).toEqual(staff.map((p) => p.mobile).sort());
  });

  it('reads an old Excel .xls (BIFF8, as WPS saves it) under a title, with mobiles stored as numbers and departments merged down', async () => {
    const staff = people(8, 5);
    const bytes = xlsWorkbook([
      {
        name: '通讯录',
        rows: [
          ['鲁中机械员工通讯录'],
          ['姓名', '手机号码', '部门', '职务'],
          ...staff.map((p, i) => [p.name, Number(p.mobile), i < 3 ? '销售部' : p.department, p.title]),
        ],
        merges: [{ s: { r: 2, c: 2 }, e: { r: 4, c: 2 } }],
      },
    ]);
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('通讯录.xls', bytes) });
    expect(preview).toMatchObject({ fileKind: 'xls', sheet: '通讯录', headerRow: 2 });
    const result = await t.call('roster.import', { enterpriseId, source: file('通讯录.xls', bytes) });
    expect(result).toMatchObject({ added: 8, changed: 0, refused: [], members: 8 });
    const members = await listed();
    for (const [i, person] of staff.entries())
      expect(members.find((m) => m.mobile === person.mobile)).toMatchObject({
        name: person.name,
        department: i < 3 ? '销售部' : person.department,
        title: person.title,
      });
  });

  it('reads an Excel 95 workbook (BIFF5) whose names are GBK bytes, and a .xls on disk by its path', async () => {
    const bytes = gbkBiff5Workbook('名单', [
      ['姓名', '手机'],
      ['欧阳建国', 13905310002],
      ['李娜', 13800138000],
    ]);
    const dir = tempDir();
    writeFileSync(path.join(dir, '名单.xls'), bytes);
    const result = await t.call('roster.import', { enterpriseId, source: { kind: 'path', path: path.join(dir, '名单.xls') } });
    expect(result).toMatchObject({ added: 2, refused: [] });
    expect((await listed()).map((m) => [m.name, m.mobile]).sort()).toEqual([
      ['李娜', '13800138000'],
      ['欧阳建国', '13905310002'],
    ]);
  });

  it('reads a web system’s “export to Excel”: an HTML table in GBK named .xls, under a title row', async () => {
    const html = [
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>',
      '<table border="1"><tr><td colspan="2">员工通讯录</td></tr><tr><th>姓名</th><th>手机号码</th></tr>',
      '<tr><td>欧阳建国</td><td>13905310002</td></tr><tr><td>李娜</td><td>13800138000</td></tr></table></body></html>',
    ].join('\n');
    const result = await t.call('roster.import', { enterpriseId, source: file('通讯录.xls', encodeGbk(html)) });
    expect(result).toMatchObject({ added: 2, refused: [] });
    expect((await listed()).map((m) => [m.name, m.mobile]).sort()).toEqual([
      ['李娜', '13800138000'],
      ['欧阳建国', '13905310002'],
    ]);
  });

  it('refuses password-protected workbooks (.xlsx and .xls), a damaged .xls and a file that is no spreadsheet, each with its own code', async () => {
    expect(await errorCode(t, 'roster.import', { enterpriseId, source: file('加密.xlsx', encryptedWorkbook()) })).toBe(
      'roster.file_encrypted',
    );
    expect(await errorCode(t, 'roster.import', { enterpriseId, source: file('加密.xls', encryptedXls()) })).toBe('roster.file_encrypted');
    expect(await errorCode(t, 'roster.import', { enterpriseId, source: file('名单.xls', damagedXls()) })).toBe('roster.file_damaged');
    const png = readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png'));
    expect(await errorCode(t, 'roster.previewImport', { enterpriseId, source: file('名单.png', png) })).toBe('roster.file_unreadable');
    const docx = readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', '公司资料.docx'));
    expect(await errorCode(t, 'roster.previewImport', { enterpriseId, source: file('名单.xlsx', docx) })).toBe('roster.file_unreadable');
    expect(await listed()).toEqual([]); // nothing saved
  });

  it('says which rows hold a formula without a saved result', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '手机号码']);
    sheet.addRow(['王伟', '13800138000']);
    sheet.addRow(['李娜', { formula: 'CONCATENATE("139","00139000")' }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await t.call('roster.import', { enterpriseId, source: file('名单.xlsx', bytes) });
    expect(result.added).toBe(1);
    expect(result.refused).toEqual([expect.objectContaining({ row: 3, code: 'roster.formula_without_value', name: '李娜' })]);
  });
});

describe('text files and pastes', () => {
  const staff: RosterPerson[] = [
    { name: '王 伟', mobile: '+86 138-0013-8000', department: '销售部', title: '经理', shortNumber: '612345' },
    { name: '李娜', mobile: '１３９００１３９０００', department: '财务部', title: '会计' },
    { name: '赵敏', mobile: '8615012345678', department: '技术部', title: '工程师', extension: '8001', email: 'zhaomin@example.cn' },
  ];

  it('reads a GBK CSV (as Chinese Excel saves it) and cleans names and numbers', async () => {
    const result = await t.call('roster.import', { enterpriseId, source: file('名单.csv', encodeGbk(csvText(staff))) });
    expect(result).toMatchObject({ added: 3, refused: [] });
    const members = await listed();
    expect(members.map((m) => [m.name, m.mobile]).sort()).toEqual([
      ['李娜', '13900139000'],
      ['王伟', '13800138000'],
      ['赵敏', '15012345678'],
    ]);
    expect(members.find((m) => m.name === '王伟')).toMatchObject({ shortNumber: '612345', department: '销售部' });
    expect(members.find((m) => m.name === '赵敏')).toMatchObject({ extension: '8001', email: 'zhaomin@example.cn' });
  });

  it('reads a UTF-8 CSV with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(staff), 'utf8')]);
    const preview = await t.call('roster.previewImport', { enterpriseId, source: file('名单.csv', bytes) });
    expect(preview.added.map((a) => a.name).sort()).toEqual(['李娜', '王伟', '赵敏']);
  });

  it('reads cells pasted without a header by what they hold, and lets the manager map them otherwise', async () => {
    const text = staff.map((p) => [p.department, p.name, p.mobile].join('\t')).join('\n');
    const preview = await t.call('roster.previewImport', { enterpriseId, source: { kind: 'paste', text } });
    expect(preview.headerRow).toBe(0);
    expect(preview.mapping).toMatchObject({ name: 1, mobile: 2 });
    const mapping = { name: 1, mobile: 2, department: 0, title: null, shortNumber: null, extension: null, email: null };
    const result = await t.call('roster.import', { enterpriseId, source: { kind: 'paste', text }, mapping });
    expect(result.added).toBe(3);
    expect((await listed()).find((m) => m.name === '李娜')?.department).toBe('财务部');
  });
});

describe('checks', () => {
  it('refuses other operators’ numbers with the reason, and duplicates within the file with the earlier row', async () => {
    const rows = [
      ['姓名', '手机'],
      ['王伟', '13800138000'],
      ['李娜', '18612345678'], // 中国联通
      ['赵敏', '18912345678'], // 中国电信
      ['钱多', '13800138000'],
      ['孙丽', '12345678901'],
      ['周杰', '1.38001E+10'],
      ['', '13900139000'],
    ];
    const result = await t.call('roster.import', {
      enterpriseId,
      source: file('r.csv', Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
    });
    expect(result.added).toBe(1);
    expect(result.refused.map((r) => [r.row, r.code])).toEqual([
      [3, 'roster.not_china_mobile'],
      [4, 'roster.not_china_mobile'],
      [5, 'roster.duplicate_in_file'],
      [6, 'roster.mobile_invalid'],
      [7, 'roster.mobile_scientific'],
      [8, 'roster.name_missing'],
    ]);
    expect(result.refused[0]).toMatchObject({ carrier: '中国联通', mobile: '18612345678' });
    expect(result.refused[2]).toMatchObject({ sameAsRow: 2 });
  });

  it('refuses a member of another enterprise’s group, and a second import changes members instead of adding them twice', async () => {
    const other = (
      await t.call('enterprises.create', {
        ...(await import('../orders/support')).quanchengTea,
        name: '济南泉城科技有限公司',
        creditCode: '91370100MA3C4Q7B11',
      })
    ).id;
    const staff = people(3, 9);
    await t.call('roster.import', { enterpriseId: other, source: file('a.csv', Buffer.from(csvText(staff.slice(0, 1)))) });
    const first = await t.call('roster.import', { enterpriseId, source: file('b.csv', Buffer.from(csvText(staff))) });
    expect(first.added).toBe(2);
    expect(first.refused).toEqual([expect.objectContaining({ row: 2, code: 'roster.in_other_group' })]);

    const moved = staff.slice(1).map((p) => ({ ...p, title: '董事长' }));
    const second = await t.call('roster.previewImport', { enterpriseId, source: file('c.csv', Buffer.from(csvText(moved))) });
    expect(second.added).toEqual([]);
    expect(second.changed.map((c) => c.fields)).toEqual([['title'], ['title']]);
    expect(second.unchanged).toBe(0);
    expect(second.members).toBe(2);
  });

  it('a full-roster import shows who would be removed, and removes only after the import', async () => {
    const staff = people(4, 11);
    await t.call('roster.import', { enterpriseId, source: file('a.csv', Buffer.from(csvText(staff))) });
    const input = { enterpriseId, source: file('b.csv', Buffer.from(csvText(staff.slice(0, 3)))), replace: true };
    const preview = await t.call('roster.previewImport', input);
    expect(preview.removed.map((r) => r.mobile)).toEqual([staff[3]!.mobile]);
    expect(preview.unchanged).toBe(3);
    expect(await listed()).toHaveLength(4);
    const result = await t.call('roster.import', input);
    expect(result).toMatchObject({ removed: 1, members: 3 });
    expect((await listed()).map((m) => m.mobile).sort()).toEqual(
      staff
        .slice(0, 3)
        .map((p) => p.mobile)
        .sort(),
    );
  });
});

describe('10,000 rows, 5 % of them bad', () => {
  it('imports every good row and lists every bad one with its row number and reason', async () => {
    const { rows, bad } = rosterWithBadRows(10_000);
    const dir = tempDir();
    const xlsx = path.join(dir, '全员名单.xlsx');
    writeFileSync(xlsx, await rosterXlsx(rows));
    const result = await t.call('roster.import', { enterpriseId, source: { kind: 'path', path: xlsx } });
    expect(result.refused).toHaveLength(bad.size);
    // Data starts on line 2 (line 1 is the header): list index i is spreadsheet row i + 2.
    expect(new Map(result.refused.map((r) => [r.row - 2, r.code]))).toEqual(bad);
    expect(result.added).toBe(10_000 - bad.size);
    expect(result.members).toBe(10_000 - bad.size);
    const members = await listed();
    expect(members).toHaveLength(10_000 - bad.size);
    const numbers = members.map((m) => m.shortNumber);
    expect(new Set(numbers).size).toBe(members.length);
    expect(numbers.every((n) => /^6\d{5}$/.test(n!))).toBe(true);
    const good = rows.filter((_, i) => !bad.has(i)).map(rowOf);
    expect(new Set(members.map((m) => m.mobile))).toEqual(new Set(good.map((r) => r[1])));
  });
});
