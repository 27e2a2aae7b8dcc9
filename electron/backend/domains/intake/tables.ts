/**
 * Tables → items. A header row is mapped to fields by vocabulary (产品名称/型号/参考价格/规格/单位,
 * 职位/人数/薪资/要求, 日期/标题 …); a table without one is read by its columns' content (a column of
 * prices, of model numbers, of sequence numbers, of names). Each row that has a name becomes an item.
 */
import type { Price } from '../../../../shared/sites/model';
import { isMarkedPrice } from '../../../../shared/sites/price';
import { findDate } from './dates';
import { amountThenOffer, countOf, parseLabeledPrice } from './fields';
import { withBadgesPaired, withListCellsSplit } from './listCells';
import { withPriceBandsJoined } from './priceBands';
import { NO_SIZE } from './sameItems';
import { inTenThousands, namesPriceByUnit, scaledPriceCell, unitOfSpec, unitsFromTitle } from './priceUnits';

export type Role =
  | 'name'
  | 'model'
  | 'code'
  | 'price'
  | 'unit'
  | 'spec'
  | 'description'
  | 'category'
  | 'index'
  | 'headcount'
  | 'pay'
  | 'requirements'
  | 'date'
  | 'photo'
  /** What the trade keeps to itself (进价, 库存, 供应商): not read into the item at all. */
  | 'internal';

/** A column of the machines or vehicles a part fits: 适用机型, 适配车型. */
const FITS_HEADER = /^适[用配](?:机型|车型|机种)$/;

/** Header words by role, tried in order (计价单位 is a unit before 单价 is a price). */
const HEADER_VOCABULARY: [Role, RegExp][] = [
  ['index', /^(序号|编号|No\.?|#)$/i],
  // An article or stock code (商品编码, 商品编号, 条码) is not a model: it stays in the details, not in the name;
  // so is a part number (配件号, 零件号, 图号: "205-70-19570"), which the trade reads and the buyer does not.
  ['code', /编码|编号|条码|商品码|sku|件号|图号/i],
  // A cost price, the stock held and who supplies it are the trade's own business, never the site's; so are a
  // shop system's bookkeeping columns (商品ID, 销量, 商品状态, 创建时间).
  [
    'internal',
    /进价|进货|成本|采购价|库存|存量|供应商|供货商|操作员|经手人|销量|已售|^[\u4e00-\u9fff]{0,2}状态$|(?:创建|上架|更新|修改)时间|^[\u4e00-\u9fff]{0,4}id$/i,
  ],
  // 商品分组, 商品分类: the group a shop system files a product under (before 商品 names the name column).
  ['category', /^[\u4e00-\u9fff]{0,2}(?:分组|分类|类别)$/],
  // 规格型号 columns of shop systems mix sizes and models ("M8×30", "100型"): a spec.
  ['spec', /^(规格型号|型号规格)$/],
  // A tyre's tread pattern (花纹: 浏览者, MA656) names its model as a 款号 does a garment's.
  ['model', /型号|款号|货号|花纹/],
  // The machine a part fits (适用机型: 小松PC200) tells the parts of one name apart as a model does.
  ['model', FITS_HEADER],
  // 计价单位/计费单位 name the unit a price is per, not a price.
  ['unit', /^(计量|计价|计费)?单位$/],
  // 首重 | 续重: a courier's price for the first kilogram and for each one after it.
  ['price', /价|收费|费用|学费|保费|报价|金额|租金|^首重|^续重/],
  ['requirements', /要求|条件|职责/],
  ['name', /名称|品名|产品|商品|菜名|菜品|品种|房型|^车型$|^车款$|课程|线路|项目|职位|岗位|工种|标题|主题|名字|^名$/],
  ['headcount', /人数|名额/],
  ['pay', /薪|工资|待遇|收入/],
  ['date', /日期|时间/],
  ['photo', /图片|照片|图示|效果图|实物图/],
  ['category', /类别|分类|类型|系列|分组/],
  // 压力等级, 环刚度等级 (1.6MPa, SN8): a grade of the goods, not a model code.
  // 门幅/幅宽 (a fabric's width), 长度, 厚度: sizes of the goods.
  ['spec', /规格|参数|尺寸|面积|材质|容量|重量|包装|数量|配置|型式|等级|门幅|幅宽|宽度|长度|厚度/],
  ['description', /备注|说明|描述|简介|介绍|特点|产地|内容|详情|品牌/],
];

export interface TableColumn {
  role: Role;
  /** The header as written ("参考价格", "规格(mm)"), for description lines; empty without header. */
  header: string;
  /** A unit given in the header: "价格(元/吨)" → 吨. */
  unit?: string;
  /** Bare amounts in 万元, as the header or a title line says ("价格（万元）"). */
  tenThousands?: boolean;
  /** A price column whose cells are sentences with the price inside ("…12支一盒，每盒9.6元"): the sentence is the description. */
  prose?: boolean;
  /** One of several columns of bare amounts under sizes or grades (大果 | 中果 | 小果) in a table without a price column. */
  grade?: boolean;
  /** Bare amounts or ranges under a caption that says they are prices, where the price column (if any) is empty. */
  captionPrices?: boolean;
  /** A 规格型号 column of model codes with a few words among them ("非屏蔽"): only its codes are models. */
  codes?: boolean;
  /** A model column of the machines a part fits (适用机型): a fit to all (通用) is no model. */
  fits?: boolean;
}

export interface TableReading {
  columns: TableColumn[];
  /** Data rows (the header and title rows removed). */
  rows: string[][];
  /** Rows above the header (a spreadsheet's title lines). */
  titleRows: string[][];
  hasHeader: boolean;
  /** Read on its side: field names down the first column, one item a column. */
  sideways?: boolean;
}

const clean = (cell: string) => cell.replace(/\s+/g, '').trim();

export function headerRole(cell: string): Role | undefined {
  const text = clean(cell).replace(/[(（][^)）]*[)）]/g, '');
  if (!text || text.length > 10) return undefined;
  return HEADER_VOCABULARY.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A unit written in a price header: "价格(元/吨)" → 吨; "价格(元)" → none. */
const headerUnit = (cell: string) =>
  /[(（]\s*万?元?\s*[/／每]\s*([^)）\s]{1,4})\s*[)）]/.exec(cell)?.[1] ??
  // "年缴保费", "月租金": paid by the year, by the month.
  /^\s*(?:每)?([年月])(?:缴|交|费|租)/.exec(cell)?.[1];

/** A header row: at least two cells name fields, and no cell is a price or a number. */
export function isHeaderRow(row: string[]): boolean {
  const filled = row.filter((c) => clean(c));
  const known = filled.filter((c) => headerRole(c) || namesPriceByUnit(c, filled));
  // "库型 | 温度 | 计费方式 | 单价 | 备注": a row of short words, two of them field names, names columns too.
  const words = filled.every((c) => clean(c).length <= 6 && !/\d/.test(c));
  return (
    known.length >= 2 &&
    (words || known.length * 2 >= filled.length) &&
    !filled.some((c) => isMarkedPrice(c) || /^\d+([.,]\d+)?$/.test(clean(c)))
  );
}

const MODEL = /^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-/._*×]{2,24}$/;
/** "150cm", "75g", "2.5mm": a measure, not a model code. */
const MEASURE = /^\d+(?:\.\d+)?(?:mm|cm|m|g|kg|ml|l)$/i;
const HEADCOUNT = /^(\d{1,4}|[一二两三四五六七八九十]{1,3}|若干)\s*[名人位]?$/;

