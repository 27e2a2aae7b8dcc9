/**
 * The roster page in jsdom against a real backend: a paste is previewed (with every refused row and
 * why, in Chinese) before anything is saved; the import fills the table; a short number typed for a
 * member shows who holds it before saving, and a refused save keeps the modal and what was typed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { setUp } from '../integration/orders/support';
import { renderApp } from './renderApp';

const PASTE = [
  '姓名\t手机号码\t部门\t短号',
  '王伟\t13800138000\t销售部\t612345',
  '李娜\t18612345678\t财务部\t',
  '赵敏\t139 0013 9000\t技术部\t',
].join('\n');

describe('the roster page (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let enterpriseId: string;
  beforeEach(async () => {
    backend = createTestBackend();
    enterpriseId = await setUp(backend);
  });
  afterEach(() => backend.cleanup());

  it('previews a paste with its refused rows, saves nothing until imported, then lists the members', async () => {
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/roster`);
    await user.click(await screen.findByTestId('roster-import'));
    await user.click(await screen.findByText('粘贴'));
    await user.click(screen.getByTestId('roster-paste'));
    await user.paste(PASTE);
    await user.click(screen.getByTestId('roster-paste-preview'));

    const preview = await screen.findByTestId('roster-preview');
    expect(within(preview).getByText('表头在第 1 行')).toBeInTheDocument();
    await user.click(within(preview).getByText('拒绝 1'));
    expect(await within(preview).findByText(/中国联通号段，集团短号只能加入中国移动号码/)).toBeInTheDocument();
    expect((await backend.call('roster.list', { enterpriseId })).members).toEqual([]);

    await user.click(screen.getByTestId('roster-import-confirm'));
    await waitFor(async () => expect((await backend.call('roster.list', { enterpriseId })).members).toHaveLength(2));
    expect(await screen.findByTestId('member-13800138000')).toHaveTextContent('612345');
    expect(screen.getByTestId('member-13900139000')).toHaveTextContent('赵敏');
    expect(screen.getByTestId('roster-count')).toHaveTextContent('2 名成员');
  });

  it('shows what a typed short number would do before saving, and keeps the modal when the save is refused', async () => {
    await backend.call('roster.addMember', {
      enterpriseId,
      fields: { name: '王伟', mobile: '13800138000', department: '销售部', title: '', shortNumber: '612345' },
    });
    await backend.call('roster.addMember', {
      enterpriseId,
      fields: { name: '李娜', mobile: '13900139000', department: '财务部', title: '', shortNumber: '612346' },
    });
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/roster`);
    const row = await screen.findByTestId('member-13900139000');
    await user.click(within(row).getByLabelText('编辑'));
    const short = await screen.findByTestId('member-short');
    await user.clear(short);
    await user.paste('612345');
    expect(await screen.findByTestId('number-effect')).toHaveTextContent('该短号已被王伟使用，保存将被拒绝');
    await user.click(screen.getByTestId('member-save'));
    expect(await screen.findByTestId('member-failure')).toHaveTextContent('该短号已被王伟使用。');
    expect(screen.getByTestId('member-short')).toHaveValue('612345');

    await user.clear(screen.getByTestId('member-short'));
    await user.paste('612399');
    expect(await screen.findByTestId('number-effect')).toHaveTextContent('该短号可用');
    await user.click(screen.getByTestId('member-save'));
    await waitFor(async () =>
      expect((await backend.call('roster.list', { enterpriseId })).members.find((m) => m.name === '李娜')?.shortNumber).toBe('612399'),
    );
  });

  it('imports a workbook with one sheet per department as 全部工作表, each row shown with its sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [department, name, mobile] of [
      ['办公室', '王伟', '13800138000'],
      ['生产车间', '赵敏', '13900139000'],
    ]) {
      const sheet = workbook.addWorksheet(department);
      sheet.addRow(['姓名', '手机']);
      sheet.addRow([name, mobile]);
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { user, container } = renderApp(backend.transport, `/enterprises/${enterpriseId}/roster`);
    await user.click(await screen.findByTestId('roster-import'));
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type=file]')!;
    await user.upload(input, new File([bytes], '通讯录.xlsx'));

    const preview = await screen.findByTestId('roster-preview');
    expect(within(preview).getByText('全部工作表')).toBeInTheDocument();
    expect(within(preview).getByText('办公室 · 2')).toBeInTheDocument();
    expect(within(preview).getByText('生产车间 · 2')).toBeInTheDocument();
    expect(within(preview).getAllByText('生产车间').length).toBeGreaterThan(0);
    await user.click(screen.getByTestId('roster-import-confirm'));
    await waitFor(async () =>
      expect((await backend.call('roster.list', { enterpriseId })).members.map((m) => [m.name, m.department]).sort()).toEqual([
        ['王伟', '办公室'],
        ['赵敏', '生产车间'],
      ]),
    );
  });
});
