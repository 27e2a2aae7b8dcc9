import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetFile, sha256Of } from '../../../electron/backend/domains/assets/store';
import { saveCatalog } from '../../../electron/backend/domains/catalog/repository';
import { findPlan, PORTAL_PROMOTION_CODE, SEED_CATALOG } from '../../../shared/domain/catalog';
import { orderSubmitArgsSchema } from '../../../shared/platform-api/tables';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { blankPng, errorCode, openSigned, OPERATOR, setUp, SIGNATURE_BASE64, SIGNATURE_PNG } from './support';

let t: TestBackend;
let enterpriseId: string;
beforeEach(async () => {
  t = createTestBackend({ start: '2026-11-16T09:00:00+08:00' });
  enterpriseId = await setUp(t);
});
afterEach(() => t.cleanup());

const db = () => t.backend.database()!;
const outboxCommands = () =>
  db()
    .prepare<[], { tbl: string; row_id: string; name: string; patch_json: string }>(
      `SELECT tbl, row_id, name, patch_json FROM outbox WHERE kind = 'command' ORDER BY op_seq`,
    )
    .all();

describe('opening a plan', () => {
  it('creates a draft with the quote the customer sees: opened on the 16th, first month half', async () => {
    const order = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(order).toMatchObject({
      kind: 'open',
      status: 'draft',
      planCode: 'site-standard',
      requestDate: '2026-11-16',
      effectiveDate: '2026-11-16',
      createdBy: OPERATOR.name,
      catalogVersion: 1,
    });
    expect(order.number).toMatch(/^YS20261116-[0-9A-F]{6}$/);
    expect(order.quote.firstMonth).toEqual({ rule: 'first_half', feeFen: 5000 });
    expect(order.quote.months).toHaveLength(12);
    expect(order.quote.months[1]).toMatchObject({ month: '2026-12', functionFeeFen: 10000 });
    expect(order.audit).toEqual([expect.objectContaining({ actor: OPERATOR.name, action: 'order.created' })]);
    expect(outboxCommands()).toEqual([]); // drafts stay on this machine
  });

  it('accepts the fixture alias "standard" and stores the catalog code', async () => {
    const order = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'standard', date: '2026-11-15' });
    expect(order.planCode).toBe('site-standard');
    expect(order.quote.firstMonth).toEqual({ rule: 'first_full', feeFen: 10000 });
  });

  it('refuses an unknown enterprise, an unknown plan, a plan no longer on sale and a missing plan', async () => {
    expect(await errorCode(t, 'orders.create', { enterpriseId: 'nope', kind: 'open', planCode: 'site-standard', date: '2026-11-16' })).toBe(
      'order.enterprise_not_found',
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'open', planCode: 'site-gold', date: '2026-11-16' })).toBe(
      'order.unknown_plan',
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'open', date: '2026-11-16' })).toBe('order.plan_required');
    await t.backend.writes.write((db) =>
      saveCatalog(
        db,
        {
          ...SEED_CATALOG,
          version: 2,
          source: 'platform',
          plans: SEED_CATALOG.plans.map((p) => (p.code === 'site-business' ? { ...p, available: false } : p)),
        },
        new Date(),
      ),
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'open', planCode: 'site-business', date: '2026-11-16' })).toBe(
      'order.plan_unavailable',
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-02-30' })).toBe(
      'invalid_input',
    );
    expect(await t.call('orders.listForEnterprise', { enterpriseId })).toEqual([]);
  });

  it('refuses a second opening while a plan is active, at creation and at signing', async () => {
    const secondDraft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-business', date: '2026-11-16' });
    await openSigned(t, enterpriseId);
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'open', planCode: 'site-business', date: '2026-11-20' })).toBe(
      'order.already_active',
    );
    expect(await errorCode(t, 'orders.sign', { id: secondDraft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 })).toBe(
      'order.already_active',
    );
    expect((await t.call('orders.get', { id: secondDraft.id })).status).toBe('draft');
  });

  it('does not count drafts as an active plan', async () => {
    await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(await t.call('orders.currentPlan', { enterpriseId })).toBeNull();
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'cancel', date: '2026-11-20' })).toBe('order.no_active_plan');
  });
});