/** What a column holds, judged by its values when there is no header. */
function contentRole(values: string[], index: number): Role {
  const filled = values.map(clean).filter(Boolean);
  if (filled.length === 0) return 'description';
  const share = (test: (v: string) => boolean) => filled.filter(test).length / filled.length;
  if (index === 0 && filled.every((v, i) => v === String(i + 1))) return 'index';
  if (share((v) => isMarkedPrice(v) || (parseLabeledPrice(v) !== undefined && /[元¥]/.test(v))) >= 0.6) return 'price';
  if (share((v) => MODEL.test(v) && !MEASURE.test(v)) >= 0.6) return 'model';
  if (share((v) => Boolean(findDate(v))) >= 0.6) return 'date';
  if (share((v) => /^\d{1,4}\s*[名人位]$/.test(v)) >= 0.6) return 'headcount';
  return 'spec';
}

/**
 * Reads a table's structure. `searchRows`: how many top rows may hold the header (a spreadsheet
 * has title lines above it; a Word table has its header first).
 */
export function readTable(grid: string[][], searchRows = 1, declaredHeader = false, caption = ''): TableReading {
  const width = Math.max(0, ...grid.map((r) => r.length));
  const squared = withListCellsSplit(withBadgesPaired(grid.map((r) => Array.from({ length: width }, (_, i) => (r[i] ?? '').trim()))));
  const found = squared.slice(0, searchRows).findIndex(isHeaderRow);
  if (found < 0 && isHeaderColumn(squared)) return { ...readTable(transposed(squared), 1, true), sideways: true };
  const unbanded = found >= 0 ? unstacked(squared, found) : squared;
  // A header the document declares (Word's 标题行重复) or one above a column of prices that is not itself a price.
  const headerAt = found >= 0 ? found : declaredHeader || headerAbovePrices(unbanded) ? 0 : -1;
  const rows = headerAt >= 0 ? withPriceBandsJoined(unbanded, headerAt, headerRole) : unbanded;
  if (headerAt >= 0) {
    // A group header ("价格" over 出厂价 | 零售价): the row under it names the columns it spans.
    const below = rows[headerAt + 1];
    const subHeader =
      below !== undefined && below.some((c) => clean(c)) && below.every((c) => !clean(c) || (headerRole(c) && !/\d/.test(c)));
    const header = subHeader ? rows[headerAt]!.map((cell, i) => below[i] || cell) : rows[headerAt]!;
    const data = rows.slice(headerAt + (subHeader ? 2 : 1));
    const seen = new Set<Role>();
    const columns = header.map((cell, i): TableColumn => {
      let role =
        headerRole(cell) ??
        (namesPriceByUnit(cell, header) ? 'price' : undefined) ??
        contentRole(
          data.map((r) => r[i]!),
          i,
        );
      // A second name or price column (会员价 after 门市价) is described, not a second price.
      if ((role === 'name' || role === 'price' || role === 'model') && seen.has(role)) role = 'description';
      seen.add(role);
      const unit = role === 'price' ? headerUnit(cell) : undefined;
      const tenThousands = role === 'price' && inTenThousands(cell);
      const fits = role === 'model' && FITS_HEADER.test(clean(cell));
      return { role, header: clean(cell), ...(unit ? { unit } : {}), ...(tenThousands ? { tenThousands } : {}), ...(fits ? { fits } : {}) };
    });
    ownModelOverFit(columns);
    fitsTellApart(columns, data);
    const filled = data.filter((r) => r.some((c) => clean(c)));
    modelsUnderSpecHeader(columns, filled);
    ensureName(columns, filled);
    preferPublicPrice(columns, [caption, ...rows.slice(0, headerAt).flat()].join(' '));
    unitsFromTitle(columns, [caption, ...rows.slice(0, headerAt).flat()].join(' '));
    stockCodes(columns, filled);
    gradePrices(columns, filled, [caption, ...rows.slice(0, headerAt).flat()].join(' '));
    return { columns, rows: filled, titleRows: rows.slice(0, headerAt), hasHeader: true };
  }
  const data = rows.filter((r) => r.some((c) => clean(c)));
  const columns: TableColumn[] = Array.from({ length: width }, (_, i) => ({
    role: contentRole(
      data.map((r) => r[i]!),
      i,
    ),
    header: '',
  }));
  ensureName(columns, data);
  pricesByCaption(columns, data, caption);
  pricesInSentences(columns, data);
  dedupe(columns);
  return { columns, rows: data, titleRows: [], hasHeader: false };
}

