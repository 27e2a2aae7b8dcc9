/**
 * 关怀名单 in the SMS site editor (jsdom, real backend): numbers pasted with names, dashes and a
 * refused line are cleaned, counted before anything is sent, and saved with the site's SMS settings.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

describe('the SMS site’s 关怀名单', () => {
  it('cleans pasted numbers, shows the count and what was refused, and saves the list with the site', async () => {
    const t = createTestBackend();
    backends.push(t);
    await t.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
    const { id: enterpriseId } = await t.call('enterprises.create', jinanEnterprise(1));
    const site = await t.call('sites.create', { enterpriseId });

    const { user } = renderApp(t.transport, `/enterprises/${enterpriseId}/site`);
    await user.click(await screen.findByRole('tab', { name: '短信网站' }, { timeout: 30_000 }));
    await user.click(await screen.findByText('关怀名单（0）'));
    fireEvent.change(await screen.findByTestId('care-list-paste'), {
      target: { value: '姓名,手机号\n张三,138-0013-8000\n李四 +86 139 0000 0001\n12345\n13800138000' },
    });
    await user.click(screen.getByTestId('care-list-add'));

    expect(screen.getByTestId('care-list-count')).toHaveTextContent('名单共 2 个号码');
    const reading = screen.getByTestId('care-list-reading');
    expect(reading).toHaveTextContent('加入 2 个号码；重复 1 个，无效 1 个');
    expect(reading).toHaveTextContent('第 4 行“12345”：不是有效的手机号');
    expect(screen.getByText('关怀名单（2）')).toBeInTheDocument();

    await user.click(within(screen.getByTestId('sms-editor')).getByTestId('sms-save'));
    await waitFor(async () =>
      expect((await t.call('sites.get', { siteId: site.id })).content.sms.careList).toEqual(['13800138000', '13900000001']),
    );
  }, 90_000);
});