describe('signing', () => {
  it('stores the signature and the PDF, files the document with the enterprise, and marks the order signed', async () => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    t.clock.set('2026-11-16T09:30:00+08:00');
    const signed = await t.call('orders.sign', {
      id: draft.id,
      signerName: '王建国',
      signaturePngBase64: `data:image/png;base64,${SIGNATURE_BASE64}`,
    });
    expect(signed).toMatchObject({
      status: 'signed',
      signerName: '王建国',
      signedAt: '2026-11-16T01:30:00.000Z',
      signatureSha256: sha256Of(SIGNATURE_PNG),
    });
    expect(signed.audit.map((a) => a.action)).toEqual(['order.created', 'order.signed']);

    const documents = await t.call('documents.listForEnterprise', { enterpriseId });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      id: signed.documentId,
      kind: 'service_order',
      mime: 'application/pdf',
      fileName: `业务受理单-${signed.number}.pdf`,
    });
    const document = await t.call('documents.read', { id: signed.documentId! });
    const pdf = Buffer.from(document.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256Of(pdf)).toBe(document.sha256);
    expect(pdf.byteLength).toBe(document.bytes);

    for (const sha of [signed.signatureSha256!, document.sha256]) {
      expect(existsSync(assetFile(t.dataDir, sha))).toBe(true);
      expect(db().prepare('SELECT state FROM asset WHERE sha256 = ?').get(sha)).toEqual({ state: 'pending_upload' });
    }
    expect(await t.call('orders.currentPlan', { enterpriseId })).toMatchObject({
      planCode: 'site-standard',
      openDate: '2026-11-16',
      openOrderId: draft.id,
    });
  });

  it.each([
    ['text that is not base64', '!!!! not base64 at all !!!!'.repeat(10), 'order.signature_invalid'],
    ['a JPEG', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]).toString('base64'), 'order.signature_invalid'],
    ['a damaged PNG', Buffer.concat([SIGNATURE_PNG.subarray(0, 40), Buffer.alloc(400, 7)]).toString('base64'), 'order.signature_invalid'],
    [
      'a PNG over 1 MB',
      Buffer.concat([SIGNATURE_PNG.subarray(0, 8), Buffer.alloc(1_100_000)]).toString('base64'),
      'order.signature_invalid',
    ],
  ])('refuses %s as a signature and leaves the draft untouched', async (_what, base64, code) => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(await errorCode(t, 'orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: base64 })).toBe(code);
    expect((await t.call('orders.get', { id: draft.id })).status).toBe('draft');
    expect(await t.call('documents.listForEnterprise', { enterpriseId })).toEqual([]);
  });

  it('refuses an empty signature pad', async () => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    const blank = (await blankPng()).toString('base64');
    expect(await errorCode(t, 'orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: blank })).toBe(
      'order.signature_blank',
    );
  });

  it('refuses a missing signer name and signing twice', async () => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(await errorCode(t, 'orders.sign', { id: draft.id, signerName: '  ', signaturePngBase64: SIGNATURE_BASE64 })).toBe(
      'invalid_input',
    );
    await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    expect(await errorCode(t, 'orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 })).toBe(
      'order.not_draft',
    );
    expect(await errorCode(t, 'orders.sign', { id: 'missing', signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 })).toBe(
      'order.not_found',
    );
  });

  it('keeps a signed order and its document across a restart', async () => {
    const signed = await openSigned(t, enterpriseId);
    t.backend.close();
    const again = createTestBackend({ dataDir: t.dataDir });
    try {
      expect((await again.call('orders.get', { id: signed.id })).status).toBe('signed');
      const document = await again.call('documents.read', { id: signed.documentId! });
      expect(sha256Of(Buffer.from(document.base64, 'base64'))).toBe(document.sha256);
    } finally {
      again.cleanup();
    }
  });
});

