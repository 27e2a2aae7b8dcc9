/** 员工名片 from the roster: the site's staff column filled with the members who agreed, and the A4 sheet read back by pdftotext. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StaffCard } from '../../../shared/sites/model';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { pdfText } from '../../helpers/pdf';
import { describeWith } from '../../helpers/systemTools';
import { errorCode, setUp } from '../orders/support';

let t: TestBackend;
let enterpriseId: string;
let siteId: string;
beforeEach(async () => {
  t = createTestBackend();
  enterpriseId = await setUp(t);
  siteId = (await t.call('sites.create', { enterpriseId })).id;
});
afterEach(() => t.cleanup());

const member = (name: string, mobile: string, cardConsent: boolean, extra: Record<string, unknown> = {}) =>
  t.call('roster.addMember', { enterpriseId, fields: { name, mobile, department: '销售部', title: '客户经理', cardConsent, ...extra } });

const staffCards = async (): Promise<StaffCard[]> =>
  (await t.call('sites.get', { siteId })).content.columns.filter((c) => c.type === 'staff').flatMap((c) => c.items as StaffCard[]);

describe('filling the staff column from the roster', () => {
  it('makes one card per member who agreed, keeps hand-made cards, and drops the card of a member who withdrew', async () => {
    const wang = await member('王伟', '13800138000', true, { shortNumber: '612345', email: 'wang@example.cn' });
    await member('李娜', '13900139000', false);
    const zhao = await member('赵敏', '13700137000', true);
    const first = await t.call('staffCards.fill', { siteId });
    expect(first).toMatchObject({ cards: 2, added: 2, removed: 0 });
    const cards = await staffCards();
    expect(cards.map((c) => c.name).sort()).toEqual(['王伟', '赵敏']);
    expect(cards.find((c) => c.name === '王伟')).toMatchObject({
      mobile: '13800138000',
      shortNumber: '612345',
      department: '销售部',
      title: '客户经理',
      email: 'wang@example.cn',
    });

    const column = (await t.call('sites.get', { siteId })).content.columns.find((c) => c.type === 'staff')!;
    await t.call('sites.addItem', {
      siteId,
      columnId: column.id,
      item: { kind: 'staff', name: '前台', title: '总机', mobile: '0531-88888888' },
    });
    await t.call('roster.updateMember', {
      id: zhao.id,
      fields: { name: '赵敏', mobile: '13700137000', department: '销售部', title: '客户经理', cardConsent: false },
    });
    await t.call('roster.updateMember', {
      id: wang.id,
      fields: { name: '王伟', mobile: '13800138000', department: '市场部', title: '总监', cardConsent: true, shortNumber: '612345' },
    });
    const second = await t.call('staffCards.fill', { siteId });
    expect(second).toMatchObject({ cards: 2, added: 0, removed: 1 });
    const after = await staffCards();
    expect(after.map((c) => c.name).sort()).toEqual(['前台', '王伟']);
    expect(after.find((c) => c.name === '王伟')).toMatchObject({ department: '市场部', title: '总监' });
  });

  it('compiles the filled cards with a vCard and QR code per card', async () => {
    const wang = await member('王伟', '13800138000', true);
    await t.call('staffCards.fill', { siteId });
    const preview = await t.call('sites.preview', { siteId, path: `web/v/m-${wang.id}.vcf` });
    expect(preview.mime).toBe('text/vcard; charset=utf-8');
    expect(preview.content).toContain('FN:王伟');
  });

  it('refuses to print a sheet without cards, with a stable code', async () => {
    expect(await errorCode(t, 'staffCards.sheet', { siteId })).toBe('staff_cards.empty');
    expect(await errorCode(t, 'files.staffCardSheet', { siteId })).toBe('staff_cards.empty');
  });
});

describeWith(['pdftotext'], 'the printable A4 sheet', () => {
  it('holds every card (10 per page) with names, short numbers and mobiles that pdftotext reads back as CJK text', async () => {
    for (let i = 0; i < 12; i++) await member(`员工${'甲乙丙丁戊己庚辛壬癸子丑'[i]}`, `1380013${String(8000 + i)}`, true);
    await t.call('staffCards.fill', { siteId });
    const sheet = await t.call('staffCards.sheet', { siteId });
    expect(sheet).toMatchObject({ cards: 12, pages: 2 });
    const bytes = Buffer.from(sheet.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const name of ['员工甲', '员工丑']) expect(text).toContain(name);
    expect(text).toContain('手机 13800138000');
    expect(text).toMatch(/短号 6\d{5}/);
    expect(text.split('\f').filter((page) => page.trim()).length).toBe(2);
  });

  it('gives the window the same sheet as a file (files.staffCardSheet: bytes, not base64 in JSON)', async () => {
    for (let i = 0; i < 3; i++) await member(`职员${'甲乙丙'[i]}`, `1390013${String(8000 + i)}`, true);
    await t.call('staffCards.fill', { siteId });
    const file = await t.call('files.staffCardSheet', { siteId });
    expect(file.mime).toBe('application/pdf');
    expect(file.fileName).toMatch(/-员工名片\.pdf$/);
    expect(Buffer.from(file.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(Buffer.from(file.bytes));
    for (const name of ['职员甲', '职员丙']) expect(text).toContain(name);
  });
});
