/**
 * The enterprise form in jsdom against a real backend: what is missing is said in Chinese at its
 * field and nothing typed is lost; a complete form registers the enterprise; a credit code already
 * registered is flagged as it is typed and refused on save, with everything typed kept.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { creditCodeFor } from '../bench/generateEnterprises';
import { renderApp } from './renderApp';

const CODE = creditCodeFor(7, '370102');
const help = (field: string) => screen.findByTestId(`ent-${field}-help`);

/** Into the field with this label, as a paste (one change instead of one per character keeps the test quick). */
async function enter(user: UserEvent, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

/** Everything but the name and the credit code, typed and chosen as a user does. */
async function fillTheRest(user: UserEvent) {
  await user.type(screen.getByLabelText('行业门类'), 'F');
  await user.click(await screen.findByTitle('F 批发和零售业'));
  await user.type(screen.getByLabelText('所在地区'), '历下{Enter}');
  await enter(user, '详细地址', '济南市历下区泉城路188号');
  await enter(user, '联系人姓名', '王建国');
  await enter(user, '联系人手机', '13805310001');
}

describe('the enterprise form (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  beforeEach(async () => {
    backend = createTestBackend();
    await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  });
  afterEach(() => backend.cleanup());

  it('says in Chinese what is missing, keeps what was typed, then registers the enterprise', async () => {
    const { user } = renderApp(backend.transport, '/enterprises/new');
    const name = await screen.findByLabelText('企业名称');
    await enter(user, '企业名称', '济南泉城茶业有限公司');
    await user.click(screen.getByTestId('enterprise-save'));

    expect(await help('creditCode')).toHaveTextContent('请填写统一社会信用代码');
    expect(await help('industrySection')).toHaveTextContent('请选择行业门类');
    expect(await help('address')).toHaveTextContent('请填写详细地址');
    expect(await help('contact-name')).toHaveTextContent('请填写联系人姓名');
    expect(name).toHaveValue('济南泉城茶业有限公司');
    expect((await backend.call('enterprises.list', {})).total).toBe(0);

    await enter(user, '统一社会信用代码', CODE.toLowerCase());
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue(CODE);
    await fillTheRest(user);
    await user.click(screen.getByTestId('enterprise-save'));

    expect(await screen.findByTestId('enterprise-title')).toHaveTextContent('济南泉城茶业有限公司');
    const { rows } = await backend.call('enterprises.list', {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: '济南泉城茶业有限公司',
      creditCode: CODE,
      industrySection: 'F',
      district: '历下区',
      contactName: '王建国',
      manager: '李敏',
    });
  });

  it('flags a credit code already registered as it is typed, and refuses it on save keeping what was typed', async () => {
    await backend.call('enterprises.create', jinanEnterprise(1, { name: '泉城茶业', creditCode: CODE }));
    const { user } = renderApp(backend.transport, '/enterprises/new');
    await screen.findByLabelText('企业名称');
    await enter(user, '企业名称', '另一家泉城茶业有限公司');
    await enter(user, '统一社会信用代码', CODE);

    const warning = await help('creditCode');
    await within(warning).findByText(/该代码已登记为“泉城茶业”，不能重复登记。/);
    expect(within(warning).getByTestId('duplicate-link')).toHaveTextContent('查看该客户');

    await fillTheRest(user);
    await user.click(screen.getByTestId('enterprise-save'));
    await within(await help('creditCode')).findByText(/该统一社会信用代码已登记为“泉城茶业”，不能重复登记。/);
    expect(screen.getByLabelText('企业名称')).toHaveValue('另一家泉城茶业有限公司');
    expect(screen.getByLabelText('详细地址')).toHaveValue('济南市历下区泉城路188号');
    expect((await backend.call('enterprises.list', {})).rows.map((r) => r.name)).toEqual(['泉城茶业']);
  });

  it('keeps the credit code box to 18 characters and takes full-width digits in the mobile (issue 8 item 17)', async () => {
    const { user } = renderApp(backend.transport, '/enterprises/new');
    await screen.findByLabelText('企业名称');
    const code = screen.getByLabelText('统一社会信用代码');
    await user.click(code);
    await user.keyboard(`${CODE}ABCDEF`);
    expect(code).toHaveValue(CODE);
    await user.clear(code);
    await user.paste(`统一社会信用代码：${CODE.slice(0, 4)} ${CODE.slice(4)}（已核对）`);
    expect(code).toHaveValue(CODE);

    await enter(user, '企业名称', '济南泉城茶业有限公司');
    await user.type(screen.getByLabelText('行业门类'), 'F');
    await user.click(await screen.findByTitle('F 批发和零售业'));
    await user.type(screen.getByLabelText('所在地区'), '历下{Enter}');
    await enter(user, '详细地址', '济南市历下区泉城路188号');
    await enter(user, '联系人姓名', '王建国');
    await enter(user, '联系人手机', '１３８－０５３１－０００１');
    await user.click(screen.getByTestId('enterprise-save'));
    expect(await screen.findByTestId('enterprise-title')).toHaveTextContent('济南泉城茶业有限公司');
    expect((await backend.call('enterprises.list', {})).rows[0]).toMatchObject({ creditCode: CODE, contactMobile: '13805310001' });
  });
});