describe('submitting', () => {
  it('queues one order.submit.v1 command with the whole snapshot, in the same step as the status', async () => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(await errorCode(t, 'orders.submit', { id: draft.id })).toBe('order.not_signed');
    const signed = await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    expect(outboxCommands()).toEqual([]);
    t.clock.set('2026-11-16T10:00:00+08:00');
    const submitted = await t.call('orders.submit', { id: draft.id });
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: '2026-11-16T02:00:00.000Z' });
    expect(submitted.audit.map((a) => [a.action, a.actor])).toEqual([
      ['order.created', '李敏'],
      ['order.signed', '李敏'],
      ['order.submitted', '李敏'],
    ]);

    const commands = outboxCommands();
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ tbl: 'service_order', row_id: draft.id, name: 'order.submit.v1' });
    const document = await t.call('documents.read', { id: signed.documentId! });
    expect(JSON.parse(commands[0]!.patch_json)).toMatchObject({
      orderId: draft.id,
      enterpriseId,
      kind: 'open',
      planCode: 'site-standard',
      requestDate: '2026-11-16',
      effectiveDate: '2026-11-16',
      quote: signed.quote,
      documentSha256: document.sha256,
      signatureSha256: sha256Of(SIGNATURE_PNG),
      signerName: '王建国',
    });
    expect(await errorCode(t, 'orders.submit', { id: draft.id })).toBe('order.already_submitted');
    expect(outboxCommands()).toHaveLength(1);
  });
});

describe('changing the plan', () => {
  it('takes effect on the first of the next month; the quote shows the old plan this month and the new one after', async () => {
    const opened = await openSigned(t, enterpriseId, 'site-standard', '2026-11-16');
    await t.call('orders.submit', { id: opened.id });
    const change = await t.call('orders.create', { enterpriseId, kind: 'change', planCode: 'site-business', date: '2027-01-20' });
    expect(change).toMatchObject({
      kind: 'change',
      planCode: 'site-business',
      previousPlanCode: 'site-standard',
      requestDate: '2027-01-20',
      effectiveDate: '2027-02-01',
    });
    expect(change.quote.months.slice(0, 3).map((m) => [m.month, m.planCode, m.functionFeeFen])).toEqual([
      ['2027-01', 'site-standard', 10000],
      ['2027-02', 'site-business', 20000],
      ['2027-03', 'site-business', 20000],
    ]);
    await t.call('orders.sign', { id: change.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    expect(await t.call('orders.currentPlan', { enterpriseId })).toMatchObject({ planCode: 'site-business', openDate: '2026-11-16' });
  });

  it('refuses a change to the plan the enterprise already has (aliases included), without a plan, or dated before the opening', async () => {
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: 'site-business', date: '2026-11-20' })).toBe(
      'order.no_active_plan',
    );
    await openSigned(t, enterpriseId, 'site-standard', '2026-11-16');
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: 'site-standard', date: '2026-11-20' })).toBe(
      'order.same_plan',
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: 'standard', date: '2026-11-20' })).toBe(
      'order.same_plan',
    );
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', date: '2026-11-20' })).toBe('order.plan_required');
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: 'site-business', date: '2026-11-01' })).toBe(
      'order.date_before_open',
    );
  });
});

