/**
 * Paragraphs and list items that are items by themselves: "数控编程工程师 2名：…，月薪8000-12000元"
 * (a job), "供应：…" / "【求购】…" / "出售：…" (a post), "九转大肠 58元" / "四轮定位：80元/次" /
 * "1. 西湖龙井（特级）￥680/斤" (a product), "2026-07-10 我校学员…" (news), "一、合同纠纷：代理…"
 * (a service). Each reader returns the item's fields, or undefined when the line is not one.
 */
import type { Price } from '../../../../shared/sites/model';
import { isMarkedPrice } from '../../../../shared/sites/price';
import { findAnyDate, leadingDate, withoutDates, type FoundDate } from './dates';
import { countOf, extractPay, isLabeledMarkedPrice, offerApart, parseLabeledPrice } from './fields';
import { LEADER, numberingOf, undecorated } from './headings';
import { datedExclamation, exclaimedHeadline } from './momentsPosts';
import { splitCells } from './lines';
import { splitPackSize } from './tables';

const SENTENCE = /[。！？；!?;]/;

/** "长期求购日照绿茶毛茶，每年约20吨" → "长期求购日照绿茶毛茶". */
export function firstClause(text: string): string {
  const clause = text.split(/[，,。；;！!？?\n]/)[0]!.trim();
  return (clause || text).slice(0, 40);
}

/**
 * A notice's title: its first clause — in text written without punctuation ("今年三伏贴七月十五日开始
 * 头伏中伏末伏各贴一次"), where spaces part the clauses, the words before the first space.
 */
function noticeTitle(text: string): string {
  if (/[，,。；;！!？?、]/.test(text)) return withClauseAfterDates(text, firstClause(text));
  const first = text.split(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/)[0]!;
  // "2026年11月20日起 老客户换纱窗 …": words that are only a date say nothing of the notice.
  return firstClause(ONLY_A_DATE.test(first) ? text : first);
}

const ONLY_A_DATE = /^(?:\d{2,4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:起|开始|至今)?$/;

/**
 * "12月10日到12月20日，全场第二杯半价": a first clause that is only the notice's dates says nothing of what it is
 * about; the clause after it joins it ("12月10日到12月20日全场第二杯半价").
 */
function withClauseAfterDates(text: string, first: string): string {
  if (!isOnlyDates(first)) return first;
  const next = firstClause(text.slice(text.indexOf(first) + first.length).replace(/^[，,。；;！!？?、\s]+/u, ''));
  return next && !isOnlyDates(next) ? `${first}${next}`.slice(0, 40) : first;
}

/** "12月10日到12月20日", "12月8日起", "即日起至12月31日": dates and the words that join them, nothing else. */
const isOnlyDates = (clause: string) =>
  /\d/.test(clause) && /^(?:即日|起|开始|从|自|到|至|止|截止|至今)*$/u.test(withoutDates(clause).replace(/[^\u4e00-\u9fffA-Za-z]/gu, ''));

/** Typed numbering in front of an item ("1. ", "2、", "（三）", "一、") and emoji or bullets around it. */
function withoutNumbering(raw: string): string {
  const text = undecorated(raw);
  return (numberingOf(text)?.rest ?? text).trim();
}

/**
 * Labels that name a field of an item, not an item: "价格：368元" belongs to the product above it.
 * (A fee with a name — 伙食费, 学费 — is an item of a fee list: only the general price words are fields.)
 */
export const FIELD_LABEL =
  /^(价格|价钱|单价|售价|零售价|批发价|会员价|市场价|优惠价|特价|报价|参考价|费用|收费|价|规格|规格型号|型号|包装|产地|重量|尺寸|材质|数量|备注|要求|任职要求|岗位要求|待遇|薪资|工资|人数|时间|日期|地址|电话|职位|岗位|职位名称|岗位名称|招聘岗位|名称|品名|产品名称|商品名称|项目名称|课程名称|标题)$/;

export interface LabeledPair {
  label: string;
  value: string;
}

/**
 * "职位：销售经理  人数：2名" → the label/value pairs of a line whose every part is labelled (a record
 * written as lines rather than a table); empty when the line does not start with a label.
 */
export function labeledPairs(text: string): LabeledPair[] {
  const starts = [...text.matchAll(/(?:^|(?<=[\s，,；;。]))([\u4e00-\u9fffA-Za-z]{1,6})\s*[：:]/g)];
  if (starts.length === 0 || starts[0]!.index !== 0) return [];
  return starts.map((match, i) => ({
    label: match[1]!,
    value: text
      .slice(match.index! + match[0].length, starts[i + 1]?.index ?? text.length)
      .replace(/^[\s，,；;。]+|[\s，,；;。]+$/g, '')
      .trim(),
  }));
}

export interface ProductLine {
  name: string;
  /** Absent when the line gives several prices ("小型犬60元，大型犬120元起"): they stay in the spec. */
  price?: Price;
  /** Cells between the name and the price ("每期16课时"). */
  spec?: string;
  /** A model number written after the name ("沁园前置过滤器 QZ-12 598元"); the name keeps it. */
  model?: string;
}

/** A model number: letters then digits, maybe with a dash ("J2905", "QZ-12", "CK6150A"); not a size ("200*200", "5kg"). */
const MODEL_WORD = /^[A-Za-z]{1,4}-?\d{2,}[A-Za-z0-9-]*$/;

/** A price in brackets ending a line: "（68元/斤）", "(5元/串)". */
const BRACKETED_PRICE = /\s*[（(]\s*((?:[¥￥])?\s*\d[\d,.]*\s*[千万]?\s*元(?:\s*[/／]\s*[^\s\d)）]{1,4})?\s*起?)\s*[)）]\s*$/;
/** "每斤", "每份", "每人": the unit a price is for, written in front of it. */
const PER_UNIT = /^每\s*([^\s\d]{1,3})$/;
/** "每学期16次课", "每月8节": what a course counts per term, month or year — the period its fee is for. */
const BILLING_PERIOD = /^每个?(学期|期|季度|年|月)\s*(?:\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:次|节|课时|堂)/;

