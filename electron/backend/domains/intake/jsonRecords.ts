/**
 * A JSON export of an app's database (a WeChat mini-program's cloud database, a shop backend's API dump) read as
 * material. Shapes read: an array of objects, an object holding one such array (`{"data": […]}`), and JSON Lines
 * (one object per line, as the cloud database exports). Two or more records are a table with their keys as the
 * header, English keys put in the Chinese words tables.ts reads (name → 名称, price → 价格 …); records of a title
 * and a body without a price (notices, articles) are a heading over a dated paragraph each. One object alone is a configuration:
 * its fields, nested objects included, are label/value lines (the contact) and a long text its introduction.
 * Records switched off (status 0 or "hide", hidden, on_sale false, 停用 true) are left out: the app does not show them.
 * Keys written as pinyin initials (spmc, lsj), as old till programs name fields, are read as their words (pinyinKeys.ts)
 * when one of them names the goods. xmlRecords.ts hands its records here too.
 */
import type { SourceBlock } from './htmlToBlocks';
import { matchColumnKeyword } from './keywords';
import { linesToBlocks, textLines } from './lines';
import { pinyinKeyWord } from './pinyinKeys';
import { sheetBlocks } from './spreadsheet';

export class JsonProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** English (and camelCase) keys apps use, as the header word tables.ts and contact.ts read. */
const KEY_WORDS: [RegExp, string][] = [
  [/^(?:name|goods_?name|product_?name|item_?name|title)$/i, '名称'],
  [/^(?:price|sale_?price|sell_?price|current_?price|price_?text)$/i, '价格'],
  [/^(?:line_?price|original_?price|market_?price|old_?price)$/i, '划线价'],
  [/^(?:spec|specs|specification|size)$/i, '规格'],
  [/^unit$/i, '单位'],
  [/^(?:type|kind|tag)$/i, '类型'],
  [/^(?:category|category_?name|cate|group)$/i, '分类'],
  [/^(?:sub_?title|desc|description|summary|brief|remark|note)$/i, '说明'],
  [/^(?:content|body|text|detail)$/i, '内容'],
  [/^(?:publish_?time|pub_?date|date|time|create_?time|created_?at)$/i, '日期'],
  [/^(?:shop_?name|store_?name)$/i, '店名'],
  [/^(?:company|company_?name|corp_?name)$/i, '公司名称'],
  [/^(?:intro|introduction|about)$/i, '简介'],
  [/^(?:contact|contact_?name|contacts|person|linkman)$/i, '联系人'],
  [/^(?:mobile|cell|cellphone|mobile_?phone)$/i, '手机'],
  [/^(?:phone|tel|telephone|service_?phone|hotline)$/i, '电话'],
  [/^(?:address|addr|location)$/i, '地址'],
  [/^(?:wechat|weixin|wx)$/i, '微信'],
  [/^(?:email|e_?mail|mail)$/i, '邮箱'],
  [/^(?:qq)$/i, 'QQ'],
  [/^(?:postcode|zip|zip_?code|postal_?code)$/i, '邮编'],
  [/^(?:hours|open_?time|business_?hours)$/i, '营业时间'],
];

/** Keys a configuration's nested contact object uses for the person (`contact: {name: …}`). */
const PERSON_KEY = /^(?:name|contact_?name)$/i;

/** Keys that say whether the app shows a record. */
const SWITCH_KEY = /^(?:status|state|on_?sale|is_?on_?sale|is_?show|show|visible|enabled|hidden|is_?hidden|deleted|is_?deleted|is_?del)$/i;
const OFF_VALUES = /^(?:0|false|hide|hidden|off|offline|disabled|deleted|draft|下架|已下架|隐藏|停售|停用|草稿)$/i;
/** A field word that, set true, takes a record off (a till's 停用 flag on a good no longer sold). */
const OFF_WORD = /^(?:停用|停售|下架|删除|作废)$/;
const TRUE_VALUE = /^(?:1|true|t|y|yes|是)$/i;

/** Whether the app shows this record: a switch key set to off, or one saying hidden/deleted (停用) set on. */
function isShown(record: JsonObject, words: KeyWords): boolean {
  return Object.entries(record).every(([key, value]) => {
    if (value === null || isObject(value) || Array.isArray(value)) return true;
    if (OFF_WORD.test(words(key) ?? '')) return !TRUE_VALUE.test(String(value).trim());
    if (!SWITCH_KEY.test(key)) return true;
    const on = !OFF_VALUES.test(String(value).trim());
    return /hidden|deleted|is_?del/i.test(key) ? !on : on;
  });
}

