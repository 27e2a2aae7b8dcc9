/**
 * A chat in which the owner tells the customer manager his goods one fact a message (chatExport.ts reads the
 * messages): "野生眉 980", a name in one message and its price in the next ("阿维菌素1.8%乳油" / "8块一瓶"), a
 * spoken heading ("先说农药", "化肥"), corrections later on ("刚才说错了，雾眉是880", "尿素不对，现在涨了，130"), a
 * quoted question answered ("「…：水晶唇就写1580吗？」" / "唇的价格写1280吧"), the contact said ("联系人写周老师就行").
 * Written out as the list the owner meant, the last word on a price winning, so the line readers
 * (lineItems.ts, contact.ts) see items, notices, jobs and the contact. The manager's questions and nods are left out.
 */
import { parsePrice } from '../../../../shared/sites/price';
import { askingSenders, chatMessages, withoutChatFrames } from './chatExport';

/** A line of the written list: an item (its name, price as said and a remark) or another message. */
interface Written {
  text: string;
  name?: string;
  price?: string;
  remark?: string;
  heading?: boolean;
}

const AMOUNT = String.raw`\d+(?:\.\d+)?`;
/** "8块一瓶", "980", "3块5一袋", "45一桶", "130元": a price as said. */
const SAID_PRICE = String.raw`${AMOUNT}(?:块\d?|元)?(?:[一每/][\u4e00-\u9fff]{1,2})?`;
const PRICE_ONLY = new RegExp(`^${SAID_PRICE}$`);
/** A name, then its price after a space or a comma, maybe a remark after another space ("洗眉 300一次 激光的", "…16升的，185一台"). */
const NAME_PRICE = new RegExp(String.raw`^(.+?)的?(?:\s+|[，,]\s*)(${SAID_PRICE})(?:\s+(\S.{0,20}))?$`);
/** "补色 一年内免费 超过一年的补色300": a short name, a remark, the amount at the very end. */
const NAME_REMARK_PRICE = new RegExp(String.raw`^([^\s\d，,]{1,10})\s+(.*[^\d.])(${AMOUNT})$`);
/** Talk to the manager: "好", "对", "我说你记", "好的 我打字发你", "另外一张你看着用". */
const TALK = /^(?:好|好的|对|对的|是的|嗯|行|可以|OK|ok)[。！!～~]*$|(?:发|给|告诉)你|你(?:记|看着|看看)/;
/** The way into a part said aloud: "先说", "还有", "对了", "另外", "然后". */
const LEAD_IN = /^(?:(?:对了|还有|另外|然后|再说|先说|接着说|最后)[，,\s]*)+/;
/** "这个也帮我发上去": asking the manager to put it on the site, after the part itself. */
const PUT_IT_UP = /[，,\s]+(?:这个|这些|这条)?也?(?:帮我|麻烦|给我)?(?:发|写|放|挂|加)(?:上去|到网站上?|上)[。！!吧]*$/;
/** "种子就写济麦22麦种": what to write for a topic. */
const WRITE_AS = /^([\u4e00-\u9fff]{1,4})(?:就)?写(?:成|上)?[:：]?\s*(.+?)(?:就行|就可以|就好|吧)?$/;
/** "地址是…", "电话就写我手机 139…", "联系人写周老师就行": the contact said. */
const CONTACT_SAID = /^(联系人|电话|手机|地址|微信)(?:就)?(?:写|是|在)(?:我(?:的)?(?:手机)?)?[:：]?\s*(.+?)(?:就行|就可以|就好|吧)?$/;
/** "刚才说错了，雾眉是880", "尿素不对，现在涨了，130": a price said again, put right. */
const CORRECTION =
  /^(?:(?:刚才|前面|上面)?(?:说错了|写错了|打错了|发错了)[，,\s]*([\u4e00-\u9fffA-Za-z0-9%.]{1,12}?)(?:是|应该是|改成|写)|([\u4e00-\u9fffA-Za-z0-9%.]{1,12}?)(?:不对|错了)[，,\s]*)(.*)$/;

/** A short message with no number, right before a priced line: a spoken heading ("化肥", "先说农药"). */
const isSpokenHeading = (text: string) => text.length <= 6 && !/\d|[，,。？?！!：:]/.test(text);

/** The price in a correction: the first price said ("45一桶，35那是去年的价"), else the last amount ("现在涨了，130"). */
function correctedPrice(said: string): string | undefined {
  const clauses = said.split(/[，,；;\s]+/).filter(Boolean);
  const bare = (clause: string) => clause.replace(/^(?:现在|应该|改成|是)+/, '');
  const first = clauses.find((c) => PRICE_ONLY.test(bare(c)));
  if (first) return bare(first);
  return clauses.at(-1)?.match(new RegExp(`^${AMOUNT}$`))?.[0];
}

/** A new price for the item named `name` last: its amount replaced, its unit kept unless the new one says one. */
function correct(written: Written[], name: string, price: string): boolean {
  const item = written.findLast((w) => w.name && (w.name.includes(name) || name.includes(w.name)));
  if (!item?.price) return false;
  item.price = /[一每/]/.test(price) ? price : item.price.replace(new RegExp(`^${AMOUNT}(?:块\\d?)?`), price);
  return true;
}