/** "叁拾伍元", "两千八百元起": an amount in Chinese numerals, everyday or capital, said in 元. */
const CHINESE_AMOUNT = '[零〇一二两三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]+\\s*元(?:\\s*[/／]\\s*[^\\s\\d]{1,4})?\\s*起?';

/** "1块5": the dimes said after 块. */
const SPOKEN_DIMES = '(?:\\s*[1-9一二两三四五六七八九][毛角]?)';

/** "招牌红烧肉 68元/份", "艾灸 叁拾伍元", "铁观音 面议", "豆浆 1块5一杯": a name, then the price that ends the line. */
const PRICE_TAIL = new RegExp(
  String.raw`^(.+?)\s*((?:[¥￥]|RMB)?\s*\d[\d,.，]*\s*(?:[千万wW])?\s*(?:元|块${SPOKEN_DIMES}?)?(?:\s*[-~～至]\s*\d[\d,.]*\s*(?:[千万])?\s*(?:元|块)?)?(?:\s*(?:[/／每]|(?<=(?:[元块]|块${SPOKEN_DIMES})\s*)一)\s*[^\s\d（(]{1,4})?\s*起?(?:\s*[（(][^）)]{1,12}[)）])?|${CHINESE_AMOUNT}|价格面议|面议|时价|电议|议价)$`,
);

/** Words in front of an amount that make it pay, not a price. */
const PAY_WORD = /(?:月薪|年薪|日薪|时薪|底薪|工资|薪资|薪酬|待遇)$/;

/** "打印机上门维修 上门费30元": a fee's name in front of the amount belongs to the price, not to the item's name. */
const FEE_WORD = /^[\u4e00-\u9fff]{1,3}[费价]$/;

/**
 * "寒假班16课时 1280元" after a label: what the price buys, a space, then the marked price ending the value — the
 * price and the spec. Undefined when the value is a price already or no space sets a marked price apart.
 */
function spacedPriceTail(value: string): { spec: string; price: string } | undefined {
  if (parseLabeledPrice(value)) return undefined;
  const tail = /^(\S.*?\d\S*)\s+(\S+)$/.exec(value);
  if (!tail || !isMarkedPrice(tail[2]!) || !parseLabeledPrice(tail[2]!)) return undefined;
  return { spec: tail[1]!, price: tail[2]! };
}

/** A product written on one line: a name and a price, with anything between as its spec. */
/** A label that says what else the business takes on ("另承接", "本店还承接", "兼营"), not what it is. */
const TAKEN_ON = /^(?:本店|我们|我店)?(?:另外?|还|也|兼)?(?:承接|承办|代办|兼营|经营|办理)$/;

/** "换燕麦奶 / 加一份浓缩 +3元", "加蛋＋2元": an amount added to the items above (an option's surcharge), not an item of its own. */
export const isSurcharge = (text: string) =>
  /^[^\d+＋]{2,30}[+＋]\s*[¥￥]?\s*\d[\d.]*\s*(?:元|块)?(?:\s*[/／][^\s\d]{1,3})?$/.test(text.trim());

