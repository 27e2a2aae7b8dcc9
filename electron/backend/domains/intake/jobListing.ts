/**
 * Job ads copied off a recruitment site (58同城, 智联招聘, BOSS直聘 …): each ad is a position's name over
 * label lines (`薪资：…`, `招聘人数：…`, `学历：…`, `性别要求：…`, `福利：…`), a `职位描述` heading over the
 * duties, and the company's name, the place of work and the contact under it. They are read as a jobs
 * column, one job per ad under its name; the company lines, the same under every ad, go to the contact;
 * a line of the business's own prices inside a description ("店里收费：中式八球28元/小时，斯诺克35元/小时")
 * becomes a price list of its own, as a customer manager would put it on the site.
 */
import { runsText } from '../../../../shared/sites/model';
import { isContactLine } from './contact';
import { textOf, type SourceBlock } from './htmlToBlocks';
import { matchColumnKeyword } from './keywords';
import { pricedClauses } from './lineItems';

const PAY_LABEL = /^(?:薪资|薪酬|月薪|工资|待遇)\s*[：:]/;
const JOB_LABEL = /^(?:招聘人数|学历(?:要求)?|(?:工作)?经验(?:要求)?|性别要求|年龄要求|福利|职位类别|岗位类别)\s*[：:]/;
/** Sub-headings of an ad that are fields of it, not positions. */
const AD_FIELD_HEADING = /^(?:职位描述|职位详情|岗位职责|岗位描述|工作内容|任职要求|职位要求|岗位要求|职位福利)[：:]?$/;
/** The company's lines under an ad. */
const COMPANY_LINE = /^(?:公司名称|企业名称|工作地点|工作地址|公司地址)\s*[：:]/;

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });
const heading = (text: string, level: number): SourceBlock => ({ type: 'heading', level, runs: [{ text }], look: true });

/** A position's name over a pay label and another job label within the next four lines. */
function isAdHead(blocks: SourceBlock[], i: number): boolean {
  const block = blocks[i]!;
  const text = textOf(block).trim();
  if ((block.type !== 'heading' && block.type !== 'paragraph') || !text || text.length > 30 || /[：:]/.test(text)) return false;
  const next = blocks.slice(i + 1, i + 5).map((b) => (b.type === 'paragraph' ? textOf(b).trim() : ''));
  return next.some((t) => PAY_LABEL.test(t)) && next.some((t) => JOB_LABEL.test(t));
}

/** "台球助教（包吃，提成高）" → the position, and its remark as a line of the ad. */
function adTitle(text: string): { title: string; remark?: string } {
  const match = /^(.{2,}?)\s*[（(]([^（）()]+)[）)]$/.exec(text.trim());
  return match ? { title: match[1]!, remark: match[2]! } : { title: text.trim() };
}

/** The blocks with job ads read as a jobs column (and their company lines and prices apart); others as they are. */
export function jobAdsApart(blocks: SourceBlock[]): SourceBlock[] {
  const heads = blocks.flatMap((_, i) => (isAdHead(blocks, i) ? [i] : []));
  if (heads.length === 0) return blocks;
  const jobs: SourceBlock[] = [heading('人才招聘', 1)];
  const contact: string[] = [];
  const prices: { label: string; lines: string[] } = { label: '', lines: [] };
  /** What follows an ad under a heading of its own (公司简介, 产品展示): left as it is, after the jobs. */
  const others: SourceBlock[] = [];
  heads.forEach((at, k) => {
    const { title, remark } = adTitle(textOf(blocks[at]!));
    jobs.push(heading(title, 2));
    // The ad's label lines are one paragraph of its facts (each line alone would look like an entry).
    const fact = { text: '' };
    const facts: SourceBlock = { type: 'paragraph', runs: [fact] };
    const span = blocks.slice(at + 1, heads[k + 1] ?? blocks.length);
    const end = span.findIndex((b) => b.type === 'heading' && !AD_FIELD_HEADING.test(textOf(b).trim()));
    if (end >= 0) others.push(...span.splice(end));
    for (const block of span) {
      const text = textOf(block).trim();
      if (block.type === 'heading' && AD_FIELD_HEADING.test(text)) continue;
      if (block.type === 'paragraph' && (PAY_LABEL.test(text) || JOB_LABEL.test(text))) {
        if (!fact.text) jobs.push(facts);
        fact.text = [fact.text, text.replace(/\s{2,}|\u3000+/g, ' ')].filter(Boolean).join('；');
        continue;
      }
      if (block.type === 'paragraph' && (COMPANY_LINE.test(text) || isContactLine(text))) {
        if (!contact.includes(text)) contact.push(text);
        continue;
      }
      const priced = block.type === 'paragraph' ? pricedClauses(text) : undefined;
      if (priced && priced.items.length >= 2) {
        const label = /^([^：:，,]{2,8})[：:]/.exec(text)?.[1];
        if (label && !prices.label && matchColumnKeyword(label)?.type === 'products') prices.label = label;
        prices.lines.push(label ? text.slice(label.length + 1).trim() : text);
        continue;
      }
      jobs.push(block.type === 'heading' ? paragraph(runsText(block.runs)) : block);
    }
    // After the facts, so the pay is the labelled one, not a perk ("提成高").
    if (remark) jobs.push(paragraph(remark));
  });
  return [
    ...blocks.slice(0, heads[0]),
    ...jobs,
    ...others,
    ...(prices.lines.length ? [heading(prices.label || '价目表', 1), ...prices.lines.map(paragraph)] : []),
    ...(contact.length ? [heading('联系我们', 1), ...contact.map(paragraph)] : []),
  ];
}
