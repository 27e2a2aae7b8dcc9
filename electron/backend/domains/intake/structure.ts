/**
 * Auto-structuring of a document (SITES.md "Intake"): headings that name a column become columns
 * (by keyword; without any, the file's name or the content decides), and inside a column items come
 * from sub-headings, table rows and lines that are items by themselves (columnItems.ts). Whatever no
 * rule claims goes to the unsorted tray. Every decision is recorded as a guess.
 */
import type { Guess } from '../../../../shared/api/sites';
import { runsText, type Column, type ColumnType, type Item, type Run, type UnsortedEntry } from '../../../../shared/sites/model';
import { ColumnFiller, LIST_COLUMNS, contentColumn, isPricedSection, lineColumn, type StructureContext } from './columnItems';
import { isContactBlockLine, isContactLine } from './contact';
import { withoutDates, yearsIn } from './dates';
import { dictatedApart } from './dictation';
import { readFaq, structureFaq } from './faq';
import { makeGuess, type GuessEnv } from './guesses';
import { textOf, toModelBlocks, type SourceBlock } from './htmlToBlocks';
import { numberingOf, undecorated } from './headings';
import { headingCore, matchColumnKeyword, type KeywordMatch } from './keywords';
import { abbreviates, brandTitleLine, ownNameInTitleLine } from './ownName';
import {
  asTaggedPost,
  isCurrentNotice,
  isStandingDemand,
  isTaggedJob,
  isTaggedNotice,
  jobLine,
  negotiableOffer,
  newsOpening,
  opensPost,
  POST_OPENING,
  postLine,
  productLine,
  spacedProducts,
} from './lineItems';
import { chineseOfBilingualTables } from './bilingualTable';
import { unwrapLayoutTables } from './layoutTable';
import { jobAdsApart } from './jobListing';
import { linesToBlocks } from './lines';
import { withPriceMatrices } from './priceMatrix';
import { postHeadline } from './momentsPosts';
import { labelledNotice, namesNoticeKind, scheduledStart } from './eventNotices';
import { trayPriceOnlyProducts } from './priceOnlyItems';
import { specsInSameNames } from './sameItems';
import { sectionsUnderTitle } from './titledSections';

/** A line that is only the date a notice is signed with: "2026年12月10日". */
const SIGN_OFF_DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]$/;

/** A month and day named anywhere in a line: "1月18日", "12月1号". */
const DAY_IN_TEXT = /\d{1,2}\s*月\s*\d{1,2}\s*[日号]/;

export const ALL_CHANNELS = { web: true, wap2: true, wap1: true, sms: true };

export interface StructuredMaterial {
  columns: Column[];
  unsorted: UnsortedEntry[];
  guesses: Guess[];
  /** Lines of a contact column (and contact lines found elsewhere), for the profile's contact block. */
  contactLines: string[];
  /** The text was read by OCR (a photographed page, a scanned PDF): guesses made from it later say so too. */
  ocr?: boolean;
  /** The document's title when it names the enterprise ("喜悦婚庆"): how the customer writes its own name. */
  title?: string;
}

export interface StructureOptions {
  /** The column the file's (or its folder's) name points at, used when no heading names one. */
  fileColumn?: KeywordMatch & { from: string };
  /** The text was read from a photo by OCR: every guess and tray entry says so. */
  ocr?: boolean;
  /** ISO date: dates written without a year take it from the file's other dates, else from today. */
  today?: string;
  /** The enterprise's names (registered and short): a heading that is one of them is the document's title. */
  names?: string[];
}

type Heading = Extract<SourceBlock, { type: 'heading' }>;
const isHeading = (b: SourceBlock): b is Heading => b.type === 'heading';

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

/**
 * The heading level whose headings name columns: the highest level at which some heading matches a keyword — unless the
 * only such heading is the document's first block (its title, "乐渔渔具店价目表") and the headings of the next level that
 * names columns each name one, one of them another column than the title ("店里消息", "联系我们"): those are the columns.
 */
function columnLevel(blocks: SourceBlock[]): number | undefined {
  const named = blocks.filter(isHeading).filter((h) => matchColumnKeyword(runsText(h.runs)));
  if (named.length === 0) return undefined;
  const top = Math.min(...named.map((h) => h.level));
  const atTop = named.filter((h) => h.level === top);
  const below = named.filter((h) => h.level > top);
  if (atTop.length !== 1 || blocks[0] !== atTop[0] || below.length === 0) return top;
  const next = Math.min(...below.map((h) => h.level));
  const titleType = matchColumnKeyword(runsText(atTop[0]!.runs))!.type;
  const nextHeadings = blocks.filter((b) => isHeading(b) && b.level === next);
  const nextTypes = nextHeadings.map((h) => matchColumnKeyword(runsText((h as Heading).runs))?.type);
  return nextTypes.every(Boolean) && nextTypes.some((t) => t !== titleType) ? next : top;
}

/**
 * "产品及服务介绍" over "一、公司简介", "二、产品报价", "三、招聘": the one heading at the top level, first in
 * the document and straight above the next heading, over headings that name columns of two types or
 * more, is the document's title — the columns are the level below it.
 */