export function productLine(raw: string): ProductLine | undefined {
  // "烤羊排（68元/斤）": a price in brackets at the end of a menu line is its price.
  // "智能控制仪……………………￥280": however long its leader runs, the line is as long as its words.
  // "烤茄子　10元第二份半价": an offer straight after the price is a remark after the price cell.
  const text = offerApart(withoutNumbering(raw))
    .replace(BRACKETED_PRICE, (_, price: string) => `  ${price.trim()}`)
    .replace(new RegExp(LEADER.source, 'g'), '……');
  if (text.length > 80) return undefined;
  const spaced = splitCells(text);
  const led = text.split(LEADER).filter(Boolean);
  const cells = spaced.length < 2 && led.length === 2 ? led : spaced;
  let name: string | undefined;
  let priceText: string | undefined;
  let middle: string[] = [];
  const labeled = /^([^：:]{1,30}?)\s*[：:]\s*(.+)$/.exec(text);
  if (cells.length >= 2) {
    name = cells[0];
    // "啤酒（500ml×12听）  68.00元/箱  买二送一": a remark after the price cell goes to the spec.
    const priced = cells.findLastIndex((cell, i) => i > 0 && /\d/.test(cell) && isMarkedPrice(cell));
    const at = priced > 0 && !parseLabeledPrice(cells.at(-1)!) ? priced : cells.length - 1;
    priceText = cells[at];
    middle = [...cells.slice(1, at), ...cells.slice(at + 1)];
  } else if (labeled) {
    name = labeled[1];
    priceText = labeled[2];
    // "启蒙班：4-6岁，一对一，2400元/学期（20节）": what it is first, the price its last clause.
    const clauses = priceText!.split(/[，,；;]\s*/);
    // "围棋班（5-7岁）：每学期16次课，学费1600元。": the last clause may name the fee and close the sentence.
    const last = clauses.at(-1)!.replace(/\s*[（(][^）)]{1,12}[)）]$/, '');
    const lastFee = clauses.length > 1 && isLabeledMarkedPrice(last.replace(/[。.]$/, '')) ? last.replace(/[。.]$/, '') : undefined;
    // "答：单位搬迁按车次算，面议": a one-character label (问, 答) names no item.
    if (clauses.length > 1 && name!.trim().length < 2) return undefined;
    if (clauses.length > 1 && !parseLabeledPrice(priceText!.trim()) && (isMarkedPrice(last) || lastFee)) {
      priceText = lastFee ?? clauses.at(-1);
      middle = clauses.slice(0, -1);
    } else if (clauses.length > 1 && !parseLabeledPrice(priceText!.trim()) && isMarkedPrice(clauses[0]!)) {
      // "月嫂套餐（26天）：16800元，含全程护理、月子餐": the price first, then what it includes.
      priceText = clauses[0];
      middle = clauses.slice(1).map((clause) => clause.replace(/[。.]$/, ''));
    }
    const spaced = spacedPriceTail(priceText!.trim());
    if (spaced) {
      priceText = spaced.price;
      middle = [...middle, spaced.spec];
    }
  } else {
    // "招牌红烧肉 68元/份", "西湖龙井（特级）￥680/斤": the price is the tail of the line.
    const tail = PRICE_TAIL.exec(text);
    if (tail) {
      name = tail[1];
      priceText = tail[2];
    }
  }
  if (!name || !priceText) return undefined;
  name = name.trim();
  if (isSurcharge(text)) return undefined;
  // "另承接：门牌、胸牌制作，价格面议": a label saying what else is taken on names no item; what follows it does.
  if (labeled && cells.length < 2 && middle.length === 1 && TAKEN_ON.test(name)) [name, middle] = [middle[0]!, []];
  const nameWords = name.split(/\s+/);
  if (cells.length < 2 && nameWords.length > 1 && FEE_WORD.test(nameWords.at(-1)!)) {
    middle = [nameWords.pop()!];
    name = nameWords.join(' ');
  }
  // "150元/月（自愿）": a remark in brackets after the price goes to the spec.
  const remark = /\s*[（(]([^）)]{1,12})[)）]$/.exec(priceText.trim());
  if (remark) {
    priceText = priceText.trim().slice(0, remark.index);
    middle = [...middle, remark[1]!];
  }
  // "168一盒，大盒的268": a price said first, then a remark after a comma.
  const [firstClause, ...laterClauses] = priceText.split(/[，,；;]\s*/);
  if (cells.length >= 2 && laterClauses.length && !parseLabeledPrice(priceText.trim()) && parseLabeledPrice(firstClause!.trim())) {
    priceText = firstClause!;
    middle = [...middle, laterClauses.join('，')];
  }
  // "信封 100个 45元", "H型钢 200*200 3900元": after the name, words with figures are the spec —
  // unless the word is a model number ("净水机 J2905 2680元"), which stays with the name.
  const words = name.split(/\s+/);
  let model: string | undefined;
  if (cells.length < 2 && words.length === 2 && MODEL_WORD.test(words[1]!)) model = words[1];
  else if (cells.length < 2 && words.length > 1 && words.slice(1).every((w) => /\d/.test(w))) {
    name = words[0]!;
    middle = [words.slice(1).join(' ')];
  }
  // "整扇猪肉（半边猪）按斤算，价格电议": the price's own label at the end of the name is not part of it.
  name = name.replace(/[，,\s]*价格$/, '');
  // "十字绣装裱按尺寸面议": what the price goes by (按尺寸, 按面积) belongs to the price, not to the name.
  const basis = cells.length < 2 ? /^(.{2,}?)(按[\u4e00-\u9fff]{1,4}?(?:算|计)?)$/.exec(name) : null;
  if (basis) {
    name = basis[1]!;
    middle = [basis[2]!, ...middle];
  }
  const packed = splitPackSize(name);
  if (packed.size) {
    middle = [packed.size, ...middle];
    name = packed.name;
  }
  if (!name || name.length > 30 || SENTENCE.test(name) || FIELD_LABEL.test(name) || /^\d+$/.test(name)) return undefined;
  // "送货司机1名，有C1驾照，月薪5000元": an amount after 月薪 is pay, and the line a job.
  if (PAY_WORD.test(name)) return undefined;
  // "月租80元（含1000张）": a rent by the period names no item; it is the price of the name above it.
  if (/^(?:[月日天年周季]租金?|租金)$/.test(name)) return undefined;
  // "老客户第二台立减10元", "满200立省30元": the amount taken off is an offer, not a price.
  if (/(?:立减|立省|再减|直降|优惠|返现|便宜|[减省])$/.test(name)) return undefined;
  // "加码：卤蛋、煎蛋各2元，牛肉加5元", "晚上10点到早上6点加收50元": an amount for each of several add-ons, or added on, is a
  // surcharge, not an item.
  if (/(?:[各加]|加收|另收)$/.test(name)) return undefined;
  // "提前3天预约，定金200元": a deposit asked for is a term of booking, not an item.
  if (/(?:定金|订金|押金|预付款?)$/.test(name)) return undefined;
  // "铁观音 每斤 260元": 每斤 in front of the amount is its unit.
  const per = [...middle, name.split(/\s+/).at(-1)!].map((w) => PER_UNIT.exec(w)).find(Boolean);
  if (per) {
    middle = middle.filter((w) => w !== per[0]);
    name = name.replace(new RegExp(`\\s+${per[0]}$`), '');
  }
  const price = parseLabeledPrice(priceText.trim());
  if (per && price?.kind === 'amount' && !price.unit) price.unit = per[1]!;
  // "每学期16次课，学费1600元": a course counted per term (month, year) is paid by it.
  const period = middle.map((w) => BILLING_PERIOD.exec(w)).find(Boolean);
  if (period && price?.kind === 'amount' && !price.unit) price.unit = period[1]!;
  // A line led from its name to several prices is still a priced item: the prices stay as written, in its spec.
  if (!price && cells === led && /\d\s*元/.test(priceText)) return { name, spec: [...middle, priceText.trim()].join('；') };
  if (!price || (price.kind === 'amount' && !isMarkedPrice(priceText) && !/[价费]/.test(priceText) && cells.length < 2)) return undefined;
  return { name, price, ...(model ? { model } : {}), ...(middle.length ? { spec: middle.join('；') } : {}) };
}

