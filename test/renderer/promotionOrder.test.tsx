/**
 * Ordering 门户首页推荐 (issue 13) on the new-order page in jsdom against a real backend: the
 * backend's quote (price per month × months), its refusals in Chinese, and the order with its dates
 * on its own page — signed on the signature pad, its PDF drawn, submitted — and on the enterprise page.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPlan, PORTAL_PROMOTION_CODE, SEED_CATALOG } from '../../shared/domain/catalog';
import { recordConflict } from '../../electron/backend/domains/sync/db/conflicts';
import { settleOp } from '../../electron/backend/domains/sync/db/queue';
import type { TestBackend } from '../helpers/backend';
import { SIGNATURE_BASE64 } from '../integration/orders/support';
import { jinanEnterprise } from '../helpers/syncDevice';
import { openedEnterprise } from './openedEnterprise';
import { renderApp } from './renderApp';

// The enterprise's plan was opened on 2026-12-01 (as the platform answered it).
const TODAY = '2026-12-02';
const MONTHLY_FEE_FEN = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!.monthlyFeeFen;

describe('ordering a portal promotion (jsdom, in-memory transport, real backend)', () => {
  const backends: TestBackend[] = [];
  let backend: TestBackend;
  let enterpriseId: string;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T09:00:00+08:00`));
    ({ t: backend, enterpriseId } = await openedEnterprise(backends));
    backend.clock.set(`${TODAY}T09:00:00+08:00`);
  });
  afterEach(() => {
    backends.splice(0).forEach((b) => b.cleanup());
    vi.useRealTimers();
  });

  const openPage = async (enterpriseId: string) => {
    const app = renderApp(backend.transport, `/enterprises/${enterpriseId}/orders/new`);
    await app.user.click(await screen.findByRole('radio', { name: '门户首页推荐' }));
    return app;
  };

  it('is refused in Chinese for an enterprise without a plan', async () => {
    const notOpened = (await backend.call('enterprises.create', jinanEnterprise(2))).id;
    const { user } = await openPage(notOpened);
    expect(await screen.findByTestId('quote-total')).toHaveTextContent('以上 1 个月合计 500.00 元');
    await user.click(screen.getByTestId('order-create'));
    expect(await screen.findByTestId('order-error')).toHaveTextContent('该客户还没有开通套餐：请先办理开户');
    expect(await backend.call('orders.listForEnterprise', { enterpriseId: notOpened })).toEqual([]);
  });

  it('is refused in Chinese for 0 or 25 months or a start before today, and nothing is created', async () => {
    const { user } = await openPage(enterpriseId);
    const months = screen.getByLabelText('推荐月数');
    for (const typed of ['0', '25']) {
      await user.clear(months);
      await user.type(months, typed);
      expect(await screen.findByText('填写 1 到 24 个月后显示报价')).toBeInTheDocument();
      await user.click(screen.getByTestId('order-create'));
      expect(await screen.findByText('推荐月数须为 1 到 24 之间的整数。')).toBeInTheDocument();
    }

    await user.clear(months);
    await user.type(months, '3');
    const date = screen.getByLabelText('推荐起始日期');
    await user.clear(date);
    await user.type(date, '2026-12-01{Enter}');
    await user.click(screen.getByTestId('order-create'));
    expect(await screen.findByText('推荐起始日期不能早于今天（2026-12-02），请选择今天或以后的日期。')).toBeInTheDocument();

    const orders = await backend.call('orders.listForEnterprise', { enterpriseId });
    expect(orders.map((o) => o.planCode)).toEqual(['site-standard']);
  });

  it('quotes the months from the backend, creates the order with its dates, is signed on the pad and submitted, and shows it on the enterprise page', async () => {
    const { user } = await openPage(enterpriseId);
    const months = screen.getByLabelText('推荐月数');
    await user.clear(months);
    await user.type(months, '3');
    const date = screen.getByLabelText('推荐起始日期');
    await user.clear(date);
    await user.type(date, '2026-12-20{Enter}');

    // Started after the 15th, yet every month is whole: the promotion shows three whole months.
    await waitFor(() => expect(screen.getByTestId('quote-total')).toHaveTextContent('以上 3 个月合计 1,500.00 元'));
    const quote = screen.getByTestId('quote');
    expect(within(quote).getByTestId('quote-monthly-fee')).toHaveTextContent('500.00 元');
    expect(within(quote).getByTestId('quote-promotion-period')).toHaveTextContent('2026-12-20 至 2027-03-19（3 个月）');
    expect(screen.getByTestId('quote-rule')).toHaveTextContent('自 2026-12-20 起在门户首页推荐 3 个月，至 2027-03-19 止；每月 500.00 元');
    expect(within(quote).queryByText('含网内短信')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('order-create'));
    expect(await screen.findByTestId('order-status')).toHaveTextContent('草稿');
    expect(screen.getByTestId('order-summary')).toHaveTextContent('门户首页推荐');
    expect(screen.getByTestId('order-summary')).toHaveTextContent('展示期2026-12-20 至 2027-03-19（3 个月）');
    const promotion = (await backend.call('orders.listForEnterprise', { enterpriseId })).find((o) => o.planCode === PORTAL_PROMOTION_CODE)!;
    expect(promotion).toMatchObject({
      kind: 'open',
      effectiveDate: '2026-12-20',
      promotion: { months: 3, startDate: '2026-12-20', endDate: '2027-03-20' },
    });
    expect(promotion.quote.totalFeeFen).toBe(3 * MONTHLY_FEE_FEN);

    // The customer signs on the pad (a stroke with the mouse), the backend draws the 业务受理单, the clerk submits it.
    const pad = screen.getByTestId('signature-canvas');
    await user.click(screen.getByTestId('signature-confirm'));
    expect(await screen.findByText('请客户在签字区签名')).toBeInTheDocument(); // nothing drawn yet
    await user.pointer([
      { keys: '[MouseLeft>]', target: pad, coords: { clientX: 20, clientY: 40 } },
      { target: pad, coords: { clientX: 60, clientY: 55 } },
      { target: pad, coords: { clientX: 120, clientY: 35 } },
      { keys: '[/MouseLeft]', target: pad },
    ]);
    await user.click(screen.getByTestId('signature-confirm'));
    await waitFor(() => expect(screen.getAllByTestId('order-status')[0]).toHaveTextContent('已签字'));
    await user.click(await screen.findByTestId('order-submit'));
    await waitFor(() => expect(screen.getAllByTestId('order-status')[0]).toHaveTextContent('已提交'));
    expect(await screen.findByTestId('order-submitted')).toHaveTextContent('受理单在本机排队，联网同步后提交到平台开通推荐。');
    const submitted = await backend.call('orders.get', { id: promotion.id });
    expect(submitted).toMatchObject({ status: 'submitted', signerName: expect.any(String), promotion: { months: 3 } });
    expect(submitted.documentId).toBeDefined();

    await user.click(within(screen.getByTestId('order-summary')).getByRole('link'));
    const rows = await screen.findAllByTestId('order-row');
    const row = rows.find((r) => r.textContent?.includes('门户首页推荐'))!;
    expect(row).toHaveTextContent('2026-12-20 至 2027-03-19（3 个月）');
    expect(row).toHaveTextContent('已提交');
    expect(screen.getByTestId('enterprise-audit')).toHaveTextContent(/创建了受理单.*门户首页推荐/);
    expect(await screen.findByTestId('current-plan')).toHaveTextContent('企业建站 标准版');
  });
  it('says in Chinese why the platform refused a promotion whose start day had passed before the sync', async () => {
    const draft = await backend.call('orders.create', { enterpriseId, kind: 'open', planCode: PORTAL_PROMOTION_CODE, date: TODAY });
    await backend.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await backend.call('orders.submit', { id: draft.id });
    // The platform's answer a day later, stored as the sync stores a rejected command (test/integration/sync/orders.test.ts does it for real).
    await backend.backend.writes.write((db) => {
      const op = db
        .prepare<[string], { op_seq: number; mutation_id: string }>(`SELECT op_seq, mutation_id FROM outbox WHERE row_id = ?`)
        .get(draft.id)!;
      const at = '2026-12-03T09:00:00.000Z';
      settleOp(db, op.op_seq, 'rejected', at, 'promotion_start_past');
      const refusal = {
        code: 'promotion_start_past',
        message: "The promotion was to start on 2026-12-02, before the platform's today (2026-12-03).",
      };
      const sent = { kind: 'command', name: 'order.submit.v1', patch: {}, baseVersion: null, mutationId: op.mutation_id, createdAt: at };
      recordConflict(db, {
        id: 'c1',
        tbl: 'service_order',
        rowId: draft.id,
        opSeq: op.op_seq,
        kind: 'rejected',
        detail: { op: sent, ...refusal },
        at,
      });
    });
    renderApp(backend.transport, `/orders/${draft.id}`);
    const banner = await screen.findByTestId('order-submitted');
    await waitFor(() => expect(banner).toHaveAttribute('data-stage', 'failed'));
    expect(banner).toHaveTextContent(
      '推荐起始日期在受理单同步到平台之前已经过去，平台没有开通这次推荐。请重新办理门户首页推荐，起始日期选今天或以后，并请客户重新签字。',
    );
  });
});
