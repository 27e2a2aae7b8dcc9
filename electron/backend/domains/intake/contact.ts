/**
 * The contact block as customers write it: one field a line or several on one line, separated by
 * spaces, commas or full-width spaces ("地址：… 邮编：255000", "电话：0533-3581234  传真：…",
 * "联系人：刘先生 13705311234", "手机：13805310001（王经理）"). Split into address, postcode, phones
 * (with their labels), fax, mobile, contact person, email and hours.
 */
import type { ContactBlock } from '../../../../shared/sites/model';
import { foldTraditional } from './traditional';

type Field = 'address' | 'postcode' | 'phone' | 'mobile' | 'fax' | 'person' | 'email' | 'hours' | 'other';

/** Labels by field; a label ending in 电话, 热线 or 总机 is a phone whatever comes before it. */
const LABELS: [Field, string[]][] = [
  [
    'address',
    [
      '地址',
      // "总店：…路…号" over "二店：…": the main shop's place is the address.
      '总店',
      '总部',
      '公司地址',
      '门店地址',
      '店铺地址',
      '店址',
      '厂址',
      '校址',
      '园址',
      '院址',
      '馆址',
      '联系地址',
      '通讯地址',
      '办公地址',
      '地点',
      '所在地',
      '门店',
      '门市',
      '门市部',
      // A stall or booth in a market (数码城, 批发市场): 摊位, 档口.
      '摊位',
      '档口',
      'Add',
      'Addr',
      'Address',
    ],
  ],
  ['postcode', ['邮编', '邮政编码']],
  ['mobile', ['手机', '移动电话', '手机号', '手机号码', 'Mobile', 'Mob']],
  ['fax', ['传真', 'Fax', 'FAX']],
  ['person', ['联系人', '负责人', '销售顾问', '院长', '店长', '厂长', '校长', '社长', '老板', '店主', '经理', '联系']],
  ['email', ['邮箱', '电子邮箱', '电子邮件', 'Email', 'E-mail', 'email']],
  ['hours', ['营业时间', '办公时间', '服务时间']],
  ['phone', ['电话', '固话', '座机', '总机', '热线', 'Tel', 'TEL', 'Phone']],
  ['other', ['网址', '网站', 'QQ', '微信', '公众号']],
];

/** Titles that stand as labels ("院长：…"). */
const TITLE_LABELS = ['院长', '店长', '厂长', '校长', '社长', '老板', '店主'];

/**
 * A label (手机 joined with 微信: "手机/微信"), then a colon — or only a space when a number follows ("电话 0539-8121234", "电话同微信 135…"). A number's own
 * label may run straight into it ("电话0538-6221234 手机13805381234"); a person's may not ("王厂长13706361234").
 * A word before 电话 is part of its label (订房电话), but not the end of an address run into it ("28号电话：").
 * "电话同微信 139…" is a phone label; a line may start "地址 …" without the colon; "值班经理：" names the person.
 */
const LABEL_PATTERN = new RegExp(
  `(?<![A-Za-z])(?:((?:(?![号室层楼])[\\u4e00-\\u9fff]){0,4}(?:电话|热线|总机)(?:[\\u4e00-\\u9fff/]{1,6}(?=\\s+[+\\d]))?|[\\u4e00-\\u9fff]{1,3}(?:经理|主管)(?=\\s*[：:])|${LABELS.flatMap(
    ([, l]) => l,
  )
    .sort((a, b) => b.length - a.length)
    .map((label) =>
      label === '经理' || label === '联系'
        ? `(?<![\\u4e00-\\u9fff])${label}`
        : // "联系人：孙院长 138…": a title after a surname is part of the name, a label only before its colon.
          TITLE_LABELS.includes(label)
          ? `(?:(?<![\\u4e00-\\u9fff])${label}|${label}(?=\\s*[：:]))`
          : label,
    )
    .join(
      '|',
    )})(?:[/／](?:[A-Za-z]+|微信)|同微信|[/／]?微信同号)?(?:\\s*[：:]\\s*|\\s+(?=[+\\d])|(?<=^\\s*(?:地址|厂址|店址))\\s+(?=\\S))|(电话|手机|座机|固话|传真|热线|邮编|Tel|TEL)(?=\\+?\\d{3}))`,
  'g',
);

