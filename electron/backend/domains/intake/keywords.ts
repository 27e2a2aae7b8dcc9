/** Headings → column types by keyword (SITES.md), with the keyword that decided, for the guess list. */
import type { ColumnType } from '../../../../shared/sites/model';

export const COLUMN_KEYWORDS: Record<Exclude<ColumnType, 'custom' | 'guestbook' | 'staff'>, string[]> = {
  intro: ['公司简介', '企业介绍', '关于我们', '公司介绍', '企业简介', '公司概况', '企业概况'],
  products: ['产品中心', '产品介绍', '产品展示', '产品'],
  news: ['新闻', '动态', '公告'],
  jobs: ['招贤纳士', '招聘', '诚聘'],
  supply: ['供求', '供应', '求购'],
  contact: ['联系方式', '联系'],
  services: ['用户服务', '客户服务', '服务项目', '服务'],
};

export interface KeywordMatch {
  type: ColumnType;
  keyword: string;
}

/** Numbering and brackets people put around headings: "一、", "1.", "【…】", "第一部分". */
export function headingCore(text: string): string {
  return text
    .trim()
    .replace(/^(?:第?[一二三四五六七八九十\d]+[、.．)）部分章节]\s*|\(?[一二三四五六七八九十\d]+[)）]\s*)/, '')
    .replace(/^[【[]\s*(.*?)\s*[】\]]$/, '$1')
    .trim();
}

/** The column type a heading names: the keyword found earliest in the heading wins, then the longest. */
export function matchColumnKeyword(heading: string): KeywordMatch | undefined {
  const core = headingCore(heading);
  if (core.length === 0 || core.length > 20) return undefined;
  let best: (KeywordMatch & { at: number }) | undefined;
  for (const [type, keywords] of Object.entries(COLUMN_KEYWORDS) as [ColumnType, string[]][]) {
    for (const keyword of keywords) {
      const at = core.indexOf(keyword);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && keyword.length > best.keyword.length)) best = { type, keyword, at };
    }
  }
  return best ? { type: best.type, keyword: best.keyword } : undefined;
}