/** A marker in front of a line: a counter between punctuation ("1>", "[2]", "#3", "【4】", "a]"), any shape. */
const MARKER = /^([^\u4e00-\u9fffA-Za-z0-9\s]{0,2})(\d{1,2}|[A-Za-z])([^\u4e00-\u9fffA-Za-z0-9\s]{1,2})\s*(?=\S)/;
const counterValue = (counter: string) => (/\d/.test(counter) ? Number(counter) : counter.toLowerCase().charCodeAt(0) - 96);

/**
 * Lines numbered in a way of their own ("1> 抹茶拿铁 22元", "2> …"; "[1] …", "[2] …"): where two or more
 * lines in a row carry a marker of the same shape whose counter goes up by one from 1 (or a), the
 * markers go — recognised by that repetition, whatever the marks are. Other lines stay as they are.
 */
export function withoutSequenceMarkers(lines: string[]): string[] {
  const marks = lines.map((line) => MARKER.exec(line.trim()));
  const shape = (m: RegExpExecArray) => `${m[1]}|${m[3]}|${/\d/.test(m[2]!) ? 'n' : 'a'}`;
  const out = [...lines];
  for (let start = 0; start < lines.length; start++) {
    const first = marks[start];
    if (!first || counterValue(first[2]!) !== 1) continue;
    let end = start + 1;
    while (end < lines.length && marks[end] && shape(marks[end]!) === shape(first) && counterValue(marks[end]![2]!) === end - start + 1)
      end++;
    if (end - start < 2) continue;
    for (let i = start; i < end; i++) out[i] = lines[i]!.trim().slice(marks[i]![0].length);
    start = end - 1;
  }
  return out;
}

/** A priced item of a sentence and the clauses after it that say more of it ("一盒100张"). */
export interface PricedClause {
  line: string;
  notes: string[];
}

/**
 * "室内写真35元/平方米，户外喷绘15元/平方米，易拉宝80元一套（含架子）。": a sentence whose clauses name things
 * with their prices — each priced clause an item line (a short label in front, "名片：…", left out), the
 * clauses after it its notes, the clauses before the first its lead. Undefined unless two or more clauses
 * are priced items and they are at least half of the clauses, or the first of three clauses at most is the one.
 */
/** "超出每公里加", "三台以上每台便宜", "充500元送": a surcharge, discount or offer on the items, not one of them. */
const CONDITION = /\d\s*元|^(?:超出|超过|满|凡)|以上每|[加送减]$|便宜$|优惠$/;

export function pricedClauses(text: string): { lead: string[]; items: PricedClause[] } | undefined {
  const clauses = text
    .split(/[，,；;。！!](?![^（(]*[)）])/)
    .map((clause) => clause.trim())
    .filter(Boolean);
  if (clauses.length < 2) return undefined;
  const lead: string[] = [];
  const items: PricedClause[] = [];
  for (const clause of clauses) {
    const line = [clause, clause.replace(/^[\u4e00-\u9fff]{1,6}[：:]\s*/, '')].find((c) => {
      const item = productLine(c);
      return item?.price && item.name.length >= 2 && !CONDITION.test(item.name);
    });
    if (line) items.push({ line, notes: [] });
    else if (items.length) items.at(-1)!.notes.push(clause);
    else lead.push(clause);
  }
  // "婴儿推车（可坐可躺）599元起，店里有样车可以试": one priced clause first, a remark or two after it, is an item too.
  const oneFirst = items.length === 1 && lead.length === 0 && clauses.length <= 3;
  return (items.length >= 2 && items.length * 2 >= clauses.length) || oneFirst ? { lead, items } : undefined;
}

/**
 * "企业定制礼品套装（年会、节日福利）价格面议，可以按预算配。" as a paragraph of its own: a short line that opens by
 * naming one thing whose price is to be agreed, a remark or two after it, offers that thing.
 */
export function negotiableOffer(text: string): boolean {
  const read = text.length <= 60 ? pricedClauses(text) : undefined;
  const first = read?.items.length === 1 && read.lead.length === 0 ? productLine(read.items[0]!.line) : undefined;
  return first?.price?.kind === 'negotiable';
}

const ORDINALS = '一二三四五六七八九十';
/** An ordinal said in prose, at the start of a clause: "一是…；二是…". */
const SAID_ORDINAL = /(?<=^|[，,。；;：:\s])([一二三四五六七八九十])是/g;
/** The price a clause ends with: "住宅梯每台每年6000元", "每台18万元起", "价格面议". */
const CLAUSE_PRICE = /^(.*?)((?:[¥￥]|RMB)?\d[\d,.]*\s*[千万]?\s*元(?:\s*[/／]\s*[^\s\d，,]{1,4})?\s*起?|价格面议|面议|电议|时价)$/;

/**
 * Points counted off in one sentence ("我们的服务，一是电梯日常维保，住宅梯每台每年6000元；二是老旧电梯改造，
 * 价格面议；…"): the text before the first point, and each point as a line of its own — its first
 * clause the name, a price it ends with set apart as a price list's line would be ("电梯日常维保  住宅梯
 * 每台每年  6000元"), other text after a colon ("name：text"). Undefined unless the points run 一是,
 * 二是 … in order and each is short.
 */
