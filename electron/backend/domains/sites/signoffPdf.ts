/**
 * The 网站确认单 (site sign-off sheet): what the customer saw and approved — the site's addresses,
 * its columns per channel, the pages built and the fingerprint of that build — with the signature.
 * Deterministic: the same data gives the same bytes (pdfkit's dates are set from the sign-off time).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Channel, SiteContent } from '../../../../shared/sites/model';

export interface SignoffData {
  enterpriseName: string;
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

const FONT = 'NotoSansSC';
const CHANNEL_LABELS: Record<Channel, string> = { web: 'WEB 网站', wap2: 'WAP 2.0', wap1: 'WAP 1.0 (WML)', sms: '短信网站 SMS' };

let fontBytes: Buffer | undefined;
function cjkFont(): Buffer {
  if (!fontBytes) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    fontBytes = readFileSync(path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontBytes;
}

export function renderSignoffPdf(data: SignoffData): Promise<Buffer> {
  const signedAt = new Date(data.signedAt);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `网站确认单 ${data.enterpriseName}`, CreationDate: signedAt, ModDate: signedAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont(FONT, cjkFont());
  doc.font(FONT).fontSize(18).text('网站确认单', { align: 'center' }).moveDown();
  const line = (label: string, value: string) => doc.fontSize(10.5).text(`${label}：${value}`);
  line('企业名称', data.enterpriseName);
  line('网站版本', `第 ${data.revision} 版`);
  line('WEB 地址', data.urls.web);
  line('WAP 2.0 地址', data.urls.wap2);
  line('WAP 1.0 地址', data.urls.wap1);
  line('模板', `${data.content.template.templateId} / ${data.content.template.styleId}`);
  doc.moveDown().fontSize(12).text('栏目').fontSize(10.5);
  for (const column of [...data.content.columns].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))) {
    const channels = (Object.keys(column.channels) as Channel[]).filter((c) => column.channels[c]).map((c) => CHANNEL_LABELS[c]);
    doc.text(`· ${column.title}（${column.items.length} 条）— ${channels.join('、') || '未启用'}`);
  }
  doc.moveDown().fontSize(12).text('已预览的页面').fontSize(10.5);
  for (const channel of Object.keys(data.pagesPerChannel) as Channel[]) doc.text(`· ${CHANNEL_LABELS[channel]}：${data.pagesPerChannel[channel]} 页`);
  doc.fontSize(8).fillColor('#555555').text(`构建指纹 build fingerprint: ${data.buildFingerprint}`).fillColor('#000000');
  doc.moveDown().fontSize(10.5).text('客户已在本机预览上述各渠道页面，确认内容无误，同意发布。');
  doc.moveDown().text(`签字人：${data.signerName}    日期：${data.signedAt.slice(0, 10)}`);
  doc.image(Buffer.from(data.signaturePng), { fit: [200, 80] });
  doc.end();
  return done;
}