/** The item a message gives, if it names one and its price. */
function itemOf(said: string): Written | undefined {
  if (sectionOf(said) !== 'other') return undefined;
  const priced = NAME_PRICE.exec(said);
  if (priced && parsePrice(priced[2]!)) return { text: said, name: priced[1]!, price: priced[2]!, remark: priced[3] };
  const last = NAME_REMARK_PRICE.exec(said);
  if (last) return { text: said, name: last[1]!, price: last[3]!, remark: last[2]!.trim() };
  return undefined;
}

/** One message of the owner's as the lines of a written list (or as a correction of one already written). */
function writeMessage(text: string, quote: string | undefined, written: Written[]): void {
  let said = text.replace(LEAD_IN, '').replace(PUT_IT_UP, '').trim();
  if (!said || TALK.test(said)) return;
  const contact = CONTACT_SAID.exec(said);
  if (contact) {
    const value = contact[2]!
      .replace(/\s*(?:座机没有|没有座机|座机也?没有)\s*/, '')
      .replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\w])/g, '');
    written.push({ text: `${contact[1]}：${value}` });
    return;
  }
  const fix = CORRECTION.exec(said);
  if (fix) {
    const price = correctedPrice(fix[3]!);
    if (price && correct(written, fix[1] ?? fix[2]!, price)) return;
  }
  // "唇的价格写1280吧" under a quoted "水晶唇就写1580吗？": the price of what the quote names.
  if (quote) {
    const amount = new RegExp(AMOUNT).exec(said)?.[0];
    const named = written.findLast((w) => w.name && quote.includes(w.name));
    if (amount && named && correct(written, named.name!, amount)) return;
  }
  const topic = WRITE_AS.exec(said);
  if (topic && !/\d/.test(topic[1]!)) said = topic[2]!;
  const previous = written.at(-1);
  // "阿维菌素1.8%乳油" / "8块一瓶": the name in one message, its price in the next.
  if (PRICE_ONLY.test(said) && previous && !previous.heading && !previous.name && parsePrice(said)) {
    Object.assign(previous, { name: previous.text, price: said });
    return;
  }
  written.push(itemOf(said) ?? { text: said, heading: isSpokenHeading(said) });
}

/** A price as written in a list: "3块5一袋" → "3.5元/袋", a bare "980" → "980元" (a price in a chat about prices is in yuan). */
function writtenPrice(said: string): string {
  const price = parsePrice(said);
  if (price?.kind !== 'amount') return said;
  const yuan = String(price.fen / 100);
  return `${yuan}元${price.unit ? `/${price.unit}` : ''}`;
}

/** What a message left over is: a job ad, a dated notice, a contact line, or other talk. */
function sectionOf(text: string): 'jobs' | 'news' | 'contact' | 'other' {
  if (/^(?:联系人|电话|手机|地址|微信)[：:]|\d{7}|\d{3,4}-\d{7,8}|(?:路|街|道|巷|号|村|镇)(?:[东南西北]|往|\d|$)|米路[东南西北]/.test(text))
    return 'contact';
  if (/^(?:还|店里|我们|现在)?(?:招人|招聘|诚聘|招)/.test(text)) return 'jobs';
  if (/\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}\s*[-/.年]\s*\d{1,2}/.test(text)) return 'news';
  return 'other';
}

/** The headings a written list would give the parts of a dictated chat. */
const SECTION_HEADINGS = { items: '产品价格', news: '活动', jobs: '招聘', contact: '联系方式' } as const;

/** The written list: other talk first, then the priced items, the notices, the jobs and the contact, each under its heading. */
function asList(written: Written[]): string[] {
  const sections = { other: [] as string[], items: [] as string[], news: [] as string[], jobs: [] as string[], contact: [] as string[] };
  for (const w of written) {
    if (w.heading) continue;
    if (w.name && w.price) {
      sections.items.push([w.name, writtenPrice(w.price), w.remark].filter(Boolean).join('  '));
      continue;
    }
    const section = sectionOf(w.text);
    sections[section].push(section === 'jobs' ? w.text.replace(/^(?:还|店里|我们|现在)?招人[，,\s]*/, '') : w.text);
  }
  const out = [...sections.other];
  for (const key of ['items', 'news', 'jobs', 'contact'] as const)
    if (sections[key].length) out.push('', SECTION_HEADINGS[key], '', ...sections[key]);
  return out;
}

/** One-line messages of the owner's that give an item, from this many on: the chat is a dictated list. */
const MIN_DICTATED_ITEMS = 3;

/**
 * The lines of a text, a chat in which the owner dictated his goods one fact a message written out as the
 * list he meant; another chat with its frames blanked (chatExport.ts); other text as it is.
 */
export function chatAsWritten(lines: string[]): string[] {
  const messages = chatMessages(lines);
  if (!messages) return lines;
  const asking = askingSenders(messages);
  const written: Written[] = [];
  let oneFactMessages = 0;
  for (const message of messages) {
    if (asking.has(message.sender)) continue;
    const items = written.filter((w) => w.name).length;
    // A message of several lines ("线条眉 1280" / "美瞳线 680") says one fact a line.
    for (const line of message.lines) writeMessage(line, message.quote, written);
    if (message.lines.length === 1 && written.filter((w) => w.name).length > items) oneFactMessages += 1;
  }
  if (oneFactMessages < MIN_DICTATED_ITEMS) return withoutChatFrames(lines);
  return asList(written);
}