const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Fixed lines and hotlines: 0533-3581234, 400-0538-888, with an extension (-8001, 转8001). */
const FIXED = /(?<![\d-])(?:0\d{2,3}[-\s]?\d{7,8}|[48]00[-\s]?\d{3,4}[-\s]?\d{3,4})(?:-\d{1,5}|转\d{1,5})?(?![\d])/g;

/**
 * Numbers as people type them, made plain before they are read: full-width digits and dashes,
 * "138 6433 2211" and "136-0531-1234" (a mobile is its 11 digits), "0533 - 2876543" and
 * "0532-8588 1234" (area code, a dash, the number), "转 8001".
 */
export function plainNumbers(text: string): string {
  return text
    .replace(/[０-９－]/g, (ch) => (ch === '－' ? '-' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)))
    .replace(/(?<![\d-])(1[3-9]\d)[\s-](\d{4})[\s-](\d{4})(?![\d-])/g, '$1$2$3')
    .replace(/(?<![\d-])(0\d{2,3})\s*-\s*(\d{3,4})\s(\d{4})(?![\d-])/g, '$1-$2$3')
    .replace(/(?<![\d-])(0\d{2,3})\s+-\s+(\d{7,8})(?![\d-])/g, '$1-$2')
    .replace(/(\d)\s*转\s*(\d{1,5})(?!\d)/g, '$1转$2')
    .replace(/\+\s*86[\s-]*(\d[\d\s-]{8,14}\d)/g, domesticNumber);
}

/**
 * "+86-411-84321234", "+86 546 8221234" (a business card's English side): the number as dialled at home,
 * 0411-84321234; "+86 139 0411 1234" the mobile. Anything else is left as written.
 */
function domesticNumber(written: string, digits: string): string {
  const plain = digits.replace(/[\s-]/g, '');
  if (/^1[3-9]\d{9}$/.test(plain)) return plain;
  const area = /^(?:10|2\d|[3-9]\d{2})/.exec(plain)?.[0];
  const local = area ? plain.slice(area.length) : '';
  return area && (local.length === 7 || local.length === 8) ? `0${area}-${local}` : written;
}

const isMobileNumber = (number: string) => /^1[3-9]\d{9}$/.test(number.replace(/[\s-]/g, ''));

function fieldOf(label: string): Field {
  for (const [field, labels] of LABELS) if (labels.includes(label)) return field;
  if (/(?:经理|主管)$/.test(label)) return 'person';
  return /电话|热线|总机/.test(label) ? 'phone' : 'other';
}

/**
 * A contact written as a sentence ("地址在淄博市…88号，电话0533-…，联系人王经理", "牧场位于…1号，订奶热线…")
 * gets its labels' colons: 地址在/位于 → 地址：, 联系人王经理 → 联系人：王经理; said aloud, 电话是138…/座机是0536-… →
 * 电话：/座机：, 我姓刘叫刘建国 → 联系人：刘建国. Only in a line that also gives
 * a number, so an introduction's "本店位于…" stays prose.
 */
function sentenceLabels(line: string): string {
  if (!/(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\d-])0\d{2,3}-?\d{7,8}/.test(line)) return line;
  return line
    .replace(/(地址|联系人|负责人)(?:在|是|为)(?=[\u4e00-\u9fff])/g, '$1：')
    .replace(/(电话|手机|座机|固话|传真)(?:号码?)?(?:是|为)(?=\s*[+\d])/g, '$1：')
    .replace(/我(?:姓[\u4e00-\u9fff][，,]?)?(?:叫|是)(?=[\u4e00-\u9fff]{2,3}(?:[，,。；;\s]|$))/g, '联系人：')
    .replace(/(^|[，,。；;\s])[\u4e00-\u9fff]{0,4}?(?:位于|坐落于|地处)/g, '$1地址：')
    .replace(/(联系人|负责人)(?=[\u4e00-\u9fff]{1,4}(?:[（(，,。；;\s]|$))/g, '$1：');
}