function titleOverColumns(blocks: SourceBlock[]): Heading | undefined {
  const headings = blocks.filter(isHeading);
  const top = Math.min(...headings.map((h) => h.level));
  const first = headings[0];
  if (!first || first !== blocks[0] || first.level !== top || headings.filter((h) => h.level === top).length !== 1) return undefined;
  // A heading with text or a table of its own before the next one is a column's; one naming no column is trayed anyway.
  if (blocks[1] !== headings[1] || !matchColumnKeyword(runsText(first.runs))) return undefined;
  const below = headings.filter((h) => h.level === top + 1).map((h) => matchColumnKeyword(runsText(h.runs))?.type);
  return new Set(below.filter(Boolean)).size >= 2 ? first : undefined;
}

/**
 * A document's title over everything ("书店 · 12月推荐书目": its first heading, none other as high) holding a
 * column word, with headings further down naming two or more other columns (招聘, 联系我们): the title heads
 * the first column at their level, so those stand as columns beside it instead of inside it.
 */
function titleAsFirstColumn(blocks: SourceBlock[]): SourceBlock[] {
  const headings = blocks.filter(isHeading);
  const [title, ...rest] = headings;
  const type = title && matchColumnKeyword(runsText(title.runs))?.type;
  if (!title || !type || rest.some((h) => h.level <= title.level)) return blocks;
  const others = rest.filter((h) => {
    const match = matchColumnKeyword(runsText(h.runs));
    return match && match.type !== type;
  });
  if (new Set(others.map((h) => matchColumnKeyword(runsText(h.runs))!.type)).size < 2) return blocks;
  const level = Math.min(...others.map((h) => h.level));
  return blocks.map((b) => (b === title ? { ...title, level } : b));
}

/** Titles of columns made without a heading: the type's usual name. */
const DEFAULT_TITLES: Record<ColumnType, string> = {
  intro: '企业介绍',
  news: '新闻动态',
  products: '产品展示',
  services: '服务项目',
  jobs: '人才招聘',
  supply: '供求信息',
  contact: '联系我们',
  guestbook: '留言板',
  staff: '员工名片',
  custom: '其他',
};

class Structurer {
  readonly result: StructuredMaterial = { columns: [], unsorted: [], guesses: [], contactLines: [] };
  private readonly context: StructureContext;

  constructor(
    env: GuessEnv,
    source: string,
    private readonly options: StructureOptions,
  ) {
    const ocr = Boolean(options.ocr);
    this.context = {
      env,
      source,
      ocr,
      today: options.today ?? new Date().toISOString().slice(0, 10),
      fileYears: [],
      contactLines: this.result.contactLines,
      guess: (rule, message, params, target) => {
        const guess = makeGuess(
          env,
          rule,
          source,
          ocr ? `${message} [read by OCR]` : message,
          ocr ? { ...params, ocr: 1 } : params,
          target,
        );
        this.result.guesses.push(guess);
        return guess;
      },
      toTray: (blocks, note, images = []) => {
        if (blocks.length === 0 && images.length === 0) return;
        this.result.unsorted.push({ id: env.newId(), source, blocks: toModelBlocks(blocks), images, note, ...(ocr ? { ocr: true } : {}) });
      },
      columnFor: (type, why) =>
        this.result.columns.find((c) => c.type === type) ??
        this.newColumn(type, DEFAULT_TITLES[type], [], (column) =>
          this.context.guess('column.content', `${why} → column of type ${type}.`, { type }, { kind: 'column', columnId: column.id }),
        ).column,
    };
  }

  /**
   * "同力五金机电", "嘉禾烘焙 · 手作面包与蛋糕": a heading naming the enterprise (and no column) is the
   * document's title — also when the name itself holds a column word ("鑫源物业服务有限公司": 服务).
   */
  private isTitle(block: SourceBlock): boolean {
    if (block.type !== 'heading') return false;
    const text = runsText(block.runs).trim();
    // "2.1 劳务派遣": a numbered heading is a section of the text, not its title.
    if (numberingOf(text)) return false;
    const core = headingCore(text);
    return (this.options.names ?? []).some(
      (name) =>
        name.length >= 2 &&
        ((text.includes(name) && !matchColumnKeyword(text.replace(name, ''))) ||
          (core.length >= 4 && name.includes(core) && !matchColumnKeyword(text)) ||
          // "刘记常德米粉" for 刘记米粉: the short name with a word (the place of its style) put in.
          (abbreviates(name, core) && !matchColumnKeyword(text))),
    );
  }

