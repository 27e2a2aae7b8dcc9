/**
 * The 网站确认单 (site sign-off sheet): what the customer saw and approved — the site's addresses,
 * its template and colours by name, its columns per channel, the pages built, and a short check
 * code of that build (the full fingerprint is in the audit trail) — with the signature, under the
 * operator's letterhead. Deterministic: the same data gives the same bytes (pdfkit's dates are set
 * from the sign-off time).
 */
import PDFDocument from 'pdfkit';
import { chinaDate } from '../../../../shared/domain/dates';
import type { Channel, SiteContent } from '../../../../shared/sites/model';
import { findTemplate, styleOf } from '../../../../shared/sites/templates/catalog';
import { cjkFont, drawLetterhead, FONT, type Operator } from '../documents/pdfParts';

export interface SignoffData {
  enterpriseName: string;
  /** The operator company and branch that built the site. */
  operator: Operator;
  content: SiteContent;
  revision: number;
  urls: { web: string; wap2: string; wap1: string };
  pagesPerChannel: Record<Channel, number>;
  /** sha256 of the build's manifest: identifies exactly which pages were shown. */
  buildFingerprint: string;
  signerName: string;
  signedAt: string;
  signaturePng: Uint8Array;
}

const CHANNEL_LABELS: Record<Channel, string> = { web: '电脑网站', wap2: '手机网站', wap1: '老式手机网站', sms: '短信网站' };
const MARGIN = 50;

/** The template and colour style by the names the customer picked them by. */
function templateName(content: SiteContent): string {
  const template = findTemplate(content.template.templateId);
  return template ? `${template.name}（${styleOf(template, content.template.styleId).name}配色）` : '自定义模板';
}

/** The build fingerprint as a code a person can read out and compare: its first 16 hex digits in four groups. */
const checkCode = (fingerprint: string) => (fingerprint.slice(0, 16).toUpperCase().match(/.{4}/g) ?? []).join('-');

export function renderSignoffPdf(data: SignoffData): Promise<Buffer> {
  const signedAt = new Date(data.signedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `网站确认单 ${data.enterpriseName}`, CreationDate: signedAt, ModDate: signedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT);
  const width = doc.page.width - 2 * MARGIN;
  drawLetterhead(doc, data.operator, MARGIN, width);
  doc.moveDown(0.5).fontSize(18).text('网站确认单', MARGIN, doc.y, { width, align: 'center' }).moveDown();
  const line = (label: string, value: string) => doc.fontSize(10.5).text(`${label}：${value}`);
  line('企业名称', data.enterpriseName);
  line('网站版本', `第 ${data.revision} 版`);
  line('电脑网站地址', data.urls.web);
  line('手机网站地址', data.urls.wap2);
  line('老式手机网站地址', data.urls.wap1);
  line('模板', templateName(data.content));
  doc.moveDown().fontSize(12).text('栏目').fontSize(10.5);
  for (const column of [...data.content.columns].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
    const channels = (Object.keys(column.channels) as Channel[]).filter((c) => column.channels[c]).map((c) => CHANNEL_LABELS[c]);
    doc.text(`· ${column.title}（${column.items.length} 条）— ${channels.join('、') || '未启用'}`);
  }
  doc.moveDown().fontSize(12).text('已预览的页面').fontSize(10.5);
  for (const channel of Object.keys(data.pagesPerChannel) as Channel[])
    doc.text(`· ${CHANNEL_LABELS[channel]}：${data.pagesPerChannel[channel]} 页`);
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(`页面校验码：${checkCode(data.buildFingerprint)}（用于核对发布的页面与本次确认的一致）`)
    .fillColor('#000000');
  doc.moveDown().fontSize(10.5).text('客户已在本机预览上述各渠道页面，确认内容无误，同意发布。');
  doc.moveDown().text(`签字人：${data.signerName}    日期：${chinaDate(signedAt)}`);
  doc.image(Buffer.from(data.signaturePng), { fit: [200, 80] });
  doc.end();
  return done;
}
