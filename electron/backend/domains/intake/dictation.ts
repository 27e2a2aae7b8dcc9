/**
 * Text dictated into a phone (voice-to-text): one run-on paragraph whose parts are joined by 然后 and 还有,
 * hardly any punctuation, prices said as people speak ("一袋是二十八块钱", "五公斤一桶的一百二十块钱"), a notice
 * announced ("还有个通知就是…"), the address said in passing ("在…88号"). Cut into the lines a written list
 * would have, so the line readers (lineItems.ts, contact.ts) see its items, notices, jobs and contact.
 */
import { paragraph } from '../../../../shared/sites/model';
import { textOf, type SourceBlock } from './htmlToBlocks';

/** Where a dictated part ends: a sentence mark, or the spoken joins that start the next part. */
const SPOKEN_JOIN = '然后(?:还有|呢|就是)?|还有(?:一个|个)?|另外|再就是';
const BREAK = new RegExp(`[。！？!?]|${SPOKEN_JOIN}`, 'g');
const LEADING_JOIN = new RegExp(`^(?:${SPOKEN_JOIN})`);
const JOINS = /然后|还有|另外|再就是/g;

/** A paragraph long and hardly punctuated, its parts joined by 然后/还有 again and again: dictated. */
export function isDictated(text: string): boolean {
  const joins = text.match(JOINS)?.length ?? 0;
  const marks = text.match(/[，,。！？!?；;、]/g)?.length ?? 0;
  return text.length >= 80 && joins >= 3 && text.length / (marks + 1) >= 18;
}

const MEASURE = '袋|瓶|桶|盒|箱|包|件|个|只|斤|公斤|套|台|支|条|张|本|份|次|罐|提|板|盘|把|双|对|头|棵|株';
const AMOUNT = '[零一二两三四五六七八九十百千万]+|\\d+(?:\\.\\d+)?';
/** "一千羽的", "五公斤", "500毫升": the size of what is sold, said between its name and the price. */
const SIZE = '(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)(?:公斤|千克|克|斤|升|毫升|羽|头份|片|粒|ml|g|kg)的?';

/**
 * "阿莫西林可溶性粉一袋是二十八块钱", "替米考星预混剂一袋六十五", "聚维酮碘消毒液五公斤一桶的一百二十块钱": a name, maybe
 * its size, then 一/每 and a measure word, then the amount (块钱 may be left out after the measure) — the
 * price for one of that measure.
 */
const SAID_PRICE = new RegExp(
  `^([\\u4e00-\\u9fffA-Za-z0-9（）()]{2,20}?)(${SIZE})?[一每](${MEASURE})(?:是|的|要|卖)*(${AMOUNT})(?:块钱|块|元)?(?=$|[，,])`,
);

/** A topic said first ("价格的话", "招人的话"): it names what follows, and is no part of it. */
const TOPIC = /^(?:嗯|啊|呃|那个)*(?:[\u4e00-\u9fff]{1,4}的话|招人(?=招))[，,]?/;
/** "通知就是…", "有个好消息…": a notice announced. */
const NOTICE = /^(?:有)?(?:个|一个)?(通知|公告|好消息)(?:就是|是)?[，,：:]?/;
/** "嗯就这些", "就这样": the end of dictating, nothing to show. */
const FILLER = /^(?:嗯|啊|呃|哦)*(?:就这些|就这样|没了|好了|谢谢)?(?:吧|了|啊)?$/;
/** "在寿光市圣城街道农圣街88号": the address said in passing, from the town to the house number. */
const SAID_ADDRESS =
  /(?:在|位于|地址是)((?:[\u4e00-\u9fff]{2,8}?(?:省|市|区|县|镇|乡|街道))+[\u4e00-\u9fff]{1,12}?(?:路|街|道|巷|大街|大道)\d+号(?:院|楼|\d+室)?)/;

/** The written lines of one dictated part, or undefined when it is plain talk. */
function writtenLines(part: string): string[] | undefined {
  const said = part.replace(TOPIC, '');
  const price = SAID_PRICE.exec(said);
  if (price) {
    const [whole, name, size, measure, amount] = price;
    const rest = said.slice(whole.length).replace(/^[，,\s]+/, '');
    const line = [name, size?.replace(/的$/, ''), `${amount}元/${measure}`].filter(Boolean).join('  ');
    return [line, ...(rest ? [rest] : [])];
  }
  const notice = NOTICE.exec(said);
  if (notice && said.length > notice[0].length + 4) return [`${notice[1]}：${said.slice(notice[0].length)}`];
  // "电话是138…座机是0536-…": the contact, said.
  if (said !== part || /\d{7}/.test(said)) return [said];
  return undefined;
}

/**
 * A dictated paragraph as the paragraphs a written text would have: each part that is an item, notice,
 * job or contact on a line of its own (prices written out), the talk between them kept as said, and the
 * address said in passing as a contact line. Other blocks as they are.
 */
export function dictatedApart(block: SourceBlock): SourceBlock[] {
  const text = block.type === 'paragraph' ? textOf(block) : '';
  if (!isDictated(text)) return [block];
  const out: SourceBlock[] = [];
  let talk = '';
  const flushTalk = () => {
    const said = talk
      .trim()
      .replace(/^[，,]+/, '')
      .replace(/[，,]$/, '。');
    if (said && !FILLER.test(said.replace(/[，,。！？!?]/g, ''))) out.push(paragraph(said));
    talk = '';
  };
  let at = 0;
  const raws: string[] = [];
  for (const match of text.matchAll(BREAK)) {
    const end = /^[。！？!?]$/.test(match[0]) ? match.index + 1 : match.index;
    if (end > at) raws.push(text.slice(at, end));
    at = end;
  }
  if (at < text.length) raws.push(text.slice(at));
  const addresses: string[] = [];
  for (const raw of raws) {
    const part = raw.replace(LEADING_JOIN, '').replace(/^[，,\s]+|[，,。！？!?\s]+$/g, '');
    const lines = part ? writtenLines(part) : undefined;
    if (!lines) {
      talk += raw;
      const address = SAID_ADDRESS.exec(raw);
      if (address) addresses.push(address[1]!);
      continue;
    }
    flushTalk();
    out.push(...lines.map((line) => paragraph(line)));
  }
  flushTalk();
  if (addresses.length) out.push(paragraph(`地址：${addresses[0]}`));
  return out;
}