  run(all: SourceBlock[]): StructuredMaterial {
    if (this.options.ocr) this.result.ocr = true;
    const titles = all.filter((b) => this.isTitle(b) || b === titleOverColumns(all));
    if (titles.length) this.context.toTray(titles, "The document's title (the enterprise's name).");
    if (titles.length) this.result.title = headingCore(runsText((titles[0] as Heading).runs));
    const ownName = titles.length
      ? undefined
      : (ownNameInTitleLine(all, this.options.names ?? []) ?? brandTitleLine(all, this.options.names ?? []));
    if (ownName) this.result.title = ownName;
    const read = all.filter((b) => !titles.includes(b)).flatMap(dictatedApart);
    const blocks = sectionsUnderTitle(
      titleAsFirstColumn(captionsAsHeadings(unwrapLayoutTables(chineseOfBilingualTables(withPriceMatrices(jobAdsApart(read)))))),
    );
    this.context.fileYears = yearsIn(blocks.map(textOf).join('\n') + tableText(blocks));
    const level = columnLevel(blocks);
    if (level === undefined) return this.withoutColumnHeadings(blocks);
    let previous: { column: Column; filler?: ColumnFiller; heading?: string } | undefined;
    const sections = splitAt(columnHeadingsAhead(blocks, level), level);
    sections.forEach((section, i) => {
      const title = section.heading ? runsText(section.heading.runs) : '';
      const match = section.heading ? matchColumnKeyword(title) : undefined;
      if (!section.heading) {
        this.collectContact(section.blocks);
        const rest = this.withoutTaggedNotices(section.blocks);
        previous = this.leadingList(rest);
        if (!previous) this.context.toTray(rest, 'Text before the first column heading.');
      } else if (match && previous?.filler && isEntryOf(title, match, previous)) {
        previous.filler.fill([{ ...section.heading, level: level + 1 }, ...section.blocks]);
      } else if (match && previous && previous.column.type === match.type && isEmptyColumn(previous.column)) {
        // "新苗培训学校简介" followed directly by "学校概况": one column, the second heading's content in it.
        previous.filler?.fill(section.blocks);
        if (!previous.filler) previous.column.body.push(...toModelBlocks(section.blocks));
      } else if (match && this.namesOneItem(title, match, section, previous, sections[i + 1]))
        previous = this.pricedItemsColumn(previous, { ...section.heading, level: level + 1 }, section.blocks);
      else if (match) previous = { ...this.column(match.type, match.keyword, title, section.blocks), heading: title };
      else if ((previous?.column.type !== 'news' || namesNoticeKind(title)) && this.isDatedNotice(section.blocks))
        previous = this.datedNotice({ ...section.heading, level: level + 1 }, section.blocks);
      else if (previous?.filler && section.heading.look && previous.filler.acceptsSection(title, section.blocks))
        previous.filler.fill([{ ...section.heading, level: level + 1 }, ...section.blocks]);
      else if (contentColumn(section.blocks, this.context)) previous = this.listedUnder(title, section.blocks);
      else if (this.pricedItem(section, previous, sections[i + 1]))
        previous = this.pricedItemsColumn(previous, { ...section.heading, level: level + 1 }, section.blocks);
      else if (previous?.filler && isMoreOfList(previous.column, section.blocks, this.context)) {
        this.collectContact(section.blocks);
        previous.filler.fill(section.blocks);
      } else {
        this.collectContact(section.blocks);
        this.context.toTray([section.heading, ...section.blocks], `No column keyword in the heading "${title}".`);
      }
    });
    for (const entry of this.result.columns) entry.title ||= DEFAULT_TITLES[entry.type];
    return this.result;
  }

  /**
   * A catalogue's goods before its first column heading (a cover, then a picture and a table of one door's facts a page,
   * then 关于我们 and 招聘): when that text is a list of items, it is a column of their kind from the first item on (the
   * pictures just before it included); the cover's lines before it stay in the tray.
   */
  private leadingList(blocks: SourceBlock[]): { column: Column; filler?: ColumnFiller } | undefined {
    const type = contentColumn(blocks, this.context);
    if (!type || !LIST_COLUMNS.includes(type)) return undefined;
    const isItem = (b: SourceBlock) => b.type === 'table' || (b.type !== 'image' && lineColumn(textOf(b), this.context) === type);
    let start = blocks.findIndex(isItem);
    if (start < 0) return undefined;
    while (start > 0 && blocks[start - 1]!.type === 'image') start--;
    this.context.toTray(blocks.slice(0, start), 'Text before the first column heading.');
    return this.newColumn(type, DEFAULT_TITLES[type], blocks.slice(start), (column) =>
      this.context.guess(
        'column.content',
        `The text before the first column heading is a list of ${type} items → column of type ${type}.`,
        { type },
        { kind: 'column', columnId: column.id },
      ),
    );
  }

  /**
   * Contact lines ("地址：… 电话：…") in text that stays as it is (an intro, the tray) still fill the
   * contact block — a line with two fields, or lines of one field each when two or more stand together.
   */
  private collectContact(blocks: SourceBlock[]): void {
    const texts = contactTexts(blocks);
    const several = texts.filter(isContactLine).length >= 2;
    // "电话：0379-…" at a price board's foot: a line that starts with its label is the contact even alone.
    const labelled = (text: string) => LABELLED_CONTACT.test(text) && isContactLine(text);
    this.context.contactLines.push(
      ...texts.filter((text) => isContactBlockLine(text) || labelled(text) || (several && isContactLine(text))),
    );
  }

  /** A file without column headings: its name names the column, or its lines are items of one kind, or it waits in the tray. */
  private withoutColumnHeadings(blocks: SourceBlock[]): StructuredMaterial {
    const faq = readFaq(blocks);
    if (faq) {
      structureFaq(faq, this.context);
      return this.result;
    }
    if (this.pricedNotice(blocks)) return this.result;
    const hint = this.fileHint(blocks);
    if (hint) {
      this.newColumn(hint.type, headingCore(hint.from) || DEFAULT_TITLES[hint.type], blocks, (column) =>
        this.context.guess(
          'column.file_name',
          `No heading names a column; the name "${hint.from}" contains "${hint.keyword}" → column of type ${hint.type}.`,
          { name: hint.from, keyword: hint.keyword, type: hint.type },
          { kind: 'column', columnId: column.id },
        ),
      );
      return this.result;
    }
    // Lines of several kinds (a price table, dated notices, a 收购 post) are sorted each to its own.
    if (this.lineKinds(blocks).size >= 2 && this.byLineKinds(blocks)) return this.result;
    const type = contentColumn(blocks, this.context);
    if (type) {
      this.newColumn(type, DEFAULT_TITLES[type], blocks, (column) =>
        this.context.guess(
          'column.content',
          `No heading names a column; the text is a list of ${type} items → column of type ${type}.`,
          { type },
          { kind: 'column', columnId: column.id },
        ),
      );
      return this.result;
    }
    if (this.byLineKinds(blocks)) return this.result;
    this.collectContact(blocks);
    this.context.toTray(blocks, 'No heading names a column (公司简介, 产品介绍, 新闻动态, 人才招聘, 供求信息, 联系我们 …).');
    return this.result;
  }

