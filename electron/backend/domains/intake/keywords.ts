/**
 * Headings and file names → column types by keyword (SITES.md), with the keyword that decided, for
 * the guess list. The vocabulary is what Chinese businesses of any trade call their sections: a
 * restaurant's 菜单, a hotel's 客房, a school's 课程 and a law firm's 业务领域 included.
 */
import path from 'node:path';
import type { ColumnType } from '../../../../shared/sites/model';
import { TEMPLATES } from '../../../../shared/sites/templates/catalog';
import { foldTraditional } from './traditional';

type KeywordColumn = Exclude<ColumnType, 'custom' | 'guestbook' | 'staff'>;

const BASE_KEYWORDS: Record<KeywordColumn, string[]> = {
  intro: ['公司简介', '企业介绍', '关于我们', '公司介绍', '企业简介', '公司概况', '企业概况', '简介', '概况', '介绍'],
  products: [
    '产品中心',
    '产品介绍',
    '产品展示',
    '产品',
    '商品',
    '新品',
    '推荐',
    '菜品',
    '菜单',
    '菜谱',
    '招牌菜',
    '特色菜',
    '价目',
    '价格',
    '报价',
    '收费',
    '客房',
    '房型',
    '课程',
    '茶品',
    '品种',
    '线路',
    '套餐',
    '套系',
    '团购',
    '案例',
    '业绩',
    // A workshop's 加工范围 lists the work it takes on: what it sells.
    '加工范围',
    '加工项目',
  ],
  news: ['新闻', '动态', '公告', '资讯', '消息', '通知', '活动'],
  jobs: ['招贤纳士', '招聘', '诚聘', '招工', '招人', '收人', '招募', '加入我们', '用工信息', '用工需求', '招收学徒', '收徒'],
  supply: ['供求', '供应', '求购', '采购', '收购', '出售'],
  contact: [
    '联系方式',
    '联系',
    '联络',
    '找到我们',
    '地址',
    '预订方式',
    '订购方式',
    '报名方式',
    '购买方式',
    '咨询方式',
    '门店信息',
    '店铺信息',
    '商家信息',
  ],
  services: ['用户服务', '客户服务', '服务项目', '服务', '业务', '诊疗'],
};

/**
 * The vocabulary above plus the column titles of the app's own industry templates that it does not
 * already read the same way (优惠活动 → news, 药品器械 → products, 货源车源 → supply, 课程设置 → services).
 */
export const COLUMN_KEYWORDS: Record<KeywordColumn, string[]> = (() => {
  const keywords = structuredClone(BASE_KEYWORDS);
  for (const template of TEMPLATES)
    for (const { type, title } of template.defaultColumns)
      if (type in keywords && matchIn(title, BASE_KEYWORDS)?.type !== type && !keywords[type as KeywordColumn].includes(title))
        keywords[type as KeywordColumn].push(title);
  return keywords;
})();

export interface KeywordMatch {
  type: ColumnType;
  keyword: string;
}

/** Numbering and brackets people put around headings: "一、", "1.", "（一）", "【…】", "第一部分", a trailing "：". */
export function headingCore(text: string): string {
  return (
    text
      .trim()
      .replace(
        /^(?:\d{1,2}(?:[.．]\d{1,2})+[.．]?\s*(?=[\u4e00-\u9fffA-Za-z])|\d{1,2}\s+|第?[一二三四五六七八九十\d]+[、.．)）部分章节]\s*|[壹贰叁肆伍陆柒捌玖拾]+[、.．]\s*|[(（]?[一二三四五六七八九十\d]+[)）]\s*)/,
        '',
      )
      // A phone's keycap digit (1️⃣) or a circled one (①) in front.
      .replace(/^(?:\d\uFE0F?\u20E3|🔟|[\u2460-\u2473\u2776-\u2789])\s*/u, '')
      .replace(/^[【[]\s*(.*?)\s*[】\]]$/, '$1')
      .replace(/[：:]$/, '')
      .trim()
  );
}

/** The column type a text names: the keyword found earliest wins, then the longest. */
function matchIn(core: string, vocabulary: Record<KeywordColumn, string[]> = COLUMN_KEYWORDS): KeywordMatch | undefined {
  let best: (KeywordMatch & { at: number }) | undefined;
  for (const [type, keywords] of Object.entries(vocabulary) as [ColumnType, string[]][]) {
    for (const keyword of keywords) {
      const at = core.indexOf(keyword);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && keyword.length > best.keyword.length)) best = { type, keyword, at };
    }
  }
  return best ? { type: best.type, keyword: best.keyword } : undefined;
}

/** "关于海悦", "About 花漾": a short heading about the business itself, naming no other column, is its introduction. */
const ABOUT = /^(?:关于|about\s)/i;

/** Words that name a column only as a whole heading: "用工" over hires, but 灵活用工 is a service; "回收" over what is bought, but 回收价格 lists what is paid. */
const WHOLE_HEADINGS: Record<string, ColumnType> = { 用工: 'jobs', 用人: 'jobs', 回收: 'supply' };

/** The column type a heading names (numbering and brackets ignored); headings over 20 characters name none. */
export function matchColumnKeyword(heading: string): KeywordMatch | undefined {
  const core = headingCore(foldTraditional(heading));
  if (core.length === 0 || core.length > 20) return undefined;
  if (WHOLE_HEADINGS[core]) return { type: WHOLE_HEADINGS[core], keyword: core };
  return matchIn(core) ?? (ABOUT.test(core) && core.length <= 12 ? { type: 'intro', keyword: ABOUT.exec(core)![0].trim() } : undefined);
}

/**
 * The column a file's name points at when its text has no column headings: `供求信息.txt` → supply,
 * `价格表.csv` → products, `公司简介.txt` → intro. The folders it sits in count too (`招聘/说明.txt`).
 */
export function fileNameColumn(file: string): (KeywordMatch & { from: string }) | undefined {
  const parts = file.split('/');
  const names = [path.posix.basename(file, path.posix.extname(file)), ...parts.slice(0, -1).reverse()].map(withoutReplyPrefix);
  for (const name of names) {
    // "苹果价格和介绍": a name joining two columns' contents names neither for the whole text.
    if (namesTwoColumns(name) || namesMessage(name)) continue;
    // "网站资料（产品表在附件）": a remark pointing at an attachment names what is elsewhere, not this text.
    const match = matchColumnKeyword(name.replace(/^\d{4}年?/, '').replace(/[(（][^()（）]*附件[^()（）]*[)）]/g, ''));
    if (match) return { ...match, from: name };
  }
  return undefined;
}

/**
 * "微信消息", "短信消息", "QQ聊天记录": a message sent through a chat app (the customer writing to the manager), not the
 * business's news, whatever 消息 says elsewhere.
 */
const namesMessage = (name: string) => /(?:微信|钉钉|QQ|短信)\s*(?:消息|信息|留言)|聊天记录/i.test(name);

/** "回复：产品价格" → "产品价格": a mail's reply or forward marks are no part of what it names. */
const withoutReplyPrefix = (name: string) => name.replace(/^(?:(?:回复|答复|转发|re|fwd?)\s*[：:]\s*)+/i, '');

/** "苹果价格和介绍", "价目表及招聘": a name joining what two different columns hold ("和", "及", "与", "、"). */
export function namesTwoColumns(name: string): boolean {
  const parts = headingCore(foldTraditional(path.posix.basename(name, path.posix.extname(name)))).split(/[和及与、&＆+＋]/);
  return new Set(parts.map((part) => (part ? matchIn(part)?.type : undefined)).filter(Boolean)).size >= 2;
}
