/**
 * Questions and answers ("问：移机怎么收费？" / "答：挂机移机200元/台，柜机移机300元/台。"): a small business's
 * 常见问题 text says everything in its answers — prices inside sentences, a promotion with its dates, the
 * positions it hires for, its contact, who it is. Each answer is sorted by what it says; the questions are not
 * shown (they only ask). Whatever an answer says that is no item waits in the tray.
 */
import type { Column } from '../../../../shared/sites/model';
import { ColumnFiller, type StructureContext } from './columnItems';
import { findAnyDate } from './dates';
import { textOf, toModelBlocks, type SourceBlock } from './htmlToBlocks';
import { isTaggedJob, productLine } from './lineItems';

const QUESTION = /^\s*(?:\d{1,2}\s*[.、．]\s*)?(?:问|Q\d{0,2})\s*[:：]\s*/i;
const ANSWER = /^\s*(?:答|A\d{0,2})\s*[:：]\s*/i;

export interface FaqAnswer {
  question: string;
  answer: string;
}

export interface Faq {
  /** The blocks before the first question (a title, an introduction). */
  before: SourceBlock[];
  answers: FaqAnswer[];
}

const lineOf = (block: SourceBlock) => (block.type === 'paragraph' || block.type === 'heading' ? textOf(block).trim() : undefined);

/** The questions and answers of a text made of them (three pairs or more, nothing but them after the first question). */
export function readFaq(blocks: SourceBlock[]): Faq | undefined {
  const first = blocks.findIndex((b) => QUESTION.test(lineOf(b) ?? ''));
  if (first < 0) return undefined;
  const answers: FaqAnswer[] = [];
  for (const block of blocks.slice(first)) {
    const line = lineOf(block);
    if (line === undefined) return undefined;
    if (!line) continue;
    if (QUESTION.test(line)) answers.push({ question: line.replace(QUESTION, ''), answer: '' });
    else {
      const last = answers.at(-1)!;
      const text = line.replace(ANSWER, '');
      if (!ANSWER.test(line) && !last.answer) return undefined;
      last.answer = last.answer ? `${last.answer}\n${text}` : text;
    }
  }
  return answers.filter((a) => a.answer).length >= 3
    ? { before: blocks.slice(0, first), answers: answers.filter((a) => a.answer) }
    : undefined;
}

/** "有！", "能。", "是的，": a reply to the question before what the answer says. */
const REPLY = /^(?:有的?|能|会|是的?|对|可以|当然(?:可以|有)?|没问题|行|好的?)[！!。，,]\s*/;

export type AnswerKind = 'products' | 'jobs' | 'news' | 'contact' | 'intro';

export interface SortedAnswer {
  kind?: AnswerKind;
  /** The answer's lines for its column: priced items as "name price" lines, one position a line. */
  lines: string[];
  /** Remarks said of a priced thing ("（含拆装，不含加氟）"), by its line. */
  remarks?: Map<string, string>;
  /** What the answer says beside its items (conditions, notes). */
  rest: string[];
}

/** Clauses apart at commas and sentence ends outside brackets ("空调移机150元/台（含拆装，不含加氟）" stays one). */
function clausesOf(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (/[（(]/.test(ch)) depth++;
    if (/[）)]/.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[，,；;。！!？?\n]/.test(ch)) {
      if (current.trim()) clauses.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) clauses.push(current.trim());
  return clauses;
}

const MOBILE_OR_FIXED = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<![\d-])0\d{2,3}-?\d{7,8}(?!\d)|(?<![\d-])[48]00-?\d{3,4}-?\d{3,4}/;

/**
 * A thing and its price said in a clause ("挂机加氟150元", "立式钢琴搬运600元/台", "三角钢琴搬运面议"): its name says
 * what is sold — not a condition ("没电梯的3楼开始每层加20元", "超出每公里加5元"), not a discount ("双方各减50元"),
 * not a sentence about us or you. A fee's 费 is left off the name ("上门检测费30元" → 上门检测).
 */
function pricedClause(clause: string): { line: string; remark?: string } | undefined {
  const remark = /^(.*?)\s*([（(][^（）()]{1,30}[)）])$/.exec(clause);
  const core = (remark?.[1] ?? clause).replace(/(\d\s*元)\s*一\s*(?=[\u4e00-\u9fff]{1,3}$)/, '$1/');
  const product = productLine(core);
  if (!product?.price || product.spec) return undefined;
  const name = product.name.trim();
  const bare = name.replace(/[（(][^）)]*[)）]/g, '');
  if (name.length < 2 || name.length > 24 || /每|[我你您他]|\d/.test(bare) || /(?:[加减收送付补交退]|便宜|优惠|打折)$/.test(bare))
    return undefined;
  const shown = name.length >= 4 && name.endsWith('费') ? name.slice(0, -1) : name;
  // A remark in brackets after the price ("（含拆装，不含加氟）") is said of the item.
  return { line: `${shown}  ${core.slice(product.name.length).trim()}`, ...(remark ? { remark: remark[2]!.slice(1, -1) } : {}) };
}

/**
 * "单位搬迁（公司、厂房）按车次和人工算，先免费上门看现场再报价，面议。": a sentence that ends in 面议 alone prices what
 * its first clause names — the words before how it is reckoned (按, 根据, 视).
 */