  /**
   * "寒假集训营通知.pdf": a notice (named so) that lists what it costs — "…集训营 招生啦！" over its days and priced lines,
   * signed with a date. The notice is news, titled by its first line and dated by the date it is signed with; the priced
   * lines are products. False when the file is no such notice.
   */
  private pricedNotice(blocks: SourceBlock[]): boolean {
    if (this.options.fileColumn?.type !== 'news') return false;
    const kinds = this.lineKinds(blocks);
    const paragraphs = blocks.filter((b) => b.type === 'paragraph');
    const title = undecorated(paragraphs[0] ? textOf(paragraphs[0]).trim() : '').replace(/[！!]+$/, '');
    if (!kinds.has('products') || kinds.has('news') || !title || title.length > 40 || /[：:，,。]/.test(title)) return false;
    const signed = [...paragraphs].reverse().find((b) => SIGN_OFF_DATE.test(textOf(b).trim()));
    const rest = blocks.filter((b) => b !== paragraphs[0] && b !== signed);
    const priced = rest.filter((b) => this.blockKind(b) === 'products');
    const details = rest.filter((b) => b.type === 'paragraph' && !priced.includes(b) && !isContactLine(textOf(b)));
    const news = this.context.columnFor('news', `The notice "${title.slice(0, 20)}" lists what it costs`);
    new ColumnFiller(news, this.context).fill([
      { type: 'heading', level: 2, runs: [{ text: title }] },
      ...(signed ? [signed] : []),
      ...details,
    ]);
    this.newColumn('products', DEFAULT_TITLES.products, priced, (column) =>
      this.context.guess(
        'column.content',
        `The notice "${title.slice(0, 20)}" lists what it costs → column of type products.`,
        { type: 'products' },
        { kind: 'column', columnId: column.id },
      ),
    );
    this.collectContact(rest);
    return true;
  }

  /** The file name's column, unless it names notices ("年终活动海报") and the text is priced goods without a dated notice. */
  private fileHint(blocks: SourceBlock[]): StructureOptions['fileColumn'] {
    const hint = this.options.fileColumn;
    if (hint?.type !== 'news') return hint;
    const kinds = this.lineKinds(blocks);
    return kinds.has('products') && !kinds.has('news') ? undefined : hint;
  }

  /**
   * Text without headings whose lines say what they are (a WeChat post: "【供应】…", "招聘：…",
   * "2026.4.18 …", "地址：…"): each such line goes to the column of its kind, the rest to the tray.
   * False when fewer than two lines are items, unless one is a job or a post.
   */
  private byLineKinds(blocks: SourceBlock[]): boolean {
    // A table of priced rows ("塑钢窗　260元/㎡" typed in columns) is a list of items as its lines would be.
    blocks = blocks.map(asLine);
    const kinds = blocks.map((b) => this.blockKind(b));
    // A line of several priced items ("贴膜 15元/张  数据线 20元/根") counts as its items, a table as its rows.
    const count = (b: SourceBlock) => (b.type === 'table' ? b.rows.length : (spacedProducts(textOf(b))?.length ?? 1));
    const items = blocks.reduce((n, b, i) => (kinds[i] && kinds[i] !== 'contact' ? n + count(b) : n), 0);
    // A post's headline over a dated line ("圣诞款上新啦 #美甲#" over "12月10日起…") titles that notice.
    // "…备货完毕！！" over "今年…1月18日到2月21日，1月18号正式开卖": a line naming a day within it is the notice's too.
    const namesDay = (b: SourceBlock | undefined) => b?.type === 'paragraph' && DAY_IN_TEXT.test(textOf(b));
    const dated = (i: number) => kinds[i] === 'news' || (!kinds[i] && namesDay(blocks[i]));
    // "…开始预订啦！！" over a sentence of who they are, then the dated line: a line of talk may stand between.
    const gap = blocks.map((_, i) => (!dated(i + 1) && !kinds[i + 1] && blocks[i + 1]?.type === 'paragraph' && dated(i + 2) ? 1 : 0));
    const headlines = blocks.map((b, i) => (dated(i + 1 + gap[i]!) && b.type === 'paragraph' ? postHeadline(textOf(b)) : undefined));
    // One job, post or headed notice is enough: such a line says what it is ("招学徒1名…", "收购：…").
    if (items < 2 && !kinds.some((k) => k === 'jobs' || k === 'supply') && !headlines.some(Boolean)) return false;
    const fillers = new Map<ColumnType, ColumnFiller>();
    const rest: SourceBlock[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const kind = headlines[i] ? 'news' : kinds[i];
      if (!kind) {
        rest.push(block);
        continue;
      }
      if (kind === 'contact') {
        this.context.contactLines.push(...contactTexts([block]));
        continue;
      }
      if (!fillers.has(kind))
        fillers.set(
          kind,
          new ColumnFiller(
            this.context.columnFor(
              kind,
              `No heading names a column; lines like "${(textOf(block) || tableText([block])).trim().slice(0, 12)}" say what they are`,
            ),
            this.context,
          ),
        );
      // The headline as the notice's sub-heading, the dated line under it.
      const headline = headlines[i];
      if (headline) {
        // The dated line first (it dates the notice), the line of talk after it.
        const between = gap[i] ? [blocks[++i]!] : [];
        fillers.get(kind)!.fill([{ type: 'heading', level: 2, runs: [{ text: headline }] }, blocks[++i]!, ...between]);
      } else {
        const item = kind === 'supply' && block.type === 'paragraph' ? paragraphOf(asTaggedPost(textOf(block))) : block;
        // "今日回收参考价：" over a table: the line it stands under is its caption.
        fillers.get(kind)!.fill([item], blocks[i - 1]?.type === 'paragraph' ? textOf(blocks[i - 1]!) : '');
      }
    }
    // "冬至活动：12月20号到22号，…" among them: an event named before its dates is a notice too.
    this.context.toTray(this.withoutCurrentNotices(rest), 'Text without a column heading that is no item.');
    return true;
  }