/**
 * A table turned on its side (field names down the first column, one item a column: "项目 | 常温仓库 |
 * 冷库", "租金 | 0.8元 | 2.5元"): the first column names fields — a name among them — and the first row
 * does not.
 */
function isHeaderColumn(rows: string[][]): boolean {
  const labels = rows.map((r) => clean(r[0] ?? '')).filter(Boolean);
  if (rows.length < 3 || (rows[0]?.length ?? 0) < 2 || labels.length < 3) return false;
  const roles = labels.map(headerRole);
  if (roles[0] !== 'name' || !roles.some((r) => r === 'price' || r === 'spec')) return false;
  // "产品名称 | 实木门", "型号 | XH-801", "价格 | 1280元/樘": one item's facts, its name first (a catalogue page's table).
  if (rows[0]!.length === 2) return isOneItemFacts(rows, roles);
  // "车型 | 类型 | 车架 | 变速 | … | 售价" down the side: distinct short words naming fields, though most are the trade's own.
  const fieldWords = labels.every((l) => l.length <= 6 && !/\d/.test(l)) && new Set(labels).size === labels.length;
  const known = roles.filter(Boolean).length;
  return known * 4 >= labels.length * 3 || (fieldWords && known >= 2 && !isHeaderRow(rows[0]!));
}

/**
 * A two-column table on its side is one item: every row a short field label and its value, the name labelled first
 * (so `产品名称 | 价格` over rows of goods, a header, is not one), and a price among the labels.
 */
function isOneItemFacts(rows: string[][], roles: (Role | undefined)[]): boolean {
  const filled = rows.filter((r) => r.some((c) => clean(c)));
  const pairs = filled.every((r) => clean(r[0] ?? '').length <= 6 && !/\d/.test(r[0] ?? '') && clean(r[1] ?? ''));
  return pairs && roles.includes('price') && roles.filter((r) => r === 'name').length === 1;
}

const transposed = (rows: string[][]) => rows[0]!.map((_, c) => rows.map((r) => r[c] ?? ''));

/**
 * Items side by side ("项目 | 价格 | 项目 | 价格 | 项目 | 价格"): a header that repeats the same group of
 * fields, a name in each, is read as that group, the rows below cut into one row per group.
 */
function unstacked(rows: string[][], headerAt: number): string[][] {
  const header = rows[headerAt]!;
  const roles = header.map((cell) => headerRole(cell) ?? '');
  for (let size = 2; size * 2 <= roles.length; size++) {
    if (roles.length % size !== 0 || !roles.slice(0, size).includes('name')) continue;
    const groups = roles.length / size;
    if (!roles.every((role, i) => role === roles[i % size] && (i < size || clean(header[i]!) === clean(header[i % size]!)))) continue;
    const cut = (row: string[]) => Array.from({ length: groups }, (_, g) => row.slice(g * size, (g + 1) * size));
    return [...rows.slice(0, headerAt), header.slice(0, size), ...rows.slice(headerAt + 1).flatMap(cut)];
  }
  return rows;
}

/** Prices for the trade, not for the site's readers: 出厂价, 批发价, 成本价, 进价, 底价, 结算价. */
const INTERNAL_PRICE = /出厂|批发|成本|进价|进货|底价|结算|采购/;

/** A column of the price paid now, beside the list price: 到手价, 团购价 (a deal anyone buys), 现价, 特价 …. */
const PAID_PRICE = /到手价|团购价|券后价|秒杀价|现价|特价|优惠价|活动价|折后价|促销价/;
/** A price only members or the trade pay ("会员特价"): never the one shown (门市价 beside 会员价 stays). */
const MEMBERS_PRICE = /会员|VIP|内部|批发/i;

/**
 * With several price columns, the price is the one the table's title names ("2026年4月批发报价" over 批发价 |
 * 零售价: a wholesaler's quote), else the one the public pays now (到手价 beside 原价, 团购价 beside 门市价),
 * else the first the public pays that is no list price (零售价 rather than 出厂价, 本店价 rather than 市场价).
 */
function preferPublicPrice(columns: TableColumn[], title: string): void {
  const prices = columns.filter((c) => c.role === 'price' || (c.role === 'description' && headerRole(c.header) === 'price'));
  const kindOf = (header: string) => /^([\u4e00-\u9fff]{2})价/.exec(clean(header))?.[1];
  const named = prices.filter((c) => kindOf(c.header) && new RegExp(`${kindOf(c.header)}(?:报价|价)`).test(title));
  const publicPrices = prices.filter((c) => !INTERNAL_PRICE.test(c.header));
  const chosen =
    (named.length === 1 ? named[0] : undefined) ??
    publicPrices.find((c) => PAID_PRICE.test(c.header) && !MEMBERS_PRICE.test(c.header)) ??
    publicPrices.find((c) => !LIST_PRICE.test(c.header) && !RESTRICTED_PRICE.test(c.header)) ??
    publicPrices[0] ??
    prices[0];
  for (const c of prices) c.role = c === chosen ? 'price' : 'description';
}

const BARE_AMOUNT = /^\d{1,6}(\.\d{1,2})?$/;
/** A grade's cell without an amount: not sold in that size (—), or priced on the day (时价). */
const NO_AMOUNT = /^([—–\-－/／]+|时价|面议|电议)$/;

/**
 * Without a price column, two or more columns under sizes or grades (大果 | 中果 | 小果) holding only bare
 * amounts (or — where a size is not sold) are prices by grade: a row's price is the range of its amounts,
 * per the unit a title line gives ("单位：元/斤"); the title or the headers must say the amounts are in 元.
 */
