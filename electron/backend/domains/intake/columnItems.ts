/**
 * Filling a column that holds items (products, news, jobs, services, supply/demand) from the blocks
 * under its heading. Items come from sub-headings (with the text under them), from table rows
 * (tables.ts) and from lines that are items by themselves (lineItems.ts); "价格：…"-style lines after
 * an item fill its fields; contact lines go to the contact block; the rest is the column's own text.
 */
import type { Guess, GuessRule, GuessTarget } from '../../../../shared/api/sites';
import {
  formatPrice,
  paragraph,
  runsText,
  type Article,
  type Column,
  type ColumnType,
  type ImageRef,
  type Item,
  type Job,
  type Post,
  type Price,
  type Product,
  type Run,
} from '../../../../shared/sites/model';
import { isMarkedPrice, parsePrice } from '../../../../shared/sites/price';
import { bulletTexts, priceOfBullets } from './bulletPrices';
import { isContactLine } from './contact';
import { numberingOf, undecorated } from './headings';
import { findAnyDate, leadingDate, type FoundDate } from './dates';
import { countOf, extractLabeled, extractPay, parseLabeledPrice, splitHeadcount } from './fields';
import type { GuessEnv } from './guesses';
import { headingCore } from './keywords';
import { textOf, toModelBlocks, type SourceBlock } from './htmlToBlocks';
import {
  asTaggedPost,
  FIELD_LABEL,
  isStandingDemand,
  isTaggedJob,
  isTaggedNotice,
  jobLine,
  labeledPairs,
  isCurrentNotice,
  newsLine,
  spacedProducts,
  isOneNoticeTitle,
  isSurcharge,
  noticeLine,
  opensPost,
  postLine,
  pricedClauses,
  productLine,
  type ProductLine,
  saidPoints,
  serviceLine,
  withoutSequenceMarkers,
  withoutJobTag,
  withoutPostLead,
} from './lineItems';
import { leadingPrice } from './leadingPrice';
import { proseOffer } from './proseOffer';
import { skuRows, withSkuOptions } from './skuRows';
import {
  categoryRows,
  hasRole,
  headerRole,
  isRestrictedPriceLabel,
  labelledPricesOnly,
  readTable,
  rowFields,
  type RowFields,
  type TableReading,
} from './tables';

/** What a column filler is handed by the structurer (structure.ts) that reads the whole document. */
export interface StructureContext {
  env: GuessEnv;
  source: string;
  ocr: boolean;
  today: string;
  /** Years of the file's full dates, for dates written without one. */
  fileYears: number[];
  guess(rule: GuessRule, message: string, params: Record<string, string | number>, target: GuessTarget): Guess;
  toTray(blocks: SourceBlock[], note: string, images?: ImageRef[]): void;
  /** The column of `type` in this document, made when there is none (a line tagged 招：/售： in another column). */
  columnFor(type: ColumnType, why: string): Column;
  contactLines: string[];
}

/** Column types whose content is a list of items. */
export const LIST_COLUMNS: ColumnType[] = ['products', 'news', 'jobs', 'services', 'supply'];

type ImageBlock = Extract<SourceBlock, { type: 'image' }>;
/** "五、其他", "更多服务": a heading over what is left names a group, however few items it holds — never an item. */
const CATCH_ALL = /^(?:其[他它余](?:项目|服务|产品|商品|业务)?|更多(?:项目|服务|产品|商品)?)$/;
const listItemTexts = (b: Extract<SourceBlock, { type: 'list' }>) => b.items.map((i) => runsText(i.runs));
type TableBlock = Extract<SourceBlock, { type: 'table' }>;
const gridOf = (b: TableBlock) => b.rows.map((row) => row.map((cell: Run[]) => runsText(cell)));
/** `caption`: the line just above the table (a sheet's title "2026年4月批发报价"), which may say which price it lists. */
/** A picture's name (a sheet row's name cell) that is the item's name, or its name after a brand. */
const namesItem = (alt: string, item: Item) => alt.length >= 2 && (titleOf(item) === alt || titleOf(item).endsWith(` ${alt}`));

const tableOf = (b: TableBlock, caption = '') => readTable(gridOf(b), 1, b.header, caption);

const PRODUCT_FIELDS = ['价格', '售价', '单价', '零售价', '参考价', '报价', '收费标准', '收费', '费用', '规格', '规格型号', '型号', '包装'];
/** Labels whose value is the price ("价格：", "收费标准：", "费用："). */
const PRICE_FIELD = /价|费/;
/** Sub-headings over notes, not over an item: "说明", "备注", "注意事项", "温馨提示". */
const NOTES_HEADING = /^(?:说明|备注|附注|注|注意事项|温馨提示|须知|补充说明|其他说明)[：:]?$/;
/** What the house gives or asks on top of its prices ("米饭免费", "满30元免费送", "辣椒香菜自取"), with no price of an item. */
const isHouseTerms = (text: string) => /免费|包邮|自取|任选|可选|不另收|满\d+元/.test(text) && !productLine(text);
const JOB_FIELDS = /^(任职要求|岗位要求|岗位职责|要求|职责|待遇|薪资|薪酬|工资|月薪)\s*[：:]/;

/** Fields of an item worth showing in its guess. */
function itemParams(item: Item, date?: FoundDate): Record<string, string | number> {
  if (item.kind === 'product')
    return {
      ...(item.model ? { model: item.model } : {}),
      ...(item.price ? { price: formatPrice(item.price) } : {}),
      ...(item.spec ? { spec: item.spec } : {}),
    };
  if (item.kind === 'article')
    return item.date
      ? { date: item.date, ...(date?.yearInferred ? { year: 'inferred' } : {}), ...(date?.dayMissing ? { day: 'missing' } : {}) }
      : {};
  if (item.kind === 'job') return { ...(item.headcount ? { headcount: item.headcount } : {}), ...(item.pay ? { pay: item.pay } : {}) };
  if (item.kind === 'post') return { postKind: item.postKind };
  return {};
}

function describe(params: Record<string, string | number>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k} ${v}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const titleOf = (item: Item) => (item.kind === 'product' || item.kind === 'staff' ? item.name : item.title);

export class ColumnFiller {
  /** The last item made from a line or row: field lines after it fill it. */
  private last: Item | undefined;
  /** Dates found for articles, for the guesses' "year inferred" note. */
  private readonly dates = new Map<string, FoundDate>();
  /** A news column without sub-headings: each of its paragraphs is a notice. */
  private notices = false;
  private caption = '';

  constructor(
    private readonly column: Column,
    private readonly ctx: StructureContext,
  ) {}

  /**
   * `caption`: the line the given blocks stood under in the document when it is not among them (a table's
   * "今日回收参考价：" in text without headings), so a table first in `given` still has its caption.
   */
  fill(given: SourceBlock[], caption = ''): void {
    this.caption = caption;
    const blocks = withoutRunMarkers(given.flatMap(pointsApart).flatMap(cellsApart));
    const levels = blocks.flatMap((b) => (b.type === 'heading' ? [b.level] : []));
    const itemLevel = levels.length ? Math.min(...levels) : undefined;
    if (this.column.type === 'services' && (this.pricedLines(blocks) || pricedSections(blocks, itemLevel))) this.column.type = 'products';
    this.notices = itemLevel === undefined;
    this.sections(blocks, itemLevel);
    this.shortLines();
  }

  /** Blocks split at the sub-headings of `itemLevel`: the blocks before the first, then each sub-heading's section. */
  private sections(blocks: SourceBlock[], itemLevel: number | undefined): void {
    let current: { heading: Extract<SourceBlock, { type: 'heading' }>; blocks: SourceBlock[] } | undefined;
    const lead: SourceBlock[] = [];
    const flush = () => current && this.subsection(current.heading, current.blocks);
    for (const block of blocks) {
      if (block.type === 'heading' && block.level === itemLevel) {
        flush();
        current = { heading: block, blocks: [] };
      } else (current ? current.blocks : lead).push(block);
    }
    if (lead.length) this.blocks(lead);
    flush();
  }

