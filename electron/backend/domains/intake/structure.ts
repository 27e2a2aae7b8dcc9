/**
 * Auto-structuring of a document (SITES.md "Intake"): top-level headings become columns by keyword,
 * sub-headings become items of the column's kind (products with price and spec, news with a date,
 * jobs with headcount and pay), 【求购】/【供应】 paragraphs become posts, and whatever no rule claims
 * goes to the unsorted tray. Every decision is recorded as a guess.
 */
import type { Guess, GuessRule, GuessTarget } from '../../../../shared/api/sites';
import {
  formatPrice,
  runsText,
  type Article,
  type Column,
  type ColumnType,
  type ImageRef,
  type Item,
  type Job,
  type Post,
  type Product,
  type UnsortedEntry,
} from '../../../../shared/sites/model';
import { extractLabeled, extractPay, findDate, parsePrice, splitHeadcount } from './fields';
import { makeGuess, type GuessEnv } from './guesses';
import { toModelBlocks, type SourceBlock } from './htmlToBlocks';
import { headingCore, matchColumnKeyword } from './keywords';

export const ALL_CHANNELS = { web: true, wap2: true, wap1: true, sms: true };

export interface StructuredMaterial {
  columns: Column[];
  unsorted: UnsortedEntry[];
  guesses: Guess[];
  /** Lines of a contact column, for the profile's contact block. */
  contactLines: string[];
}

type Heading = Extract<SourceBlock, { type: 'heading' }>;
const isHeading = (b: SourceBlock): b is Heading => b.type === 'heading';
const textOf = (b: SourceBlock) => (b.type === 'paragraph' || b.type === 'heading' ? runsText(b.runs) : '');

interface Section {
  heading?: Heading;
  blocks: SourceBlock[];
}

/** Splits at headings of level ≤ `level`; the blocks before the first such heading form a section without heading. */
function splitAt(blocks: SourceBlock[], level: number): Section[] {
  const sections: Section[] = [{ blocks: [] }];
  for (const block of blocks) {
    if (isHeading(block) && block.level <= level) sections.push({ heading: block, blocks: [] });
    else sections.at(-1)!.blocks.push(block);
  }
  return sections.filter((s) => s.heading || s.blocks.length > 0);
}

/** The heading level whose headings name columns: the highest level at which some heading matches a keyword. */
function columnLevel(blocks: SourceBlock[]): number | undefined {
  const levels = blocks.filter(isHeading).filter((h) => matchColumnKeyword(runsText(h.runs))).map((h) => h.level);
  return levels.length ? Math.min(...levels) : undefined;
}

class Structurer {
  readonly result: StructuredMaterial = { columns: [], unsorted: [], guesses: [], contactLines: [] };

  constructor(
    private readonly env: GuessEnv,
    private readonly source: string,
  ) {}

  private guess(rule: GuessRule, message: string, params: Record<string, string | number>, target: GuessTarget): void {
    this.result.guesses.push(makeGuess(this.env, rule, this.source, message, params, target));
  }

  toTray(blocks: SourceBlock[], note: string, images: ImageRef[] = []): void {
    if (blocks.length === 0 && images.length === 0) return;
    this.result.unsorted.push({ id: this.env.newId(), source: this.source, blocks: toModelBlocks(blocks), images, note });
  }

  run(blocks: SourceBlock[]): StructuredMaterial {
    const level = columnLevel(blocks);
    if (level === undefined) {
      this.toTray(blocks, 'No heading names a column (公司简介, 产品介绍, 新闻动态, 人才招聘, 供求信息, 联系我们 …).');
      return this.result;
    }
    for (const section of splitAt(blocks, level)) {
      const title = section.heading ? runsText(section.heading.runs) : '';
      const match = section.heading ? matchColumnKeyword(title) : undefined;
      if (!section.heading) this.toTray(section.blocks, 'Text before the first column heading.');
      else if (!match) this.toTray([section.heading, ...section.blocks], `No column keyword in the heading "${title}".`);
      else this.column(match.type, match.keyword, title, section.blocks, level + 1);
    }
    return this.result;
  }