function negotiableSentence(clauses: string[]): string | undefined {
  if (clauses.length < 2 || !/^(?:价格)?(?:面议|电议|另议)$/.test(clauses.at(-1)!)) return undefined;
  const name = clauses[0]!.split(/(?:按|根据|视|需|要)/)[0]!.trim();
  return name.length >= 2 && name.length <= 24 && !/[我你您]/.test(name) ? `${name}  ${clauses.at(-1)}` : undefined;
}

/** "店在济南市…28号", "地址东营市…": where the business is, said in a clause, as a labelled address. */
function addressLabelled(clause: string): string {
  const said =
    /^(?:(?:地址|店址|厂址)(?:在|是)?|(?:店|门店|公司|厂|我们|本店)?(?:在|位于|坐落于|地处))\s*(?=[\u4e00-\u9fff])(.*(?:路|街|道|巷|号|米|村|镇|大厦|广场|市场).*)$/.exec(
      clause,
    );
  return said ? `地址：${said[1]}` : clause;
}

/** Sorts one answer by what it says: positions, the contact, a dated promotion, priced things, who the business is. */
export function sortAnswer(raw: string, dated: (text: string) => boolean): SortedAnswer {
  const text = raw.replace(REPLY, '').trim();
  const parts = text
    .split(/[；;。\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => isTaggedJob(p))) {
    const jobs = parts.filter((p) => isTaggedJob(p));
    return { kind: 'jobs', lines: jobs, rest: parts.filter((p) => !jobs.includes(p)) };
  }
  const clauses = clausesOf(text);
  if (MOBILE_OR_FIXED.test(text)) return { kind: 'contact', lines: clauses.map(addressLabelled), rest: [] };
  if (dated(text)) return { kind: 'news', lines: [text], rest: [] };
  const lines: string[] = [];
  const remarks = new Map<string, string>();
  const rest: string[] = [];
  for (const sentence of text.split(/[。！!？?；;\n]/).filter((s) => s.trim())) {
    const inSentence = clausesOf(sentence);
    const negotiable = negotiableSentence(inSentence);
    if (negotiable) {
      lines.push(negotiable);
      continue;
    }
    const unpriced: string[] = [];
    for (const clause of inSentence) {
      const priced = pricedClause(clause);
      if (!priced) {
        unpriced.push(clause);
        continue;
      }
      lines.push(priced.line);
      if (priced.remark) remarks.set(priced.line, priced.remark);
    }
    if (unpriced.length) rest.push(`${unpriced.join('，')}。`);
  }
  if (lines.length) return { kind: 'products', lines, rest, ...(remarks.size ? { remarks } : {}) };
  if (/^(?:我们|我店|我司|我公司|本店|本公司|本厂)/.test(text)) return { kind: 'intro', lines: [text], rest: [] };
  return { lines: [], rest: [text] };
}

/** Whether a text holds a date (a promotion's start), for `sortAnswer`. */
export const holdsDate = (fileYears: number[], today: string) => (text: string) => Boolean(findAnyDate(text, fileYears, today));

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/**
 * Puts a FAQ's answers where they belong: items into their columns (made when the document has none), the contact
 * lines into the contact block, who the business is (and the prose before the questions) into the introduction;
 * the rest of each answer, and the questions of answers that say nothing for the site, into the tray.
 */
export function structureFaq(faq: Faq, ctx: StructureContext): void {
  const fillers = new Map<AnswerKind, { column: Column; filler: ColumnFiller }>();
  const intro: SourceBlock[] = faq.before.filter((b) => b.type === 'paragraph' && textOf(b).trim().length >= 20);
  ctx.toTray(
    faq.before.filter((b) => !intro.includes(b)),
    'Text before the questions and answers.',
  );
  const dated = holdsDate(ctx.fileYears, ctx.today);
  for (const { question, answer } of faq.answers) {
    const sorted = sortAnswer(answer, dated);
    if (sorted.kind === 'contact') ctx.contactLines.push(...sorted.lines);
    else if (sorted.kind === 'intro') intro.push(...sorted.lines.map(paragraph));
    else if (sorted.kind) {
      if (!fillers.has(sorted.kind)) {
        const column = ctx.columnFor(sorted.kind, `The answer to "${question}" in questions and answers holds ${sorted.kind} items`);
        fillers.set(sorted.kind, { column, filler: new ColumnFiller(column, ctx) });
      }
      const { column, filler } = fillers.get(sorted.kind)!;
      for (const line of sorted.lines) {
        const before = column.items.length;
        filler.fill([paragraph(line)]);
        const made = column.items.at(-1);
        const remark = sorted.remarks?.get(line);
        if (remark && made?.kind === 'product' && column.items.length > before)
          made.description.push(...toModelBlocks([paragraph(remark)]));
      }
    }
    if (sorted.rest.length)
      ctx.toTray([paragraph(`问：${question}`), ...sorted.rest.map(paragraph)], 'What an answer says beside its items.');
  }
  if (intro.length) ctx.columnFor('intro', 'Questions and answers say who the business is').body.push(...toModelBlocks(intro));
}