  /** What one block says it is by itself: a line by its shape, a table by its rows. */
  private blockKind(block: SourceBlock): ColumnType | 'contact' | undefined {
    if (block.type === 'paragraph') return lineColumn(textOf(block), this.context);
    return block.type === 'table' ? (contentColumn([block], this.context) ?? rowsKind(block)) : undefined;
  }

  /** The list columns the blocks' lines and tables say they belong to, each said at least twice. */
  private lineKinds(blocks: SourceBlock[]): Set<ColumnType> {
    const counts = new Map<ColumnType, number>();
    for (const block of blocks.map(asLine)) {
      const kind = this.blockKind(block);
      // A table, or a line tagged as what it is ("招聘：…", "通知：…", "【供应】…"), counts as said twice.
      const weight = block.type === 'table' || (kind !== 'products' && isTagged(textOf(block))) ? 2 : 1;
      if (kind && kind !== 'contact') counts.set(kind, (counts.get(kind) ?? 0) + weight);
    }
    return new Set([...counts].filter(([, n]) => n >= 2).map(([kind]) => kind));
  }

  /** A column from `blocks`: list columns get their items, the others the text as it is. `announce` records the column's guess before its items'. */
  private newColumn(
    type: ColumnType,
    title: string,
    blocks: SourceBlock[],
    announce: (column: Column) => Guess,
  ): { column: Column; filler?: ColumnFiller } {
    const column: Column = {
      id: this.context.env.newId(),
      type,
      title: title.slice(0, 30),
      order: 0,
      channels: { ...ALL_CHANNELS },
      body: [],
      items: [],
    };
    this.result.columns.push(column);
    const guess = announce(column);
    if (!LIST_COLUMNS.includes(type)) {
      blocks = this.withoutJobLines(blocks);
      if (type !== 'contact') blocks = this.withoutListedParts(this.withoutCurrentNotices(blocks));
      column.body = toModelBlocks(type === 'contact' ? blocks : this.withoutPostSections(blocks));
      if (type === 'contact') this.context.contactLines.push(...contactTexts(blocks));
      else this.collectContact(blocks);
      return { column };
    }
    const filler = new ColumnFiller(column, this.context);
    // "新年活动：12月15日至…", "2027年春季学期2月20日开学，…" below a price list: a notice, not one of its items.
    filler.fill(type === 'products' ? this.withoutCurrentNotices(blocks) : blocks);
    if (column.type !== type) guess.message += ` Its lines are priced items: made a ${column.type} column.`;
    return { column, filler };
  }

  /**
   * Slides or sections titled like no column, each one thing with its price (a car: its facts, a
   * picture, "售价：6.98万"): two or more in a row are products, each section one.
   */
  private pricedItem(section: Section, previous: { column: Column } | undefined, next: Section | undefined): boolean {
    const priced = (s: Section | undefined) =>
      Boolean(
        s?.heading &&
        runsText(s.heading.runs).trim().length <= 40 &&
        !matchColumnKeyword(runsText(s.heading.runs)) &&
        isPricedSection(s.blocks),
      );
    return priced(section) && (previous?.column.type === 'products' || priced(next));
  }

  /**
   * "10千瓦户用并网套餐" over "价格：29800元/套": a heading ending in a products keyword with more in front of it, over its
   * own price, among other priced sections (or in a products column) — the name of one item, not a column.
   */
  private namesOneItem(
    title: string,
    match: KeywordMatch,
    section: Section,
    previous: { column: Column } | undefined,
    next: Section | undefined,
  ): boolean {
    const core = headingCore(title);
    // The keyword ends the name as the kind of thing it is ("…户用并网套餐"), with more in front of it.
    if (match.type !== 'products' || !core.endsWith(match.keyword) || core.length < match.keyword.length + 2) return false;
    // "系统课程" over sub-headings each with its price is a column of its own.
    if (numberingOf(title) || section.blocks.some(isHeading) || !isPricedSection(section.blocks)) return false;
    return previous?.column.type === 'products' || Boolean(next?.heading && isPricedSection(next.blocks));
  }