export function saidPoints(text: string): { lead: string; points: string[] } | undefined {
  const marks = [...text.matchAll(SAID_ORDINAL)];
  if (marks.length < 2 || marks.map((m) => m[1]).join('') !== ORDINALS.slice(0, marks.length)) return undefined;
  const parts = marks.map((mark, i) =>
    text.slice(mark.index! + mark[0].length, marks[i + 1]?.index ?? text.length).replace(/^[\s，,：:]+|[\s，,。；;]+$/g, ''),
  );
  if (parts.some((part) => part.length < 2 || part.length > 40)) return undefined;
  const points = parts.map((part) => {
    const [, name, rest] = /^([^，,：:]{2,16})[，,：:]\s*(.+)$/.exec(part) ?? [, part, ''];
    const priced = CLAUSE_PRICE.exec(rest!);
    if (priced) return [name, priced[1]!.replace(/[，,\s]+$/, ''), priced[2]].filter(Boolean).join('  ');
    return rest ? `${name}：${rest}` : name!;
  });
  return { lead: text.slice(0, marks[0]!.index).replace(/[\s，,：:]+$/, ''), points };
}

/**
 * "另有：贴膜 15元/张  数据线 20元/根": priced items typed on one line, apart by wide spaces, a short
 * lead-in label before them. The items' lines, or undefined.
 */
export function spacedProducts(text: string): string[] | undefined {
  const parts = splitCells(text.replace(/^[\u4e00-\u9fff]{1,4}[：:]\s*/, ''));
  return parts.length >= 2 && parts.every((part) => productLine(part)?.price) ? parts : undefined;
}

export interface JobLine {
  title: string;
  headcount?: number;
  pay?: string;
  requirements: string;
}

/** Words that say a line is about a position (experience, education, pay …). */
const JOB_SIGNAL = /要求|经验|学历|薪|工资|待遇|年龄|熟悉|优先|证书|持证|包吃|包住|五险|岗位|上岗|以上/;

/**
 * Title, headcount (in brackets or not) and a bracketed remark after it ("2人（C照）"), then the rest —
 * straight after the headcount when it is the pay ("教师2名底薪5000", PDF text set without spaces).
 */
const JOB_LINE =
  /^(?:招聘|诚聘|急聘|招募|聘|招(?![牌生商标])(?=[\u4e00-\u9fff、]{2,12}\s*[（(]?\s*(?:\d{1,4}|[一二两三四五六七八九十]{1,3}|若干)\s*[名人位]))?\s*((?:[\u4e00-\u9fff（）()/+·]|(?<=[\u4e00-\u9fff])、(?=[\u4e00-\u9fff])|[A-Za-z]+\d*|\d+[A-Za-z]+){1,16}?)\s*(?:[（(]?\s*(\d{1,4}|[一二两三四五六七八九十]{1,3}|若干|数)\s*(?:名|人|位)?\s*[)）]?)?\s*(?:[（(][^）)]{1,12}[)）])?\s*(?:[：:，,；;]|\s|$|(?<=[名人位])(?=[底月年日时]薪|薪|工资|待遇|\d))\s*(.*)$/;

/** "招：送货司机2人…", "【招聘】…", "店里缺人：…", "招学徒1名…" (招 before a position and its headcount): a job ad that says so, wherever it stands. */
/** "另外店里招…", "我们厂里还招…": a few words of who is hiring in front of 招, in prose (then maybe 现在: "另外公司现在招…"). */
// "仓库那边要招…", "门店这边也需要招…": the part of the business that hires, and 要/需要 before 招; "另：店里招…" with a colon;
// "店里忙不过来，招…": the reason first; "仓库要招…": a part named without 那边 when 要 follows; "园里招…", "车间里招…": a place of the business.
const WHO_AND_WHEN_HIRING = String.raw`(?:[^，,。；;！!：:\d]{2,14}[，,]\s*)?(?:(?:另外|此外|同时|还有|另|再)[：:，,]?\s*)?(?:本店|店里|我们店里?|我们|厂里|公司|本公司|本厂|[\u4e00-\u9fff]{1,4}(?:那边|这边)|[\u4e00-\u9fff]{1,4}(?=(?:还|也)?需?要招)|[\u4e00-\u9fff]{1,3}[季期](?=招)|[\u4e00-\u9fff]{1,2}里(?=(?:现在|目前|现|急|长期)?招))?(?:(?:明年|今年|年后|节后|开春后?)?\d{1,2}\s*月份?|明年|年后|节后|开春后?)?(?:还|也)?(?:要|需要)?`;

const JOB_TAG = new RegExp(
  String.raw`^\s*(?:[【[]\s*(?:招聘|诚聘|急聘|诚招|急招|招工|招募)\s*[】\]]|(?:招聘|诚聘|急聘|诚招|急招|招工|招募|招人|招|聘)\s*[：:]|(?:[\u4e00-\u9fff]{1,4})?(?:缺人|急缺人手|缺人手|用人|请人)\s*[：:]|(?:${WHO_AND_WHEN_HIRING})?(?:现在|目前|现|急|长期)?(?:招聘|诚聘|急聘|诚招|急招|招募|招(?![商生标投待收]))(?=[^\s，,。；;：:]{2,12}?\s*(?:\d{1,3}|[一二两三四五六七八九十])\s*[名人位]))\s*`,
);

/** The tag of a tagged job line removed ("招人：…" → "…"). */
export const withoutJobTag = (text: string) => text.replace(JOB_TAG, '');

/** "本店招聘服务员5名", "招2人": a headcount stated inside a job ad's prose. */
const HEADCOUNT_IN_PROSE = /招(?:聘|募|收)?[^，,。；;：:]{0,12}?(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:名|人|位)/;

