/**
 * A product page of an online shop (淘宝, 天猫, 京东, 拼多多, 1688, 抖音小店) saved from the browser: around one
 * listing stands the site's chrome — navigation, shop scores, coupons, sales and review counts, buy buttons,
 * service tags, reviews, other shops' goods ("看了又看"), the footer. What is the customer's: the listing (one
 * product, titled without its 【tag】 and keyword tail, at the shop's own price — not the struck one, not the
 * price after a coupon) or, where the page lists its options with prices, one product per option; and the
 * seller's contact card.
 */
import { runsText } from '../../../../shared/sites/model';
import { textOf, type SourceBlock } from './htmlToBlocks';

const SHOP_URL =
  /saved from url=\(\d+\)\s*https?:\/\/[^\s>]*(?:taobao|tmall|jd\.com|1688\.com|yangkeduo|pinduoduo|jinritemai|haohuo|weidian|youzan)/i;
const SHOP_TITLE = /<title>[^<]*(?:[-–—_]\s*(?:淘宝网|天猫|tmall|阿里巴巴|1688|京东|拼多多|抖音|抖店)[^<]*|【京东】[^<]*)<\/title>/i;
/** The buttons only a listing has. */
const BUY = /立即购买|加入购物车|立即订购|加入进货单|立即下单|发起拼单|单独购买/;

/** The shop's own price labels, most specific first; 券后 and 到手价 (after a coupon) and the struck 原价 are not it. */
const PRICE_LABELS = [
  '淘宝价',
  '天猫价',
  '京东价',
  '抖音价',
  '拼单价',
  '促销价',
  '折扣价',
  '优惠价',
  '活动价',
  '现价',
  '售价',
  '价格',
  '单价',
];
const LABELED_PRICE = new RegExp(
  `^(${PRICE_LABELS.join('|')})\\s*[:：]?\\s*[¥￥]\\s*(\\d+(?:\\.\\d+)?(?:\\s*[-~～]\\s*[¥￥]?\\s*\\d+(?:\\.\\d+)?)?)`,
);

/** A stand-in price a shop system needs for an option quoted case by case (¥1.00 for 非标定制). */
const STAND_IN_PRICE = /^[¥￥]?\s*0?\.0?1$|^[¥￥]?\s*1(?:\.0{1,2})?$/;
const CASE_BY_CASE = /定制|定做|报价|联系客服|咨询|面议|电议|议价|按图/;

const CONTACT_HEADING = /^(?:联系方式|联系我们|联系卖家|联系商家|商家信息|企业信息|公司信息)$/;
/** A contact card's person line: "赵先生（销售经理）", "王女士". */
const PERSON_LINE = /^([\u4e00-\u9fff]{1,2}(?:先生|女士|小姐|经理|总|老板|师傅))\s*(?:[（(][^）)]{1,10}[)）])?$/;

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const cell = (text: string) => [{ text }];

/** Whether the page is an online shop's product page. */
export function isShopListing(html: string): boolean {
  const head = html.slice(0, 4000);
  return (SHOP_URL.test(head) || SHOP_TITLE.test(head)) && BUY.test(html);
}

function blockText(block: SourceBlock): string {
  if (block.type === 'paragraph' || block.type === 'heading') return textOf(block);
  if (block.type === 'list') return block.items.map((i) => runsText(i.runs)).join('\n');
  if (block.type === 'table') return block.rows.map((r) => r.map(runsText).join(' ')).join('\n');
  return '';
}

