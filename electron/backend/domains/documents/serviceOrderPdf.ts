/**
 * The printable 业务受理单 (service order): a pure function from the order's data to PDF bytes — a
 * document a Chinese business signs and seals: the operator's letterhead and branch, the order dated
 * the day it was signed, the fees with their total in capitals (大写金额), the terms, and both
 * parties' signature and seal areas. The layout depends on nothing but the input (the creation
 * date is the signing time), so the same order always gives the same bytes.
 */
import PDFDocument from 'pdfkit';
import { amountInWords } from '../../../../shared/domain/amountInWords';
import { describeFirstMonth, formatYuan, MONTH_RULE_LABELS, type Quote } from '../../../../shared/domain/billing';
import { isPromotion, promotionLastDay, type Plan } from '../../../../shared/domain/catalog';
import { chinaDate, monthOf } from '../../../../shared/domain/dates';
import type { Enterprise, SalesChannel } from '../../../../shared/domain/enterprise';
import { industrySection } from '../../../../shared/domain/industry';
import { ORDER_KIND_LABELS, type OrderKind } from '../../../../shared/domain/order';
import { cjkFont, drawLetterhead, FONT, operatorOf, type Operator } from './pdfParts';

export interface ServiceOrderPdfData {
  order: {
    number: string;
    kind: OrderKind;
    requestDate: string;
    effectiveDate: string;
    catalogVersion: number;
  };
  enterprise: Pick<
    Enterprise,
    'name' | 'creditCode' | 'industrySection' | 'industryDivision' | 'region' | 'address' | 'contact' | 'manager' | 'channel'
  >;
  /** The plan the order is about: the new plan of a change, the ending plan of a cancel. */
  plan: Plan;
  /** The plan a change replaces. */
  previousPlan?: Plan;
  quote: Quote;
  signature: { png: Uint8Array; signerName: string; signedAt: string };
}

const CHANNEL_LABELS: Record<SalesChannel, string> = {
  customer_manager: '客户经理',
  business_hall: '营业厅',
  hotline_10086_8: '10086-8',
  agent: '代理商',
};

const PAGE = { margin: 40, width: 595.28, height: 841.89 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_SPACE = 5; // the page footer sits inside the bottom margin

export function renderServiceOrderPdf(data: ServiceOrderPdfData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: {
      Title: `业务受理单 ${data.order.number}`,
      Author: data.enterprise.manager,
      Creator: 'EC Workbench',
      CreationDate: new Date(data.signature.signedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT);

  const operator = operatorOf(data.enterprise.region);
  drawTitle(doc, data, operator);
  drawEnterprise(doc, data);
  drawBusiness(doc, data);
  drawFeeTable(doc, data.quote);
  drawTerms(doc);
  drawSignatures(doc, data, operator);
  drawFooters(doc, data);
  doc.end();
  return finished;
}

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.margin - FOOTER_SPACE) doc.addPage();
}

/** 受理日期: the day the customer signed, in China. */
const acceptedOn = (data: ServiceOrderPdfData) => chinaDate(new Date(data.signature.signedAt));

function drawTitle(doc: Doc, data: ServiceOrderPdfData, operator: Operator): void {
  doc.y = PAGE.margin;
  drawLetterhead(doc, operator, PAGE.margin, CONTENT_WIDTH);
  doc.moveDown(0.1).fontSize(17).text('业务受理单', PAGE.margin, doc.y, { width: CONTENT_WIDTH, align: 'center', characterSpacing: 4 });
  doc.moveDown(0.2);
  const y = doc.y;
  doc.fontSize(10).text(`受理单号：${data.order.number}`, PAGE.margin, y, { width: CONTENT_WIDTH / 2 });
  doc.text(`受理日期：${acceptedOn(data)}`, PAGE.margin + CONTENT_WIDTH / 2, y, { width: CONTENT_WIDTH / 2, align: 'right' });
  doc.moveDown(0.5);
  rule(doc);
}

function rule(doc: Doc): void {
  doc
    .moveTo(PAGE.margin, doc.y)
    .lineTo(PAGE.margin + CONTENT_WIDTH, doc.y)
    .lineWidth(0.7)
    .strokeColor('#444444')
    .stroke();
  doc.moveDown(0.5);
}

