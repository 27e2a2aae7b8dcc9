/**
 * Lines of text → source blocks, for everything that arrives as lines: .txt files, old Word and WPS
 * files, PDF pages, OCR'd photos. Headings are found by how the line looks (headings.ts); runs of
 * lines split into cells by tabs or wide spaces ("少儿美术  每期16课时  学费1280元/期") become tables;
 * everything else is a paragraph.
 */
import type { SourceBlock } from './htmlToBlocks';
import { chatAsWritten } from './chatDictation';
import { contactPairs } from './contact';
import { deliveryMenuLines } from './deliveryMenu';
import { withoutGroupOrders } from './groupOrder';
import { headingReason, numberingOf, NUMBERING_DEPTH } from './headings';
import { matchColumnKeyword } from './keywords';
import { leadingPrice } from './leadingPrice';
import { withoutPageChrome } from './pageChrome';
import { withoutPrintFrames } from './printedPages';
import { withEmojiLabel, withYuanForR } from './socialNote';

export interface TextLine {
  text: string;
  /** Cells already known (PDF columns, OCR boxes); otherwise split at tabs and wide spaces. */
  cells?: string[];
  /** Font size in points (PDF); a larger line is a heading candidate. */
  size?: number;
  /** A block that stands between the lines (a picture in a PDF). */
  block?: SourceBlock;
}

/** Two or more spaces, a tab or a full-width space separate cells in typed text. */
export const splitCells = (text: string): string[] =>
  text
    .split(/\t+|\s{2,}|\u3000+/)
    .map((c) => c.trim())
    .filter(Boolean);

/**
 * "品名|价格|说明", "干豆腐|8元/斤|": a line typed with bars is a table row; an empty cell between or after
 * bars is kept so the columns stay in line. Bars around the whole line ("| a | b |") are its frame.
 */
function barCells(text: string): string[] | undefined {
  if (!/\S\s*\|\s*\S/.test(text)) return undefined;
  const cells = text.split('|').map((c) => c.trim());
  if (text.startsWith('|')) cells.shift();
  if (text.endsWith('|') && text.startsWith('|')) cells.pop();
  return cells;
}

/** "---", "———", "====": a line drawn between parts of a typed text, not text. */
const isRule = (text: string) => /^(?:[-—=_*]\s*){3,}$/.test(text);

/** "第一部分  关于海悦", "1、  公司简介": the space after a numbering is not a gap between two cells. */
function typedCells(text: string): string[] {
  const bars = barCells(text);
  if (bars) return bars;
  const cells = splitCells(text);
  return cells.length === 2 && numberingOf(text) && !numberingOf(cells[0]!)?.rest ? [`${cells[0]} ${cells[1]}`] : cells;
}

/** A line of "label：value" pairs (contact lines, product facts) is not a table row even when spaced out. */
const isLabelLine = (cells: string[]) =>
  cells.filter((c) => /^[^：:]{1,8}[：:]\S/.test(c)).length * 2 >= cells.length || contactPairs(cells.join(' ')).length >= 2;

