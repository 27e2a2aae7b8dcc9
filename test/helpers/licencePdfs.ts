/**
 * 营业执照 as PDF files, built with pdfkit: a scan (the licence picture on an A4 page, no text layer)
 * and a PDF with a text layer (the licence's lines set in Noto Sans SC, as an electronic licence or a
 * scanner with OCR gives them).
 */
import PDFDocument from 'pdfkit';
import { cjkFont, FONT } from '../../electron/backend/domains/documents/pdfParts';
import type { LicenceFields } from './licenceImages';

function pdfBytes(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** The picture fills the page's width (A4 at about 190 dpi for a 1600 px picture). */
export const scannedLicencePdf = (picture: Buffer): Promise<Buffer> => pdfBytes((doc) => doc.image(picture, 20, 60, { width: 555 }));

/** The licence's lines as text: the 2015 one-column layout, labels and values on one baseline. */
export const textLicencePdf = (f: LicenceFields): Promise<Buffer> =>
  pdfBytes((doc) => {
    doc.registerFont(FONT, cjkFont());
    doc.font(FONT).fontSize(26).text('营业执照', 0, 60, { width: 595, align: 'center' });
    doc.fontSize(12).text(`统一社会信用代码 ${f.creditCode}`, 300, 130, { lineBreak: false });
    const rows: [string, string][] = [
      ['名称', f.name],
      ['类型', f.type],
      ['住所', f.address],
      ['法定代表人', f.legalRepresentative],
      ['注册资本', f.registeredCapital],
      ['成立日期', f.establishedOn],
      ['营业期限', '长期'],
      ['经营范围', '茶叶销售；预包装食品销售'],
    ];
    rows.forEach(([label, value], k) => {
      doc.text(label, 70, 180 + k * 32, { lineBreak: false });
      doc.text(value, 170, 180 + k * 32, { lineBreak: false });
    });
  });