/** Labels that name their field without a colon when they start a line or a spaced cell ("地址 威海市…", "联系人 王大夫"). */
const SPACED_LABELS = [
  '地址',
  '公司地址',
  '门店地址',
  '店址',
  '厂址',
  '联系地址',
  '通讯地址',
  '联系人',
  '负责人',
  '邮编',
  '邮箱',
  '营业时间',
];
const SPACED_LABEL = new RegExp(`(^|\\s{2,}|\\u3000)(${SPACED_LABELS.join('|')})\\s+(?=[^\\s\\d+：:])`, 'g');

/** "地址 威海市文登区龙山路36号" → "地址：威海市…": a label standing first, a space for its colon. */
const spacedLabels = (line: string) => line.replace(SPACED_LABEL, '$1$2：');

const LABEL_WORDS = new Set([...LABELS.flatMap(([, labels]) => labels), '电话']);
/** "地　址：", "联 系 人：": a label spaced out to line up with longer ones is read as the label. */
const spacedOutLabels = (line: string) =>
  line.replace(/(^|\s)([\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3})(?=\s*[：:])/g, (whole, lead: string, label: string) => {
    const joined = label.replace(/[ \u3000]+/g, '');
    return LABEL_WORDS.has(joined) ? `${lead}${joined}` : whole;
  });

/**
 * "地址 Add：…　电话 Tel：…", "手机 Mob：": a bilingual card's label, the Chinese word then the English one, is the Chinese
 * label (also where the value before runs into it: "…18号电话 Tel：").
 */
const bilingualLabels = (line: string) =>
  line.replace(/([\u4e00-\u9fff]{2,6})[ \u3000]+[A-Za-z][A-Za-z.-]{1,9}(?=\s*[：:])/g, (whole, words: string) =>
    [...LABEL_WORDS].some((label) => words.endsWith(label)) ? words : whole,
  );

const WEAK_LABELS = /^(?:[\u4e00-\u9fff]{0,3}经理|[\u4e00-\u9fff]{1,3}主管|联系)[：:\s]/;
const plainDigits = (text: string) => text.replace(/[\s-]/g, '');

/** Fields whose value is one clause: in a sentence the next clause is something else. */
const ONE_CLAUSE: Field[] = ['address', 'person'];

/** "订餐：0731-…  189…", "预约：138…": what the number is called for, as its label, names a phone. */
const callLabels = (line: string) =>
  line.replace(
    /^(\s*(?:订餐|订货|订座|订房|订票|预订|预约|外卖|送水|叫水|送货|配送|咨询|报名|售后|维修|救援|投诉))\s*[：:](?=\s*[+\d])/,
    '$1电话：',
  );

/** "☎️0633-8771234  📱138…": a telephone or mobile emoji right before a number is its label. */
const emojiLabels = (line: string) => line.replace(/(?:☎\uFE0F?|📞)\s*(?=[+\d])/gu, '电话：').replace(/📱\s*(?=[+\d])/gu, '手机：');

/**
 * "店在 临沂市兰山区解放路…", "我们厂在城东工业园8号": where the shop is, said at the start of a line, is the address
 * when what follows reads as one (a district, a road or a number) — not a story ("本店在建材市场做了十五年": 市场 is no
 * city, and 了 tells what was done there).
 */
const saidAddress = (line: string) =>
  line.replace(
    /^\s*(?:本店|我们店|我家店|我们|店|门店|店铺|厂子?|公司|作坊|料场)(?:就|开)?在\s*(?![^\s，,。；;]*了)(?=[^\s，,。；;]{0,30}(?:[省区县镇乡]|市(?!场)|路|街|道|号|村))/,
    '地址：',
  );

/** "彩逸美甲｜日照万达金街二楼2026号": a signature of the name and, after a bar, the address with its number. */
const barredAddress = (line: string) => line.replace(/^([^｜：:\d]{2,20})｜\s*(?=[^｜：:]{4,40}\d+\s*号\s*$)/, '$1｜地址：');

