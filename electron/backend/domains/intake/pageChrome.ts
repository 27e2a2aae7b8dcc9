/**
 * Text copied or saved off a web page brings the page's chrome along: navigation and breadcrumbs
 * (`首页 | 登录 注册`, `淄博58同城 > 淄博招聘 > …`), view counts and buttons (`发布时间：… 浏览次数：… 举报`,
 * `分享到：`, `申请职位 微聊 收藏`), the site's disclaimer and copyright, a WeChat article's footer
 * (`阅读 1526 赞 38 在看`, `写留言`, `长按识别二维码关注我们`) and other people's posts under
 * `相似职位推荐` / `喜欢此内容的人还喜欢`. None of it is the customer's material: it is left out.
 */
import type { SourceBlock } from './htmlToBlocks';
import { textOf } from './htmlToBlocks';

/** Lines only a web page writes, whatever the text around them. */
const CHROME_LINE = [
  // "发布时间：2026-11-28  浏览次数：356  举报", "店铺浏览次数：12836", "浏览量：1.2万".
  /浏览(?:次数|量)\s*[：:]\s*\d/,
  // A WeChat article's counters: "阅读 1526 赞 38 在看 12 写留言", "阅读 10万+".
  /^阅读(?:量)?\s*\d+(?:\.\d+)?[万+]*(?:\s|$)/,
  /登录\s*[|｜/]?\s*注册/,
  /^分享到\s*[：:]/,
  /©|版权所有|ICP备|copyright/i,
  /^免责声明/,
  /^温馨提示\s*[：:].*(?:诈骗|谨慎)/,
  // A shop page's (小程序, 美团, 淘宝) counters and end marker: "已售1268", "月售 32 份", "—— 已经到底了 ——".
  /^(?:已售|月售|销量)\s*[：:]?\s*\d+(?:\.\d+)?[万+]*\s*[件单份笔个套张次]?$/,
  // A product card's badge on its own line: "8.8折", "第二件半价", "包邮".
  /^(?:\d+(?:\.\d+)?折|第二件半价|包邮|限时折扣|新品上市)$/,
  // The search box and the tab bar: "搜索店内商品", "首页  课程  我的".
  /^搜索[\u4e00-\u9fff]{0,8}$/,
  /^首页(?:\s+[\u4e00-\u9fff]{2,3}){1,4}\s+我的$/,
  /^[—–\-─\s]*(?:已经到底了|没有更多了|已无更多数据|END)[—–\-─\s]*$/,
  // A WeChat article's preview note.
  /^预览时标签不可点$/,
  // A social note's (小红书, 抖音, 微博) foot: "编辑于 12-03 河南", "共 56 条评论", "展开 12 条回复", "说点什么...".
  /^(?:编辑于|发布于)\s*(?:\d{4}-)?\d{1,2}-\d{1,2}(?:\s+\S{2,8})?$/,
  /^共\s*\d+\s*条评论$|^展开\s*\d+\s*条回复$|^说点什么/,
  // A deal page's links and counters: "查看全部3个团购 >", "用户评价(1326)", a shop's "粉丝1.2万  店铺体验分 4.8".
  /^查看(?:全部|更多)[^，。]{0,12}[>›]$/,
  /^(?:用户|全部)?评价\s*[(（]\d+[)）]$/,
  /^粉丝\s*\d+(?:\.\d+)?万?(?:\s+[\u4e00-\u9fff]{2,6}\s*\d(?:\.\d)?)?$/,
  /^(?:长按|扫描|扫码|微信扫一扫)[^，。]{0,12}(?:二维码|关注|公众号)|^(?:长按|扫描)?识别(?:图中)?二维码|^关注(?:该|本|我们的)?公众号$|^微信扫一扫$/,
];

/** A browser's print header, the date and time printed before the page's title: "12/5/26, 8:53 AM  标题", "2026/12/3 10:15  标题". */
const PRINT_HEADER = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,，]?\s+(?:(?:上午|下午)\s*)?\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s|$)/i;
/** A browser's print footer, the page's address and the page count: "https://mp.weixin.qq.com/s/…  1/4". */
const PRINT_FOOTER = /^(?:(?:https?:\/\/|file:\/\/|www\.)\S+\s+)?\d{1,3}\s*\/\s*\d{1,3}$/i;

/**
 * A web page printed to PDF from the browser: the first line of each page is the print header and the last its footer.
 * Takes a page's lines top to bottom and says which of them the browser printed.
 */
export function printMargins(lines: string[]): Set<number> {
  const margins = new Set<number>();
  const texts = lines.map((line) => line.trim());
  const first = texts.findIndex(Boolean);
  const last = texts.findLastIndex(Boolean);
  if (first >= 0 && PRINT_HEADER.test(texts[first]!)) margins.add(first);
  if (last >= 0 && PRINT_FOOTER.test(texts[last]!)) margins.add(last);
  return margins;
}