/** A time as the day in Beijing (UTC+8): `{"$date": "…Z"}`, an ISO time with a zone, or a Unix time in ms. */
function beijingDay(value: Json): string | undefined {
  const raw = isObject(value) ? (value.$date ?? value.date) : value;
  if (isObject(raw) && typeof raw.$numberLong === 'string') return beijingDay(Number(raw.$numberLong));
  let ms: number | undefined;
  if (typeof raw === 'number' && raw > 1e12) ms = raw;
  else if (typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(raw))
    ms = Date.parse(raw);
  if (ms === undefined || Number.isNaN(ms)) return undefined;
  const day = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A link to a file in the app's storage or on the web is nothing to show. */
const isLink = (text: string) => /^(?:cloud|https?|wxfile):\/\//i.test(text.trim());

const withoutTags = (text: string) =>
  text
    .replace(/<(?:br|\/p|\/div|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();

/** A value as text: numbers as digits, times as Beijing days, HTML as its text; links, lists and objects as nothing. */
function valueText(value: Json): string {
  if (value === null || Array.isArray(value)) return '';
  const day = beijingDay(value);
  if (day) return day;
  if (isObject(value)) return '';
  if (typeof value === 'boolean') return '';
  const text = String(value).trim();
  return isLink(text) ? '' : withoutTags(text);
}

type KeyWords = (key: string) => string | undefined;

/** The header word of a key: its Chinese word, a key already in Chinese as it is, other English keys (ids, counts) none. */
function keyWord(key: string): string | undefined {
  const word = KEY_WORDS.find(([pattern]) => pattern.test(key))?.[1];
  if (word) return word;
  return /[\u4e00-\u9fff]/.test(key) ? key : undefined;
}

/** The goods' name among pinyin-initial keys (spmc, pm): the sign a record set is named so. */
const NAME_WORDS = new Set(['商品名称', '名称', '品名']);

/** How a set of records' keys are read: as pinyin initials too when one of them names the goods that way. */
function keyWordsOf(records: JsonObject[]): KeyWords {
  const keys = new Set(records.flatMap((record) => Object.keys(record)));
  const pinyinNamed = [...keys].some((key) => !keyWord(key) && NAME_WORDS.has(pinyinKeyWord(key) ?? ''));
  return pinyinNamed ? (key) => keyWord(key) ?? pinyinKeyWord(key) : keyWord;
}

/** A price the till leaves 0 because it is agreed case by case, as the record's remark says (`价格面议，看品相`). */
const AGREED_PRICE = /面议|电议|议价|时价/;

/**
 * A price of 0 beside a price text (`"price": 0, "priceText": "电议"`) is that text: the app shows it instead; so is a
 * price of 0 whose remark says it is agreed (面议).
 */
function recordCells(record: JsonObject, words: KeyWords): Map<string, string> {
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(record)) {
    const word = words(key);
    if (!word || SWITCH_KEY.test(key) || OFF_WORD.test(word)) continue;
    const text = valueText(value);
    if (!text) continue;
    const had = cells.get(word);
    if (had === undefined || (word === '价格' && isZero(had))) cells.set(word, text);
  }
  const remarks = [...cells].filter(([word]) => /备注|说明/.test(word)).map(([, text]) => text);
  const agreed = AGREED_PRICE.exec(remarks.join(' '))?.[0];
  for (const [word, text] of cells) {
    if (!/价/.test(word) || !isZero(text)) continue;
    if (agreed && !/进|成本|批发|会员/.test(word)) cells.set(word, agreed === '议价' ? '面议' : agreed);
    else cells.delete(word);
  }
  return cells;
}

const isZero = (text: string) => /^0(?:\.0+)?$/.test(text);

/** Text long enough to be an introduction, not a label's value. */
const LONG_TEXT = 40;

/**
 * Records each with a title and a long text (notices): a heading over "day text" each, under a heading naming their
 * column — the record's type where it names one (an app files its job ads as notices typed 招聘), else news.
 */
function articleBlocks(rows: Map<string, string>[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let column: string | undefined;
  for (const cells of rows) {
    const kind = cells.get('类型') ?? '';
    const named = matchColumnKeyword(kind)?.type;
    const type = named ?? 'news';
    if (type !== column) blocks.push(heading(1, type === 'news' ? '新闻动态' : kind));
    column = type;
    const body = cells.get('内容') ?? cells.get('说明') ?? '';
    const day = cells.get('日期');
    // A job ad's text names the position and its terms, which its title (招聘…) only repeats; a notice is dated.
    if (type === 'jobs') blocks.push(paragraph(body));
    else blocks.push(heading(2, cells.get('名称')!), paragraph(day && !body.includes(day) ? `${day}　${body}` : body));
  }
  return blocks;
}

const heading = (level: number, text: string): SourceBlock => ({ type: 'heading', level, runs: [{ text }] });
const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/**
 * What a till sells beside the goods: the carrier bag it must charge for (打包袋, 购物袋, 塑料袋), not a product to show.
 */
const CARRIER_BAG = /^(?:打包|购物|塑料|手提|环保|方便)袋(?:子)?$|^袋子$/;

/** Records → a table (header from their keys, in first-seen order) or, holding long texts, articles. */
export function recordBlocks(records: JsonObject[], name: string): SourceBlock[] {
  const words = keyWordsOf(records);
  const rows = records
    .filter((record) => isShown(record, words))
    .map((record) => recordCells(record, words))
    .filter((cells) => !CARRIER_BAG.test([...cells].find(([word]) => NAME_WORDS.has(word))?.[1] ?? ''));
  if (rows.length === 0) return [];
  // Notices and articles: a title and a body each, no price.
  const bodies = rows.filter((cells) => cells.has('内容')).length;
  if (bodies * 2 > rows.length && rows.every((cells) => cells.has('名称') && !cells.has('价格'))) return articleBlocks(rows);
  const header = [...new Set(rows.flatMap((cells) => [...cells.keys()]))].filter(
    (word) => word !== '内容' || !rows.some((c) => c.has('说明')),
  );
  return sheetBlocks([{ name, rows: [header, ...rows.map((cells) => header.map((word) => cells.get(word) ?? ''))] }]);
}

/** One object's fields as label/value lines, nested objects flattened (`contact.name` is the contact person). */
function configLines(record: JsonObject, nested = false): { contact: string[]; prose: string[] } {
  const contact: string[] = [];
  const prose: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (isObject(value) && !('$date' in value)) {
      const inner = configLines(value, true);
      contact.push(...inner.contact);
      prose.push(...inner.prose);
      continue;
    }
    const word = nested && PERSON_KEY.test(key) ? '联系人' : keyWord(key);
    const text = word ? valueText(value) : '';
    if (!word || !text || word === '日期') continue;
    if (text.length >= LONG_TEXT) prose.push(text);
    else contact.push(`${word}：${text}`);
  }
  return { contact, prose };
}

function configBlocks(record: JsonObject): SourceBlock[] {
  const { contact, prose } = configLines(record);
  const lines = [...(prose.length ? ['简介', ...prose, ''] : []), ...(contact.length ? ['联系方式', ...contact] : [])];
  return linesToBlocks(textLines(lines.join('\n')));
}

/** The records a JSON text holds: a whole document, else JSON Lines. */
function parseRecords(text: string): Json[] {
  try {
    return [JSON.parse(text) as Json];
  } catch {
    const lines = text.split(/\r?\n/).filter((line) => line.trim());
    try {
      return lines.map((line) => JSON.parse(line) as Json);
    } catch {
      throw new JsonProblem('json.unreadable', 'The file is not valid JSON or JSON Lines (one record per line).');
    }
  }
}

/** The array of records a document holds: itself, or the one array of objects inside it (`{"data": […]}`). */
function recordsIn(value: Json): JsonObject[] | undefined {
  if (Array.isArray(value)) return value.filter(isObject);
  if (!isObject(value)) return undefined;
  const arrays = Object.values(value).filter((v): v is Json[] => Array.isArray(v) && v.length > 0 && v.every(isObject));
  return arrays.length === 1 ? (arrays[0] as JsonObject[]) : undefined;
}

/** A JSON or JSON Lines file as source blocks; `name` (the file's name without extension) names a table. */
export function jsonBlocks(text: string, name: string): SourceBlock[] {
  const documents = parseRecords(text.replace(/^\uFEFF/, ''));
  const records = documents.length === 1 ? (recordsIn(documents[0]!) ?? []) : documents.filter(isObject);
  if (records.length > 1) return recordBlocks(records, name);
  const single = records[0] ?? documents[0];
  return isObject(single) ? configBlocks(single) : [];
}
