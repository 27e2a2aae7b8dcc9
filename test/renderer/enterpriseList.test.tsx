/**
 * The enterprise list (issue 8 item 17), jsdom against a real backend: several words, a contact's
 * name and pinyin initials find enterprises; the status filter and the name order work; each row
 * says its platform status and plan.
 */
import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnterpriseInput } from '../../shared/domain/enterprise';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { giveTheTableAHeight } from './enterpriseTable';
import { renderApp } from './renderApp';

const ZIBO = { province: '山东省', city: '淄博市', district: '临淄区' };
const ENTERPRISES: EnterpriseInput[] = [
  jinanEnterprise(1, { name: '济南泉城茶业有限公司', contact: { name: '王建国', mobile: '13805310001' } }),
  jinanEnterprise(2, {
    name: '淄博临淄机械有限公司',
    region: ZIBO,
    address: '淄博市临淄区齐都路1号',
    contact: { name: '孙立军', mobile: '13905330002' },
  }),
  jinanEnterprise(3, {
    name: '淄博博山陶瓷有限公司',
    region: { ...ZIBO, district: '博山区' },
    address: '淄博市博山区新博路2号',
    contact: { name: '赵红', mobile: '13905330003' },
  }),
  jinanEnterprise(4, { name: '安泰机械制造有限公司', contact: { name: '钱伟', mobile: '13805310004' } }),
];

const shownNames = () => screen.queryAllByTestId('enterprise-row').map((row) => row.querySelector('.ecw-etable-name')!.textContent);

async function searchFor(user: UserEvent, text: string) {
  const box = screen.getByTestId('enterprise-search');
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  await waitFor(() => expect(screen.getByTestId('enterprise-count')).toHaveTextContent('找到'));
}

async function choose(user: UserEvent, filter: string, option: string) {
  await user.click(
    screen.getByTestId(filter).querySelector('.ant-select-selector, .ant-select-content, input') ?? screen.getByTestId(filter),
  );
  await user.click(await screen.findByTitle(option));
}

describe('the enterprise list (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  let restoreLayout: () => void;
  const ids: string[] = [];
  beforeEach(async () => {
    restoreLayout = giveTheTableAHeight();
    backend = createTestBackend();
    await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    ids.length = 0;
    for (const input of ENTERPRISES) {
      backend.clock.advance(1000);
      ids.push((await backend.call('enterprises.create', input)).id);
    }
    // As a sync's pull writes the platform's status.
    await backend.backend.writes.write((db) => db.prepare("UPDATE enterprise SET platform_status = 'opened' WHERE id = ?").run(ids[1]));
  });
  afterEach(() => {
    restoreLayout();
    backend.cleanup();
  });

  it('finds by several words, a contact\u2019s name and pinyin initials', async () => {
    const { user } = renderApp(backend.transport, '/enterprises');
    await waitFor(() => expect(shownNames()).toHaveLength(4));

    await searchFor(user, '淄博 机械');
    await waitFor(() => expect(shownNames()).toEqual(['淄博临淄机械有限公司']));
    await searchFor(user, '赵红');
    await waitFor(() => expect(shownNames()).toEqual(['淄博博山陶瓷有限公司']));
    await searchFor(user, 'lzjx');
    await waitFor(() => expect(shownNames()).toEqual(['淄博临淄机械有限公司']));
    await searchFor(user, '临淄');
    await waitFor(() => expect(shownNames()).toEqual(['淄博临淄机械有限公司']));
  });

  it('filters by platform status, sorts by name, and shows each row\u2019s status and plan', async () => {
    const { user } = renderApp(backend.transport, '/enterprises');
    await waitFor(() => expect(shownNames()).toHaveLength(4));
    const row = (name: string) => screen.getAllByTestId('enterprise-row').find((r) => r.textContent?.includes(name))!;
    expect(within(row('淄博临淄机械有限公司')).getByTestId('enterprise-plan-status')).toHaveTextContent('已开通无生效套餐');
    expect(within(row('济南泉城茶业有限公司')).getByTestId('enterprise-plan-status')).toHaveTextContent('未同步');

    await choose(user, 'filter-status', '已开通');
    await waitFor(() => expect(shownNames()).toEqual(['淄博临淄机械有限公司']));
    expect(screen.getByTestId('enterprise-count')).toHaveTextContent('找到 1 家');

    await choose(user, 'filter-status', '未同步');
    await choose(user, 'filter-sort', '按名称（拼音）');
    await waitFor(() => expect(shownNames()).toEqual(['安泰机械制造有限公司', '济南泉城茶业有限公司', '淄博博山陶瓷有限公司']));
  });
});