/** The label/value pairs of one line, in order. Values end where the next label starts. */
export function contactPairs(raw: string): { label: string; field: Field; value: string }[] {
  const line = spacedLabels(
    sentenceLabels(spacedOutLabels(bilingualLabels(plainNumbers(barredAddress(saidAddress(callLabels(emojiLabels(raw)))))))),
  );
  // Labels are found in the folded text (電話 → 电话); values are taken from the line as written.
  const starts = [...foldTraditional(line).matchAll(LABEL_PATTERN)].filter(
    // "经理：", "联系：" name a contact only before a number ("经理：马国庆 138…"), not "经理：1名".
    (match, i, all) => !WEAK_LABELS.test(match[0]) || /\d{7}/.test(plainDigits(line.slice(match.index!, all[i + 1]?.index))),
  );
  return starts.map((match, i) => {
    const end = starts[i + 1]?.index ?? line.length;
    const value = line
      .slice(match.index! + match[0].length, end)
      .replace(/^[\s,，、;；|｜/]+|[\s,，、;；。|｜/]+$/g, '')
      .trim();
    const label = (match[1] ?? match[2])!;
    const field = fieldOf(label);
    return {
      label,
      field,
      value: ONE_CLAUSE.includes(field)
        ? value
            .split(/[，,；;。]/)[0]!
            .replace(/[（(]$/, '')
            .trim()
        : value,
    };
  });
}

/** A line with at least one contact field ("📍地址：…", "订货热线：0535-6612345"), or a person with a title and a number alone ("周厂长 137…"). */
export const isContactLine = (line: string) => contactPairs(line).some((p) => p.field !== 'other' && p.value) || isPersonWithNumber(line);

/** "刘经理 139…", "139… 王师傅", "139…（周师傅）": a person named with a title beside a number, without a label. */
function isPersonWithNumber(line: string): boolean {
  if (line.length > 40) return false;
  const { numbers, rest, bracketed } = numbersIn(plainNumbers(line.trim()));
  const person = rest.replace(/[：:]$/, '') || bracketed || '';
  return numbers.length > 0 && PERSON_TITLE.test(person);
}

/** A line with two or more contact fields (地址 and 电话 …): it belongs to the contact block wherever it stands. */
export const isContactBlockLine = (line: string) => contactPairs(line).filter((p) => p.field !== 'other' && p.value).length >= 2;

/** A remark in brackets that is not a person: （微信同号）, （24小时）, （值班）, the writer's own （我）. */
const NOT_A_PERSON = /微信|同号|小时|全天|值班|急诊|转|分机|预约|总机|前台|总台|客服|办公室|门市|门店|传真|^(?:我|本人|自己|我的)$/;

/** The hundred commonest surnames (over four in five people bear one): a name of two or three characters starting with one. */
const COMMON_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const isFullName = (text: string) =>
  /^[\u4e00-\u9fff]{2,3}$/.test(text) && COMMON_SURNAMES.includes(text[0]!) && !PERSON_TITLE.test(text) && !NOT_A_PERSON.test(text);

/** "伍生", "黄生": how Cantonese speakers write Mr with a surname (not 学生, 招生, 医生, 养生 …). */
const CANTONESE_MISTER = /^(?![学卫招新先考师众医养出人一民写平后书门花])[\u4e00-\u9fff]生$/;

/** Numbers in a value, and the text left when they are taken out ("刘先生 13705311234" → 刘先生). */
function numbersIn(value: string): { numbers: string[]; rest: string; bracketed?: string } {
  // "0535-6621234（前台） 13706451234（林老师）": the first remark that names a person.
  const remarks = [...value.matchAll(/[（(]([^）)]{1,20})[)）]/g)].map((m) => m[1]!);
  // "（微信同号，刘店长）", "（微信同号，找小陈）": a person named in a remark beside a note on the number.
  const named = remarks
    .flatMap((remark) => remark.split(/[，,、;；\s]+/))
    .map((part) => part.replace(/^(?:找|联系|问)/, ''))
    .find((part) => PERSON_TITLE.test(part) || CANTONESE_MISTER.test(part));
  const bracketed = named ?? remarks.find((remark) => !NOT_A_PERSON.test(remark));
  const without = value.replace(/[（(][^）)]{1,20}[)）]/g, ' ');
  const numbers = [...without.matchAll(MOBILE), ...without.matchAll(FIXED)]
    .sort((a, b) => a.index! - b.index!)
    .map((m) => m[0].trim().replace(/^(0\d{2,3})\s/, '$1-'));
  const rest = numbers
    .reduce((text, n) => text.replace(n, ' '), without)
    .replace(/[\s,，、/]+/g, ' ')
    .trim();
  return { numbers, rest, ...(bracketed && !/\d/.test(bracketed) ? { bracketed } : {}) };
}