function gradePrices(columns: TableColumn[], data: string[][], title: string): void {
  if (columns.some((c) => c.role === 'price') || data.length < 2) return;
  // Lengths, counts and weights are bare numbers too: the title or the headers say the amounts are money.
  const money = (header: string) => /元|[¥￥]/.test(header);
  const graded = columns.flatMap((c, i) => {
    const values = data.map((r) => clean(r[i] ?? '')).filter(Boolean);
    const amounts = values.filter((v) => BARE_AMOUNT.test(v)).length;
    return c.role === 'spec' && c.header && amounts > 0 && values.every((v) => BARE_AMOUNT.test(v) || NO_AMOUNT.test(v)) ? [c] : [];
  });
  if (graded.length < 2 || !(money(title) || graded.every((c) => money(c.header)))) return;
  const unit = /单位\s*[：:]\s*元\s*[/／每]\s*([\u4e00-\u9fff]{1,3})/.exec(title)?.[1];
  for (const c of graded) Object.assign(c, { grade: true }, unit ? { unit } : {});
}

/** The price of a row priced by grade: the range of its amounts, else a 时价 written in place of them. */
function gradedPrice(reading: TableReading, row: string[]): Price | undefined {
  const cells = reading.columns.flatMap((c, i) => (c.grade ? [clean(row[i] ?? '')] : []));
  const amounts = cells.filter((v) => BARE_AMOUNT.test(v)).map((v) => Math.round(Number(v) * 100));
  const unit = reading.columns.find((c) => c.grade)?.unit;
  if (amounts.length === 0) {
    const written = cells.find((v) => /时价|面议|电议/.test(v));
    return written ? parseLabeledPrice(written) : undefined;
  }
  const [low, high] = [Math.min(...amounts), Math.max(...amounts)];
  return { kind: 'amount', fen: low, ...(high > low ? { maxFen: high } : {}), ...(unit ? { unit } : {}) };
}

/**
 * "0.00" with the remark 电议: a stock program prints zero where no price was set. Such a row is priced as another
 * cell says (面议, 电议), else it has no price.
 */
function unpricedZero(row: string[]): Price | undefined {
  const said = row.map((c) => /面议|电议|时价/.exec(c)?.[0]).find(Boolean);
  return said ? parseLabeledPrice(said) : undefined;
}

/**
 * A model code: letters, then digits, maybe a dash between ("BX-2301", "ZZX-600", "PP-32"); or a cable's or
 * fitting's code, two letters or a dash before its sizes ("BV-2.5", "YJV-4×16+1×10", "BVVB-2×1.5") — one letter
 * without a dash is a size ("M8×30").
 */
const MODEL_CODE =
  /^(?:[A-Za-z]{1,5}-?\d{2,}[A-Za-z0-9-]*|(?:[A-Za-z]{1,5}-)*(?:[A-Za-z]{2,5}-?|[A-Za-z]-)\d+(?:\.\d+)?(?:[×xX*+/-]\d+(?:\.\d+)?)*)$/;

/**
 * A 规格型号 column is a spec (shop systems mix sizes and models in it: "M8×30", "100型"), but one
 * whose values are model codes (an ERP quote's "BX-2301", a cable list's "BV-2.5") holds models: they go into
 * the name. A few words among the codes ("非屏蔽") name their variant without being a model (see rowFields).
 */
function modelsUnderSpecHeader(columns: TableColumn[], data: string[][]): void {
  if (columns.some((c) => c.role === 'model')) return;
  const at = columns.findIndex((c) => c.role === 'spec' && /型号/.test(c.header));
  // A signature row under the table ("审核：", "批准：") holds labels, not values.
  const values = data.map((r) => clean(r[at] ?? '').normalize('NFKC')).filter((v) => v && !/[：:]$/.test(v));
  const codes = values.filter((v) => MODEL_CODE.test(v)).length;
  if (at < 0 || values.length < 2 || codes < 2 || codes < values.length * 0.8) return;
  columns[at]!.role = 'model';
  if (codes < values.length) columns[at]!.codes = true;
}

/** 适用机型 before 型号: the goods' own model names them; the machine they fit is a detail. */
function ownModelOverFit(columns: TableColumn[]): void {
  const fit = columns.find((c) => c.role === 'model' && c.fits);
  const own = columns.find((c) => c.role === 'description' && /型号|款号|货号/.test(c.header) && !FITS_HEADER.test(c.header));
  if (!fit || !own) return;
  fit.role = 'description';
  own.role = 'model';
}

/**
 * The machine a part fits names it only where the list needs it to tell parts of one name apart (斗齿 for a 小松PC200,
 * 斗齿 for a 卡特320); then every row carries it, as rows told apart by their spec do (sameItems.ts). Where each name
 * is one part (a filter fitting the shop's own purifier), the fit is a detail: beside the name it would read as the
 * part's own model.
 */
function fitsTellApart(columns: TableColumn[], data: string[][]): void {
  const fit = columns.find((c) => c.role === 'model' && c.fits);
  const nameAt = columns.findIndex((c) => c.role === 'name');
  if (!fit || nameAt < 0) return;
  const names = data.map((r) => clean(r[nameAt] ?? '')).filter(Boolean);
  if (new Set(names).size === names.length) fit.role = 'description';
}

/** A 编号 column of stock numbers ("A001", "B002"), not a count of the rows: a code, kept in the details. */
function stockCodes(columns: TableColumn[], data: string[][]): void {
  columns.forEach((c, i) => {
    const values = data.map((r) => clean(r[i] ?? '')).filter(Boolean);
    if (c.role === 'index' && values.length > 0 && values.every((v) => /^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9-]{2,20}$/.test(v)))
      c.role = 'code';
  });
}

