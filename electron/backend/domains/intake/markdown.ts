/**
 * Text written in Markdown (an AI chatbot's answer pasted into a note, a Word file or a mail):
 * recognised by several Markdown marks, read with `marked` into the blocks a Word file gives
 * (headings, tables, lists, paragraphs, the `**` and `#` removed), so every structuring rule applies.
 * The bot's own chatter around the answer ("好的！以下是…", "希望对您有帮助！") is left out.
 */
import { marked } from 'marked';
import { runsText } from '../../../../shared/sites/model';
import { htmlToBlocks, textOf, type SourceBlock } from './htmlToBlocks';
import { sanitizeIntakeHtml } from './sanitize';

const HEADING = /^#{1,6}[ \t]+\S/;
const TABLE_RULE = /^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?$/;
const BOLD = /\*\*[^*\s][^*]*\*\*/;
const BULLET = /^[-*+][ \t]+\S/;
const NUMBERED = /^\d{1,2}[.)][ \t]+\S/;
const QUOTE = /^>[ \t]*\S/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/;
/** A table row, with or without the outer bars ("名称 | 价格"). */
const TABLE_LINE = /^\|.*\|$|\S[ \t]*\|[ \t]*\S/;
/** Emoji a bot sets before a heading ("## 🏠 关于我们"): no part of a column's title, and old phones show boxes. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\uFE0F\u200D]/gu;

/**
 * Several kinds of Markdown marks, not one stray `*` or a dash list: two of the marks plain text
 * hardly has (`# ` headings, a `|---|` table rule, `**bold**`), or one of them with two other kinds.
 */
export function isMarkdown(lines: string[]): boolean {
  const trimmed = lines.map((l) => l.trim());
  const has = (pattern: RegExp) => trimmed.some((l) => pattern.test(l));
  const strong = [HEADING, TABLE_RULE, BOLD].filter(has).length;
  const weak = [BULLET, QUOTE, RULE].filter(has).length;
  // Nobody types star pairs around words on three lines of plain text.
  const boldLines = trimmed.filter((l) => BOLD.test(l)).length;
  return strong >= 2 || (strong === 1 && weak >= 2) || boldLines >= 3;
}

/** The bot's opening ("好的！以下是为您撰写的…：", "这是为您准备的文案：") before the first heading. */
const OPENING = /^.{0,12}?(?:以下|下面)(?:是|为)|^.{0,40}(?:这是|为您|帮您).{0,60}[：:]$/;
/** The bot's closing offer ("希望对您有帮助！如需调整…请随时告诉我。"), speaking to the writer, not to the site's visitors. */
const CLOSING = /希望.{0,20}(?:帮助|有用)|告诉我(?!们)/;

function withoutChatter(blocks: SourceBlock[]): SourceBlock[] {
  const firstHeading = blocks.findIndex((b) => b.type === 'heading');
  const kept = blocks.filter((b, i) => {
    if (b.type !== 'paragraph') return true;
    const text = runsText(b.runs).trim();
    if (i < firstHeading && OPENING.test(text)) return false;
    return !(i >= blocks.length - 2 && CLOSING.test(text));
  });
  return kept;
}

/**
 * Markdown text → blocks. A rule line gets a blank line before it (a bot's `---` under a line is a
 * rule, not a setext heading); line breaks inside a paragraph split it, as in a Word file.
 */
export function markdownBlocks(text: string): SourceBlock[] {
  const source = text.replace(/\r\n?/g, '\n').replace(/\n([ \t]*(?:-{3,}|={3,})[ \t]*)(?=\n|$)/g, '\n\n$1');
  const html = marked.parse(source, { gfm: true, breaks: true, async: false });
  return withoutChatter(boldLinesAsHeadings(htmlToBlocks(sanitizeIntakeHtml(html)))).map(withoutEmoji);
}

function withoutEmoji(block: SourceBlock): SourceBlock {
  if (block.type !== 'heading') return block;
  const text = runsText(block.runs).replace(EMOJI, '').replace(/\s+/g, ' ').trim();
  return text ? { ...block, runs: [{ text }] } : block;
}

/**
 * An answer without `#` headings heads its sections with bold lines ("**二、服务价格**"): a short
 * paragraph bold throughout, not a sentence or a "label：value" line, is a heading recognised by its look.
 */
function boldLinesAsHeadings(blocks: SourceBlock[]): SourceBlock[] {
  if (blocks.some((b) => b.type === 'heading')) return blocks;
  return blocks.map((block) => {
    if (block.type !== 'paragraph' || !block.runs.every((run) => run.strong || !run.text.trim())) return block;
    const text = runsText(block.runs)
      .trim()
      .replace(/[：:]$/, '');
    if (!text || text.length > 20 || /[。！？!?，,；;：:]/.test(text)) return block;
    return { type: 'heading', level: 2, runs: [{ text }], look: true };
  });
}

/**
 * Markdown lines → blocks, each line standing apart (a line under a bullet or a quote is not its
 * continuation: Word, RTF and many notes give one paragraph a line without blank lines between).
 */
export const markdownLines = (lines: string[]): SourceBlock[] => markdownBlocks(joinLines(lines.filter((line) => line.trim())));

/**
 * Paragraphs holding Markdown one line each (a chatbot's answer pasted into Word): every run of
 * plain paragraphs read as Markdown, other blocks (pictures, Word's own tables) kept where they stand.
 */
export function markdownParagraphs(blocks: SourceBlock[]): SourceBlock[] {
  const paragraphs = blocks.flatMap((b) => (isPlainLine(b) ? [textOf(b)] : b.type === 'list' ? b.items.map((i) => runsText(i.runs)) : []));
  if (!isMarkdown(paragraphs)) return blocks;
  const out: SourceBlock[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(...markdownLines(run));
    run = [];
  };
  for (const block of blocks) {
    if (isPlainLine(block)) run.push(textOf(block));
    // A list Word made of the bot's "- " lines (AutoFormat) is read with the lines around it.
    else if (block.type === 'list' && block.items.every((item) => !item.children?.length))
      run.push(...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runsText(item.runs)}`));
    else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

/** A paragraph, or a short line only guessed to be a heading by how it stands (no heading style). */
const isPlainLine = (block: SourceBlock) => block.type === 'paragraph' || (block.type === 'heading' && Boolean(block.look));

/** One paragraph a line: table rows and list items stay together, everything else apart. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line, i) => {
    if (i === 0) return line;
    const previous = lines[i - 1]!.trim();
    const current = line.trim();
    const together = [TABLE_LINE, BULLET, NUMBERED].some((kind) => kind.test(previous) && kind.test(current));
    return text + (together ? '\n' : '\n\n') + line;
  }, '');
}
