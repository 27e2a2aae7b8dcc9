/**
 * Issue 11 item 4 on the enterprise page (jsdom, real backend): the SMS site's draw log (time, masked
 * number, prize or 未中奖, the seed that reproduces it) and the survey tallies, as pulled from the platform.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SmsActivityWireRow } from '../../shared/platform-api';
import { smsActivitySyncAdapter } from '../../electron/backend/domains/smsActivity/syncAdapter';
import type { TestBackend } from '../helpers/backend';
import { renderApp } from './renderApp';
import { OPENED_AT, openedEnterprise as openedEnterpriseOn } from './openedEnterprise';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
const AT = OPENED_AT;

const openedEnterprise = () => openedEnterpriseOn(backends);

describe('the enterprise page’s SMS site activity', () => {
  it('lists each draw with its time, masked number, prize or 未中奖 and seed, and the survey’s counts per option', async () => {
    const { t, enterpriseId } = await openedEnterprise();
    const row: SmsActivityWireRow = {
      id: enterpriseId,
      enterpriseId,
      drawCount: 2,
      createdAt: AT,
      updatedAt: AT,
      draws: [
        { at: '2026-12-02T03:04:05.000Z', mobile: '139****0012', prize: null, seed: 'b'.repeat(32), roll: 8123 },
        { at: '2026-12-01T03:04:05.000Z', mobile: '138****0001', prize: '一等奖：龙井 250 克', seed: 'a'.repeat(32), roll: 17 },
      ],
      surveys: [
        {
          question: '您最喜欢哪种茶？回复数字：1绿茶 2红茶 3乌龙',
          options: [
            { label: '绿茶', count: 3 },
            { label: '红茶', count: 1 },
            { label: '乌龙', count: 0 },
          ],
        },
      ],
    };
    await t.backend.writes.write((db) => smsActivitySyncAdapter.save(db, row.id, row, { version: 1, row }, false));

    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('sms-activity', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent('抽奖记录（共 2 次）'));
    const rows = within(within(card).getByTestId('sms-draws')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      `${new Date('2026-12-02T03:04:05.000Z').toLocaleString('zh-CN', { hour12: false })}139****0012未中奖${'b'.repeat(32)}`,
      `${new Date('2026-12-01T03:04:05.000Z').toLocaleString('zh-CN', { hour12: false })}138****0001一等奖：龙井 250 克${'a'.repeat(32)}`,
    ]);
    expect(card).toHaveTextContent('种子（可复核）');
    const survey = within(card).getByTestId('sms-survey');
    expect(survey).toHaveTextContent('您最喜欢哪种茶？');
    expect(within(survey).getByTestId('sms-survey-counts')).toHaveTextContent('绿茶 3 · 红茶 1 · 乌龙 0 · 共 4 人答复');
    expect(within(survey).getByRole('img')).toHaveAttribute('aria-label', expect.stringContaining('柱状图'));
  }, 90_000);

  it('says there is nothing yet before the platform reported a draw or an answer', async () => {
    const { t, enterpriseId } = await openedEnterprise();
    renderApp(t.transport, `/enterprises/${enterpriseId}`);
    const card = await screen.findByTestId('sms-activity', {}, { timeout: 30_000 });
    await waitFor(() => expect(card).toHaveTextContent('还没有抽奖或调查记录。'));
  }, 90_000);
});