/** Without a name column by header, the name is the first text column whose values are short and mostly different. */
function ensureName(columns: TableColumn[], data: string[][]): void {
  if (columns.some((c) => c.role === 'name')) return;
  // 品牌 | 花纹 | 规格 (a tyre list): without a name column, the brand (and the model after it) names the product;
  // so does a 品牌型号 column ("雅迪 冠能G5"), rather than the first spec beside it (电池: "72V32Ah石墨烯").
  const brand = columns.find((c) => /^品牌(型号)?$/.test(c.header));
  if (brand) {
    brand.role = 'name';
    return;
  }
  // "包间类型 | 价格" with a different type on every row: the types are what is sold, not groups of it.
  const distinct = (i: number) => new Set(data.map((r) => clean(r[i]!))).size === data.length && data.length >= 2;
  const types = columns.findIndex((c, i) => i === 0 && c.role === 'category' && distinct(i));
  if (types >= 0 && columns.some((c) => c.role === 'price')) {
    columns[types]!.role = 'name';
    return;
  }
  const nameAt = columns.findIndex(
    (c, i) =>
      c.role === 'spec' &&
      data.every((r) => clean(r[i]!).length <= 30) &&
      new Set(data.map((r) => r[i])).size >= Math.ceil(data.length * 0.8),
  );
  if (nameAt >= 0) columns[nameAt]!.role = 'name';
}

/** Row 0 names the columns when a column's other cells are prices and its own cell is a word (价格, 单价 …). */
function headerAbovePrices(rows: string[][]): boolean {
  if (rows.length < 3) return false;
  return rows[0]!.some((cell, i) => {
    const below = rows.slice(1).map((r) => r[i]!);
    return clean(cell) !== '' && !isMarkedPrice(cell) && !/\d/.test(cell) && contentRole(below, i) === 'price';
  });
}

/**
 * The price stated inside a sentence ("黑、红、蓝三色，12支一盒，批发价每盒9.6元", "100个一包，一包38元",
 * "量大价格面议"): the first clause that is a price, once a 一 of quantity (一包) is read as 每.
 */
export function priceInProse(text: string): Price | undefined {
  for (const clause of text.split(/[，,；;。]/)) {
    if (/面议|电议/.test(clause)) return { kind: 'negotiable' };
    if (!/[元¥￥]/.test(clause)) continue;
    const price = parseLabeledPrice(clause.trim().replace(/^一(?=[^\d\s]{1,2}\d)/, '每'));
    if (price) return price;
  }
  return undefined;
}

const BARE_AMOUNT_OR_RANGE = /^\d{1,6}(?:\.\d{1,2})?(?:\s*[-~～—至到]\s*\d{1,6}(?:\.\d{1,2})?)?$/;

/**
 * A table without a header under a line that says it lists prices ("今日回收参考价：", "价格表"): a column
 * after the name of bare amounts or ranges ("4800-5300") holds the prices, in 元.
 */
function pricesByCaption(columns: TableColumn[], data: string[][], caption: string): void {
  if (data.length < 2 || !/价/.test(caption)) return;
  // "坏机碎屏机　按斤收　二十块一斤" under six bare ranges: a price column filled in a few rows only.
  const priceAt = columns.findIndex((c) => c.role === 'price');
  const unpriced = data.filter((r) => priceAt < 0 || !clean(r[priceAt] ?? ''));
  if (unpriced.length * 2 < data.length) return;
  const at = columns.findIndex((c, i) => i > 0 && c.role === 'spec' && unpriced.every((r) => BARE_AMOUNT_OR_RANGE.test(clean(r[i] ?? ''))));
  if (at >= 0) columns[at] = { ...columns[at]!, captionPrices: true };
}

/** Without a price column, a column of sentences (not the name) most of which state a price inside holds the prices. */
function pricesInSentences(columns: TableColumn[], data: string[][]): void {
  if (columns.some((c) => c.role === 'price') || data.length < 2) return;
  const at = columns.findIndex(
    (c, i) => c.role !== 'name' && data.filter((r) => clean(r[i] ?? '').length >= 8 && priceInProse(r[i]!)).length * 5 >= data.length * 3,
  );
  if (at >= 0) columns[at] = { ...columns[at]!, role: 'price', prose: true };
}

function dedupe(columns: TableColumn[]): void {
  const seen = new Set<Role>();
  for (const column of columns) {
    if ((column.role === 'price' || column.role === 'model' || column.role === 'name') && seen.has(column.role))
      column.role = 'description';
    seen.add(column.role);
  }
}

export const hasRole = (reading: TableReading, role: Role) => reading.columns.some((c) => c.role === role);

/** A row's cells by role: the first cell of each role, and the described rest as "header：value". */
export interface RowFields {
  name: string;
  model?: string;
  price?: Price;
  /** The price cell as written when it could not be read. */
  priceText?: string;
  spec?: string;
  category?: string;
  headcount?: number;
  pay?: string;
  requirements?: string;
  date?: string;
  /** Other cells, as "header：value" lines (or the value alone without a header). */
  details: string[];
}

const TOTAL_ROW = /^(合计|小计|总计|共计)/;
/** A price cell saying the price is worked out per case: "按方案", "按车型报价", "按面积计价". */
const QUOTED_CASE_BY_CASE = /^按[\u4e00-\u9fff]{0,6}?(?:报价|定价|计价|核价|方案)$/;
/** A shop system's 规格 of a product sold in one kind only ("默认"): no spec. */
const DEFAULT_SPEC = /^默认(?:规格)?$/;
/** A status cell saying the item is off sale, or (one of a kind: an antique, a used car) sold. */
const OFF_SALE = /^(?:已下线|已下架|已停售|停售|下架|已售出?|已出售|已卖出?)$/;

/**
 * Rows that only name a category over the rows under it ("大米" over the rices, "食用油" over the oils, set in a row
 * of their own): a short name alone in its row with a priced row under it, two such rows or more in a priced
 * table. For each row: whether it is one, and the category it falls under.
 */