  /** "读书会" over "12月13日（周六）下午2点，…分享会，免费参加…": a section titled like no column whose text is one dated notice. */
  /** "公告：12月20日起…" over a shop page's items: a tagged, dated notice joins the news column; the other blocks are returned. */
  private withoutTaggedNotices(blocks: SourceBlock[]): SourceBlock[] {
    const isNotice = (b: SourceBlock) => b.type === 'paragraph' && isTaggedNotice(textOf(b), this.context.fileYears, this.context.today);
    const notices = blocks.filter(isNotice);
    if (notices.length === 0) return blocks;
    const column = this.context.columnFor('news', 'A tagged, dated notice ("公告：…") before the first column heading');
    new ColumnFiller(column, this.context).fill(notices);
    return blocks.filter((b) => !notices.includes(b));
  }

  private isDatedNotice(blocks: SourceBlock[]): boolean {
    const paragraphs = blocks.filter((b) => b.type !== 'image');
    return (
      paragraphs.length >= 1 &&
      paragraphs.length <= 2 &&
      paragraphs.every((b) => b.type === 'paragraph') &&
      lineColumn(textOf(paragraphs[0]!), this.context) === 'news'
    );
  }

  /**
   * The notice joins the news column (made when there is none). A heading with its own month ("12月会员福利")
   * is the notice's title; one without ("读书会") only says what kind of event it is, and the notice's first clause is.
   */
  private datedNotice(heading: Heading, blocks: SourceBlock[]): { column: Column; filler: ColumnFiller } {
    const title = runsText(heading.runs);
    const column = this.context.columnFor('news', `Heading "${title}" names no column, over a dated notice`);
    const filler = new ColumnFiller(column, this.context);
    const titled = /\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月/.test(title) || (!namesNoticeKind(title) && this.saysOnlyItsDates(blocks));
    filler.fill(titled ? [heading, ...blocks] : blocks);
    return { column, filler };
  }

  /** "2027年1月20日—2月5日开营，…": a notice whose first clause is its dates and a word or two says nothing of what it is about. */
  private saysOnlyItsDates(blocks: SourceBlock[]): boolean {
    const first = blocks.find((b) => b.type === 'paragraph');
    const own = first && newsOpening(textOf(first), this.context.fileYears, this.context.today);
    return own !== undefined && withoutDates(own).replace(/[^\u4e00-\u9fffA-Za-z]/gu, '').length <= 2;
  }

  private pricedItemsColumn(
    previous: { column: Column; filler?: ColumnFiller } | undefined,
    heading: Heading,
    blocks: SourceBlock[],
  ): { column: Column; filler?: ColumnFiller } {
    const title = runsText(heading.runs);
    const target =
      previous?.column.type === 'products' && previous.filler
        ? previous
        : this.newColumn('products', DEFAULT_TITLES.products, [], (column) =>
            this.context.guess(
              'column.content',
              `Sections titled like no column, from "${title}" on, each name one thing with its price → column of type products.`,
              { heading: title, type: 'products' },
              { kind: 'column', columnId: column.id },
            ),
          );
    target.filler!.fill([heading, ...blocks]);
    return target;
  }

  /**
   * A sub-heading in an introduction over a paragraph that opens by buying or offering something
   * ("高价收车" over "长期高价收购各品牌二手车，上门评估…"): a post of the supply column, not introduction text.
   */
  private withoutPostSections(blocks: SourceBlock[]): SourceBlock[] {
    const kept: SourceBlock[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const [heading, first] = [blocks[i]!, blocks[i + 1]];
      const post = heading.type === 'heading' && first?.type === 'paragraph' ? postLine(textOf(first), true) : undefined;
      if (!post || !POST_OPENING.test(post.title)) {
        kept.push(heading);
        continue;
      }
      let end = i + 1;
      while (end < blocks.length && blocks[end]!.type !== 'heading') end++;
      const item: Item = {
        kind: 'post',
        id: this.context.env.newId(),
        postKind: post.postKind,
        title: post.title.slice(0, 100),
        text: toModelBlocks(blocks.slice(i + 1, end)),
      };
      const target = this.context.columnFor('supply', `Sub-heading "${textOf(heading)}" over a post`);
      target.items.push(item);
      this.context.guess(
        'post.tag',
        `Sub-heading "${textOf(heading)}" over "${post.title}" → ${post.postKind} post in "${target.title}".`,
        { column: target.title, kind: 'post', title: post.title, postKind: post.postKind, tag: post.tag },
        { kind: 'item', itemId: item.id },
      );
      i = end - 1;
    }
    return kept;
  }

  /**
   * A job ad standing in a contact or introduction column ("店里招平面设计1名，月薪4500起。" under 联系我们): an
   * item of the jobs column, not text of this one.
   */
  private withoutJobLines(blocks: SourceBlock[]): SourceBlock[] {
    return blocks.filter((block) => {
      const text = block.type === 'paragraph' ? textOf(block) : '';
      if (!isTaggedJob(undecorated(text)) || !jobLine(text)?.headcount) return true;
      new ColumnFiller(this.context.columnFor('jobs', `A job ad like "${text.slice(0, 12)}"`), this.context).fill([block]);
      return false;
    });
  }

