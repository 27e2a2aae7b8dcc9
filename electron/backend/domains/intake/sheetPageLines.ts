/**
 * The text of a worksheet's printed page header and footer (Excel's 页眉/页脚), which is not in any cell:
 * people put the address, phone and contact person there ("&L地址：…&R电话：… 手机：…（马经理）") and nowhere
 * else. Each section (left, centre, right) of each header and footer is a line; Excel's codes (page number,
 * date, file name, font, size, colour) are not text.
 */

/** The header and footer strings of a sheet, as exceljs reads them (`worksheet.headerFooter`). */
export interface HeaderFooter {
  oddHeader?: string | null;
  oddFooter?: string | null;
  evenHeader?: string | null;
  evenFooter?: string | null;
  firstHeader?: string | null;
  firstFooter?: string | null;
}

/** `&"宋体,加粗"`, `&12`, `&K FF0000` / `&K01+000`, and the one-letter codes (&P page, &N pages, &D, &T, &F, &A, &Z, &G, &B …). */
const CODE = /&"[^"]*"|&\d+|&K(?:[0-9A-Fa-f]{6}|\d\d[+-]\d{3})|&[PNDTFAZGBIUESXYpndtfazgbiuesxy]/g;

/** One header or footer string → its sections' lines, codes left out. */
export function headerFooterLines(text: string): string[] {
  return text
    .replace(/&&/g, '\u0000')
    .split(/&[LCR]/)
    .flatMap((section) =>
      section
        .replace(CODE, '')
        .replace(/\u0000/g, '&')
        .split(/\r?\n/),
    )
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The lines of a sheet's headers and footers: headers first, each line once. */
export function sheetPageLines(headerFooter: HeaderFooter | null | undefined): string[] {
  if (!headerFooter) return [];
  const parts = [
    headerFooter.firstHeader,
    headerFooter.oddHeader,
    headerFooter.evenHeader,
    headerFooter.firstFooter,
    headerFooter.oddFooter,
    headerFooter.evenFooter,
  ];
  return [...new Set(parts.flatMap((part) => (part ? headerFooterLines(part) : [])))];
}