export function categoryRows(reading: TableReading): { isCategory: boolean; category?: string }[] {
  const nameAt = reading.columns.findIndex((c) => c.role === 'name');
  const priceAt = reading.columns.findIndex((c) => c.role === 'price');
  const alone = (row: string[] | undefined) =>
    Boolean(row) &&
    row![nameAt]?.trim() &&
    row!.every((cell, i) => i === nameAt || !cell.trim() || GROUP_COUNT.test(cell.trim())) &&
    row![nameAt]!.trim().length <= 8;
  const marks =
    nameAt < 0 || priceAt < 0
      ? []
      : reading.rows.map((row, i) => alone(row) && Boolean(reading.rows[i + 1]?.[priceAt]?.trim()) && !alone(reading.rows[i + 1]));
  const enough = marks.filter(Boolean).length >= 2;
  let category: string | undefined;
  return reading.rows.map((row, i) => {
    if (enough && marks[i]) {
      category = row[nameAt]!.trim();
      return { isCategory: true };
    }
    return { isCategory: false, ...(category ? { category } : {}) };
  });
}

/** A category row's count of its goods ("共4个品种", "3款"), as a summary row over a group gives it. */
const GROUP_COUNT = /^(?:共|计|合计)?\s*\d{1,3}\s*(?:个)?(?:品种|种|项|款|样|个品)$/;

/** A quantity or pack size at the end of a name: "维生素C片100片", "阿莫西林胶囊0.25g×24粒", "医用口罩50只装", "洋槐蜜500g/瓶". */
const PACK_SIZE =
  /\s*(\d+(?:\.\d+)?\s*(?:g|mg|kg|ml|l|克|毫克|千克|公斤|斤|毫升|升|片|粒|只|支|盒|袋|瓶|包|罐|条|个|张|本)(?:\s*[×xX*]\s*\d+\s*[片粒只支盒袋瓶包罐条个张本])?(?:\s*[/／]\s*[瓶盒袋罐包桶箱])?\s*装?)$/i;

/** "iPhone 15 256G", "Mate 60 12+512G": a phone's or a drive's storage (a power of two in G, or RAM+ROM) is part of its name, not grams. */
const isMemorySize = (name: string, match: RegExpExecArray) =>
  /^\s*(?:8|16|32|64|128|256|512)\s*G$/.test(match[1]!) || name.slice(0, match.index).trimEnd().endsWith('+');

/**
 * The name without a pack size written onto it, and the size (for the spec). A plain size the owner typed a space
 * after the name ("316不锈钢保温杯 500ml", "新疆棉花被 6斤") is part of what the owner calls it and stays.
 */
export function splitPackSize(name: string): { name: string; size?: string } {
  const match = PACK_SIZE.exec(name);
  if (match && isMemorySize(name, match)) return { name };
  if (match && /^\s/.test(match[0]) && /^[\d.]+\s*[^\d×xX*/／装]+$/.test(match[1]!.trim())) return { name };
  // "猪肉大葱一笼10个": the count of a serving (一笼, 一盒) stays with it.
  const serving = match && /[一每][\u4e00-\u9fff]$/.test(name.slice(0, match.index).trim());
  return match && match.index >= 2 && !serving ? { name: name.slice(0, match.index).trim(), size: match[1]!.trim() } : { name };
}

/** "会员价58 原价88", "原价128 现价98": several prices in one cell, each after its label. */
const LABELLED_AMOUNT = /([\u4e00-\u9fffA-Za-z]{1,4}价)\s*[：:]?\s*([¥￥]?\d[\d,.]*\s*元?(?:\s*[/／]\s*[\u4e00-\u9fff]{1,2})?)/g;
/** Prices not everybody pays: for members, card holders, groups, the trade. */
const RESTRICTED_PRICE = /会员|VIP|卡|团购|批发|内部/i;
/** The price paid now, where the old one is also given. */
const CURRENT_PRICE = /现价|特价|优惠价|活动价|折后价|促销价/;
/** A price printed or quoted as the reference, not what the shop asks ("定价：39.00元　本店价：31.20元"). */
const LIST_PRICE = /原价|定价|市场价|标价|门市价|指导价|划线价|吊牌价/;

/** Whether a price label ("会员价", "批发价") names a price only some buyers pay. */
export const isRestrictedPriceLabel = (label: string) => RESTRICTED_PRICE.test(label);

/** The price a walk-in customer pays, of several labelled ones: not a members' price; the current one before the old, the shop's before the list price. */
export function priceForEveryone(cell: string): Price | undefined {
  const prices = [...cell.matchAll(LABELLED_AMOUNT)]
    .filter((m) => !RESTRICTED_PRICE.test(m[1]!))
    .map((m) => ({ label: m[1]!, price: parseLabeledPrice(m[2]!) }))
    .filter((p) => p.price);
  return (prices.find((p) => CURRENT_PRICE.test(p.label)) ?? prices.find((p) => !LIST_PRICE.test(p.label)) ?? prices[0])?.price;
}

/** A line that is only labelled prices ("定价：39.00元　本店价：31.20元"): the one a walk-in customer pays. */
export function labelledPricesOnly(text: string): Price | undefined {
  const left = text.replace(LABELLED_AMOUNT, '').replace(/[\s，,；;。、|/]/g, '');
  return left ? undefined : priceForEveryone(text);
}

/** A cell as a detail line: "header：value", the value alone without a header. */
function described(reading: TableReading, role: Role, value: string): string {
  const header = reading.columns.find((c) => c.role === role)?.header;
  return header ? `${header}：${value}` : value;
}

/** "男20女10", "男工5名、女工3名": men and women counted apart, the headcount their sum. */
const BY_SEX =
  /^男工?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[名人位]?\s*[，,、/]?\s*女工?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[名人位]?$/;

function bySex(cell: string): number | undefined {
  const match = BY_SEX.exec(cell.trim());
  const [men, women] = match ? [countOf(match[1]!), countOf(match[2]!)] : [];
  return men && women ? men + women : undefined;
}