function heading(doc: Doc, text: string, keepWithNext = 60): void {
  ensureSpace(doc, keepWithNext);
  doc.moveDown(0.15).fontSize(11.5).fillColor('#000000').text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.15);
}

type Field = [label: string, value: string];
/** One printed line: a single field across the page, or two side by side. */
type FieldLine = [Field] | [Field, Field];

const LABEL_WIDTH = 100;

function fieldLines(doc: Doc, lines: FieldLine[]): void {
  doc.fontSize(9.5);
  for (const line of lines) {
    const columnWidth = CONTENT_WIDTH / line.length;
    const valueWidth = columnWidth - LABEL_WIDTH - (line.length > 1 ? 8 : 0);
    const height = Math.max(...line.map(([, value]) => doc.heightOfString(value, { width: valueWidth }))) + 1.5;
    ensureSpace(doc, height);
    const y = doc.y;
    line.forEach(([label, value], i) => {
      const x = PAGE.margin + i * columnWidth;
      doc.fillColor('#555555').text(`${label}：`, x, y, { width: LABEL_WIDTH, lineBreak: false });
      doc.fillColor('#000000').text(value, x + LABEL_WIDTH, y, { width: valueWidth });
    });
    doc.y = y + height;
  }
}

function drawEnterprise(doc: Doc, { enterprise: e }: ServiceOrderPdfData): void {
  heading(doc, '一、客户信息');
  const section = industrySection(e.industrySection);
  const division = section?.divisions.find((d) => d.code === e.industryDivision);
  const industry = [`${e.industrySection} ${section?.name ?? ''}`.trim(), division ? `${division.code} ${division.name}` : '']
    .filter(Boolean)
    .join(' / ');
  fieldLines(doc, [
    [['企业名称', e.name]],
    [
      ['统一社会信用代码', e.creditCode],
      ['所在地区', `${e.region.province} ${e.region.city} ${e.region.district}`],
    ],
    [['所属行业', industry]],
    [['详细地址', e.address]],
    [
      ['联系人', e.contact.name],
      ['联系人手机', e.contact.mobile],
    ],
    [
      ['客户经理', e.manager],
      ['受理渠道', CHANNEL_LABELS[e.channel]],
    ],
  ]);
}

const sample = (isSample: boolean) => (isSample ? '（示例）' : '');

function planLines(plan: Plan): FieldLine[] {
  return [
    [
      ['月功能费', `${formatYuan(plan.monthlyFeeFen)} 元/月${sample(plan.sample.monthlyFee)}`],
      ['含网内短信', `${plan.smsIncluded.toLocaleString('en-US')} 条/月`],
    ],
    [['超出部分短信', `${formatYuan(plan.smsRateFen)} 元/条${sample(plan.sample.smsRate)}`]],
  ];
}

function drawBusiness(doc: Doc, data: ServiceOrderPdfData): void {
  const { order, plan, previousPlan, quote } = data;
  heading(doc, '二、业务内容');
  const kind: Field = ['业务类型', ORDER_KIND_LABELS[order.kind]];
  const planName = (p: Plan) => p.name;
  const lines: FieldLine[] = [];
  if (isPromotion(plan)) {
    const months = quote.months.length;
    lines.push([
      ['业务类型', plan.name],
      ['推荐月数', `${months} 个月`],
    ]);
    lines.push([['展示期', `${order.effectiveDate} 至 ${promotionLastDay(order.effectiveDate, months)}（含）`]]);
    lines.push([['月功能费', `${formatYuan(plan.monthlyFeeFen)} 元/月${sample(plan.sample.monthlyFee)}，按整月收费`]]);
    lines.push([['推荐内容', '在 WEB 与 WAP 门户首页「推荐企业」中展示，链接到企业网站']]);
  } else if (order.kind === 'open') {
    lines.push([kind, ['开通日期', order.effectiveDate]], [['套餐', planName(plan)]], ...planLines(plan));
    lines.push([['首月计算', describeFirstMonth(quote.openDate, quote.firstMonth)]]);
  } else if (order.kind === 'change') {
    lines.push([kind, ['申请日期', order.requestDate]]);
    if (previousPlan) lines.push([['原套餐', planName(previousPlan)]]);
    lines.push([['新套餐', planName(plan)]], ...planLines(plan));
    lines.push([['生效日期', `自 ${order.effectiveDate} 起生效（申请当月仍按原套餐计费）`]]);
  } else {
    lines.push([kind, ['销户日期', order.effectiveDate]], [['套餐', planName(plan)]], ...planLines(plan));
    lines.push([['计费说明', `${monthOf(order.effectiveDate)} 为最后计费月，次月起不再收费`]]);
  }
  fieldLines(doc, lines);
}

