import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderServiceOrderPdf, type ServiceOrderPdfData } from '../../../electron/backend/domains/documents/serviceOrderPdf';
import { quote } from '../../../shared/domain/billing';
import { findPlan, PORTAL_PROMOTION_CODE, SEED_CATALOG } from '../../../shared/domain/catalog';
import { tempDir } from '../../helpers/backend';
import { describeWith } from '../../helpers/systemTools';
import { quanchengTea, SIGNATURE_PNG } from '../../integration/orders/support';

const standard = findPlan(SEED_CATALOG, 'site-standard')!;
const business = findPlan(SEED_CATALOG, 'site-business')!;

const openOrder: ServiceOrderPdfData = {
  order: { number: 'YS20261116-0A1B2C', kind: 'open', requestDate: '2026-11-16', effectiveDate: '2026-11-16', catalogVersion: 1 },
  enterprise: quanchengTea,
  plan: standard,
  quote: quote({ plan: standard, openDate: '2026-11-16', smsByMonth: { '2026-12': 1300 } }),
  signature: { png: SIGNATURE_PNG, signerName: '王建国', signedAt: '2026-11-16T01:30:00.000Z' },
};

function pdfText(pdf: Buffer): string {
  const file = path.join(tempDir('ecw-pdf-'), 'order.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfFonts(pdf: Buffer): string {
  const file = path.join(tempDir('ecw-pdf-'), 'order.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

const squash = (text: string) => text.replace(/[ \t]+/g, ' ').replace(/： /g, '：');

describeWith(['pdftotext', 'pdffonts'], 'the 业务受理单 PDF', () => {
  it('shows the enterprise, the plan, the first-month fee spelled out, the fee table and the signer', async () => {
    const text = squash(pdfText(await renderServiceOrderPdf(openOrder)));
    for (const expected of [
      '业务受理单',
      'YS20261116-0A1B2C',
      '济南泉城茶业有限公司',
      '91370100MA3C4Q7B0X',
      'F 批发和零售业 / 52 零售业',
      '山东省 济南市 历下区',
      '山东省济南市历下区泉城路188号',
      '王建国',
      '13805310001',
      '李敏',
      '客户经理',
      '开户',
      '企业建站 标准版',
      '100.00 元/月',
      '1,100 条/月',
      '0.10 元/条（示例）',
      '2026-11-16 开通，晚于当月15日，首月按半月收取 50.00 元',
      '签字人：王建国',
      '签字时间：2026-11-16 09:30',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/2026-11 企业建站 标准版 首月半月 50\.00 0 0 0\.00 50\.00/);
    expect(text).toMatch(/2026-12 企业建站 标准版 整月 100\.00 1300 200 20\.00 120\.00/);
    expect(text).toMatch(/合计 1,170\.00/);
    expect(text).not.toMatch(/第 2 页/);
  });

  it('embeds a subset of the CJK font, not the whole font, so the file stays small', async () => {
    const pdf = await renderServiceOrderPdf(openOrder);
    const fonts = pdfFonts(pdf).split('\n').slice(2).filter(Boolean);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(pdf.byteLength).toBeLessThan(300_000);
  });

  it('says when a plan change takes effect and names both plans', async () => {
    const text = squash(
      pdfText(
        await renderServiceOrderPdf({
          ...openOrder,
          order: { ...openOrder.order, kind: 'change', requestDate: '2027-01-20', effectiveDate: '2027-02-01' },
          plan: business,
          previousPlan: standard,
          quote: quote({
            plan: standard,
            openDate: '2026-11-16',
            fromMonth: '2027-01',
            changes: [{ requestDate: '2027-01-20', plan: business }],
          }),
        }),
      ),
    );
    expect(text).toContain('变更套餐');
    expect(text).toContain('原套餐：企业建站 标准版');
    expect(text).toContain('新套餐：企业建站 商务版');
    expect(text).not.toMatch(/site-standard|site-business/);
    expect(text).toContain('自 2027-02-01 起生效');
    expect(text).toMatch(/2027-02 企业建站 商务版 整月 200\.00/);
    expect(text).not.toContain('首月计算');
  });

  it('prints a portal promotion as 门户首页推荐 with its months and the days it shows, not as an opening', async () => {
    const promotion = findPlan(SEED_CATALOG, PORTAL_PROMOTION_CODE)!;
    const text = squash(
      pdfText(
        await renderServiceOrderPdf({
          ...openOrder,
          order: { ...openOrder.order, requestDate: '2026-11-16', effectiveDate: '2026-11-20' },
          plan: promotion,
          quote: quote({ plan: promotion, openDate: '2026-11-20', months: 3 }),
        }),
      ),
    );
    expect(text).toContain('业务类型：门户首页推荐');
    expect(text).toContain('推荐月数：3 个月');
    expect(text).toContain('展示期：2026-11-20 至 2027-02-19（含）');
    expect(text).not.toContain('首月计算');
    expect(text).toMatch(/合计 1,500\.00/);
  });

  it('names the last billed month of a cancellation', async () => {
    const text = squash(
      pdfText(
        await renderServiceOrderPdf({
          ...openOrder,
          order: { ...openOrder.order, kind: 'cancel', requestDate: '2027-03-10', effectiveDate: '2027-03-10' },
          quote: quote({ plan: standard, openDate: '2026-11-16', cancelDate: '2027-03-10', fromMonth: '2027-03' }),
        }),
      ),
    );
    expect(text).toContain('销户');
    expect(text).toContain('2027-03 为最后计费月');
    expect(text).toMatch(/2027-03 企业建站 标准版 销户当月 100\.00/);
  });

  it('is dated the day the customer signed (受理日期), the opening date shown as such', async () => {
    const text = squash(
      pdfText(
        await renderServiceOrderPdf({
          ...openOrder,
          order: { ...openOrder.order, requestDate: '2026-12-01', effectiveDate: '2026-12-01' },
          quote: quote({ plan: standard, openDate: '2026-12-01' }),
        }),
      ),
    );
    expect(text).toContain('受理日期：2026-11-16');
    expect(text).toContain('开通日期：2026-12-01');
    expect(text).not.toContain('受理日期：2026-12-01');
  });

  it('is a document both parties sign and seal: operator letterhead and branch, terms, the total in capitals, no internal codes', async () => {
    const text = squash(pdfText(await renderServiceOrderPdf(openOrder)));
    expect(text).toContain('中国移动通信集团山东有限公司');
    expect(text).toContain('济南分公司');
    expect(text).toMatch(/业务条款[\s\S]*1\.[\s\S]*2\./);
    expect(text).toContain('合计金额（大写）：人民币壹仟壹佰柒拾元整');
    expect(text).toMatch(/客户（甲方）[\s\S]*济南泉城茶业有限公司/);
    expect(text).toMatch(/受理方（乙方）[\s\S]*中国移动通信集团山东有限公司济南分公司/);
    expect(text.match(/（盖章）/g)).toHaveLength(2);
    expect(text).not.toMatch(/site-standard|\(site-|（site-/);
  });

  it('names the operator company of a municipality and its district branch', async () => {
    const text = squash(
      pdfText(
        await renderServiceOrderPdf({
          ...openOrder,
          enterprise: { ...openOrder.enterprise, region: { province: '北京市', city: '市辖区', district: '朝阳区' } },
        }),
      ),
    );
    expect(text).toContain('中国移动通信集团北京有限公司');
    expect(text).toContain('朝阳分公司');
  });

  it('flows a long fee table onto more pages, each with its footer', async () => {
    const text = squash(
      pdfText(await renderServiceOrderPdf({ ...openOrder, quote: quote({ plan: standard, openDate: '2026-11-16', months: 60 }) })),
    );
    expect(text).toContain('第 2 页 / 共 2 页');
    expect(text).toContain('2031-10');
    expect(text).toContain('签字人：王建国');
  });
});

it('gives the same bytes for the same order (deterministic layout)', async () => {
  const [a, b] = await Promise.all([renderServiceOrderPdf(openOrder), renderServiceOrderPdf(openOrder)]);
  expect(a.equals(b)).toBe(true);
  const other = await renderServiceOrderPdf({ ...openOrder, signature: { ...openOrder.signature, signerName: '王建华' } });
  expect(other.equals(a)).toBe(false);
});