  /**
   * The fallback when no rule made an item: a products, jobs or services column whose text is a run
   * of two or more short lines — names without prices or headcounts ("瑜伽", "动感单车", "私教课"; "会计",
   * "送货司机"; "钢结构安装"), or in products and services "name：what it is" lines ("不锈钢水箱：304材质，
   * 1-100吨") — makes each line an item, named as written. A lead sentence may stand before the run
   * ("主要产品如下：") and a closing remark after it ("价格面议。"). Lines with sentence punctuation in the name, or labels (价格：, 地址：), are text, and
   * so is a run mixed with them.
   */
  private shortLines(): void {
    if (this.column.items.length > 0 || !['products', 'jobs', 'services'].includes(this.column.type)) return;
    if (!this.column.body.every((b) => b.type === 'paragraph' || b.type === 'list' || b.type === 'image')) return;
    const texts = this.column.body.flatMap((block) =>
      block.type === 'paragraph' ? [runsText(block.runs)] : block.type === 'list' ? block.items.map((i) => runsText(i.runs)) : [],
    );
    const entries = texts.map((text) => this.entryOf(text));
    const lead = texts.length > 2 && !entries[0] && /[：:。]$/.test(texts[0]!.trim()) ? 1 : 0;
    // "来图来样加工，价格面议。": a closing sentence after the run is a remark on the whole list.
    const tail = texts.length - lead > 2 && !entries.at(-1) && /[。！!]$/.test(texts.at(-1)!.trim()) ? 1 : 0;
    const run = entries.slice(lead, entries.length - tail);
    if (run.length < 2 || !run.every(Boolean)) return;
    const remarks = [...(lead ? [texts[0]!] : []), ...(tail ? [texts.at(-1)!] : [])];
    this.column.body = [...remarks.map((t) => paragraph(t.trim())), ...this.column.body.filter((b) => b.type === 'image')];
    for (const entry of run as { name: string; text?: string }[]) {
      const id = this.ctx.env.newId();
      const about = entry.text ? [paragraph(entry.text)] : [];
      const item: Item =
        this.column.type === 'jobs'
          ? { kind: 'job', id, title: entry.name.slice(0, 100), pay: '', requirements: [] }
          : this.column.type === 'services'
            ? { kind: 'article', id, title: entry.name.slice(0, 100), body: about, images: [] }
            : { kind: 'product', id, name: entry.name.slice(0, 100), description: about, images: [] };
      this.add(item, 'item.line', `A run of short lines in "${this.column.title}", no rule claimed them: line "${entry.name}"`, {
        line: entry.name,
      });
    }
  }

  /** A line of such a run: a short name alone, or (products, services) a short name, a colon and what it is. */
  private entryOf(text: string): { name: string; text?: string } | undefined {
    const line = numberingOf(undecorated(text))?.rest.trim() ?? undecorated(text).trim();
    const isName = (name: string) =>
      name.length >= 2 && name.length <= 16 && !/[，,。；;：:！？!?、]/.test(name) && /^[\u4e00-\u9fffA-Za-z]/.test(name);
    if (isName(line)) return { name: line };
    if (this.column.type === 'jobs') return undefined;
    const labelled = /^([^：:，,。；;]{2,12})[：:]\s*(\S.+)$/.exec(line);
    if (!labelled || !isName(labelled[1]!.trim()) || FIELD_LABEL.test(labelled[1]!.trim()) || isContactLine(line)) return undefined;
    return { name: labelled[1]!.trim(), text: labelled[2]!.trim() };
  }

  /**
   * A heading found by look that names no column, right after this column: it is one of this
   * column's items when what it heads looks like one (a price, a headcount or pay, a date, a 供/求
   * tag) — bold product names under a bold 产品介绍; otherwise it starts a section of its own.
   */
  acceptsSection(heading: string, blocks: SourceBlock[]): boolean {
    const text = [heading, ...blocks.map(textOf)].join('\n');
    switch (this.column.type) {
      case 'products':
        return /价|型号|规格/.test(text) || blocks.some((b) => b.type === 'paragraph' && /[¥￥]|\d\s*元/.test(textOf(b)));
      case 'jobs':
        return splitHeadcount(heading).headcount !== undefined || /要求|待遇|薪|工资|经验|学历/.test(text);
      case 'news':
        return Boolean(
          findAnyDate(heading, this.ctx.fileYears, this.ctx.today) ??
          findAnyDate(textOf(blocks[0] ?? paragraph('')), this.ctx.fileYears, this.ctx.today),
        );
      case 'supply':
        return /供应|求购|出售|收购|采购|转让/.test(heading);
      default:
        return false;
    }
  }

  /** Services written as "name：price" lines (most of its lines, or its one line) are a price list: such a column holds products. */
  private pricedLines(blocks: SourceBlock[]): boolean {
    const lines = blocks.flatMap((b) => (b.type === 'paragraph' ? [textOf(b)] : b.type === 'list' ? listItemTexts(b) : []));
    const tableRows = blocks.map((b) => (b.type === 'table' ? tableOf(b) : undefined)).filter((r): r is TableReading => Boolean(r));
    const priced =
      lines.filter((l) => productLine(l)).length +
      tableRows.reduce((n, r) => n + (hasRole(r, 'name') && hasRole(r, 'price') ? r.rows.length : 0), 0);
    const all = lines.length + tableRows.reduce((n, r) => n + r.rows.length, 0);
    // "羽毛球拍穿线　20元/次" alone under 其他服务: a list of one.
    return (priced >= 2 || all === 1) && priced * 2 >= all;
  }

  private add(
    item: Item,
    rule: 'item.subheading' | 'item.table_row' | 'item.line' | 'post.tag',
    message: string,
    params: Record<string, string | number>,
  ): void {
    this.column.items.push(item);
    const facts = itemParams(item, this.dates.get(item.id));
    this.ctx.guess(
      rule,
      `${message} → ${item.kind} "${titleOf(item)}"${describe(facts)}.`,
      { column: this.column.title, kind: item.kind, title: titleOf(item), ...params, ...facts },
      { kind: 'item', itemId: item.id },
    );
  }

  /** Blocks that are not under a sub-heading: tables, item lines, fields of the last item, the column's text. */
  private blocks(blocks: SourceBlock[]): void {
    let pendingImages: Item[] = [];
    let named: SourceBlock | undefined;
    const details = new Set<SourceBlock>();
    const leading = picturesLeadingTables(blocks);
    let held: ImageBlock | undefined;
    for (const [index, block] of blocks.entries()) {
      if (block === named || details.has(block)) continue;
      if (leading.has(block)) {
        held = block as ImageBlock;
        continue;
      }
      const notice = this.column.type === 'news' ? noticeDetails(blocks, index) : undefined;
      if (notice) {
        notice.forEach((b) => details.add(b));
        const title = textOf(block).trim();
        const article = this.articleOf(title, notice);
        this.add(article, 'item.subheading', `Line "${title.slice(0, 40)}" over its details in "${this.column.title}"`, { heading: title });
        this.last = article;
        continue;
      }
      if (this.namedFacts(block, blocks[index + 1])) {
        named = blocks[index + 1];
        continue;
      }
      if (block.type === 'table') {
        const cards = this.cards(block);
        if (cards) {
          pendingImages = cards;
          continue;
        }
        const before = index === 0 ? this.caption : blocks[index - 1]?.type === 'paragraph' ? textOf(blocks[index - 1]!) : '';
        const made = this.table(tableOf(block, before));
        const picture = held;
        held = undefined;
        if (picture) {
          const [owner] = made?.items ?? [];
          if (owner?.kind === 'product' || owner?.kind === 'article') this.picture(owner, picture);
          else this.body(picture);
        }
        const next = blocks[index + 1];
        const namedPicture = next?.type === 'image' && made?.items.some((item) => namesItem(next.image.alt, item));
        if (made) pendingImages = made.withPhotos || namedPicture ? made.items : [];
        else if (!this.rowsAsLines(block) && !this.contactTable(block)) this.body(block);
      } else if (block.type === 'image') {
        // A sheet row's picture is named by its row's name: it goes to that item, whatever pictures other rows lack.
        const named = pendingImages.findIndex((item) => namesItem(block.image.alt, item));
        const owner = (named >= 0 ? pendingImages.splice(named, 1)[0] : pendingImages.shift()) ?? this.last;
        if (owner && (owner.kind === 'product' || owner.kind === 'article')) this.picture(owner, block);
        else this.body(block);
      } else if (block.type === 'list') {
        const texts = listItemTexts(block);
        const items = texts.filter((t) => this.lineItemOf(t));
        if (items.length >= 1 && items.length * 2 >= texts.length) for (const t of texts) this.line(t);
        else this.body(block);
      } else if (block.type === 'paragraph') this.line(textOf(block));
      else this.body(block);
    }
  }

  /**
   * A product's name on a line of its own over a table of its facts ("巴氏鲜牛奶" over 规格 | 950ml/瓶,
   * 价格 | 16元/瓶): one product, the table's pairs its fields. True when `block` was that name (the
   * caller then skips the table).
   */
  private namedFacts(block: SourceBlock, next: SourceBlock | undefined): boolean {
    if (this.column.type !== 'products' || block.type !== 'paragraph' || next?.type !== 'table') return false;
    const name = textOf(block).trim();
    const facts = factsOf(next);
    if (!facts || name.length < 2 || name.length > 20 || /[，,。；;：:！？]/.test(name) || this.lineItemOf(name)) return false;
    const item = productOf(this.ctx.env.newId(), name, [paragraph(facts.map((f) => `${f.label}：${f.value}`).join('。'))]);
    this.add(item, 'item.table_row', `Name "${name}" over a table of its facts in "${this.column.title}"`, { line: name });
    this.last = item;
    return true;
  }

