/** The 网站确认单 speaks the customer's language: template and colour by name, no internal ids (issue 8 item 11). */
import { expect, it } from 'vitest';
import { operatorOf } from '../../../electron/backend/domains/documents/pdfParts';
import { renderSignoffPdf } from '../../../electron/backend/domains/sites/signoffPdf';
import { exampleSite } from '../../../shared/sites/example';
import { pdfText } from '../../helpers/pdf';
import { describeWith } from '../../helpers/systemTools';
import { SIGNATURE_PNG } from '../../integration/orders/support';

describeWith(['pdftotext'], 'the 网站确认单 PDF', () => {
  it('names the template and its colours as the customer chose them, and shows no internal ids or English jargon', async () => {
    const content = exampleSite();
    content.template = { ...content.template, templateId: 'retail-tea', styleId: 'brown' };
    const pdf = await renderSignoffPdf({
      enterpriseName: '济南泉城茶业有限公司',
      operator: operatorOf({ province: '山东省', city: '济南市', district: '历下区' }),
      content,
      revision: 7,
      urls: {
        web: 'http://quancheng.ec.example.cn/',
        wap2: 'http://quancheng.ec.example.cn/wap/',
        wap1: 'http://quancheng.ec.example.cn/wml/',
      },
      pagesPerChannel: { web: 12, wap2: 12, wap1: 14, sms: 9 },
      buildFingerprint: 'ab'.repeat(32),
      signerName: '王建国',
      signedAt: '2026-11-16T01:30:00.000Z',
      signaturePng: SIGNATURE_PNG,
    });
    const text = pdfText(pdf);
    for (const expected of [
      '网站确认单',
      '中国移动通信集团山东有限公司',
      '模板：零售·茶叶（茶褐配色）',
      '页面校验码：ABAB-ABAB-ABAB-ABAB',
      '签字人：王建国',
      '日期：2026-11-16',
    ])
      expect(text).toContain(expected);
    for (const jargon of ['retail-tea', 'brown', 'fingerprint', 'build', 'WML)']) expect(text, jargon).not.toContain(jargon);
  });
});