const COLUMNS: { title: string; width: number; align: 'left' | 'right' }[] = [
  { title: '月份', width: 55, align: 'left' },
  { title: '套餐', width: 100, align: 'left' },
  { title: '计费方式', width: 60, align: 'left' },
  { title: '功能费(元)', width: 62, align: 'right' },
  { title: '短信(条)', width: 52, align: 'right' },
  { title: '超出(条)', width: 52, align: 'right' },
  { title: '短信费(元)', width: 56, align: 'right' },
  { title: '合计(元)', width: CONTENT_WIDTH - 437, align: 'right' },
];
const ROW_HEIGHT = 12;

function tableRow(doc: Doc, cells: string[], options: { header?: boolean } = {}): void {
  ensureSpace(doc, ROW_HEIGHT);
  const y = doc.y;
  if (options.header)
    doc
      .rect(PAGE.margin, y - 2, CONTENT_WIDTH, ROW_HEIGHT)
      .fillColor('#eeeeee')
      .fill();
  doc.fillColor('#000000').fontSize(9);
  let x = PAGE.margin;
  cells.forEach((cell, i) => {
    const column = COLUMNS[i]!;
    doc.text(cell, x + 3, y + 1, { width: column.width - 6, align: column.align, lineBreak: false });
    x += column.width;
  });
  doc.y = y + ROW_HEIGHT;
  doc
    .moveTo(PAGE.margin, doc.y - 2)
    .lineTo(PAGE.margin + CONTENT_WIDTH, doc.y - 2)
    .lineWidth(0.3)
    .strokeColor('#999999')
    .stroke();
}