  private column(type: ColumnType, keyword: string, heading: string, blocks: SourceBlock[], itemLevel: number): void {
    const column: Column = {
      id: this.env.newId(),
      type,
      title: headingCore(heading).slice(0, 30) || heading.slice(0, 30),
      order: 0,
      channels: { ...ALL_CHANNELS },
      body: [],
      items: [],
    };
    this.result.columns.push(column);
    this.guess('column.keyword', `Heading "${heading}" contains "${keyword}" → column of type ${type}.`, { heading, keyword, type }, { kind: 'column', columnId: column.id });
    const [first, ...rest] = splitAt(blocks, itemLevel);
    const lead = first && !first.heading ? first.blocks : [];
    const subsections = first && !first.heading ? rest : [first, ...rest].filter((s): s is Section => Boolean(s));
    if (type === 'products' || type === 'news' || type === 'jobs') {
      column.body = toModelBlocks(lead);
      for (const sub of subsections) this.item(column, sub);
    } else if (type === 'supply') {
      column.body = toModelBlocks(this.posts(column, lead));
      for (const sub of subsections) this.supplySection(column, sub);
    } else {
      column.body = toModelBlocks(blocks);
      if (type === 'contact') this.result.contactLines.push(...blocks.map(textOf).filter(Boolean));
    }
  }

  private item(column: Column, section: Section): void {
    const heading = runsText(section.heading!.runs).trim();
    const images = section.blocks.filter((b): b is Extract<SourceBlock, { type: 'image' }> => b.type === 'image').map((b) => b.image);
    const blocks = section.blocks.filter((b) => b.type !== 'image');
    const item = column.type === 'products' ? this.product(heading, blocks) : column.type === 'news' ? this.article(heading, blocks) : this.job(heading, blocks);
    if (item.kind === 'job') {
      if (images.length) this.toTray([], `Pictures in the job "${heading}" (jobs show no pictures).`, images);
    } else {
      const name = item.kind === 'product' ? item.name : item.title;
      item.images = images.map((image) => ({ ...image, alt: image.alt || name }));
    }
    column.items.push(item);
    const params = this.itemParams(item);
    this.guess('item.subheading', `Sub-heading "${heading}" under "${column.title}" → ${item.kind}${describeParams(params)}.`, { column: column.title, heading, ...params }, { kind: 'item', itemId: item.id });
    if (item.kind !== 'job')
      for (const image of item.images)
        this.guess('photo.embedded', `Picture inside "${heading}" in the document → shown with that ${item.kind}.`, { item: heading }, { kind: 'itemImage', itemId: item.id, sha256: image.sha256 });
  }

  private itemParams(item: Item): Record<string, string | number> {
    if (item.kind === 'product') return { ...(item.price ? { price: formatPrice(item.price) } : {}), ...(item.spec ? { spec: item.spec } : {}) };
    if (item.kind === 'article') return item.date ? { date: item.date } : {};
    if (item.kind === 'job') return { ...(item.headcount ? { headcount: item.headcount } : {}), ...(item.pay ? { pay: item.pay } : {}) };
    return {};
  }

  private product(name: string, blocks: SourceBlock[]): Product {
    const product: Product = { kind: 'product', id: this.env.newId(), name: name.slice(0, 100), description: [], images: [] };
    const description: SourceBlock[] = [];
    for (const block of blocks) {
      if (block.type !== 'paragraph') {
        description.push(block);
        continue;
      }
      const { found, rest } = extractLabeled(runsText(block.runs), ['价格', '售价', '单价', '零售价', '规格', '规格型号', '包装']);
      if (found.length === 0) {
        description.push(block);
        continue;
      }
      let text = rest;
      for (const { label, value } of found) {
        const price = /价/.test(label) ? parsePrice(value) : undefined;
        if (price && !product.price) product.price = price;
        else if (!/价/.test(label) && !product.spec) product.spec = value.slice(0, 200);
        else text += `${label}：${value}。`; // not understood: stays in the text
      }
      if (text.trim()) description.push({ type: 'paragraph', runs: [{ text: text.trim() }] });
    }
    product.description = toModelBlocks(description);
    return product;
  }

  private article(title: string, blocks: SourceBlock[]): Article {
    const date = findDate(title) ?? findDate(blocks.map(textOf).find(Boolean) ?? '');
    return { kind: 'article', id: this.env.newId(), title: title.slice(0, 100), ...(date ? { date } : {}), body: toModelBlocks(blocks), images: [] };
  }