/** "招安装工2名…", "招前台1名（夜班）" (not 招牌菜, 招生): 招 straight before a position and its headcount says the line is a job ad. */
const HIRING =
  /^\s*招(?![牌生商标])(?:聘|募)?\s*[\u4e00-\u9fff]{2,12}\s*[（(]?\s*(?:\d{1,4}|[一二两三四五六七八九十]{1,3}|若干)\s*[名人位]/;

/**
 * "招一个销售员要懂养殖的…", "招聘两名会计，…": the headcount said before the position, as people speak. The
 * position runs to a comma or to the first word of what is asked or paid (要, 会, 需, 工资 …). "招个司机" is one.
 */
const COUNT_FIRST = new RegExp(
  String.raw`^\s*(?:${WHO_AND_WHEN_HIRING})?(?:现在|目前|现|急|长期)?(?:招聘|诚聘|急聘|急招|招募|招)\s*(?:(\d{1,3}|[一二两三四五六七八九十]{1,2})\s*[个名位]|个)\s*([\u4e00-\u9fffA-Za-z]{2,10}?)(?=$|[，,。；;：:\s]|要|会|需|能|有|工资|月薪|底薪|待遇|包吃)`,
);

/** A job ad said with its headcount first, in the written order ("销售员1名，要懂养殖的…"); other text as it is. */
function countLast(text: string): string {
  const match = COUNT_FIRST.exec(text);
  if (!match) return text;
  const rest = text.slice(match[0].length).replace(/^[\s，,：:]+/, '');
  // "招个送货司机，1名，…": the headcount written after it stands.
  const count = match[1] ?? (HEADCOUNT_FIRST.test(rest) ? '' : '1');
  return `${match[2]}${count}${count ? '名' : ''}${rest ? `，${rest}` : ''}`;
}

export const isTaggedJob = (text: string) => {
  const said = withSpokenHeadcount(text);
  return JOB_TAG.test(said) || HIRING.test(said) || COUNT_FIRST.test(said);
};

/** "店里招临时帮工2个，…": a headcount said with 个 after 招 and a position, as 名. */
const SPOKEN_HEADCOUNT = new RegExp(
  String.raw`^(\s*(?:${WHO_AND_WHEN_HIRING})?(?:现在|目前|现|急|长期)?招(?![牌生商标收投待财])(?:聘|募)?\s*[\u4e00-\u9fff]{2,12}?\s*(?:\d{1,3}|[一二两三四五六七八九十]))个(?=[，,。；;\s]|$)`,
);
const withSpokenHeadcount = (text: string) => text.replace(SPOKEN_HEADCOUNT, '$1名');

const BARE_PAY = /^\d{3,5}(?:\s*[-~～到至]\s*\d{3,5})?$/;

/** "4000-6000元，…" after a job's title and headcount: the amount it starts with is the pay. */
function amountFirst(rest: string): { pay: string; rest: string } | undefined {
  const clause = /^[^，,；;。\s]+/.exec(rest)?.[0];
  // "服务员3名，3500，…": a bare amount of pay standing first after the headcount.
  if (!clause || !(isMarkedPrice(clause) || BARE_PAY.test(clause))) return undefined;
  return { pay: clause, rest: rest.slice(clause.length).replace(/^[，,；;。\s]+/, '') };
}

/** "5名，…", "2人；…": a headcount standing first in a clause of its own. */
const HEADCOUNT_FIRST = /^(\d{1,4}|[一二两三四五六七八九十]{1,3}|若干)\s*[名人位](?:[，,；;。\s]+|$)/;

/** A job on one line: title, an optional headcount (若干 = not given), the pay and the requirements. */
export function jobLine(raw: string): JobLine | undefined {
  const text = countLast(withSpokenHeadcount(withoutNumbering(raw))).replace(JOB_TAG, '');
  const match = JOB_LINE.exec(text);
  if (!match) return undefined;
  const [, title, written, labelled] = match;
  if (title!.length < 2 || FIELD_LABEL.test(title!)) return undefined;
  // "会计、出纳各1名": several positions, a headcount each, are not one job of that title.
  if (title!.endsWith('各')) return undefined;
  // "母婴护理师：5名，持证上岗…": the headcount is the first thing said after the title's colon.
  const after = written ? undefined : HEADCOUNT_FIRST.exec(labelled ?? '');
  const count = written ?? after?.[1];
  const rest = after ? labelled!.slice(after[0].length) : labelled;
  if (!count && !JOB_SIGNAL.test(rest ?? '')) return undefined;
  if (!count && !/[：:]/.test(text.slice(title!.length, title!.length + 3))) return undefined;
  const stated = count ? undefined : HEADCOUNT_IN_PROSE.exec(rest ?? '')?.[1];
  const headcount = count ? countOf(count) : stated ? countOf(stated) : undefined;
  const { pay, rest: requirements } = amountFirst((rest ?? '').trim()) ?? extractPay((rest ?? '').trim());
  return {
    // "招个送货司机，1名…": 招个 (hire a) is said, not part of the position.
    title: title!.trim().replace(/^招个(?=[\u4e00-\u9fff]{2})/, ''),
    ...(headcount ? { headcount } : {}),
    ...(pay ? { pay: pay.slice(0, 100) } : {}),
    requirements: requirements
      .replace(/^(任职要求|岗位要求|要求)\s*[：:]\s*/, '')
      .replace(/[；;]$/, '。')
      .replace(/[，,、]$/, '')
      .trim(),
  };
}

export interface PostLine {
  postKind: 'supply' | 'demand';
  tag: string;
  title: string;
  text: string;
}

/** 承接 (taking on work: 来料加工, 工程) offers something, as 供应 does; 回收 (buying used goods) asks, as 收购 does. */
const SUPPLY_WORDS = ['供应', '出售', '转让', '供', '售', '出租', '承接'];
const TAGS = '供应|求购|出售|收购|采购|回收|转让|出租|求租|承接|供|求|售|购|收';
/** How often or how much, in front of the tag: 长期收购, 常年供应, 大量求购, 现货供应, 急购. */
const TAG_ADVERB = '(?:长期|常年|长年|大量|急|现货|现)?';
// "二手车回收：…", "废纸收购：…": what is bought or sold may stand before a tag of two characters.
const POST_TAG = new RegExp(
  `^\\s*(?:[【[]\\s*${TAG_ADVERB}(${TAGS})\\s*[】\\]]|(?:[\\u4e00-\\u9fff]{1,6}?(?=(?:回收|收购|求购|采购|出售|转让|出租)\\s*[：:]))?${TAG_ADVERB}(${TAGS})\\s*[：:])\\s*(.+)$`,
  's',
);
const DEMAND_WORDS = /求购|收购|采购|回收|急购/;
const SUPPLY_PHRASES = /供应|供货|出售|转让|批发|低价处理|现货|处理(?:库存|积压|尾货)|清仓/;

/**
 * "供应：…", "【求购】…", "出售：…", "收购：…" → a post ("收：…" too, a buyer's word said short) with its kind and the first clause as title.
 * `untagged`: in a 供求 column, a line without a tag is a post when its first clause says which
 * ("长期收购玉米秸秆，…").
 */
export function postLine(raw: string, untagged = false): PostLine | undefined {
  const text = withoutNumbering(raw);
  const match = POST_TAG.exec(text);
  if (!match) {
    const clause = firstClause(text);
    if (!untagged || text.length > 200 || clause.length < 4) return undefined;
    const demand = DEMAND_WORDS.exec(clause);
    const supply = SUPPLY_PHRASES.exec(clause);
    if (!demand && !supply) return undefined;
    return { postKind: demand ? 'demand' : 'supply', tag: (demand ?? supply)![0], title: clause, text };
  }
  const tag = (match[1] ?? match[2])!;
  const body = match[3]!.trim();
  if (!body) return undefined;
  return { postKind: SUPPLY_WORDS.includes(tag) ? 'supply' : 'demand', tag, title: firstClause(body), text: body };
}

/** A clause that opens by buying or offering: "长期高价收购各品牌二手车", "回收二手手机", "常年供应…" (not 出租车, 供应链). */
export const POST_OPENING =
  /^(?:长期|常年|长年|大量|高价|现货|急|低价)*(?:收购|回收|求购|采购|供应(?!链)|出售|转让|出租(?!车)|处理(?=库存|积压|尾货))/;

/**
 * "长期收购老瓷器、老字画，可以上门看货": a short paragraph that opens by buying, said with how long or how much, is a
 * demand post wherever it stands (an introduction too), titled by its first clause.
 */
export const isStandingDemand = (text: string) =>
  text.length <= 60 &&
  /^(?:长期|常年|长年|大量|高价)+(?:收购|回收|求购)/.test(withoutNumbering(text).trim()) &&
  postLine(text, true)?.postKind === 'demand';

/** "另外我们长期收购…", "此外本店常年回收…": a connective and the business before a post's verb. */
const POST_LEAD =
  /^(?:另外|此外|同时|还有)[，,]?\s*(?:我们|我司|本店|本厂|本公司|公司)?(?:还|也)?(?=(?:长期|常年|长年|大量|高价)+(?:收购|回收|求购))/;

/** A line that opens by buying after a lead-in, without it ("另外我们长期收购X" → "长期收购X"); undefined when it has none. */
export const withoutPostLead = (text: string) => (POST_LEAD.test(text.trim()) ? text.trim().replace(POST_LEAD, '') : undefined);

/** "回收二手手机、坏手机，现场估价" among lines that say what they are: a short line opening by buying or offering is a post. */
export const opensPost = (text: string) => text.length <= 60 && POST_OPENING.test(withoutNumbering(text)) && Boolean(postLine(text, true));

/**
 * Such a line with its opening verb read as a tag ("回收二手手机、坏手机" as "回收：回收二手手机、坏手机"), so it is a post
 * of that kind; its title keeps the verb, as the line says it (no tag was typed). The line as it is when that reads as
 * no tag.
 */
export function asTaggedPost(text: string): string {
  const opening = POST_OPENING.exec(withoutNumbering(text).trim())?.[0];
  if (!opening || postLine(text)) return text;
  const tagged = `${opening}：${withoutNumbering(text).trim()}`;
  return postLine(tagged) ? tagged : text;
}

export interface NewsLine {
  date: FoundDate;
  title: string;
  text: string;
}

/** A line that starts with a date: its date, its title (the first clause), the whole line as text. */
/** A dated line's first clause after its date ("2027年7月10日—7月20日开营"): what a notice's heading may stand in for. */
export function newsOpening(raw: string, fileYears: number[], today: string): string | undefined {
  const found = leadingDate(withoutNewsTag(withoutNumbering(raw)), fileYears, today);
  return found && found.text.length >= 4 ? firstClause(found.text) : newsLine(raw, fileYears, today)?.title;
}

export function newsLine(raw: string, fileYears: number[], today: string): NewsLine | undefined {
  const text = withoutNewsTag(withoutNumbering(raw));
  const found = leadingDate(text, fileYears, today);
  if (!found) return headlinedNews(text, fileYears, today);
  if (found.text.length < 4 || LIST_DATE.test(found.text.slice(found.date.index + found.date.length).trim())) return undefined;
  return { date: found.date, title: noticeTitle(found.text).replace(/[。.]$/, ''), text };
}

/** "…大检查开始了！12月10日到12月31日，来厂保养…": the exclaimed headline titles the dated notice after it. */
function headlinedNews(text: string, fileYears: number[], today: string): NewsLine | undefined {
  const post = exclaimedHeadline(text);
  const found = post && leadingDate(post.rest, fileYears, today);
  if (found && found.text.length >= 4) return { date: found.date, title: post.headline, text };
  // "新本《某某》12月20日正式上车！": the exclaimed sentence names its day itself.
  const announced = datedExclamation(text);
  const date = announced && findAnyDate(announced, fileYears, today);
  return date ? { date, title: announced, text } : undefined;
}

/** "2026年12月8日更新　价格单位：元", "12月1日修订版": the day a price list was written, not a notice. */
const LIST_DATE = /^(?:更新|修订|制表|编制)版?(?:$|[\s，,。；;])/;

/**
 * A notice dated to the day at a line's start ("2026年12月8日起线上下单满58元免费送货…"), of this year or last: news,
 * even in an introduction. An older date ("2019年3月12日公司成立") is the business's history. A month with its year
 * ("2026年11月，店搬到…") is news only within half a year of today: a month back in the history is its story.
 */
export function isCurrentNotice(text: string, fileYears: number[], today: string): boolean {
  const line = newsLine(text, fileYears, today);
  if (!line || line.text.length < 8) return false;
  // "2026年10月起执行" under a price list says when the list holds: no event of its own.
  if (line.date.dayMissing) {
    const told = line.text.slice(line.date.index + line.date.length).replace(/^[\s，,：:]+/, '');
    return !line.date.yearInferred && Math.abs(monthsApart(line.date.iso, today)) <= 6 && told.length >= 5 && !/^[起开始]/.test(told);
  }
  return Number(line.date.iso.slice(0, 4)) >= Number(today.slice(0, 4)) - 1;
}

/** Months from `a` to `b` (ISO dates), by their years and months. */
const monthsApart = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

/**
 * "【公司动态】2026年11月3日 …", "[通知] …": a bracketed tag in front of a notice names its kind, not its title; so
 * does a lead-in naming news ("新闻可以写这个：12月1日起…", "最新消息：…").
 */
const withoutNewsTag = (text: string) =>
  text
    // "店铺公告（2026-12-01）：…": the date in the tag is the notice's date.
    .replace(NOTICE_TAG_DATED, '$1 ')
    .replace(/^\s*(?:【[^】]{2,8}】|\[[^\]]{2,8}\]|(?:店铺|门店|本店)?(?:通知|公告|好消息)[：:])\s*/, '')
    .replace(/^\s*(?:最新|近期)?(?:新闻|动态|消息)[^：:，。,.\d]{0,8}[：:]\s*/, '');