  /**
   * A grid of cards (a brochure's products, two or three a row: picture, name, facts, price in one
   * cell): when most filled cells each read as a product on their own, every cell is one item, in
   * reading order, and the pictures after the table go to them in that order.
   */
  private cards(block: TableBlock): Item[] | undefined {
    if (this.column.type !== 'products') return undefined;
    const grid = cardGrid(block);
    if (!grid) return undefined;
    const { cells, lines } = grid;
    const items: Item[] = [];
    lines.forEach((line, index) => {
      if (!line) return this.body(paragraph(cells[index]!));
      const item: Product = {
        kind: 'product',
        id: this.ctx.env.newId(),
        name: line.name.slice(0, 100),
        ...(line.price ? { price: line.price } : {}),
        ...(line.spec ? { spec: line.spec.replace(/^规格\s*[：:]\s*/, '').slice(0, 200) } : {}),
        description: [],
        images: [],
      };
      this.add(item, 'item.table_row', `Card ${index + 1} of a grid of cards in "${this.column.title}"`, { card: index + 1 });
      items.push(item);
      this.last = item;
    });
    return items;
  }

  /**
   * A table without header that is lines spaced into cells ("2026年5月20日  520情侶寫真限時八折。" in
   * a text file): when most rows read as items of this column, each row is read as a line.
   */
  private rowsAsLines(block: TableBlock): boolean {
    if (block.header) return false;
    const lines = gridOf(block).map((cells) =>
      cells
        .map((c) => c.trim())
        .filter(Boolean)
        .join('  '),
    );
    const items = lines.filter((line) => this.lineItemOf(line)).length;
    if (items === 0 || items * 2 < lines.length) return false;
    for (const line of lines) this.line(line);
    return true;
  }

  /**
   * A table of contact cells ("电话：0531-…" | "手机：139…", "地址：…" | "邮箱：…": a quotation's signature) standing
   * in a list column: its cells are contact lines. True when most filled cells are.
   */
  private contactTable(block: TableBlock): boolean {
    const filled = gridOf(block)
      .flat()
      .map((cell) => cell.trim())
      .filter(Boolean);
    const contact = filled.filter((cell) => isContactLine(cell));
    if (contact.length < 2 || contact.length * 2 < filled.length) return false;
    this.ctx.contactLines.push(...contact);
    return true;
  }

  /**
   * The products listed under a sub-heading take it as their category. When they all did, the heading leaves the
   * column's text: the WEB page shows each category over its products, and would show it twice.
   */
  private categorize(before: number, headingAt: number, title: string): void {
    const category = headingCore(title).slice(0, 50) || title.slice(0, 50);
    const listed = this.column.items.slice(before).filter((item): item is Product => item.kind === 'product');
    for (const item of listed) item.category ??= category;
    if (listed.length > 0 && listed.every((item) => item.category === category) && this.column.body[headingAt]?.type === 'heading')
      this.column.body.splice(headingAt, 1);
  }

  private body(block: SourceBlock): void {
    this.column.body.push(...toModelBlocks([block]));
  }

  private picture(item: Article | Product, block: ImageBlock): void {
    item.images.push({ ...block.image, alt: block.image.alt || titleOf(item) });
    this.ctx.guess(
      'photo.embedded',
      `Picture after "${titleOf(item)}" in the document → shown with that ${item.kind}.`,
      { item: titleOf(item) },
      { kind: 'itemImage', itemId: item.id, sha256: block.image.sha256 },
    );
  }

  /** A paragraph or list item: an item, a field of the last item, a contact line, or text. */
  private line(text: string): void {
    const trimmed = text.trim();
    if (!trimmed || this.elsewhere(trimmed)) return;
    const listed = this.listedItems(trimmed);
    if (listed) return listed.forEach((part) => this.line(part));
    const clauses = this.column.type === 'products' && !productLine(trimmed) ? pricedClauses(trimmed) : undefined;
    if (clauses) return this.clauseItems(clauses);
    const offer = this.column.type === 'products' && !productLine(trimmed) ? proseOffer(trimmed) : undefined;
    if (offer) return this.clauseItems({ lead: [], items: [offer] });
    const item = this.lineItemOf(trimmed);
    if (item) {
      this.add(item.item, item.rule, `Line "${trimmed.slice(0, 40)}" in "${this.column.title}"`, { line: trimmed.slice(0, 60) });
      this.last = item.item;
    } else if (this.record(trimmed) || this.fillLast(trimmed) || this.positionNotes(trimmed)) return;
    else if (isContactLine(trimmed)) this.ctx.contactLines.push(trimmed);
    else this.body(paragraph(trimmed));
  }

  /** A sentence of priced clauses: its lead is text, each priced clause an item, the clauses after it its description. */
  private clauseItems({ lead, items }: NonNullable<ReturnType<typeof pricedClauses>>): void {
    if (lead.length) this.body(paragraph(`${lead.join('，')}。`));
    for (const { line, notes } of items) {
      this.line(line);
      if (notes.length && this.last?.kind === 'product') this.last.description.push(paragraph(`${notes.join('，')}。`));
    }
  }

  /**
   * A line that says what it is — "售：二手叉车一台", "招：送货司机2人", a dated notice among posts — in a column of another kind:
   * it goes to the column of its kind (made if the document has none). True when it did.
   */
  private elsewhere(text: string): boolean {
    // "2026年11月 二期冷库投入使用" among 供应/求购 posts: a dated notice, not a post.
    // "12月20日-12月31日冬季预约送暖手宝…" under a price list: a current notice, not a product.
    const noticeInList = this.column.type === 'products' && !productLine(text) && isCurrentNotice(text, this.ctx.fileYears, this.ctx.today);
    if ((this.column.type === 'supply' && !postLine(text, true) && newsLine(text, this.ctx.fileYears, this.ctx.today)) || noticeInList) {
      const news = this.ctx.columnFor('news', `A dated line like "${text.slice(0, 12)}" among posts`);
      new ColumnFiller(news, this.ctx).fill([paragraph(text)]);
      return true;
    }
    const jobs = this.column.type !== 'jobs' && isTaggedJob(text) ? severalJobs(withoutJobTag(text)) : undefined;
    if (jobs) return jobs.every((part) => this.elsewhere(`招聘：${part}`));
    // "另外我们长期收购工厂尾货布…" after a price list: a standing demand told after a lead-in.
    const led = this.column.type !== 'supply' ? withoutPostLead(text) : undefined;
    const post =
      this.column.type !== 'supply'
        ? (postLine(text) ??
          (led && isStandingDemand(led) ? postLine(asTaggedPost(led)) : undefined) ??
          // "收购青贮玉米 全株的 420元一吨…" among a day's notices: a line opening by buying is a post, not news.
          (this.column.type === 'news' && opensPost(text) ? postLine(asTaggedPost(text)) : undefined))
        : undefined;
    const job = !post && this.column.type !== 'jobs' && isTaggedJob(text) ? jobLine(text) : undefined;
    if (!post && !job) return false;
    const target = this.ctx.columnFor(post ? 'supply' : 'jobs', `A line tagged like "${text.slice(0, 12)}" in "${this.column.title}"`);
    const item: Item = post
      ? { kind: 'post', id: this.ctx.env.newId(), postKind: post.postKind, title: post.title.slice(0, 100), text: [paragraph(post.text)] }
      : {
          kind: 'job',
          id: this.ctx.env.newId(),
          title: job!.title.slice(0, 100),
          ...(job!.headcount ? { headcount: job!.headcount } : {}),
          pay: job!.pay ?? '',
          requirements: job!.requirements ? [paragraph(job!.requirements)] : [],
        };
    target.items.push(item);
    this.ctx.guess(
      post ? 'post.tag' : 'item.line',
      `Line "${text.slice(0, 40)}" tagged as ${item.kind} → "${target.title}"${describe(itemParams(item))}.`,
      {
        column: target.title,
        kind: item.kind,
        title: titleOf(item),
        line: text.slice(0, 60),
        ...(post ? { tag: post.tag } : {}),
        ...itemParams(item),
      },
      { kind: 'item', itemId: item.id },
    );
    return true;
  }

