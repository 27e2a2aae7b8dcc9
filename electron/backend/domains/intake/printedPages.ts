/**
 * A report an old program "printed to file" (a stock program's price list saved as `BJD1205.TXT`): pages apart by
 * form feeds, each opening with the program's page header (the firm, the report's title, the print date and page
 * number, the column header between rules) and closed by a rule and `(续下页)`. After the first page the repeated
 * header is left out, and so are the rules, page numbers, continuation marks, the record count and who made the
 * report, so the rows of all pages read as one table under one header. A single page is known by its page number.
 */

/** "第 1 页  共 2 页", "第1页/共3页", and a print date before it ("打印日期：2026-12-05"). */
const PAGE_NUMBER =
  /(?:(?:打印|制表)(?:日期|时间)\s*[：:]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?第\s*\d+\s*页\s*[/，,]?\s*共\s*\d+\s*页/;
/** "(续下页)", "接下页", "下转第2页": a page's last line saying the list goes on. */
const CONTINUED = /^[(（]?\s*(?:续下页|接下页|下转第?\s*\d*\s*页|未完待续)\s*[)）]?$/;
/** "共 12 条记录": the program's count of the rows it printed. */
const RECORD_COUNT = /^共\s*\d+\s*(?:条|项|笔)(?:记录|数据)?$/;
/** "制表：于秀梅   瑞达进销存 V3.2": who made the report (and the program's name) at its foot. */
const MADE_BY = /^(?:制表|制单|打印人|操作员)\s*[：:]\s*[\u4e00-\u9fff]{2,4}(?:\s|$)/;
const RULE = /^(?:[-—=_*─═]\s*){3,}$/;

/** Lines compared as the program prints them on every page: the page number and date may change, the spacing not matter. */
const shape = (line: string) => line.replace(/\s+/g, '').replace(/\d+/g, '#');

/** A line that is only a page number ("第 1 页，共 2 页", with a print date or not): a printed page's footer. */
export const isPageNumber = (line: string) => PAGE_NUMBER.test(line) && !line.replace(PAGE_NUMBER, '').trim();

/** A line without its page number; a line that was only that (and a print date) is left empty. */
const withoutPageNumber = (line: string) => (PAGE_NUMBER.test(line) ? line.replace(PAGE_NUMBER, '').trim() : line);

/** The number of leading non-empty lines of `page` that repeat the first page's, and where they end. */
function repeatedHeaderEnd(first: string[], page: string[]): number {
  const heads = first.filter((l) => l.trim());
  let matched = 0;
  let end = 0;
  for (let i = 0; i < page.length && matched < heads.length; i++) {
    if (!page[i]!.trim()) continue;
    if (shape(page[i]!) !== shape(heads[matched]!)) break;
    matched++;
    end = i + 1;
  }
  // One line alike (a firm's name) is no page header; the header repeats with its title or rules.
  return matched >= 2 ? end : 0;
}

export function withoutPrintFrames(lines: string[]): string[] {
  const pages: string[][] = [[]];
  for (const line of lines) {
    const parts = line.split('\f');
    // A form feed opening a line leaves nothing of that line on the page before.
    if (parts.length === 1 || parts[0]!.trim()) pages.at(-1)!.push(parts[0]!);
    for (const part of parts.slice(1)) pages.push([part]);
  }
  if (pages.length < 2 && !lines.some((line) => PAGE_NUMBER.test(line))) return lines;
  return pages.flatMap((page, p) => {
    const kept = p === 0 ? page : page.slice(repeatedHeaderEnd(pages[0]!, page));
    return kept.map(withoutPageNumber).filter((line) => {
      const text = line.trim();
      return !RULE.test(text) && !CONTINUED.test(text) && !RECORD_COUNT.test(text) && !MADE_BY.test(text);
    });
  });
}