  /**
   * In an introduction, "今日菜价" over priced lines and a "供应：…" line are items, not its text: a sub-heading over a
   * list of one kind of items fills that kind's column, and a tagged post line the posts column, as does a short
   * line of its own that opens by buying or offering ("高价回收旧空调，坏的也要"); a line offering one thing at a
   * price to agree ("整场婚礼布置价格面议，按预算配") is a product.
   */
  private withoutListedParts(blocks: SourceBlock[]): SourceBlock[] {
    const kept: SourceBlock[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      if (block.type === 'paragraph' && (postLine(textOf(block)) || opensPost(textOf(block)) || isStandingDemand(textOf(block)))) {
        new ColumnFiller(this.context.columnFor('supply', `A tagged post like "${textOf(block).slice(0, 12)}"`), this.context).fill([
          block,
        ]);
        continue;
      }
      if (block.type === 'paragraph' && negotiableOffer(textOf(block))) {
        const why = `A line offering something at a price to agree, like "${textOf(block).slice(0, 12)}"`;
        new ColumnFiller(this.context.columnFor('products', why), this.context).fill([block]);
        continue;
      }
      let end = i + 1;
      while (end < blocks.length && blocks[end]!.type !== 'heading') end++;
      const type = block.type === 'heading' && end > i + 1 ? contentColumn(blocks.slice(i + 1, end), this.context) : undefined;
      if (!type || !LIST_COLUMNS.includes(type)) {
        kept.push(block);
        continue;
      }
      const why = `Sub-heading "${textOf(block).slice(0, 20)}" over a list of ${type} items`;
      new ColumnFiller(this.context.columnFor(type, why), this.context).fill(blocks.slice(i + 1, end));
      i = end - 1;
    }
    return kept;
  }

  /** "2026年12月8日起线上下单满58元免费送货上门", "新年活动：12月15日至…" in an introduction or a list: a dated notice of the news column, not text of this one. */
  private withoutCurrentNotices(blocks: SourceBlock[]): SourceBlock[] {
    return blocks.filter((block) => {
      const text = block.type === 'paragraph' ? undecorated(textOf(block)) : '';
      const labelled = labelledNotice(text, this.context.fileYears, this.context.today) ?? scheduledStart(text, this.context.today);
      if (!labelled && !isCurrentNotice(text, this.context.fileYears, this.context.today)) return true;
      const filler = new ColumnFiller(this.context.columnFor('news', `A dated notice like "${text.slice(0, 12)}"`), this.context);
      // "新年活动：12月15日至…": the event's name as the notice's sub-heading, its dated text under it.
      filler.fill(labelled ? [{ type: 'heading', level: 2, runs: [{ text: labelled.title }] }, paragraphOf(labelled.text)] : [block]);
      return false;
    });
  }

  /** "车型与租金" over priced lines: a heading that names no column, over a list of items of one kind, heads a column of that kind. */
  private listedUnder(heading: string, blocks: SourceBlock[]): { column: Column; filler?: ColumnFiller } {
    const type = contentColumn(blocks, this.context)!;
    return this.newColumn(type, headingCore(heading) || heading, blocks, (column) =>
      this.context.guess(
        'column.content',
        `Heading "${heading}" names no column; the text under it is a list of ${type} items → column of type ${type}.`,
        { heading, type },
        { kind: 'column', columnId: column.id },
      ),
    );
  }

  private column(type: ColumnType, keyword: string, heading: string, blocks: SourceBlock[]): { column: Column; filler?: ColumnFiller } {
    return this.newColumn(type, headingCore(heading) || heading, blocks, (column) =>
      this.context.guess(
        'column.keyword',
        `Heading "${heading}" contains "${keyword}" → column of type ${type}.`,
        { heading, keyword, type },
        { kind: 'column', columnId: column.id },
      ),
    );
  }
}

/** A label cell of a form: short ("联系人", "24小时热线"); without figures where a row has several pairs. */
const isLabelCell = (text: string, pairs: number) => text.length <= 8 && (pairs === 1 || !/\d/.test(text));

/**
 * Lines for the contact block: paragraphs as they are; a table of label and value cells — two
 * columns (地址 | …) or a form with several pairs a row (联系人 | 赵经理 | 手机 | 138…) — as
 * "label：value" lines.
 */
function contactTexts(blocks: SourceBlock[]): string[] {
  return blocks
    .flatMap((block) => {
      if (block.type === 'list') return block.items.map((item) => runsText(item.runs));
      if (block.type !== 'table') return [textOf(block)];
      return block.rows.map((row) => {
        const cells = row.map((cell) => runsText(cell).trim()).filter(Boolean);
        const paired = cells.length % 2 === 0 && cells.every((cell, i) => i % 2 === 1 || isLabelCell(cell, cells.length / 2));
        if (!paired) return cells.join('  ');
        return cells.flatMap((cell, i) => (i % 2 === 0 ? [`${cell}：${cells[i + 1]}`] : [])).join('  ');
      });
    })
    .filter(Boolean);
}

/**
 * A header-less table no rule claims, as lines typed with bars give ("收购本地黄豆|要今年的新豆|电话联系",
 * "地址|…"): posts when each row's first cell says it buys or offers, the contact when each row is a contact line.
 */