  /**
   * Items written one after another in one paragraph, separated by ；("洋槐蜜500g/瓶68元；枣花蜜…；
   * 蜂花粉 价格面议。"): the parts, when at least two are items and they are most of them.
   */
  private listedItems(text: string): string[] | undefined {
    const positions =
      this.column.type === 'jobs'
        ? (jobsInOneSentence(text) ?? hiredSentences(text))
        : this.column.type === 'news'
          ? this.datedSentences(text)
          : this.column.type === 'products'
            ? spacedProducts(text)
            : undefined;
    if (positions) return positions;
    const parts = text
      .split(/[；;]/)
      .map((part) => part.trim().replace(/[。.]$/, ''))
      .filter(Boolean);
    if (parts.length < 2) return undefined;
    const items = parts.filter((part) => this.lineItemOf(part)).length;
    return items >= 2 && items * 2 >= parts.length ? parts : undefined;
  }

  /**
   * A diary written as one paragraph ("2026年9月6日，…。9月20日，公司参加…。10月3日，…"): each sentence that
   * starts with a date begins a notice, the sentences after it belong to it. Undefined unless the
   * paragraph starts with a date and two or more sentences do.
   */
  private datedSentences(text: string): string[] | undefined {
    const sentences = text
      .split(/(?<=[。！!])/)
      .map((sentence) => sentence.trim())
      .filter(Boolean);
    const dated = (sentence: string) => leadingDate(sentence, this.ctx.fileYears, this.ctx.today) !== undefined;
    if (sentences.length < 2 || !dated(sentences[0]!) || sentences.filter(dated).length < 2) return undefined;
    const notices: string[] = [];
    for (const sentence of sentences) {
      if (dated(sentence) || notices.length === 0) notices.push(sentence);
      else notices[notices.length - 1] += sentence;
    }
    return notices;
  }

  /** The item a line stands for in this column, if it is one. */
  private lineItemOf(text: string): { item: Item; rule: 'item.line' | 'post.tag' } | undefined {
    const id = () => this.ctx.env.newId();
    switch (this.column.type) {
      case 'products': {
        const line = productLine(text);
        return (
          line && {
            rule: 'item.line',
            item: {
              kind: 'product',
              id: id(),
              name: line.name.slice(0, 100),
              ...(line.model ? { model: line.model.slice(0, 50) } : {}),
              ...(line.price ? { price: line.price } : {}),
              ...(line.spec ? { spec: line.spec.slice(0, 200) } : {}),
              description: [],
              images: [],
            },
          }
        );
      }
      case 'jobs': {
        const line = jobLine(text);
        return (
          line && {
            rule: 'item.line',
            item: {
              kind: 'job',
              id: id(),
              title: line.title.slice(0, 100),
              ...(line.headcount ? { headcount: line.headcount } : {}),
              pay: line.pay ?? '',
              requirements: line.requirements ? [paragraph(line.requirements)] : [],
            } as Job,
          }
        );
      }
      case 'supply': {
        const line = postLine(text, true);
        return (
          line && {
            rule: 'post.tag',
            item: { kind: 'post', id: id(), postKind: line.postKind, title: line.title.slice(0, 100), text: [paragraph(line.text)] },
          }
        );
      }
      case 'news': {
        // A contact line or a question among notices ("联系方式呢？" in a chat) is no notice.
        const notice = this.notices && !isContactLine(text) && !/[？?]$/.test(text.trim());
        const dated = newsLine(text, this.ctx.fileYears, this.ctx.today);
        const line = dated ?? (notice ? noticeLine(text, this.ctx.fileYears, this.ctx.today) : undefined);
        if (!line) return undefined;
        // "春节放假通知" over its text: a column headed by one notice's title gives it to the first notice (one not led by its date).
        const headed = !dated && notice && !this.column.items.length && isOneNoticeTitle(this.column.title);
        const article: Article = {
          kind: 'article',
          id: id(),
          title: (headed ? this.column.title : line.title).slice(0, 100),
          ...(line.date ? { date: line.date.iso } : {}),
          body: [paragraph(line.text)],
          images: [],
        };
        if (line.date) this.dates.set(article.id, line.date);
        return { rule: 'item.line', item: article };
      }
      case 'services': {
        const line = serviceLine(text);
        return (
          line && {
            rule: 'item.line',
            item: { kind: 'article', id: id(), title: line.title.slice(0, 100), body: [paragraph(line.text)], images: [] },
          }
        );
      }
      default:
        return undefined;
    }
  }

  /**
   * A record written as labelled lines ("职位：销售经理" / "人数：2名" / "待遇：面议", or several on one
   * line): a name label starts an item, the other labels (mapped like a table header) fill it.
   */
  private record(text: string): boolean {
    const pairs = labeledPairs(text);
    const roles = pairs.map((p) => headerRole(p.label));
    if (pairs.length === 0 || roles.some((r) => !r)) return false;
    const reading: TableReading = {
      columns: pairs.map((p, i) => ({ role: roles[i]!, header: p.label })),
      rows: [],
      titleRows: [],
      hasHeader: true,
    };
    if (roles[0] === 'name') {
      const fields = rowFields(
        reading,
        pairs.map((p) => p.value),
      );
      if (!fields) return false;
      const item = this.rowItem(fields);
      this.add(item, 'item.line', `Labelled lines "${text.slice(0, 40)}" in "${this.column.title}"`, { line: text.slice(0, 60) });
      this.last = item;
      return true;
    }
    const last = this.last;
    // "营业时间：早7点到晚6点" after the last price: the business's hours, not the item's date.
    if (!last || roles.includes('name') || isContactLine(text)) return false;
    const fields = rowFields({ ...reading, columns: [{ role: 'name', header: '' }, ...reading.columns] }, [
      titleOf(last),
      ...pairs.map((p) => p.value),
    ]);
    if (!fields) return false;
    mergeFields(last, fields);
    return true;
  }

  /**
   * After positions listed together, a sentence that speaks of them by short names, part by part
   * ("钳工、编程员要求三年经验，月薪8000-13000元；设计师薪资面议；学徒包吃住，月薪4000元起"): each part's pay and
   * requirements go to the jobs it names (a name is the end of a job's title). False unless every part names one.
   */
  private positionNotes(text: string): boolean {
    const jobs = this.column.items.filter((i): i is Job => i.kind === 'job');
    if (this.column.type !== 'jobs' || jobs.length < 2) return false;
    const parts = text
      .split(/[；;]/)
      .map((part) => part.trim().replace(/[。.]$/, ''))
      .filter(Boolean);
    const named = parts.map((part) => namedJobs(part, jobs));
    if (parts.length < 2 || !named.every((n) => n.jobs.length > 0)) return false;
    named.forEach(({ jobs: targets, rest }) => {
      const { pay, rest: said } = extractPay(rest);
      const requirements = said.replace(/[，,、\s]+$/, '');
      for (const job of targets) {
        if (pay && !job.pay) job.pay = pay.slice(0, 100);
        if (requirements) job.requirements.push(paragraph(requirements));
      }
    });
    return true;
  }

  /** "价格：368元" after a product line, "要求：…" after a job line: the field goes into that item. */
  private fillLast(text: string): boolean {
    const last = this.last;
    if (last?.kind === 'product') {
      const { found, rest } = extractLabeled(text, PRODUCT_FIELDS);
      if (found.length === 0) return false;
      applyProductFields(last, found, rest);
      return true;
    }
    if (last?.kind === 'job' && JOB_FIELDS.test(text)) {
      const { pay, rest } = last.pay ? { pay: undefined, rest: text } : extractPay(text);
      if (pay) last.pay = pay.slice(0, 100);
      const requirements = rest.replace(/^(任职要求|岗位要求|岗位职责|要求|职责)\s*[：:]\s*/, '').trim();
      if (requirements) last.requirements.push(paragraph(requirements));
      return true;
    }
    return false;
  }

  /** Table rows → items of this column's kind; undefined when the table does not hold such items. */
  private table(reading: TableReading): { items: Item[]; withPhotos: boolean } | undefined {
    const kind = this.column.type;
    if (kind === 'supply') return this.postRows(reading);
    if (!hasRole(reading, 'name')) return undefined;
    if (kind === 'products' && !hasRole(reading, 'price') && !hasRole(reading, 'model') && !reading.hasHeader) return undefined;
    if (kind === 'jobs' && !hasRole(reading, 'headcount') && !hasRole(reading, 'pay') && !hasRole(reading, 'requirements'))
      return undefined;
    if (kind === 'news' && !hasRole(reading, 'date')) return undefined;
    const items: Item[] = [];
    const categories = categoryRows(reading);
    const skus = skuRows(reading);
    reading.rows.forEach((row, index) => {
      if (skus.options.has(index)) return;
      const note = row.map((cell) => cell.trim()).filter(Boolean);
      // "地址：…　电话：…" in a row of its own under the prices: the shop's contact, not an item.
      if (note.length === 1 && isContactLine(note[0]!)) {
        this.ctx.contactLines.push(note[0]!);
        return;
      }
      const fields = categories[index]!.isCategory ? undefined : withSkuOptions(reading, row, skus.optionsOf.get(index));
      // "价格每天变动，以当天为准。" in a row under the prices: a note, kept as the column's text.
      if (!fields && note.length === 1 && /[。，；！]/.test(note[0]!)) this.body(paragraph(note[0]!));
      if (!fields) return;
      fields.category ??= categories[index]!.category;
      const item = this.rowItem(fields);
      items.push(item);
      this.last = item;
      this.add(item, 'item.table_row', `Row ${index + 1} of a table ${tableHow(reading)} in "${this.column.title}"`, {
        row: index + 1,
        header: reading.hasHeader ? 'yes' : 'no',
      });
    });
    return items.length ? { items, withPhotos: hasRole(reading, 'photo') } : undefined;
  }