/** "【禾源酱园】济宁特产咸菜500g*3袋 下饭菜 包邮" → "济宁特产咸菜500g*3袋": without tags and the keyword tail. */
export function listingName(title: string): string {
  const bare = title
    .replace(/[【[][^】\]]{1,20}[】\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = bare.split(' ')[0]!;
  return first.length >= 4 ? first : bare;
}

/** The listing's own price as written ("¥19.90"), by the most specific label on the page. */
function listingPrice(blocks: SourceBlock[]): string | undefined {
  const found = new Map<string, string>();
  for (const line of blocks.flatMap((b) => blockText(b).split('\n'))) {
    const m = LABELED_PRICE.exec(line.trim());
    if (m && !found.has(m[1]!)) found.set(m[1]!, `¥${m[2]!.replace(/\s+/g, '')}`);
  }
  return PRICE_LABELS.map((label) => found.get(label)).find(Boolean);
}

/** The options table: a header with a price column over two or more options, each named and priced. */
function optionRows(blocks: SourceBlock[]): { name: string; price: string; remark: string }[] | undefined {
  for (const block of blocks) {
    if (block.type !== 'table' || block.rows.length < 3) continue;
    const rows = block.rows.map((r) => r.map((c) => runsText(c).trim()));
    const priceAt = rows[0]!.findIndex((h) => /^(?:价格|单价|售价|批发价)$/.test(h));
    if (priceAt <= 0) continue;
    const options = rows.slice(1).filter((r) => r[0] && /\d/.test(r[priceAt] ?? ''));
    if (options.length < 2) continue;
    return options.map((r) => option(r[0]!, r[priceAt]!));
  }
  return undefined;
}

/** One option: a bracketed remark leaves the name; a stand-in price for a case-by-case option is 面议. */
function option(name: string, price: string) {
  const remark = /^(.+?)\s*[（(]([^（()）]+)[)）]$/.exec(name);
  const standIn = STAND_IN_PRICE.test(price.replace(/\s+/g, '')) && CASE_BY_CASE.test(name);
  const bare = remark && (standIn || CASE_BY_CASE.test(remark[2]!)) ? remark[1]! : name;
  return { name: bare, price: standIn ? '面议' : price, remark: bare === name ? '' : remark![2]! };
}

/** The seller's contact card: the lines under a 联系方式 heading, a bare person line labelled as one. */
function contactCard(blocks: SourceBlock[]): SourceBlock[] {
  const at = blocks.findIndex((b) => b.type === 'heading' && CONTACT_HEADING.test(textOf(b).trim()));
  if (at < 0) return [];
  const lines: SourceBlock[] = [];
  for (const block of blocks.slice(at + 1)) {
    const text = textOf(block).trim();
    const person = PERSON_LINE.exec(text);
    // A short card line may have been taken for a heading; another heading ends the card.
    if (block.type !== 'paragraph' && !(block.type === 'heading' && (person || /[：:]/.test(text)))) break;
    if (/版权所有|©|copyright|备案|ICP|公网安备/i.test(text)) break;
    lines.push(paragraph(person ? `联系人：${person[1]}` : text));
  }
  return lines.length ? [{ type: 'heading', level: 2, runs: [{ text: '联系方式' }] }, ...lines] : [];
}

/**
 * The blocks of a saved shop product page reduced to what is the customer's: a table of the products (the
 * options, or the one listing) and the contact card; undefined when the page is not a shop's product page.
 */
export function shopListingBlocks(html: string, blocks: SourceBlock[]): SourceBlock[] | undefined {
  if (!isShopListing(html)) return undefined;
  const options = optionRows(blocks);
  const pageTitle = (/<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '').replace(/\s*[-–—_][^-–—_]*$/, '').trim();
  // The listing's heading is the page's title (a site's logo or the shop's name may be a heading too).
  const heading = blocks.find((b) => b.type === 'heading' && textOf(b).trim().length >= 4 && pageTitle.includes(textOf(b).trim()));
  const title = listingName(heading ? textOf(heading) : pageTitle);
  // A price the page sets apart from its label is not found: the listing is still the customer's product.
  const rows = options ? options.map((o) => [o.name, '', o.price, o.remark]) : title ? [[title, '', listingPrice(blocks) ?? '', '']] : [];
  // The empty 规格 column keeps a size written in the name (500g*3袋) part of the listing's name.
  const products: SourceBlock[] = rows.length
    ? [
        { type: 'heading', level: 2, runs: [{ text: '产品' }] },
        { type: 'table', header: true, rows: [['品名', '规格', '价格', '备注'], ...rows].map((r) => r.map(cell)) },
      ]
    : [];
  return [...products, ...contactCard(blocks)];
}