  private job(heading: string, blocks: SourceBlock[]): Job {
    const { title, headcount } = splitHeadcount(heading);
    let pay = '';
    const requirements: SourceBlock[] = [];
    for (const block of blocks) {
      if (block.type !== 'paragraph') {
        requirements.push(block);
        continue;
      }
      const extracted = pay ? { rest: runsText(block.runs) } : extractPay(runsText(block.runs));
      if (extracted.pay) pay = extracted.pay.slice(0, 100);
      const rest = extracted.rest.replace(/^(任职要求|岗位要求|要求)\s*[：:]\s*/, '').trim();
      if (!extracted.pay) requirements.push(block);
      else if (rest) requirements.push({ type: 'paragraph', runs: [{ text: rest }] });
    }
    return { kind: 'job', id: this.env.newId(), title: title.slice(0, 100), ...(headcount ? { headcount } : {}), requirements: toModelBlocks(requirements), pay };
  }

  /** Tagged paragraphs become posts; the other blocks are returned. */
  private posts(column: Column, blocks: SourceBlock[]): SourceBlock[] {
    const rest: SourceBlock[] = [];
    for (const block of blocks) {
      const tagged = block.type === 'paragraph' ? /^\s*[【[]\s*(求购|供应)\s*[】\]]\s*(.+)$/s.exec(runsText(block.runs)) : null;
      if (!tagged) {
        rest.push(block);
        continue;
      }
      const text = tagged[2]!.trim();
      const post: Post = { kind: 'post', id: this.env.newId(), postKind: tagged[1] === '求购' ? 'demand' : 'supply', title: firstClause(text), text: [{ type: 'paragraph', runs: [{ text }] }] };
      column.items.push(post);
      this.guess('post.tag', `Paragraph tagged 【${tagged[1]}】 → ${post.postKind} post "${post.title}".`, { tag: tagged[1]!, title: post.title }, { kind: 'item', itemId: post.id });
    }
    return rest;
  }

  private supplySection(column: Column, section: Section): void {
    const heading = runsText(section.heading!.runs);
    const kind = /求购/.test(heading) ? 'demand' : /供应/.test(heading) ? 'supply' : undefined;
    if (!kind) {
      column.body.push(...toModelBlocks([section.heading!, ...this.posts(column, section.blocks)]));
      return;
    }
    const title = heading.replace(/^\s*[【[]\s*(求购|供应)\s*[】\]]\s*/, '').trim() || heading;
    const post: Post = { kind: 'post', id: this.env.newId(), postKind: kind, title: title.slice(0, 100), text: toModelBlocks(section.blocks.filter((b) => b.type !== 'image')) };
    column.items.push(post);
    this.guess('post.tag', `Sub-heading "${heading}" → ${kind} post.`, { tag: kind === 'demand' ? '求购' : '供应', title: post.title }, { kind: 'item', itemId: post.id });
  }
}

/** "长期求购日照绿茶毛茶，每年约20吨" → "长期求购日照绿茶毛茶". */
function firstClause(text: string): string {
  const clause = text.split(/[，,。；;！!？?\n]/)[0]!.trim();
  return (clause || text).slice(0, 40);
}

function describeParams(params: Record<string, string | number>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Structures one document's blocks. `source` is the file name shown with every guess and tray entry. */
export function structureDocument(blocks: SourceBlock[], source: string, env: GuessEnv): StructuredMaterial {
  return new Structurer(env, source).run(blocks);
}

/** A line of plain text that is a column heading: short, no sentence punctuation, not a 【tag】 before text. */
function isHeadingLine(line: string): boolean {
  const core = headingCore(line);
  if (core.length > 12 || /[，。；！？,;!?：:]/.test(core) || /^[【[][^】\]]+[】\]]./.test(core)) return false;
  return Boolean(matchColumnKeyword(line));
}

/** Plain text lines → source blocks: lines naming a column become headings, the rest paragraphs. */
export function textToBlocks(lines: string[]): SourceBlock[] {
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): SourceBlock => (isHeadingLine(line) ? { type: 'heading', level: 1, runs: [{ text: line }] } : { type: 'paragraph', runs: [{ text: line }] }));
}