/** Buttons (and badges) a page shows in a row: a line of nothing else is chrome. */
const BUTTONS = new Set([
  '举报',
  '收藏',
  '分享',
  '微聊',
  '申请职位',
  '投递简历',
  '立即申请',
  '写留言',
  '留言',
  '在看',
  '点赞',
  '赞',
  '转发',
  '关注',
  '免责声明',
  // A shop page's buttons under each product, and a deal's promises (随时退 · 过期自动退, 包邮 7天无理由退货).
  '立即购买',
  '抢购',
  '随时退',
  '过期自动退',
  '免预约',
  '7天无理由退货',
  '坏了包赔',
  '包邮',
  '已认证',
  '商家资质',
  '加入购物车',
  '立即抢购',
  '马上抢',
  '去购买',
  '首页',
  '购物车',
  '我的',
]);

/** A shop page's tabs to sort its goods by, after 全部商品. */
const SORT_BAR = /^全部(?:商品|宝贝)(?:\s+(?:销量|新品|上新|价格|综合|人气|好评|推荐)){2,}$/;

/** Headings over other people's posts the site recommends. */
const RECOMMENDED =
  /^(?:相似|相关|热门|推荐|其他|更多)[\u4e00-\u9fff]{0,4}(?:推荐|职位|房源)$|^猜你喜欢$|^推荐阅读$|喜欢此内容的人还喜欢|^为你推荐$|^(?:精选)?留言\s*\d+$/;

/** "淄博58同城 > 淄博招聘 > 张店招聘": three or more short parts between arrows. */
const BREADCRUMB = /^[^>＞»]{1,20}(?:\s*[>＞»]\s*[^>＞»]{1,20}){2,}$/;

export function isChromeLine(line: string): boolean {
  const text = line.trim();
  if (!text) return false;
  if (CHROME_LINE.some((pattern) => pattern.test(text))) return true;
  const words = text.split(/[\s|｜·]+/).filter(Boolean);
  // "认证商家  营业执照已认证  实名认证": the site's badges.
  return words.length > 0 && words.every((w) => BUTTONS.has(w) || /认证$|^认证商家$/.test(w));
}

/** Whether a text is a page copy: two or more lines only a page writes. */
const isPageCopy = (lines: string[]) => lines.filter(isChromeLine).length >= 2;

/** Where a social note's comments begin: its "编辑于 12-03 河南" line or the "共 56 条评论" count. */
const COMMENTS_START = /^(?:编辑于|发布于)\s*(?:\d{4}-)?\d{1,2}-\d{1,2}|^共\s*\d+\s*条评论$/;
/** What only a comment list writes: "12-03 河南 回复", "12-04 江苏 赞 23 回复", "展开 12 条回复". */
const COMMENT_MARK = /^\d{1,2}-\d{1,2}\s+\S{2,8}(?:\s+赞\s*\d*)?\s+回复$|^展开\s*\d+\s*条回复$|^共\s*\d+\s*条评论$/;

/**
 * The comments under a social note, from the note's "编辑于" line on, when comment marks follow: other people's
 * questions and the author's replies, then the like and collect counts — not the note.
 */
function commentsFrom(lines: string[]): number {
  const start = lines.findIndex((line) => COMMENTS_START.test(line.trim()));
  return start >= 0 && lines.slice(start).some((line) => COMMENT_MARK.test(line.trim())) ? start : lines.length;
}

/**
 * The lines without the page's chrome (blank where it was, so blocks stay apart). Breadcrumbs and
 * recommended posts — up to the next blank line — and a social note's comments go only when the text is a page copy.
 */
export function withoutPageChrome(lines: string[]): string[] {
  if (!isPageCopy(lines)) return lines;
  let recommended = false;
  const comments = commentsFrom(lines);
  return lines.map((line, i) => {
    if (i >= comments) return '';
    const text = line.trim();
    // A shop's sort bar ("全部商品  销量  新品  价格") stands over its goods as its first tab.
    if (SORT_BAR.test(text)) return text.split(/\s+/)[0]!;
    if (!text) recommended = false;
    if (RECOMMENDED.test(text)) recommended = true;
    return recommended || isChromeLine(text) || BREADCRUMB.test(text) ? '' : line;
  });
}

/**
 * A web page's blocks without its chrome: chrome paragraphs go, and a recommendations heading takes the
 * blocks after it with it, up to the next heading.
 */
export function withoutPageChromeBlocks(blocks: SourceBlock[]): SourceBlock[] {
  const texts = blocks.map((b) => textOf(b).trim());
  if (!isPageCopy(texts)) return blocks;
  let recommended = false;
  return blocks.filter((block, i) => {
    const text = texts[i]!;
    if (block.type === 'heading') recommended = false;
    if (RECOMMENDED.test(text) || (block.type !== 'list' && /喜欢此内容的人还喜欢$/.test(text))) {
      recommended = true;
      return false;
    }
    return !recommended && !isChromeLine(text) && !BREADCRUMB.test(text);
  });
}
