import { afterEach, expect, it } from 'vitest';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { pdfText } from '../../helpers/pdf';
import { describeWith } from '../../helpers/systemTools';
import { openSigned, setUp, SIGNATURE_BASE64 } from './support';

let t: TestBackend | undefined;
afterEach(() => t?.cleanup());

describeWith(['pdftotext'], 'the PDF filed when a customer signs', () => {
  it('is the enterprise’s 业务受理单 with its plan, first-month fee, manager and signer', async () => {
    t = createTestBackend({ start: '2026-11-16T09:30:00+08:00' });
    const enterpriseId = await setUp(t);
    const signed = await openSigned(t, enterpriseId, 'site-standard', '2026-11-16');
    const document = await t.call('documents.read', { id: signed.documentId! });
    const text = pdfText(Buffer.from(document.base64, 'base64'), document.fileName);
    expect(text).toContain(signed.number);
    expect(text).toContain('济南泉城茶业有限公司');
    expect(text).toContain('企业建站 标准版');
    expect(text).toContain('首月按半月收取 50.00 元');
    expect(text).toContain('签字人：王建国');
    expect(text).toContain('签字时间：2026-11-16 09:30');
    expect(text).toContain('李敏');
  });

  it('is dated the day it was signed, not the opening date, and names the operator branch that takes it (issue 8 item 11)', async () => {
    t = createTestBackend({ start: '2026-11-16T09:30:00+08:00' });
    const enterpriseId = await setUp(t);
    const draft = await t.call('orders.create', { enterpriseId, kind: 'open', planCode: 'site-standard', date: '2026-12-01' });
    t.clock.set('2026-11-18T10:00:00+08:00');
    const signed = await t.call('orders.sign', { id: draft.id, signerName: '王建国', signaturePngBase64: SIGNATURE_BASE64 });
    const document = await t.call('documents.read', { id: signed.documentId! });
    const text = pdfText(Buffer.from(document.base64, 'base64'), document.fileName);
    expect(text).toContain('受理日期：2026-11-18');
    expect(text).toContain('2026-12-01');
    expect(text).not.toContain('受理日期：2026-12-01');
    expect(text).toContain('中国移动通信集团山东有限公司');
    expect(text).toContain('人民币');
  });
});