/** The most common size among the lines: the body text. */
function bodySize(lines: TextLine[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines)
    if (line.size && line.text.trim()) counts.set(Math.round(line.size), (counts.get(Math.round(line.size)) ?? 0) + line.text.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Heading level of a candidate: larger sizes first (rank among the larger sizes), numbering classes deeper. */
function levelOf(text: string, size: number | undefined, largerSizes: number[]): number {
  const sizeRank = size ? largerSizes.indexOf(Math.round(size)) : -1;
  const base = sizeRank >= 0 ? sizeRank + 1 : largerSizes.length + 1;
  const numbered = numberingOf(text);
  return Math.min(6, base + (numbered ? NUMBERING_DEPTH[numbered.numbering] : 0));
}

const paragraph = (text: string): SourceBlock => ({ type: 'paragraph', runs: [{ text }] });

/** "商 品 报 价 单", "公 司 简 介": a title typed with a space between its characters, read as the word it spells. */
const withoutLetterSpacing = (text: string) =>
  /^[\u4e00-\u9fff](?: {1,2}[\u4e00-\u9fff]){2,11}$/.test(text) ? text.replace(/ /g, '') : text;

/** A price in ￥ opening a line ("￥168/人　1.5小时"), or a price label ("价格：面议"). */
const PRICE_FIRST = /^(?:[￥¥]\s*\d|价格\s*[：:])/;
/** That, or an amount in 元 opening the line, maybe after a rent by the period ("月租200元（含…）", "50元/天起，押金另收"). */
const opensWithPrice = (text: string) => PRICE_FIRST.test(text) || (/元/.test(text.slice(0, 12)) && Boolean(leadingPrice(text)));

/** A shop listing's title: a 【tag】, the name, then search words ("【顺丰冷链】羊肉礼盒5斤装 羊排羊腿组合 过年送礼"). */
const LISTING_TITLE = /^(?:【[^】]{1,10}】)?([^\s【】]{4,20})((?:\s+[\u4e00-\u9fff]\S{0,12}){0,5})$/;

/** A listing title too long or too tagged to be a name as it stands: its name and its search words. */
function listingTitle(text: string): { name: string; words: string } | undefined {
  const match = LISTING_TITLE.exec(text);
  const tagged = text.startsWith('【');
  if (!match || (!tagged && text.length <= 20) || (match[1]!.match(/[\u4e00-\u9fff]/g) ?? []).length < 4) return undefined;
  return { name: match[1]!, words: match[2]!.trim() };
}

/** What a deal includes or suits, on a line under its name: three or more parts joined by +, or 含…/适用…. */
const CARD_CONTENTS = /^(?:含|包含|适用|适合)[^，。]{1,20}$|^[^+＋\s]{1,8}(?:[+＋][^+＋\s]{1,8}){2,}$/;

/**
 * Short names each over a line that opens with its price ("拉坯体验" / "￥168/人　1.5小时　含烧制"), two or more in a
 * document: the names of a price list set as bold lines (which a PDF or plain text does not mark), sub-headings.
 */
function namesOverPrices(lines: TextLine[]): Set<number> {
  const names = new Set<number>();
  const isName = (line: TextLine | undefined) => {
    const text = line?.text.trim() ?? '';
    // "1. 彩色复印机（柯尼卡美能达C258）": numbering and a model or remark in brackets do not make a name long.
    const core = (numberingOf(text)?.rest ?? text).replace(/[（(][^）)]{1,20}[）)]/g, '');
    return text && core.length <= 20 && text.length <= 36 && !opensWithPrice(text) && !/[，。；：:,;]/.test(core) && !line!.cells;
  };
  lines.forEach((line, i) => {
    // A paragraph gap may stand between the name and its price.
    const next =
      lines
        .slice(i + 1, i + 3)
        .find((l) => l.text.trim() || l.block)
        ?.text.trim() ?? '';
    if (!(isName(line) || (!line.cells && listingTitle(line.text.trim()))) || !opensWithPrice(next)) return;
    // A deal card's contents between its name and its price ("洗澡+吹干+剪指甲", "适用10-30斤") are not the name.
    names.add(CARD_CONTENTS.test(line.text.trim()) && isName(lines[i - 1]) ? i - 1 : i);
  });
  return names.size >= 2 ? names : new Set();
}

export function linesToBlocks(lines: TextLine[]): SourceBlock[] {
  const names = namesOverPrices(lines);
  const body = bodySize(lines);
  const largerSizes = [...new Set(lines.map((l) => Math.round(l.size ?? 0)).filter((s) => body && s > body * 1.15))].sort((a, b) => b - a);
  const blocks: SourceBlock[] = [];
  let rows: string[][] = [];
  // Names over their prices are items: a level under the heading naming their column ("团购" over its deals).
  let sectionLevel: number | undefined;
  const flushRows = () => {
    if (rows.length >= 2) blocks.push({ type: 'table', header: false, rows: rows.map((row) => row.map((cell) => [{ text: cell }])) });
    else for (const row of rows) blocks.push(paragraph(row.join('  ')));
    rows = [];
  };
  lines.forEach((line, i) => {
    const text = withoutLetterSpacing(line.text.trim());
    if (line.block) {
      flushRows();
      blocks.push(line.block);
      return;
    }
    if (!text || isRule(text)) return flushRows();
    const blank = (j: number) => j < 0 || j >= lines.length || !lines[j]!.text.trim() || Boolean(lines[j]!.block);
    const isolated = (blank(i - 1) && i > 0) || (blank(i + 1) && i + 1 < lines.length);
    const larger = Boolean(line.size && body && line.size > body * 1.15);
    const cells = line.cells ?? typedCells(text);
    // The price line under a name is the name's, never a heading of its own.
    const priceOfName = names.has(i - 1) || (names.has(i - 2) && blank(i - 1));
    if (cells.length < 2 && (names.has(i) || (!priceOfName && headingReason(text, { isolated, larger })))) {
      flushRows();
      const level = levelOf(text, line.size, largerSizes);
      if (!names.has(i)) sectionLevel = matchColumnKeyword(text) ? level : undefined;
      const nameLevel = names.has(i) && sectionLevel !== undefined ? Math.max(level, Math.min(6, sectionLevel + 1)) : level;
      const listing = names.has(i) ? listingTitle(text) : undefined;
      blocks.push({ type: 'heading', level: nameLevel, runs: [{ text: listing?.name ?? text }], look: true });
      if (listing?.words) blocks.push(paragraph(listing.words));
    } else if (cells.length >= 2 && !isLabelLine(cells)) {
      if (rows.length && Math.abs(rows[0]!.length - cells.length) > 1) flushRows();
      rows.push(cells);
    } else {
      flushRows();
      blocks.push(paragraph(text));
    }
  });
  flushRows();
  return blocks;
}

/** An amount in 元 per a unit at the end of a line ("45元/只", "12元一斤"). */
const UNIT_PRICE_END = /\d(?:\.\d+)?\s*元\s*(?:\/|每|一)\s*[^\s\d，。；,;]{1,3}$/;

/** A name, then its price per a unit and maybe a short remark ("鸽子蛋 3元/只，30只起"); commas only inside the name's brackets. */
function isPricedName(text: string): boolean {
  const price = /\d(?:\.\d+)?\s*元\s*(?:\/|每|一)\s*[^\s\d，。；,;]{1,3}(?:[，,][^，。；,;]{1,12})?$/.exec(text);
  if (!price || price.index === 0) return false;
  const name = text.slice(0, price.index).replace(/[（(][^）)]{0,20}[）)]/g, '');
  return name.length <= 20 && !/[，。；,;：:]/.test(name);
}