/** A 品牌 cell saying the goods have no brand: sold loose (散装), unbranded, assorted, or a dash. */
const NO_BRAND =
  /^(?:散装|散称|散货|无|无品牌|无牌|杂牌|其他|其它|通用|不限|各品牌|多品牌|自产|自制|自有|自有品牌|自营|本店|本厂|[-—－–/／]+)$/;

/** How many brands a table's 品牌 column names (cells saying there is none left out), counted once per table. */
const brandCounts = new WeakMap<string[][], Map<number, number>>();
function brandCount(reading: TableReading, at: number): number {
  const counts = brandCounts.get(reading.rows) ?? new Map<number, number>();
  brandCounts.set(reading.rows, counts);
  let count = counts.get(at);
  if (count === undefined) {
    count = new Set(reading.rows.map((row) => clean(row[at] ?? '')).filter((cell) => cell && !NO_BRAND.test(cell))).size;
    counts.set(at, count);
  }
  return count;
}

/**
 * 品牌 | 产品名称 (a dealer's list of several makers' goods): the brand before the name is part of what is sold —
 * "立邦 净味墙面漆" — unless the name already says it, or the cell says there is no brand (散装). A 品牌 column after
 * the name (品名 | 品牌 | 规格) counts the same when it names several makers and no model column names the goods
 * (名称 | 品牌 | 型号: "笔记本电脑 ThinkPad E14" — the model says the make); one brand there is an attribute.
 */
function withBrand(reading: TableReading, row: string[], name: string): string {
  const nameAt = reading.columns.findIndex((c) => c.role === 'name');
  const brandAt = reading.columns.findIndex((c) => /^品牌$/.test(clean(c.header)));
  const modelled = reading.columns.some((c) => c.role === 'model');
  const named = brandAt >= 0 && (brandAt < nameAt || (!modelled && brandCount(reading, brandAt) >= 2));
  const brandCell = named ? clean(row[brandAt] ?? '') : '';
  const brand = NO_BRAND.test(brandCell) ? '' : brandCell;
  return name && brand && brand.length <= 10 && !name.includes(brand) ? `${brand} ${name}` : name;
}

/** A quotation's line-total column (金额 beside 单价): what a customer pays for the quantity quoted. */
const LINE_TOTAL = /^(金额|小计|合计|总价)/;

/**
 * A row of a quotation that charges for the job quoted, not for goods: the tax or freight with only a line total and no
 * price of its own ("税金（6%）" | | 713.7), or a fee for the one job per 项 ("安装调试费" 项 1 1500).
 */
function isQuotationCharge(reading: TableReading, row: string[], name: string, cell: (role: Role) => string): boolean {
  const totalAt = reading.columns.findIndex((c) => c.role !== 'price' && LINE_TOTAL.test(clean(c.header)));
  if (totalAt < 0 || !reading.columns.some((c) => c.role === 'price')) return false;
  if (!cell('price') && row[totalAt]?.trim()) return true;
  return /费$/.test(name) && cell('unit') === '项';
}

/** "1、棉麻窗帘" (numbered lines typed in columns): the number counts the rows, it is not part of the name. */
const withoutItemNumber = (name: string) => name.replace(/^\s*\d{1,3}\s*[、．.]\s*(?=[\u4e00-\u9fff])/, '');

/** The fields of one data row, or undefined for a row without a name (totals, notes). */
/**
 * "二手麻将机 | 600元起 | 九成新… | (empty)" under 品名/型号/价格/说明: a row read off a page with its empty model cell
 * lost (a PDF keeps no empty cells), the cells after it one column early. Put back in place.
 */
function withEmptyModelRestored(reading: TableReading, row: string[]): string[] {
  const model = reading.columns.findIndex((c) => c.role === 'model');
  const price = reading.columns.findIndex((c) => c.role === 'price');
  if (model < 0 || price !== model + 1 || row.at(-1)?.trim()) return row;
  const shifted = /[元¥￥]/.test(row[model] ?? '') && isMarkedPrice(row[model]!.trim()) && !parseLabeledPrice(row[price]?.trim() ?? '');
  return shifted ? [...row.slice(0, model), '', ...row.slice(model, -1)] : row;
}