class ContactBuilder {
  readonly contact: ContactBlock = { address: '', phones: [] };
  found = false;

  private addNumber(label: string, number: string): void {
    if (this.contact.phones.some((p) => p.number === number)) return;
    const shown = isMobileNumber(number) && !/手机|传真/.test(label) ? '手机' : label.replace(/^联系/, '') || '电话';
    this.contact.phones.push({ label: shown.slice(0, 20), number: number.slice(0, 30) });
  }

  unlabelled(raw: string): void {
    const line = plainNumbers(raw);
    const { numbers } = numbersIn(line);
    // The address is the text before the first number or request ("订蛋糕请打 …"), brackets kept.
    const head = line.split(/\s{1,}(?=[^\s]*?(?:请|电话|热线|致电|拨打|打))|\s+(?=1[3-9]\d{9}|0\d{2,3}-)/)[0]!.trim();
    if (numbers.length) for (const n of numbers) this.add('电话', 'phone', n);
    // "赵经理 13906351234": a person's title and a number, no label.
    // "18654601234（李老师）": a title in brackets after the number, too.
    const { rest, bracketed } = numbersIn(line);
    const person = numbers.length ? (personIn(rest) ?? (bracketed && PERSON_TITLE.test(bracketed) ? bracketed : undefined)) : undefined;
    if (person) {
      this.found = true;
      this.contact.person ||= person;
    }
    if (ADDRESS.test(head) && /\d/.test(head) && !/(?<!\d)1[3-9]\d{9}(?!\d)/.test(head)) {
      this.found = true;
      this.address(head);
    }
  }

  /** The first address given; one in Chinese over one only in Latin letters (a business card's English side). */
  private address(value: string): void {
    const chinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
    if (!this.contact.address || (!chinese(this.contact.address) && chinese(value))) this.contact.address = value.slice(0, 200);
  }

  add(label: string, field: Field, value: string): void {
    // 微信：13953681234, "电话同微信 135… 刘厂长" — a WeChat id that is a mobile number is a number to call.
    const wechat = field === 'other' && label === '微信' ? numbersIn(value) : undefined;
    const wechatNumber = wechat?.numbers.length === 1 && isMobileNumber(wechat.numbers[0]!) ? wechat.numbers[0] : undefined;
    if (!value || (field === 'other' && !wechatNumber)) return;
    this.found = true;
    if (wechatNumber) {
      this.addNumber('手机', wechatNumber);
      // "微信：155…（白老师）": the person in brackets beside the number, as beside a phone's.
      const person = personIn(wechat!.rest) ?? wechat!.bracketed;
      if (person) this.contact.person ||= person.slice(0, 50);
    } else if (field === 'address') this.address(value);
    else if (field === 'postcode') {
      const code = /\d{6}/.exec(value)?.[0];
      if (code) this.contact.postcode = code;
    } else if (field === 'email') this.contact.email ||= value.slice(0, 100);
    else if (field === 'hours') this.contact.hours ||= value.slice(0, 100);
    else if (field === 'person') {
      const { numbers, rest } = numbersIn(value);
      if (rest) this.contact.person ||= rest.slice(0, 50);
      for (const n of numbers) this.addNumber(isMobileNumber(n) ? '手机' : '电话', n);
    } else {
      const { numbers, rest, bracketed } = numbersIn(value);
      if (bracketed) this.contact.person ||= bracketed.slice(0, 50);
      // "手机13805381234 王店长": a person's title after the number names who answers it.
      else if (numbers.length && personIn(rest)) this.contact.person ||= personIn(rest);
      // "联系电话：139… 曾建国（微信同号）": a full name alone after the number.
      else if (numbers.length && isFullName(rest.trim())) this.contact.person ||= rest.trim();
      for (const n of numbers) this.addNumber(field === 'fax' ? '传真' : field === 'mobile' ? '手机' : label, n);
      // "电话：400 800 1234" is read above; a value with no digit at all ("电话：订餐") is no number.
      if (numbers.length === 0 && /\d/.test(rest)) this.addNumber(label, rest);
    }
  }
}

const ADDRESS = /路|街|道|巷|弄|大厦|广场|号/;