describe('cancelling', () => {
  it('bills the cancellation month and nothing after; afterwards the enterprise can open again', async () => {
    await openSigned(t, enterpriseId, 'site-business', '2026-11-16');
    const cancel = await t.call('orders.create', { enterpriseId, kind: 'cancel', date: '2027-03-10' });
    expect(cancel).toMatchObject({ kind: 'cancel', planCode: 'site-business', effectiveDate: '2027-03-10' });
    expect(cancel.quote.months.map((m) => [m.month, m.rule, m.functionFeeFen])).toEqual([['2027-03', 'cancellation', 20000]]);
    expect(cancel.quote.cancelDate).toBe('2027-03-10');
    await t.call('orders.sign', { id: cancel.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    expect(await t.call('orders.currentPlan', { enterpriseId })).toBeNull();
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'cancel', date: '2027-03-12' })).toBe('order.no_active_plan');
    expect((await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2027-04-01' })).status).toBe(
      'draft',
    );
  });

  it('bills only the opening month when cancelled in it', async () => {
    await openSigned(t, enterpriseId, 'site-standard', '2026-11-16');
    const cancel = await t.call('orders.create', { enterpriseId, kind: 'cancel', date: '2026-11-28' });
    expect(cancel.quote.months.map((m) => [m.month, m.rule, m.functionFeeFen])).toEqual([['2026-11', 'first_half', 5000]]);
    expect(cancel.quote.totalFeeFen).toBe(5000);
  });

  it('refuses a cancellation dated before the opening', async () => {
    await openSigned(t, enterpriseId, 'site-standard', '2026-11-16');
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'cancel', date: '2026-11-15' })).toBe('order.date_before_open');
  });
});

describe('discarding a draft', () => {
  it('deletes drafts only, and records who did it', async () => {
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-11-16' });
    expect(await t.call('orders.discardDraft', { id: draft.id })).toEqual({ id: draft.id });
    expect(await errorCode(t, 'orders.get', { id: draft.id })).toBe('order.not_found');
    expect(db().prepare(`SELECT actor, action FROM audit_log WHERE entity_id = ? ORDER BY rowid`).all(draft.id)).toEqual([
      { actor: '李敏', action: 'order.created' },
      { actor: '李敏', action: 'order.discarded' },
    ]);
    const signed = await openSigned(t, enterpriseId);
    expect(await errorCode(t, 'orders.discardDraft', { id: signed.id })).toBe('order.not_draft');
  });
});

describe('orders.quote', () => {
  it('quotes any plan of the current catalog the same way the order does', async () => {
    const q = await t.call('orders.quote', {
      planCode: 'site-business',
      openDate: '2026-11-16',
      months: 3,
      smsByMonth: { '2026-12': 2600 },
    });
    expect(q.months.map((m) => [m.month, m.functionFeeFen, m.smsOverage, m.smsFeeFen])).toEqual([
      ['2026-11', 10000, 0, 0],
      ['2026-12', 20000, 100, 1000],
      ['2027-01', 20000, 0, 0],
    ]);
    expect(q.usesSampleRates).toBe(true);
  });

  it('gives stable codes for an unknown plan and impossible dates', async () => {
    expect(await errorCode(t, 'orders.quote', { planCode: 'site-gold', openDate: '2026-11-16' })).toBe('quote.unknown_plan');
    expect(await errorCode(t, 'orders.quote', { planCode: 'site-standard', openDate: '2026-11-16', cancelDate: '2026-11-01' })).toBe(
      'quote.cancel_before_open',
    );
    expect(await errorCode(t, 'orders.quote', { planCode: 'site-standard', openDate: '2026-11-31' })).toBe('invalid_input');
  });

  it('uses a newer catalog from the platform', async () => {
    await t.backend.writes.write((db) =>
      saveCatalog(
        db,
        {
          ...SEED_CATALOG,
          version: 2,
          source: 'platform',
          plans: SEED_CATALOG.plans.map((p) => (p.code === 'site-standard' ? { ...p, monthlyFeeFen: 12000 } : p)),
        },
        new Date(),
      ),
    );
    const q = await t.call('orders.quote', { planCode: 'site-standard', openDate: '2026-11-01', months: 1 });
    expect(q.months[0]!.functionFeeFen).toBe(12000);
  });
});