export function rowFields(reading: TableReading, written: string[]): RowFields | undefined {
  const row = withEmptyModelRestored(reading, written);
  const cell = (role: Role) => {
    const at = reading.columns.findIndex((c) => c.role === role);
    return at >= 0 ? row[at]!.trim() : '';
  };
  // "省内件⏎山东省内": a name cell typed on several lines (Alt+Enter) is named by its first line, the others describe it.
  const [firstLine = '', ...moreLines] = cell('name')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const byFirstLine = moreLines.length > 0 && firstLine.length >= 2;
  const name = withBrand(reading, row, withoutItemNumber(byFirstLine ? firstLine : cell('name')).replace(/\s+/g, ' '));
  // Totals, notes and signature lines under a table ("以上价格含税，运费另计。", "审核：") are not items.
  // A comma inside the name's brackets ("大包（8人，两台机）") is its remark, not a sentence.
  const unbracketed = name.replace(/[（(][^（()）]*[）)]/g, '');
  if (!name || TOTAL_ROW.test(name) || name.length > 60 || /[。，；！？]|[：:]$/.test(unbracketed)) return undefined;
  if (isQuotationCharge(reading, row, name, cell)) return undefined;
  // A shop system's export lists what is no longer sold too (状态: 已下线): not an item for the site.
  if (row.some((c) => OFF_SALE.test(c.trim()))) return undefined;
  // A table with a 规格 column of its own gives the spec there: a size written in the name is part of the name.
  const packed = reading.hasHeader && reading.columns.some((c) => c.role === 'spec' && c.header) ? { name } : splitPackSize(name);
  const fields: RowFields = { name: packed.name, details: byFirstLine ? [moreLines.join(' ')] : [] };
  const modelColumn = reading.columns.find((c) => c.role === 'model');
  // "通用", "20吨级通用": a part that fits every machine has no machine to name.
  const forAll = Boolean(modelColumn?.fits) && /通用|全系|各种|所有/.test(cell('model'));
  const model = forAll ? '' : cell('model');
  if (forAll) fields.details.push(`${modelColumn!.header}：${cell('model')}`);
  const wordsAmongCodes = reading.columns.some((c) => c.role === 'model' && c.codes) && !MODEL_CODE.test(model.normalize('NFKC'));
  // A word among model codes (超五类网线 | 非屏蔽) names the variant as a model would, but is no model.
  if (model && wordsAmongCodes) fields.name = `${fields.name} ${model}`;
  // "按图纸", "定制", "—" in the 型号 cell: made to order, no model; said in the details.
  else if (NO_SIZE.test(clean(model))) fields.details.push(described(reading, 'model', model));
  else if (model) fields.model = model.slice(0, 50);
  const byCaption = reading.columns.findIndex((c) => c.captionPrices);
  const captionPrice = byCaption >= 0 && !cell('price') && BARE_AMOUNT_OR_RANGE.test(clean(row[byCaption] ?? ''));
  const priceCell = captionPrice
    ? row[byCaption]!.trim()
    : scaledPriceCell(
        reading.columns.find((c) => c.role === 'price'),
        cell('price'),
      );
  const prose = reading.columns.find((c) => c.role === 'price')?.prose;
  let readAsRemarked = false;
  if (priceCell && prose) {
    const price = priceInProse(priceCell);
    if (price) fields.price = price;
    fields.details.push(priceCell);
  } else if (priceCell) {
    const priceColumn = reading.columns.find((c) => c.role === 'price');
    // 月租金（元） with 单位 吨: the rent is per 吨 and per month ("吨·月").
    const period = /^([月日年])租金/.exec(priceColumn?.header ?? '')?.[1];
    const perUnit = cell('unit').replace(/^元\s*[/／]\s*/, '');
    // Else the header's unit, else the pack the spec names ("500g/袋": the price is per 袋).
    const unit = (perUnit && period ? `${perUnit}·${period}` : perUnit) || priceColumn?.unit || unitOfSpec(cell('spec'));
    // "460元（以旧换新）", "十块一斤（现炒的）", "15元 买二送一": a remark in brackets or after a space behind the amount goes to the details.
    const remark =
      /^(.+?)\s*[（(]([^）)]{1,20})[)）]$/.exec(priceCell) ??
      /^(\S*\d\S*)\s+([^\d\s/／每起][^\d\s]{1,11})$/.exec(priceCell) ??
      // "168一盒，大盒的268": a remark after a comma.
      /^([^，,；;]+)[，,；;]\s*(.{1,20})$/.exec(priceCell) ??
      // "10元第二份半价": an offer straight after the amount.
      amountThenOffer(priceCell);
    const remarked = parseLabeledPrice(priceCell) ? undefined : remark && parseLabeledPrice(remark[1]!);
    const price = (remarked || parseLabeledPrice(priceCell)) ?? priceForEveryone(priceCell);
    if (price?.kind === 'amount' && unit && !price.unit) price.unit = unit.slice(0, 20);
    if (price?.kind === 'amount' && price.fen === 0) fields.price = unpricedZero(row);
    else if (price) fields.price = price;
    else if (QUOTED_CASE_BY_CASE.test(clean(priceCell))) {
      // "按方案", "按车型报价": quoted case by case — 面议, the words kept in the details.
      fields.price = { kind: 'negotiable' };
      fields.details.push(described(reading, 'price', priceCell));
    } else fields.priceText = priceCell;
    if (remarked) fields.details.push(remark![2]!);
    readAsRemarked = Boolean(remarked);
  }
  if (!priceCell && reading.columns.some((c) => c.grade)) {
    const price = gradedPrice(reading, row);
    if (price) fields.price = price;
  }
  const specs = reading.columns.flatMap((c, i) =>
    c.role === 'spec' && row[i]!.trim() && !DEFAULT_SPEC.test(row[i]!.trim()) && !(captionPrice && i === byCaption)
      ? [
          reading.hasHeader && reading.columns.filter((x) => x.role === 'spec').length > 1
            ? `${c.header}：${row[i]!.trim()}`
            : row[i]!.trim(),
        ]
      : [],
  );
  if (packed.size) specs.unshift(packed.size);
  if (specs.length) fields.spec = specs.join('；').slice(0, 200);
  const category = cell('category');
  if (category) fields.category = category.slice(0, 50);
  const headcount = cell('headcount');
  const each = /^男女各\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*[名人位]?$/.exec(headcount);
  const split = bySex(headcount);
  if (each && countOf(each[1]!)) fields.headcount = 2 * countOf(each[1]!)!;
  else if (split) fields.headcount = split;
  else if (headcount && HEADCOUNT.test(headcount)) {
    const count = countOf(headcount.replace(/[名人位]$/, '').trim());
    if (count) fields.headcount = count;
  }
  const pay = cell('pay');
  if (pay) fields.pay = pay.slice(0, 100);
  const requirements = cell('requirements');
  if (requirements) fields.requirements = requirements;
  const date = findDate(cell('date'));
  if (date) fields.date = date;
  // 工作时间 | 两班倒: a time column that holds no date says something about the row all the same.
  else if (cell('date')) fields.details.push(described(reading, 'date', cell('date')));
  reading.columns.forEach((c, i) => {
    const value = row[i]!.trim();
    if ((c.role === 'description' || c.role === 'code') && value) fields.details.push(c.header ? `${c.header}：${value}` : value);
  });
  if (fields.priceText || (priceCell && !prose && !readAsRemarked && !parseLabeledPrice(priceCell)))
    fields.details.push(`价格：${priceCell}`);
  return fields;
}