const NOTICE_TAG_DATED = /^\s*(?:店铺|门店|本店)?(?:通知|公告)\s*[(（]([^()（）]{4,12})[)）]\s*[：:]\s*/;

/** "通知：…", "店铺公告（12月1日）：…": a line that says it is a notice, with a date somewhere in it. */
export const isTaggedNotice = (text: string, fileYears: number[], today: string) =>
  (/^\s*(?:店铺|门店|本店)?(?:通知|公告|好消息)[：:]/.test(text) || NOTICE_TAG_DATED.test(text)) &&
  Boolean(noticeLine(text, fileYears, today)?.date);

/**
 * "春节放假通知", "停水公告", "搬迁启事": a heading that is one notice's title (what the notice is about, then
 * 通知/公告/启事), not a column's name ("通知", "最新公告", "本店通知", "场里通知").
 */
export const isOneNoticeTitle = (heading: string) => {
  const about = /^([\u4e00-\u9fff]{2,12})(?:通知|公告|启事)$/.exec(heading.trim())?.[1];
  return Boolean(
    about &&
    !/^(?:最新|重要|紧急|近期|本店|本公司|本场|本厂|店铺|公司|门店|店里|场里|厂里|园里|我们|通知|新闻|温馨|特别|活动|工作)+$/.test(about),
  );
};