describe('documents', () => {
  it('answers document.not_found for an unknown id and lists nothing for an enterprise without documents', async () => {
    expect(await errorCode(t, 'documents.read', { id: 'missing' })).toBe('document.not_found');
    expect(await t.call('documents.listForEnterprise', { enterpriseId })).toEqual([]);
  });
});

// Issue 13: the portal promotion (门户首页推荐) is quoted and ordered like a plan, on top of the active plan.
const monthlyFee = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!.monthlyFeeFen;
const promotion = (months: number) => ({
  enterpriseId,
  kind: 'open' as const,
  planCode: PORTAL_PROMOTION_CODE,
  date: '2026-12-01',
  promotionMonths: months,
});

describe('ordering a portal promotion', () => {
  it('quotes it per month like a plan', async () => {
    const q = await t.call('orders.quote', { planCode: PORTAL_PROMOTION_CODE, openDate: '2026-12-01', months: 3 });
    expect(q.totalFeeFen).toBe(3 * monthlyFee);
  });

  it('needs an opened enterprise, then is signed and submitted with its months, leaving the plan as it was', async () => {
    expect(await errorCode(t, 'orders.create', promotion(2))).toBe('order.no_active_plan');
    await openSigned(t, enterpriseId);
    const draft = await t.call('orders.create', promotion(2));
    expect(draft).toMatchObject({
      kind: 'open',
      planCode: PORTAL_PROMOTION_CODE,
      effectiveDate: '2026-12-01',
      quote: { totalFeeFen: 2 * monthlyFee },
    });
    expect(draft.quote.months.map((m) => m.month)).toEqual(['2026-12', '2027-01']);
    await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    await t.call('orders.submit', { id: draft.id });
    expect(await t.call('orders.currentPlan', { enterpriseId })).toMatchObject({ planCode: 'site-standard' });

    const command = t.backend
      .database()!
      .prepare<[string], { patch_json: string }>(`SELECT patch_json FROM outbox WHERE kind = 'command' AND row_id = ?`)
      .get(draft.id)!;
    const args = orderSubmitArgsSchema.parse(JSON.parse(command.patch_json));
    expect(args).toMatchObject({ kind: 'open', planCode: PORTAL_PROMOTION_CODE, effectiveDate: '2026-12-01', promotionMonths: 2 });
    // The plan can still be changed and cancelled; the promotion itself cannot.
    expect(await errorCode(t, 'orders.create', { enterpriseId, kind: 'change', planCode: PORTAL_PROMOTION_CODE, date: '2026-12-05' })).toBe(
      'order.promotion_open_only',
    );
    expect((await t.call('orders.create', { enterpriseId, kind: 'change', planCode: 'site-business', date: '2026-12-05' })).kind).toBe(
      'change',
    );
  });

  it('starts today or later (China day), at creation and at signing, and lists its dates', async () => {
    await openSigned(t, enterpriseId);
    const refused = await t.transport.invoke('orders.create', { ...promotion(1), date: '2026-11-15' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'order.promotion_start_past', field: 'date', details: { today: '2026-11-16' } },
    });
    expect(await errorCode(t, 'orders.create', { ...promotion(0), date: '2026-11-16' })).toBe('invalid_input');
    expect(await errorCode(t, 'orders.create', { ...promotion(25), date: '2026-11-16' })).toBe('invalid_input');

    const draft = await t.call('orders.create', { ...promotion(3), date: '2026-11-16' });
    expect(draft.promotion).toEqual({ months: 3, startDate: '2026-11-16', endDate: '2027-02-16' });
    t.clock.set('2026-11-17T09:00:00+08:00');
    const signing = { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 };
    expect(await errorCode(t, 'orders.sign', signing)).toBe('order.promotion_start_past');
    expect((await t.call('orders.get', { id: draft.id })).status).toBe('draft');
  });
});
