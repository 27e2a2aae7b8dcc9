/**
 * 员工名片 as a site column (issue 12 item 6): each card compiled for WEB, WAP 2.0 and WAP 1.0 by the
 * site compiler (DTD-valid, within budgets), a vCard 3.0 per card read back by the `vcf` parser, and
 * a QR code that jsQR decodes to the card's WAP page.
 */
import jsQR from 'jsqr';
import sharp from 'sharp';
import vCard from 'vcf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../../shared/sites/compile';
import { exampleSite, EXAMPLE_IMAGE_SIZES } from '../../../shared/sites/example';
import { estimatedAssets } from '../../../shared/sites/assets';
import type { Column, SiteContent, StaffCard } from '../../../shared/sites/model';
import { foldLine, splitName, staffVcard } from '../../../shared/sites/staff/vcard';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { WML_DECK_BUDGET } from '../../../shared/sites/wap1/pages';
import { WAP2_MARKUP_BUDGET } from '../../../shared/sites/wap2/pages';
import { describeWith } from '../../helpers/systemTools';
import { htmlProblems, text, writeTemp, xmllintProblems } from './oracles';

const CARDS: StaffCard[] = [
  {
    kind: 'staff',
    id: 'm-ouyang',
    name: '欧阳明月',
    title: '销售总监, 华东;华北',
    department: '销售部',
    mobile: '13800138000',
    shortNumber: '610001',
    email: 'ouyang@example.cn',
  },
  { kind: 'staff', id: 'm-li', name: '李娜', title: '客服专员', department: '客服部', mobile: '139 0013 9000', shortNumber: '620001' },
  { kind: 'staff', id: 'm-smith', name: 'John Smith', title: 'Tea Buyer $5', mobile: '13700137000' },
];

function siteWithCards(): SiteContent {
  const site = exampleSite();
  const column: Column = {
    id: 'team',
    type: 'staff',
    title: '员工名片',
    order: 99,
    channels: { web: true, wap2: true, wap1: true, sms: false },
    body: [],
    items: CARDS,
  };
  return { ...site, columns: [...site.columns, column] };
}

const file = (result: CompileResult, path: string) => {
  const found = result.files.find((f) => f.path === path);
  if (!found) throw new Error(`${path} not compiled`);
  return found;
};

let result: CompileResult;
beforeAll(() => {
  const site = siteWithCards();
  result = compile(site, templateFor(site), estimatedAssets(EXAMPLE_IMAGE_SIZES));
});

describe('staff cards on every channel', () => {
  it('shows each card with its department, short number and a link to its vCard', () => {
    const web = text(file(result, 'web/i/m-ouyang.html'));
    expect(web).toContain('销售部');
    expect(web).toContain('610001');
    expect(web).toContain('href="../v/m-ouyang.vcf"');
    expect(web).toContain('src="../q/m-ouyang.svg"');
    expect(text(file(result, 'wap2/i/m-ouyang.xhtml'))).toContain('href="../v/m-ouyang.vcf"');
    expect(text(file(result, 'wap1/i/m-ouyang.wml'))).toContain('href="../v/m-ouyang.vcf"');
    expect(file(result, 'wap2/v/m-li.vcf').mime).toBe('text/vcard; charset=utf-8');
  });

  it('keeps every card page within the WAP budgets, with no error in the report', () => {
    const cardPages = result.report.pages.filter((p) => /\/i\/m-/.test(p.path));
    expect(cardPages.length).toBeGreaterThanOrEqual(9);
    for (const page of cardPages) {
      if (page.channel === 'wap1') expect(page.compiledBytes!).toBeLessThanOrEqual(WML_DECK_BUDGET);
      if (page.channel === 'wap2') expect(page.bytes).toBeLessThanOrEqual(WAP2_MARKUP_BUDGET);
    }
    const cardErrors = result.report.findings.filter((f) => f.severity === 'error' && f.where.columnId === 'team');
    expect(cardErrors).toEqual([]);
  });

  it('gives WEB card pages that html-validate accepts', () => {
    expect(htmlProblems(result.files.filter((f) => /^web\/i\/m-/.test(f.path)))).toEqual([]);
  });
});

describeWith(['xmllint', '../shared'], 'staff card pages against the WAP DTDs', () => {
  let dir: { dir: string; cleanup: () => void };
  beforeAll(() => (dir = writeTemp(result.files)));
  afterAll(() => dir.cleanup());

  it('are valid WML 1.3 and XHTML-MP 1.0 (xmllint --valid)', () => {
    const pages = result.files.filter((f) => /^wap[12]\/(i\/m-|c\/team)/.test(f.path)).map((f) => f.path);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(xmllintProblems(dir.dir, pages)).toEqual([]);
  });
});

describe('vCards', () => {
  const parse = (path: string) => vCard.parse(text(file(result, path)))[0]!;
  const value = (card: vCard, key: string) => String(card.get(key)?.valueOf());

  it('are vCard 3.0 that a vCard parser reads back with the CJK text and escaped punctuation intact', () => {
    const card = parse('web/v/m-ouyang.vcf');
    expect(card.version).toBe('3.0');
    expect(value(card, 'fn')).toBe('欧阳明月');
    expect(value(card, 'n')).toBe('欧阳;明月;;;');
    expect(value(card, 'org')).toBe(`${exampleSite().profile.name};销售部`);
    expect(value(card, 'title')).toBe('销售总监\\, 华东\\;华北');
    expect(value(card, 'tel')).toBe('13800138000');
    expect(value(card, 'note')).toBe('集团短号 610001');
    expect(value(card, 'url')).toMatch(/^http:\/\/[^/]+\/wap\/i\/m-ouyang\.xhtml$/);
    expect(value(card, 'email')).toBe('ouyang@example.cn');
  });

  it('ends lines with CRLF and folds them at 75 octets without cutting a character', () => {
    const long = staffVcard(
      { ...CARDS[0]!, title: '华东区域销售总监兼任华北区域大客户经理及集团客户部高级顾问（负责动力一百业务）' },
      { organization: '山东省济南市泉城茶业有限责任公司', cardUrl: 'http://x.cn/wap/i/a.xhtml' },
    );
    const lines = long.split('\r\n');
    expect(long.endsWith('\r\n')).toBe(true);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const unfolded = String(vCard.parse(long)[0]!.get('title').valueOf());
    expect(unfolded).toBe('华东区域销售总监兼任华北区域大客户经理及集团客户部高级顾问（负责动力一百业务）');
    expect(foldLine('短')).toBe('短');
  });

  it('splits Chinese names after the surname (two-character surnames too) and Latin names at the last word', () => {
    expect(splitName('李娜')).toEqual({ family: '李', given: '娜' });
    expect(splitName('欧阳明月')).toEqual({ family: '欧阳', given: '明月' });
    expect(splitName('John Smith')).toEqual({ family: 'Smith', given: 'John' });
  });
});

describe('QR codes', () => {
  it('decode (jsQR) to the card’s WAP 2.0 page', async () => {
    for (const id of ['m-ouyang', 'm-li', 'm-smith']) {
      const svg = text(file(result, `web/q/${id}.svg`));
      const { data, info } = await sharp(Buffer.from(svg), { density: 144 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
      const vcardUrl = String(
        vCard
          .parse(text(file(result, `web/v/${id}.vcf`)))[0]!
          .get('url')
          .valueOf(),
      );
      expect(decoded?.data).toBe(vcardUrl);
      expect(decoded?.data).toMatch(new RegExp(`^http://[^/]+/wap/i/${id}\\.xhtml$`));
    }
  });
});