/** A surname and how people address them: 王店长, 刘经理, 张姐, 李老师, 王大夫, 孟师傅; 小张, 老王; in the south 阿珍, 阿明 (not 阿里). */
const PERSON_TITLE =
  /^(?:[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐|经理|店长|老板|总|主任|师傅|姐|哥|老师|厂长|场长|院长|校长|大夫|医生|教练|主管|队长|站长|所长|馆长|园长|会长|掌柜)|[小老][\u4e00-\u9fff]|阿(?!里)[\u4e00-\u9fff])$/;

/**
 * The person a line with a number names beside it ("电话同微信 135… 刘厂长", "值班经理：孙经理 138…",
 * "销售顾问：小张 138…"): a word of the rest that is a surname with a title.
 */
const ROLE_BEFORE_NAME = /^(?:店长|厂长|院长|校长|社长|老板娘|老板|店主|经理|负责人|联系人|客服|前台)(?=[\u4e00-\u9fff]{2,3}$)/;

function personIn(rest: string): string | undefined {
  // "手机138…找赵师傅": whom to ask for, after 找.
  const named = rest
    .split(/[\s,，、;；：:|｜]+/)
    .map((word) => word.replace(/^(?:请找|找)(?=[\u4e00-\u9fff]{2})/, ''))
    // "店长小郑", "老板王姐": a role in front of how the person is addressed is not part of it.
    .map((word) => (PERSON_TITLE.test(word) ? word : word.replace(ROLE_BEFORE_NAME, '')))
    // "手机137… 梁生": a Cantonese Mr after the number, as in brackets beside it.
    .filter((word) => PERSON_TITLE.test(word) || CANTONESE_MISTER.test(word));
  // "值班经理：孙经理": a surname of one character is a person's, a longer word more likely a duty's.
  return named.find((word) => word.length <= 3) ?? named.at(-1);
}

/**
 * Contact lines → a contact block, or undefined if none of them carries a contact field. A line
 * without labels ("大学路77号（南门对面） 订蛋糕请打 15866201234") gives its numbers and, when the rest
 * reads like an address, the address.
 */
/** "客户：张先生　电话：139****5678　工程地址：…", "致：…物业": the line of a quotation naming whom it is for — the customer's, never the business's. */
const ADDRESSEE = /^\s*(?:致|客户(?:名称|姓名)?|业主|甲方|收货人|收件人)\s*[：:]/;

export function parseContact(lines: string[]): ContactBlock | undefined {
  const builder = new ContactBuilder();
  for (const line of lines) {
    if (ADDRESSEE.test(line)) continue;
    // "马场长：139…", "王厂长：137…": the person with a title is the label of the number.
    const titled = /^\s*([\u4e00-\u9fff]{2,4})\s*[：:]\s*(?=[+\d])/.exec(line)?.[1];
    if (titled && PERSON_TITLE.test(titled)) builder.contact.person ||= titled;
    const pairs = contactPairs(line);
    for (const { label, field, value } of pairs) builder.add(label, field, value);
    if (pairs.length === 0) builder.unlabelled(line);
  }
  return builder.found ? builder.contact : undefined;
}

const addressCore = (address: string) => address.replace(/[（(][^）)]*[)）]|\s/g, '');

/**
 * Of two files' addresses, the one to keep: a later one that only says the same place shorter ("邵东市金龙大道28号" after
 * "邵东市宋家塘街道金龙大道28号（老汽车站对面）": its road and number within the other) does not replace the fuller one.
 */
export function fullerAddress(before: string | undefined, found: string): string {
  if (!before) return found;
  const road = /[^市县区镇乡街道]+?(?:路|街|道|大道|巷)\d+号/.exec(addressCore(found))?.[0];
  const shorter = road && addressCore(before).includes(road) && addressCore(before).length > addressCore(found).length;
  return shorter ? before : found;
}

/** Of two files' persons, a full name over how the same person is addressed ("曾建国" over a later "曾老板"). */
export function fullerPerson(before: string | undefined, found: string): string {
  const titled = PERSON_TITLE.test(found) && !PERSON_TITLE.test(before ?? '');
  return before && titled && /^[\u4e00-\u9fff]{2,3}$/.test(before) && before[0] === found[0] ? before : found;
}