  /**
   * A table of supply and demand ("供应 | 现有空仓出租 | 2026-11-02"): a row whose cell is a 供/求 word
   * (or whose text says which, as an untagged line in a 供求 column would) is a post; its longest
   * cell of words is the text. Undefined unless most rows are posts.
   */
  private postRows(reading: TableReading): { items: Item[]; withPhotos: boolean } | undefined {
    const posts = reading.rows.map((row) => {
      const cells = row.map((cell) => cell.trim()).filter(Boolean);
      const text = cells.filter((cell) => /[\u4e00-\u9fff]{2}/.test(cell)).sort((a, b) => b.length - a.length)[0] ?? '';
      const tag = cells.find((cell) => cell !== text && postLine(`${cell}：${text}`) && cell.length <= 4);
      return tag ? postLine(`${tag}：${text}`) : postLine(text, true);
    });
    if (posts.filter(Boolean).length * 2 < reading.rows.length || !posts.some(Boolean)) return undefined;
    const items: Item[] = [];
    posts.forEach((line, index) => {
      if (!line) return;
      const post: Post = {
        kind: 'post',
        id: this.ctx.env.newId(),
        postKind: line.postKind,
        title: line.title.slice(0, 100),
        text: [paragraph(line.text)],
      };
      this.add(post, 'post.tag', `Row ${index + 1} of a supply and demand table in "${this.column.title}"`, {
        row: index + 1,
        tag: line.tag,
      });
      items.push(post);
    });
    return { items, withPhotos: false };
  }

  private rowItem(fields: RowFields): Item {
    const id = this.ctx.env.newId();
    const details = fields.details.map(paragraph);
    switch (this.column.type) {
      case 'jobs':
        return {
          kind: 'job',
          id,
          title: fields.name.slice(0, 100),
          ...(fields.headcount ? { headcount: fields.headcount } : {}),
          pay: fields.pay ?? '',
          // 性别 | 年龄 cells (read as specs) say who is wanted.
          requirements: [
            ...(fields.requirements ? [paragraph(fields.requirements)] : []),
            ...(fields.spec ? fields.spec.split('；').map(paragraph) : []),
            ...details,
          ],
        };
      case 'news':
      case 'services':
        return {
          kind: 'article',
          id,
          title: fields.name.slice(0, 100),
          ...(fields.date ? { date: fields.date } : {}),
          body: details,
          images: [],
        };
      default: {
        const name =
          fields.model && !fields.name.toLowerCase().includes(fields.model.toLowerCase()) ? `${fields.name} ${fields.model}` : fields.name;
        return {
          kind: 'product',
          id,
          name: name.slice(0, 100),
          ...(fields.model ? { model: fields.model } : {}),
          ...(fields.category ? { category: fields.category } : {}),
          ...(fields.price ? { price: fields.price } : {}),
          ...(fields.spec ? { spec: fields.spec } : {}),
          description: details,
          images: [],
        };
      }
    }
  }

  /** A sub-heading and the blocks under it: a category of listed items, or one item. */
  private subsection(heading: Extract<SourceBlock, { type: 'heading' }>, blocks: SourceBlock[]): void {
    // "2.1 财税筹划", "（三）婚姻家事": the numbering is the document's, not the item's name.
    const written = runsText(heading.runs).trim();
    const title = numberingOf(written)?.rest || written;
    if (NOTES_HEADING.test(title)) return this.notes(heading, blocks);
    // "米饭免费加例汤免费喝" over "满30元免费送" at a price board's foot: the house's terms, no item.
    if (
      this.column.type === 'products' &&
      isHouseTerms(title) &&
      blocks.every((b) => b.type === 'paragraph' && (isHouseTerms(textOf(b)) || isContactLine(textOf(b))))
    )
      return this.notes(heading, blocks);
    // A title over names each with its price under them (a scanned price list's tagline over its plans): a group of products.
    const deeper = blocks.flatMap((b) => (b.type === 'heading' && b.level > heading.level ? [b.level] : []));
    if (this.column.type === 'products' && deeper.length && pricedSections(blocks, Math.min(...deeper))) {
      const before = this.column.items.length;
      const headingAt = this.column.body.length;
      this.body(heading);
      this.sections(blocks, Math.min(...deeper));
      this.categorize(before, headingAt, title);
      return;
    }
    if (this.holdsItems(blocks, CATCH_ALL.test(headingCore(title)) ? 1 : 2)) {
      const before = this.column.items.length;
      const headingAt = this.column.body.length;
      this.body(heading);
      // A picture at the head of a group (a slide's, over its price notes) shows its first item, not the last group's.
      const leading = blocks.findIndex((b) => b.type !== 'image');
      const pictures = blocks.slice(0, Math.max(leading, 0)) as ImageBlock[];
      this.last = undefined;
      this.blocks(blocks.slice(pictures.length));
      const first = this.column.items[before];
      for (const picture of pictures)
        if (first?.kind === 'product' || first?.kind === 'article') this.picture(first, picture);
        else this.body(picture);
      if (this.column.type === 'products') this.categorize(before, headingAt, title);
      return;
    }
    if (this.column.type === 'supply') return this.supplySection(title, blocks);
    const images = blocks.filter((b): b is ImageBlock => b.type === 'image').map((b) => b.image);
    const rest = this.withoutTrailingLines(blocks.filter((b) => b.type !== 'image'));
    const item =
      this.column.type === 'products'
        ? productOf(this.ctx.env.newId(), title, rest)
        : this.column.type === 'jobs'
          ? jobOf(this.ctx.env.newId(), title, rest)
          : this.articleOf(title, rest);
    if (item.kind === 'job') this.ctx.toTray([], `Pictures in the job "${title}" (jobs show no pictures).`, images);
    else if (item.kind === 'article' || item.kind === 'product')
      item.images = images.map((image) => ({ ...image, alt: image.alt || titleOf(item) }));
    this.add(item, 'item.subheading', `Sub-heading "${title}" under "${this.column.title}"`, { heading: title });
    this.last = item;
    if (item.kind === 'article' || item.kind === 'product')
      for (const image of item.images)
        this.ctx.guess(
          'photo.embedded',
          `Picture inside "${title}" in the document → shown with that ${item.kind}.`,
          { item: title },
          { kind: 'itemImage', itemId: item.id, sha256: image.sha256 },
        );
  }

  /**
   * A product's section without the lines after it that say what else they are ("承接：…", "地址：…", "电话：…" under the
   * last tile of a flyer): they go to their own column or to the contact block, not into the product's text.
   */
  private withoutTrailingLines(blocks: SourceBlock[]): SourceBlock[] {
    if (this.column.type !== 'products') return blocks;
    let end = blocks.length;
    const kindAt = (i: number) => (blocks[i]?.type === 'paragraph' ? lineColumn(textOf(blocks[i]!), this.ctx) : undefined);
    while (end > 1 && kindAt(end - 1) && kindAt(end - 1) !== 'products') end--;
    for (const block of blocks.slice(end)) {
      const text = textOf(block);
      const kind = kindAt(blocks.indexOf(block))!;
      if (kind === 'contact') this.ctx.contactLines.push(text);
      else
        new ColumnFiller(this.ctx.columnFor(kind, `A line like "${text.slice(0, 12)}" under the last product`), this.ctx).fill([
          kind === 'supply' ? paragraph(asTaggedPost(text)) : block,
        ]);
    }
    return blocks.slice(0, end);
  }

  /** A 说明/备注 sub-heading: its text stays the column's text, its contact lines go to the contact block. */
  private notes(heading: SourceBlock, blocks: SourceBlock[]): void {
    this.body(heading);
    for (const block of blocks)
      if (block.type === 'paragraph' && isContactLine(textOf(block))) this.ctx.contactLines.push(textOf(block));
      else this.body(block);
  }

