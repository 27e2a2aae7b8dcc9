/** The member report as an .xlsx the customer manager hands over (exceljs): the counts and as of when, then members by city. */
import ExcelJS from 'exceljs';
import type { FileBody } from '../../../../shared/api/files';
import { chinaMinute } from '../../../../shared/domain/dates';
import type { MemberReport } from '../../../../shared/platform-api/portal';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function memberReportWorkbook(report: MemberReport & { asOf: string | null }): Promise<FileBody> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('门户会员');
  sheet.columns = [{ width: 22 }, { width: 14 }, { width: 10 }];
  sheet.addRow(['门户会员报告', report.month]).font = { bold: true };
  sheet.addRows([
    ['关注会员', report.followers],
    ['关注本企业', report.followingEnterprise],
    ['关注所在行业', report.followingIndustry],
    [`${report.month} 新增`, report.newThisMonth],
    ['已退订短信', report.optedOut],
    ['数据截至', report.asOf ? chinaMinute(new Date(report.asOf)) : '尚未与平台同步'],
    [],
  ]);
  sheet.addRow(['省份', '城市', '人数']).font = { bold: true };
  // A member without a city chose none and has a number whose prefix the platform could not place.
  sheet.addRows(report.byRegion.map((r) => (r.city ? [r.province, r.city, r.members] : ['未知地区（号码归属地不详）', '', r.members])));
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { bytes, mime: XLSX_MIME, fileName: `门户会员报告-${report.month}.xlsx` };
}