function rowsKind(table: Extract<SourceBlock, { type: 'table' }>): 'supply' | 'contact' | 'products' | undefined {
  const firstCells = table.rows.map((row) => row.map((cell) => runsText(cell).trim()).find(Boolean) ?? '');
  if (firstCells.every((cell) => postLine(cell, true))) return 'supply';
  // "回力帆布鞋 | 59元" laid out in columns (a flyer's last group set as a table): rows that read as priced lines.
  const rowLines = table.rows.map((row) =>
    row
      .map((cell) => runsText(cell).trim())
      .filter(Boolean)
      .join('  '),
  );
  if (table.rows.length >= 2 && rowLines.every((line) => productLine(line)?.price)) return 'products';
  return contactTexts([table]).every(isContactLine) ? 'contact' : undefined;
}

/**
 * A table whose first row is one cell merged across, naming another column than the one it stands in
 * ("招聘信息" over 岗位 | 人数 | 工资 under "包厢套餐"): that row is a heading of the column's level, the
 * rest the table under it.
 */
function captionsAsHeadings(blocks: SourceBlock[]): SourceBlock[] {
  let column: { level: number; type: ColumnType } | undefined;
  return blocks.flatMap((block): SourceBlock[] => {
    if (isHeading(block)) {
      const match = matchColumnKeyword(runsText(block.runs));
      if (match && (!column || block.level <= column.level)) column = { level: block.level, type: match.type };
      return [block];
    }
    if (block.type !== 'table' || block.rows.length < 3) return [block];
    const filled = (row: Run[][]) => row.map((cell) => runsText(cell).trim()).filter(Boolean);
    const caption = filled(block.rows[0]!);
    const match = caption.length === 1 ? matchColumnKeyword(caption[0]!) : undefined;
    if (!match || match.type === column?.type || !block.rows.slice(1).every((row) => filled(row).length >= 2)) return [block];
    const heading: Heading = { type: 'heading', level: column?.level ?? 1, runs: [{ text: caption[0]! }], look: true };
    column = { level: heading.level, type: match.type };
    return [heading, { ...block, rows: block.rows.slice(1) }];
  });
}

/**
 * "一、浪漫满屋套餐", "二、花好月圆套餐" after "婚礼套餐": numbered headings that name something before a word of the
 * column just opened by an unnumbered heading are its entries (sub-headings), not columns of their own.
 */
function isEntryOf(title: string, match: KeywordMatch, previous: { column: Column; heading?: string }): boolean {
  if (previous.column.type !== match.type || !previous.heading || numberingOf(previous.heading) || !numberingOf(title)) return false;
  const core = headingCore(title);
  return core.length >= match.keyword.length + 2 && !core.startsWith(match.keyword);
}

/** A line that names its kind in front: a job tag or 招…N名, a 供/求 tag, 通知：. */
const isTagged = (text: string) => isTaggedJob(undecorated(text)) || Boolean(postLine(text)) || /^\s*(?:通知|公告|好消息)[：:]/.test(text);

const paragraphOf = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/** A line taken for a heading by its look ("招学徒1名 包吃住" standing alone) is read as the line it is. */
const LABELLED_CONTACT = /^\s*[\u4e00-\u9fff]{0,4}(?:电话|手机|热线|地址)\s*[：:]/;

const asLine = (block: SourceBlock): SourceBlock =>
  block.type === 'heading' && block.look ? { type: 'paragraph', runs: block.runs } : block;

/**
 * "产品价目表" heading page 1 of a scan, "招 工 启 事" set larger heading page 2: a heading naming a column that stands
 * before the first heading of the column level, over text of its own, is a column heading too (at that level), so what it
 * heads is not taken for text before the first column.
 */
function columnHeadingsAhead(blocks: SourceBlock[], level: number): SourceBlock[] {
  const first = blocks.findIndex((b) => isHeading(b) && b.level <= level);
  const heads = (i: number) => blocks[i + 1] !== undefined && !isHeading(blocks[i + 1]!);
  return blocks.map((b, i) =>
    i < first && isHeading(b) && b.level > level && heads(i) && matchColumnKeyword(runsText(b.runs)) ? { ...b, level } : b,
  );
}

/**
 * "五、其他" over "沙发套定做　面议" and a closing word: after a price list, a heading that names nothing over more
 * priced lines goes on with the list (the lines tagged as jobs or posts still go to their columns).
 */
const isMoreOfList = (column: Column, blocks: SourceBlock[], context: StructureContext) =>
  column.type === 'products' && blocks.some((b) => b.type === 'paragraph' && lineColumn(textOf(b), context) === 'products');

const isEmptyColumn = (column: Column) => column.body.length === 0 && column.items.length === 0;

/** The cells of tables as text, for the file's years. */
function tableText(blocks: SourceBlock[]): string {
  return blocks.map((b) => (b.type === 'table' ? b.rows.map((r) => r.map(runsText).join(' ')).join('\n') : '')).join('\n');
}

/** Structures one document's blocks. `source` is the file name shown with every guess and tray entry. */
export function structureDocument(
  blocks: SourceBlock[],
  source: string,
  env: GuessEnv,
  options: StructureOptions = {},
): StructuredMaterial {
  const result = new Structurer(env, source, options).run(blocks);
  for (const column of result.columns) specsInSameNames(column.items);
  return trayPriceOnlyProducts(result, env, source);
}

/** Plain text lines → source blocks (lines.ts): headings by look, tables from spaced columns, paragraphs. */
export function textToBlocks(lines: string[]): SourceBlock[] {
  return linesToBlocks(lines.map((text) => ({ text })));
}