  /**
   * Under a sub-heading: two or more rows or lines that are items make it a group (a category), not
   * one item — and in a price list, so does a single line that is all there is and names a product
   * by itself ("【主食】" over "葱油饼……12元/张"; not "收费标准：面议", a field of the sub-heading's item).
   */
  private holdsItems(blocks: SourceBlock[], least = 2): boolean {
    // "换燕麦奶 / 加一份浓缩 +3元" after the group's items adds to them: no line of its own to count.
    const lines = blocks.filter((b) => !(b.type === 'paragraph' && isSurcharge(textOf(b))));
    const only = lines.length === 1 && lines[0]!.type === 'paragraph' ? textOf(lines[0]!) : '';
    if (this.column.type === 'products' && only && !/[：:]/.test(only) && this.lineItemOf(only)) return true;
    let count = 0;
    for (const block of blocks) {
      if (block.type === 'table') {
        const reading = tableOf(block);
        if (hasRole(reading, 'name') && (hasRole(reading, 'price') || hasRole(reading, 'model') || reading.hasHeader))
          count += reading.rows.length;
      } else if (block.type === 'paragraph' && this.lineItemOf(textOf(block))) count++;
      else if (block.type === 'paragraph' && this.column.type === 'products') count += pricedClauses(textOf(block))?.items.length ?? 0;
      else if (block.type === 'list') count += listItemTexts(block).filter((t) => this.lineItemOf(t)).length;
    }
    return count >= least;
  }

  /**
   * The day the first line under a heading names. "…2027春节备货完毕" over "1月18号正式开卖": the year the heading
   * names may be that day's — when it puts the day nearer today than the file's years do ("2027明前毛尖开始预订啦"
   * over "12月15号到1月31号预订…" is this December's).
   */
  private dateUnder(heading: string, blocks: SourceBlock[]): FoundDate | undefined {
    const first = blocks.map(textOf).find(Boolean) ?? '';
    const plain = findAnyDate(first, this.ctx.fileYears, this.ctx.today);
    const headingYears = [...heading.matchAll(/(20\d{2})\s*年?(?!\d)/g)].map((m) => Number(m[1]));
    const named = headingYears.length ? findAnyDate(first, headingYears, this.ctx.today) : undefined;
    const away = (d: FoundDate | undefined) => (d ? Math.abs(Date.parse(d.iso) - Date.parse(this.ctx.today)) : Infinity);
    return away(named) < away(plain) ? named : plain;
  }

  private articleOf(heading: string, blocks: SourceBlock[]): Article {
    // "2026年8月15日 中秋团圆宴开始预订": a date standing apart in front is the date, not part of the title.
    const lead = leadingDate(heading, this.ctx.fileYears, this.ctx.today);
    const title = lead?.text || heading;
    const date = lead?.date ?? findAnyDate(heading, this.ctx.fileYears, this.ctx.today) ?? this.dateUnder(heading, blocks);
    const article: Article = {
      kind: 'article',
      id: this.ctx.env.newId(),
      title: title.slice(0, 100),
      ...(date ? { date: date.iso } : {}),
      body: toModelBlocks(blocks),
      images: [],
    };
    if (date) this.dates.set(article.id, date);
    return article;
  }

  private supplySection(heading: string, blocks: SourceBlock[]): void {
    const kind = /求购|收购|采购/.test(heading) ? 'demand' : /供应|出售|转让/.test(heading) ? 'supply' : undefined;
    if (!kind) {
      this.body(paragraph(heading));
      this.blocks(blocks);
      return;
    }
    const title = heading.replace(/^\s*[【[]\s*(求购|供应|出售|收购)\s*[】\]]\s*/, '').trim() || heading;
    const post: Post = {
      kind: 'post',
      id: this.ctx.env.newId(),
      postKind: kind,
      title: title.slice(0, 100),
      text: toModelBlocks(blocks.filter((b) => b.type !== 'image')),
    };
    this.column.items.push(post);
    this.ctx.guess(
      'post.tag',
      `Sub-heading "${heading}" → ${kind} post.`,
      { tag: kind === 'demand' ? '求购' : '供应', title: post.title },
      { kind: 'item', itemId: post.id },
    );
  }
}

/** The details a notice gives line by line: "时间：…", "地点：…", "参加对象：…", "报名费：…". */
const NOTICE_DETAIL =
  /^(?:活动)?(?:时间|日期|地点|地址|对象|参加对象|参加人员|报名费|费用|收费|报名|报名方式|报名电话|内容|主题|要求|联系人|联系电话)\s*[：:]/;

/**
 * "某某2027年春节大型相亲会" over "时间：…", "地点：…", "报名费：…": a notice's title line and the lines of its details
 * (two or more, the first of them its time, day or place) — the details, or undefined.
 */
function noticeDetails(blocks: SourceBlock[], at: number): SourceBlock[] | undefined {
  const title = blocks[at]?.type === 'paragraph' ? textOf(blocks[at]!).trim() : '';
  if (!title || title.length > 40 || /[：:，,。]/.test(title)) return undefined;
  const details: SourceBlock[] = [];
  for (const block of blocks.slice(at + 1)) {
    if (block.type !== 'paragraph' || !NOTICE_DETAIL.test(textOf(block).trim())) break;
    details.push(block);
  }
  const first = details[0] ? textOf(details[0]).trim() : '';
  return details.length >= 2 && /^(?:活动)?(?:时间|日期|地点)/.test(first) ? details : undefined;
}

/** A position and its headcount in a list of them: "厨师2名", "CNC 编程员 2 名", "场地布置工5名（男性，能吃苦）". */
const POSITION = String.raw`[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{1,11}?\s*(?:\d{1,3}|[一二两三四五六七八九十])\s*[名人位](?:\s*[（(][^）)]{1,20}[)）])?`;
const POSITIONS = new RegExp(
  String.raw`^(?:现|急|长期)?(?:招聘|诚聘|急聘|招)?((?:${POSITION}\s*[、和及，,]\s*)+${POSITION})(?:([，,；;。])\s*(.*))?$`,
);
/** "因业务扩大，现招聘…", "本公司现招聘…", "因订单增加，厂里招…": the reason and who is hiring, in front of the positions. */
const REASON_BEFORE_HIRING =
  /^(?:[^。；;！!]*?[，,]\s*)?(?:本公司|本店|本厂|我公司|我司|公司|我们|厂里|店里)?(?=(?:现|急|长期)?(?:招聘|诚聘|急聘|诚招|急招|招(?![牌生商标收投待财])))/;

/**
 * "现招聘厨师2名、服务员5名，待遇面议。", "因生产需要，本公司现招聘模具钳工 3 名、CNC 编程员 2 名…": several
 * positions named with their headcounts in one sentence — one line per position, each with the rest of
 * the sentence (pay, requirements) and the remark in brackets after it; sentences after a full stop
 * follow as a line of their own.
 */
function jobsInOneSentence(text: string): string[] | undefined {
  const unled = text.trim().replace(REASON_BEFORE_HIRING, '');
  const match = POSITIONS.exec(unled);
  // "因业务需要，招聘送货员2名，…": one position after the reason is a job line without the reason.
  if (!match) return unled !== text.trim() && jobLine(unled)?.headcount ? [unled] : undefined;
  // After a full stop the sentences are notes of their own (they may speak of each position apart).
  const apart = match[2] === '。' && match[3] ? [match[3]] : [];
  const positions = match[1]!.split(/\s*[、和及，,]\s*(?![^（(]*[)）])/).map((position) => {
    const remark = /\s*[（(]([^）)]{1,20})[)）]$/.exec(position);
    const named = (remark ? position.slice(0, remark.index) : position).replace(
      /(?<=[\u4e00-\u9fffA-Za-z])\s+(?=[\u4e00-\u9fffA-Za-z])/g,
      '',
    );
    return { named, remark: remark?.[1] };
  });
  const clauses = match[3] && !apart.length ? match[3].split(/[，,]\s*/).filter(Boolean) : [];
  const titles = positions.map((p) => splitHeadcount(p.named).title);
  const owners = clauses.map((clause) => ownerOf(clause, titles));
  const lines = positions.map(({ named, remark }, i) => {
    // "…，帮工一个月4000，服务员3500": a clause opening with a position's name (or its end) is that position's alone, said first.
    const own = clauses.flatMap((clause, c) => (owners[c]?.index === i ? [clause.slice(owners[c]!.name.length)] : []));
    const shared = clauses.filter((_, c) => !owners[c]);
    return [`${named}${remark ? `，${remark}` : ''}`, ...own, ...shared].join('，');
  });
  return [...lines, ...apart];
}

/** The position a clause opens by naming (its title or the title's end, two characters or more), with the name as written. */
function ownerOf(clause: string, titles: string[]): { index: number; name: string } | undefined {
  let best: { index: number; name: string } | undefined;
  titles.forEach((title, index) => {
    for (let at = 0; at <= title.length - 2; at++) {
      const name = title.slice(at);
      if (clause.startsWith(name) && clause.length > name.length && (!best || name.length > best.name.length)) best = { index, name };
    }
  });
  return best;
}