/**
 * A line of prose broken by hand ("…主要种植苹果、莱阳梨、" / "大樱桃和时令蔬菜…"): a long line with
 * commas, ending mid-sentence (a comma or a character, not a price or a colon), followed by a line
 * that goes on in Chinese and does not start something of its own (numbering, a tag, a label, a date).
 */
function wrapsOnto(line: string, next: string): boolean {
  const a = line.trim();
  const b = next.trim();
  if (a.length < 20 || !/[，、]/.test(a) || !/[\u4e00-\u9fff，、]$/.test(a) || /[元起价]$/.test(a) || /\s{2}/.test(a)) return false;
  // "…45元/只" ends a priced line, and a line that is a name and its price ("老鸽（煲汤用）38元/只") starts one.
  if (UNIT_PRICE_END.test(a) || isPricedName(b)) return false;
  if (/^[^，。]{1,8}[：:]/.test(a) || !/^[\u4e00-\u9fff]/.test(b) || /\s{2}|^[^，。]{1,8}[：:]/.test(b)) return false;
  // A short line without punctuation ("全部商品", "新品") is a label or a tab, not the sentence going on.
  if (b.length < 8 && !/[，、。！？；]/.test(b)) return false;
  // "店里招分割工1名…" under a post: a line that opens a job ad or a post starts something of its own.
  return (
    !numberingOf(b) &&
    !/^(?:第|供应|求购|出售|(?:长期|常年|长年|大量|高价)*(?:收购|回收)|招聘|诚聘|招|售|求|(?:店里|厂里|场里|公司|本店|本厂|我们|另外|另)(?:还|也)?(?:现在|长期)?招)/.test(
      b,
    )
  );
}

/** Lines read by OCR: a line of prose wrapped onto the next (a poster's notice over two lines) joined, as in typed text. */
export function joinWrapped(lines: TextLine[]): TextLine[] {
  const joined: TextLine[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const plain = (l: TextLine) => !l.block && (l.cells?.length ?? 0) < 2;
    if (previous && plain(previous) && plain(line) && wrapsOnto(previous.text, line.text))
      joined[joined.length - 1] = { ...previous, text: previous.text.trimEnd() + line.text.trim() };
    else joined.push(line);
  }
  return joined;
}

/** Plain text → lines (CRLF already normalised by the decoder), lines of prose broken by hand joined, a chat export's frames and a copied web page's chrome dropped. */
export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  for (const t of withoutPageChrome(deliveryMenuLines(chatAsWritten(withoutGroupOrders(withoutPrintFrames(text.split('\n')))))).map((t) =>
    withEmojiLabel(withYuanForR(t)),
  )) {
    const previous = lines.at(-1);
    if (previous && wrapsOnto(previous.text, t)) previous.text = previous.text.trimEnd() + t.trim();
    else lines.push({ text: t });
  }
  return lines;
}
