/**
 * A printable A4 sheet of staff cards: 10 cards of 90 × 54 mm per page (2 × 5, the usual Chinese
 * business-card size) with cut lines, each with the person's name, title and department, mobile,
 * short number, e-mail and the QR code of the card's WAP page. CJK through the embedded Noto Sans SC
 * subset; deterministic for a given print time.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { StaffCard } from '../../../../shared/sites/model';
import { cjkFont, FONT } from '../documents/pdfParts';

export interface StaffCardSheet {
  organization: string;
  cards: { card: StaffCard; url: string }[];
  printedAt: Date;
}

const MM = 72 / 25.4;
const CARD = { width: 90 * MM, height: 54 * MM };
const GRID = { columns: 2, rows: 5 };
const PER_PAGE = GRID.columns * GRID.rows;
const PADDING = 4 * MM;
const QR_SIZE = 22 * MM;

function drawCard(doc: PDFKit.PDFDocument, x: number, y: number, organization: string, card: StaffCard, qrPng: Buffer): void {
  doc.save().lineWidth(0.3).dash(3, { space: 3 }).strokeColor('#999999').rect(x, y, CARD.width, CARD.height).stroke().restore();
  const textWidth = CARD.width - 3 * PADDING - QR_SIZE;
  const left = x + PADDING;
  doc
    .fillColor('#1f5fa8')
    .fontSize(8)
    .text(organization, left, y + PADDING, { width: CARD.width - 2 * PADDING, lineBreak: false, ellipsis: true });
  doc
    .fillColor('#000000')
    .fontSize(15)
    .text(card.name, left, y + PADDING + 12, { width: textWidth, lineBreak: false, ellipsis: true });
  const role = [card.title, card.department].filter(Boolean).join(' · ');
  doc.fontSize(8.5).fillColor('#333333');
  let line = y + PADDING + 34;
  for (const text of [
    role,
    card.mobile && `手机 ${card.mobile}`,
    card.shortNumber && `短号 ${card.shortNumber}`,
    card.email && `邮箱 ${card.email}`,
  ]) {
    if (!text) continue;
    doc.text(text, left, line, { width: textWidth, lineBreak: false, ellipsis: true });
    line += 12;
  }
  doc.image(qrPng, x + CARD.width - PADDING - QR_SIZE, y + CARD.height - PADDING - QR_SIZE, { width: QR_SIZE, height: QR_SIZE });
  doc.fillColor('#000000');
}

export async function renderStaffCardSheet(sheet: StaffCardSheet): Promise<{ pdf: Buffer; pages: number }> {
  const qrCodes = await Promise.all(sheet.cards.map(({ url }) => QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 2, scale: 6 })));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${sheet.organization} 员工名片`, CreationDate: sheet.printedAt, ModDate: sheet.printedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont(FONT, cjkFont());
  const pages = Math.ceil(sheet.cards.length / PER_PAGE);
  for (let page = 0; page < pages; page++) {
    doc.addPage();
    doc.font(FONT);
    const left = (doc.page.width - GRID.columns * CARD.width) / 2;
    const top = (doc.page.height - GRID.rows * CARD.height) / 2;
    sheet.cards.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(({ card }, i) => {
      const index = page * PER_PAGE + i;
      drawCard(
        doc,
        left + (i % GRID.columns) * CARD.width,
        top + Math.floor(i / GRID.columns) * CARD.height,
        sheet.organization,
        card,
        qrCodes[index]!,
      );
    });
  }
  doc.end();
  return { pdf: await done, pages };
}