/**
 * "招电焊工2名，…一天300元。招学徒1名，…": hires said one sentence after another in one paragraph — each sentence that is
 * a job with its headcount begins a job, the sentences after it belong to it. Undefined unless two or more are.
 */
function hiredSentences(text: string): string[] | undefined {
  const sentences = text
    .split(/(?<=[。！!])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const hires = (sentence: string) => Boolean(jobLine(sentence)?.headcount);
  if (sentences.length < 2 || !hires(sentences[0]!) || sentences.filter(hires).length < 2) return undefined;
  const jobs: string[] = [];
  for (const sentence of sentences) {
    if (hires(sentence) || jobs.length === 0) jobs.push(sentence);
    else jobs[jobs.length - 1] += sentence;
  }
  return jobs;
}

/** The jobs a part of a sentence starts by naming ("钳工、编程员要求…": the ends of 模具钳工, CNC编程员), and the rest of it. */
function namedJobs(part: string, jobs: Job[]): { jobs: Job[]; rest: string } {
  const found: Job[] = [];
  let at = 0;
  for (;;) {
    const hit = jobs
      .flatMap((job) => [...job.title].map((_, i) => ({ job, name: job.title.slice(i) })))
      .filter(({ name }) => name.length >= 2 && part.startsWith(name, at))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (!hit) break;
    found.push(hit.job);
    at += hit.name.length;
    const joined = /^\s*[、和及]\s*/.exec(part.slice(at));
    if (!joined) break;
    at += joined[0].length;
  }
  return {
    jobs: found,
    rest: part
      .slice(at)
      .replace(/^[\s，,：:]+/, '')
      .trim(),
  };
}

/** "售后安装师傅2名，月薪…；门店导购1名，底薪…": the jobs of one tagged line, when each part names a headcount. */
function severalJobs(text: string): string[] | undefined {
  const parts = text
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length >= 2 && parts.every((part) => jobLine(part)?.headcount) ? parts : undefined;
}

/**
 * A catalogue of one product a page, each a picture and a table of its facts (`产品名称 | …`, read on its side): the
 * pictures that stand just before such tables, when the first table has one before it and the last none after it (or a
 * picture's description names the table's product), go to the table after them, not to the item before.
 */
function picturesLeadingTables(blocks: SourceBlock[]): Set<SourceBlock> {
  const oneItem = (b: SourceBlock | undefined) =>
    b?.type === 'table' && b.rows.length > 2 && tableOf(b).sideways && tableOf(b).rows.length === 1;
  const tables = blocks.flatMap((b, i) => (oneItem(b) ? [i] : []));
  if (tables.length < 2) return new Set();
  const before = (i: number) => blocks[i - 1]?.type === 'image';
  const altOf = (i: number) => (before(i) ? (blocks[i - 1] as ImageBlock).image.alt.trim() : '');
  const describes = (i: number) => altOf(i).length >= 2 && runsText((blocks[i] as TableBlock).rows[0]![1] ?? []).includes(altOf(i));
  const byPlace = before(tables[0]!) && blocks[tables.at(-1)! + 1]?.type !== 'image';
  const byDescription = tables.some(describes) && tables.every((i) => !altOf(i) || describes(i));
  return byPlace || byDescription ? new Set(tables.filter(before).map((i) => blocks[i - 1]!)) : new Set();
}

/** A table of two cells a row, a field's label and its value, with a price or spec among the labels: the facts of one product. */
function factsOf(block: SourceBlock): { label: string; value: string }[] | undefined {
  if (block.type !== 'table' || block.rows.length < 2) return undefined;
  const rows = block.rows.map((row) => row.map((cell) => runsText(cell).trim()).filter(Boolean));
  if (!rows.every((row) => row.length === 2 && row[0]!.length <= 6 && !/\d/.test(row[0]!))) return undefined;
  const facts = rows.map(([label, value]) => ({ label: label!, value: value! }));
  return facts.some((f) => PRICE_FIELD.test(f.label) || /规格|型号/.test(f.label)) ? facts : undefined;
}

/** Paragraphs numbered in a way of their own ("1> …", "2> …"): without the markers (lineItems.ts `withoutSequenceMarkers`). */
function withoutRunMarkers(blocks: SourceBlock[]): SourceBlock[] {
  const paragraphs: SourceBlock[] = blocks.filter((b) => b.type === 'paragraph');
  const bare = withoutSequenceMarkers(paragraphs.map(textOf));
  return blocks.map((block) => {
    const at = paragraphs.indexOf(block);
    return at >= 0 && bare[at] !== textOf(block) ? paragraph(bare[at]!) : block;
  });
}

/** A paragraph that counts off its points ("一是…；二是…"): its lead and each point as a paragraph of its own. */
function pointsApart(block: SourceBlock): SourceBlock[] {
  const said = block.type === 'paragraph' ? saidPoints(textOf(block)) : undefined;
  if (!said) return [block];
  return [...(said.lead ? [paragraph(said.lead)] : []), ...said.points.map((point) => paragraph(point))];
}

/**
 * Priced items typed two or three a line, apart by spaces ("针灸 每次30元  推拿 每次50元"), come as a table
 * without header whose every cell is a name and its price: each cell is a line of its own, in reading order.
 */
function cellsApart(block: SourceBlock): SourceBlock[] {
  if (block.type !== 'table' || block.header) return [block];
  const cells = gridOf(block)
    .flat()
    .map((cell) => cell.trim())
    .filter(Boolean);
  const priced = (cell: string) => /\s/.test(cell) && productLine(cell)?.price;
  return cells.length >= 3 && cells.every(priced) ? cells.map((cell) => paragraph(cell)) : [block];
}

/** Fields read for an item that exists already (labelled lines after it) go into it where it has room. */
function mergeFields(item: Item, fields: RowFields): void {
  const details = fields.details.map(paragraph);
  if (item.kind === 'product') {
    if (fields.model) item.model ??= fields.model;
    if (fields.price) item.price ??= fields.price;
    if (fields.spec) item.spec ??= fields.spec;
    if (fields.category) item.category ??= fields.category;
    item.description.push(...details);
  } else if (item.kind === 'job') {
    if (fields.headcount) item.headcount ??= fields.headcount;
    if (fields.pay && !item.pay) item.pay = fields.pay;
    if (fields.requirements) item.requirements.push(paragraph(fields.requirements));
    item.requirements.push(...details);
  } else if (item.kind === 'article') {
    if (fields.date) item.date ??= fields.date;
    item.body.push(...details);
  }
}

function tableHow(reading: TableReading): string {
  const roles = reading.columns.filter((c) => c.role !== 'description' && c.role !== 'index');
  return reading.hasHeader
    ? `(header: ${roles.map((c) => `${c.header}→${c.role}`).join(', ')})`
    : `without header (columns read by content: ${roles.map((c) => c.role).join(', ')})`;
}

function applyProductFields(product: Product, found: { label: string; value: string }[], rest: string): SourceBlock | undefined {
  let text = rest;
  for (const { label, value } of found) {
    const price = PRICE_FIELD.test(label) ? parseLabeledPrice(value) : undefined;
    if (price && !product.price) product.price = price;
    else if (label === '型号' && !product.model) product.model = value.slice(0, 50);
    else if (!PRICE_FIELD.test(label) && label !== '型号' && !product.spec) product.spec = value.slice(0, 200);
    else text += `${label}：${value}。`; // not understood: stays in the text
  }
  if (!text.trim()) return undefined;
  const block = paragraph(text.trim());
  product.description.push(...toModelBlocks([block]));
  return block;
}

/**
 * A paragraph that is nothing but a price ("￥ 380 / 次", "面议"), maybe after a price word or before a
 * remark in brackets ("一口价 9.3万", "11.5万（可分期）"): the price of the sub-heading it stands under.
 */
function priceAlone(text: string): Price | undefined {
  const trimmed = text.trim();
  // Any short price word ("到店价：", "本店价"), but not a price only members or the trade pay.
  const label = /^(?:价格|报价|[\u4e00-\u9fff]{0,3}价)\s*[：:]?\s*/.exec(trimmed);
  if (label && isRestrictedPriceLabel(label[0])) return undefined;
  const bare = trimmed.slice(label?.[0].length ?? 0).replace(/\s*[（(][^）)]{1,12}[）)]$/, '');
  return isMarkedPrice(bare) ? parsePrice(bare) : (labelledPricesOnly(trimmed) ?? priceBeforeRemarks(trimmed)?.price);
}

/** "￥168/人　1.5小时　含一件作品烧制": a price in ￥ first, the remarks after a space the item's text. */
function priceBeforeRemarks(text: string): { price: Price; remarks: string } | undefined {
  const [, first, remarks] = /^([￥¥]\s*\d\S*)[\s\u3000]+(\S.*)$/u.exec(text) ?? [];
  return first && remarks && isMarkedPrice(first) ? { price: parsePrice(first)!, remarks } : undefined;
}