function drawFeeTable(doc: Doc, quote: Quote): void {
  heading(doc, '三、费用明细');
  doc
    .fontSize(8.5)
    .fillColor('#555555')
    .text('按月列出功能费与超出套餐的短信费；短信条数为已登记的发送量，未登记的月份按 0 条计。', PAGE.margin, doc.y, {
      width: CONTENT_WIDTH,
    });
  doc.moveDown(0.3);
  tableRow(
    doc,
    COLUMNS.map((c) => c.title),
    { header: true },
  );
  for (const m of quote.months) {
    tableRow(doc, [
      m.month,
      m.planName,
      MONTH_RULE_LABELS[m.rule],
      formatYuan(m.functionFeeFen),
      String(m.smsSent),
      String(m.smsOverage),
      formatYuan(m.smsFeeFen),
      formatYuan(m.totalFeeFen),
    ]);
  }
  tableRow(doc, ['合计', '', '', '', '', '', '', formatYuan(quote.totalFeeFen)], { header: true });
  ensureSpace(doc, 16);
  doc.moveDown(0.2).fontSize(10).fillColor('#000000');
  doc.text(`合计金额（大写）：人民币${amountInWords(quote.totalFeeFen)}　（小写：¥${formatYuan(quote.totalFeeFen)}）`, PAGE.margin, doc.y, {
    width: CONTENT_WIDTH,
  });
  if (quote.usesSampleRates || quote.months.some((m) => m.smsOverage > 0)) {
    doc.moveDown(0.2).fontSize(9).fillColor('#555555');
    doc.text('注：标有“示例”的资费为示例数据，以运营商正式公布的资费为准。', PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  }
}

const TERMS = [
  '功能费按月收取，15日（含）前开通收全月、15日后开通收半月；套餐内短信当月有效、不结转，超出部分按上表资费计收。',
  '变更套餐自申请次月1日起生效，申请当月仍按原套餐计费；销户当月按整月收费，次月起停止收费。',
  '客户保证所提供的企业资料真实、合法、有效，并对网站及短信内容的合法性负责；受理方按国家规定审核并保护客户资料。',
  '本受理单经客户签字或盖章、受理方盖章后生效，一式两份，双方各执一份。',
];

function drawTerms(doc: Doc): void {
  heading(doc, '四、业务条款', 90);
  doc.fontSize(8.5).fillColor('#000000');
  TERMS.forEach((term, i) => {
    ensureSpace(doc, doc.heightOfString(term, { width: CONTENT_WIDTH - 14 }) + 2);
    const y = doc.y;
    doc.text(`${i + 1}.`, PAGE.margin, y, { width: 14, lineBreak: false });
    doc.text(term, PAGE.margin + 14, y, { width: CONTENT_WIDTH - 14 });
    doc.moveDown(0.1);
  });
}

/** A signing time as a clerk in China reads it: `2026-11-16 09:30`. */
export function chinaDateTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const SIGNATURE_BOX_HEIGHT = 94;

/** A party's box: who it is, its lines, and a dashed seal circle marked （盖章）. */
function partyBox(doc: Doc, x: number, top: number, width: number, party: [role: string, name: string], lines: string[]): void {
  doc.rect(x, top, width, SIGNATURE_BOX_HEIGHT).lineWidth(0.5).strokeColor('#999999').stroke();
  doc
    .fontSize(9.5)
    .fillColor('#000000')
    .text(party[0], x + 8, top + 6, { width: width - 16 });
  doc.fontSize(9).text(party[1], x + 8, doc.y + 1, { width: width - 16 });
  let y = doc.y + 4;
  for (const line of lines) {
    doc.fontSize(9.5).text(line, x + 8, y, { width: width - 80 });
    y = doc.y + 2;
  }
  const seal = { x: x + width - 38, y: top + SIGNATURE_BOX_HEIGHT - 36 };
  doc.circle(seal.x, seal.y, 27).lineWidth(0.6).dash(3, { space: 3 }).strokeColor('#bbbbbb').stroke().undash();
  doc
    .fontSize(9)
    .fillColor('#777777')
    .text('（盖章）', seal.x - 24, seal.y - 5, { width: 48, align: 'center' })
    .fillColor('#000000');
}

function drawSignatures(doc: Doc, data: ServiceOrderPdfData, operator: Operator): void {
  const { enterprise, signature } = data;
  heading(doc, '五、双方签章（客户已阅读并确认以上业务内容、资费与条款）', SIGNATURE_BOX_HEIGHT + 30);
  const top = doc.y + 2;
  const gap = 10;
  const half = (CONTENT_WIDTH - gap) / 2;
  partyBox(
    doc,
    PAGE.margin,
    top,
    half,
    ['客户（甲方）', enterprise.name],
    ['经办人签字：', '', `签字人：${signature.signerName}`, `签字时间：${chinaDateTime(signature.signedAt)}`],
  );
  doc.image(Buffer.from(signature.png), PAGE.margin + 70, top + 30, { fit: [110, 34] });
  partyBox(
    doc,
    PAGE.margin + half + gap,
    top,
    half,
    ['受理方（乙方）', `${operator.company}${operator.branch}`],
    [`客户经理：${enterprise.manager}`, `受理渠道：${CHANNEL_LABELS[enterprise.channel]}`, `受理日期：${acceptedOn(data)}`],
  );
  doc.y = top + SIGNATURE_BOX_HEIGHT + 6;
}

function drawFooters(doc: Doc, data: ServiceOrderPdfData): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc
      .fontSize(8)
      .fillColor('#777777')
      .text(
        `${data.order.number} · 资费目录版本 ${data.order.catalogVersion} · 第 ${i - start + 1} 页 / 共 ${count} 页`,
        PAGE.margin,
        PAGE.height - PAGE.margin + 8,
        { width: CONTENT_WIDTH, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}