/**
 * A notice written as one paragraph in a news column without sub-headings ("本周六（11月22日）店庆，
 * 全场八折…"): the first clause is its title, a date anywhere in it its date.
 */
export function noticeLine(raw: string, fileYears: number[], today: string): { title: string; text: string; date?: FoundDate } | undefined {
  const text = withoutNewsTag(withoutNumbering(raw));
  if (text.length < 6 || text.length > 200 || /[：:]$/.test(text)) return undefined;
  const dated = newsLine(text, fileYears, today);
  if (dated) return { title: dated.title, text, date: dated.date };
  const date = findAnyDate(text, fileYears, today);
  // "秋季订货会：2026年10月8日至10日，…": an event's name, then when it is — the name is the title.
  // ("活动时间：12月10日…" is a label for the date, not a name.)
  const named = /^([^：:，,。\d]{3,15})[：:]\s*(.+)$/s.exec(text);
  const eventName = named && !/(?:时间|日期|时段|期间)$/.test(named[1]!) && leadingDate(named[2]!, fileYears, today);
  const title = eventName ? named[1]! : firstClause(text);
  return { title: title.replace(/[。.]$/, ''), text, ...(date ? { date } : {}) };
}

export interface ServiceLine {
  title: string;
  text: string;
}

/** "一、公司法律顾问：为企业提供…" → an article titled 公司法律顾问. */
export function serviceLine(raw: string): ServiceLine | undefined {
  const match = /^([^：:，,。]{2,15})[：:]\s*(.{6,})$/s.exec(withoutNumbering(raw));
  if (!match || FIELD_LABEL.test(match[1]!.trim())) return undefined;
  return { title: match[1]!.trim(), text: match[2]!.trim() };
}