/** A section that is one item with its price: a paragraph that is only a price, or a labelled one ("售价：6.98万"). */
export const isPricedSection = (blocks: SourceBlock[]) =>
  blocks.some(
    (b) =>
      b.type === 'paragraph' &&
      (priceAlone(textOf(b)) ||
        pricedClauses(textOf(b)) ||
        extractLabeled(textOf(b), PRODUCT_FIELDS).found.some((f) => PRICE_FIELD.test(f.label) && parseLabeledPrice(f.value))),
  );

/**
 * Services under sub-headings whose text states a price for most of them — labelled ("收费标准：2.8万元起")
 * or a paragraph that is only the price ("￥ 380 / 次" under a bold "遗体接运"): a price list.
 */
function pricedSections(blocks: SourceBlock[], itemLevel: number | undefined): boolean {
  if (itemLevel === undefined) return false;
  const sections: string[][] = [];
  for (const block of blocks) {
    if (block.type === 'heading' && block.level === itemLevel) sections.push([]);
    else if (sections.length && block.type === 'paragraph') sections.at(-1)!.push(textOf(block));
  }
  const priced = sections.filter(
    (lines) =>
      lines.some((line) => priceAlone(line) ?? leadingPrice(line)) ||
      extractLabeled(lines.join('\n'), PRODUCT_FIELDS).found.some((f) => PRICE_FIELD.test(f.label) && parseLabeledPrice(f.value)),
  ).length;
  return priced >= 2 && priced * 2 >= sections.length;
}

/** A product from a sub-heading: "价格：… 规格：… 型号：…" lines (or a table of such pairs) become its fields, the rest its description. */
function productOf(id: string, name: string, blocks: SourceBlock[]): Product {
  const product: Product = { kind: 'product', id, name: name.slice(0, 100), description: [], images: [] };
  for (const block of blocks) {
    const text = textOf(block).trim();
    const led = !product.price && block.type === 'paragraph' && !priceAlone(text) ? leadingPrice(text) : undefined;
    const alone = !product.price && block.type === 'paragraph' ? (priceAlone(text) ?? led?.price) : undefined;
    if (alone) {
      product.price = alone;
      const remarks = priceBeforeRemarks(text)?.remarks || led?.remarks;
      if (remarks) product.description.push(...toModelBlocks([paragraph(remarks)]));
      continue;
    }
    // "● 参考价：280元/平方米起" among the name's bullets: the price stays in the list too.
    if (!product.price && block.type === 'list') {
      const price = priceOfBullets(bulletTexts(block.items));
      if (price) product.price = price;
    }
    const facts = factsOf(block);
    const found = facts
      ? { found: facts, rest: '' }
      : block.type === 'paragraph'
        ? extractLabeled(textOf(block), PRODUCT_FIELDS)
        : { found: [], rest: '' };
    if (found.found.length === 0) product.description.push(...toModelBlocks([block]));
    else applyProductFields(product, found.found, found.rest);
  }
  return product;
}

/** A job from a sub-heading ("门店茶艺师 3名"): the headcount from the heading, the pay and requirements from the text. */
function jobOf(id: string, heading: string, blocks: SourceBlock[]): Job {
  const { title, headcount: headed } = splitHeadcount(heading);
  let headcount = headed;
  let pay = '';
  const requirements: SourceBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'paragraph') {
      requirements.push(block);
      continue;
    }
    // "招聘人数：5人　学历：不限": a recruitment site's label for the headcount.
    const wanted = /招聘人数\s*[：:]\s*(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*[人名位]/.exec(textOf(block));
    headcount ??= wanted ? countOf(wanted[1]!) : undefined;
    const extracted = pay ? { rest: textOf(block) } : extractPay(textOf(block));
    if (extracted.pay) pay = extracted.pay.slice(0, 100);
    const rest = extracted.rest.replace(/^(任职要求|岗位要求|要求)\s*[：:]\s*/, '').trim();
    if (!extracted.pay) requirements.push(block);
    else if (rest) requirements.push(paragraph(rest));
  }
  return {
    kind: 'job',
    id,
    title: title.slice(0, 100),
    ...(headcount ? { headcount } : {}),
    requirements: toModelBlocks(requirements),
    pay,
  };
}

/**
 * For a file without column headings or a telling name: the column its content is a list of —
 * priced lines or a price table → products, tagged posts → supply, jobs with headcounts → jobs,
 * dated lines → news. Undefined when items are not most of it.
 */
export function contentColumn(blocks: SourceBlock[], ctx: StructureContext): ColumnType | undefined {
  const lines = blocks.flatMap((b) =>
    b.type === 'paragraph' || b.type === 'heading' ? [textOf(b)] : b.type === 'list' ? listItemTexts(b) : [],
  );
  const tableRows = (test: (r: TableReading) => boolean) =>
    blocks.reduce((n, b) => {
      if (b.type !== 'table') return n;
      const reading = tableOf(b);
      return test(reading) ? n + reading.rows.length : n;
    }, 0);
  // A sub-heading over a line that is its price ("拉坯体验" / "￥168/人"): two lines of one product.
  const pricedHeadings = blocks.filter(
    (b, i) =>
      b.type === 'heading' &&
      blocks[i + 1]?.type === 'paragraph' &&
      (priceAlone(textOf(blocks[i + 1]!)) ?? leadingPrice(textOf(blocks[i + 1]!))),
  ).length;
  const counts: [ColumnType, number][] = [
    [
      'products',
      lines.filter((l) => productLine(l)).length +
        tableRows((r) => hasRole(r, 'name') && hasRole(r, 'price')) +
        pricedHeadings * 2 +
        blocks.reduce((n, b) => n + (b.type === 'table' ? (cardGrid(b)?.cells.length ?? 0) : 0), 0),
    ],
    ['supply', lines.filter((l) => postLine(l)).length],
    // 岗位 | 人数 | 薪资待遇: a table of positions with their headcounts or pay.
    ['jobs', lines.filter((l) => jobLine(l)?.headcount).length + tableRows((r) => hasRole(r, 'name') && isJobTable(r))],
    ['news', lines.filter((l) => newsLine(l, ctx.fileYears, ctx.today)).length],
  ];
  // A table on its side counts as its items, not as the rows of their facts.
  const rowsOf = (b: TableBlock) => (b.rows.length > 2 && tableOf(b).sideways ? tableOf(b).rows.length : b.rows.length);
  const total = lines.length + blocks.reduce((n, b) => n + (b.type === 'table' ? rowsOf(b) : 0), 0);
  const [type, count] = counts.sort((a, b) => b[1] - a[1])[0]!;
  return count >= 2 && count * 2 >= total - 1 ? type : undefined;
}

/** A grid of cards: a table without header whose filled cells mostly read as a product each (name, facts, price). */
function cardGrid(block: TableBlock): { cells: string[]; lines: (ProductLine | undefined)[] } | undefined {
  if (block.header) return undefined;
  const cells = gridOf(block)
    .flat()
    .map((cell) => cell.trim())
    .filter(Boolean);
  const lines = cells.map((cell) => {
    const words = cell.split(/\s+/);
    return words.length >= 2 ? productLine(words.join('  ')) : undefined;
  });
  const found = lines.filter((line) => line?.price).length;
  if (found < 2 || found * 3 < cells.length * 2 || gridOf(block).every((row) => row.filter((c) => c.trim()).length < 2)) return undefined;
  return { cells, lines };
}

/** A table whose columns are a position's: its headcount or pay, and no price. */
const isJobTable = (r: TableReading) => (hasRole(r, 'headcount') || hasRole(r, 'pay')) && !hasRole(r, 'price');

/**
 * What a line says it is by itself, wherever it stands: a tagged post ("【供应】…"), a tagged job
 * ("招聘：搬运工3名…"), a dated notice ("2026.4.18 本店…"), a contact line ("地址：…"), a position with its
 * headcount and pay, a priced line.
 */
export function lineColumn(text: string, ctx: StructureContext): ColumnType | 'contact' | undefined {
  if (postLine(text) || opensPost(text)) return 'supply';
  if (isTaggedJob(undecorated(text)) && jobLine(text)) return 'jobs';
  if (newsLine(text, ctx.fileYears, ctx.today) || isTaggedNotice(text, ctx.fileYears, ctx.today)) return 'news';
  if (isContactLine(text)) return 'contact';
  // "仓库理货员2名，…，月薪4000-4500元": a position with its headcount and pay says it is a job without a tag.
  const job = jobLine(text);
  if (job?.headcount && job.pay) return 'jobs';
  if (productLine(text) || spacedProducts(text) || pricedClauses(undecorated(text))) return 'products';
  return undefined;
}
