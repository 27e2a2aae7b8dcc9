/**
 * What the printed documents (业务受理单, 网站确认单) share: the CJK font pdfkit embeds (a subset of
 * Noto Sans SC from @embedpdf/fonts-sc, holding only the glyphs used), and the operator's letterhead —
 * the provincial company and the branch that takes the business, from the enterprise's region.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Enterprise } from '../../../../shared/domain/enterprise';

export const FONT = 'NotoSansSC';

let fontBytes: Buffer | undefined;
/** Found through Node's resolver so it works from the repository and from a packaged app alike. */
export function cjkFont(): Buffer {
  if (!fontBytes) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    fontBytes = readFileSync(path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf'));
  }
  return fontBytes;
}

export interface Operator {
  /** 中国移动通信集团山东有限公司 */
  company: string;
  /** 济南分公司 */
  branch: string;
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u;
/** City entries that are not a city: a municipality's districts and counties, a province's direct counties. */
const NOT_A_CITY = /^(市辖区|县)$|直辖/u;

/** The operator company of the enterprise's province and the branch of its city (a municipality: its district). */
export function operatorOf(region: Enterprise['region']): Operator {
  const province = region.province.replace(PROVINCE_SUFFIX, '');
  const place = NOT_A_CITY.test(region.city) ? region.district : region.city;
  return { company: `中国移动通信集团${province}有限公司`, branch: `${place.replace(/(市|区|县)$/u, '')}分公司` };
}

/** The operator's name and branch centred at the top of the page, with a rule; leaves `doc.y` below them. */
export function drawLetterhead(doc: PDFKit.PDFDocument, operator: Operator, x: number, width: number): void {
  doc
    .fontSize(12)
    .fillColor('#000000')
    .text(`${operator.company}　${operator.branch}`, x, doc.y, { width, align: 'center', characterSpacing: 1 });
  doc
    .moveTo(x, doc.y + 2)
    .lineTo(x + width, doc.y + 2)
    .lineWidth(1.2)
    .strokeColor('#1f5fa8')
    .stroke();
  doc.fillColor('#000000').y += 4;
}
