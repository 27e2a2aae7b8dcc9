/**
 * Headings in Word documents written without heading styles: mammoth hands us the document tree
 * before it makes HTML, and a paragraph that looks like a heading (bold, larger or centred and
 * short, numbered 一、, in 【brackets】, naming a column, or set apart by empty paragraphs) gets a
 * style name of ours, which the style map turns into a heading marked as found by look.
 */
import { matchColumnKeyword } from './keywords';
import { headingReason, numberingOf, NUMBERING_DEPTH } from './headings';

/** What mammoth's document tree gives us (mammoth's own types are not exported). */
interface DocElement {
  type: string;
  children?: DocElement[];
  value?: string;
  styleName?: string | null;
  alignment?: string | null;
  numbering?: unknown;
  isBold?: boolean;
  fontSize?: number | null;
}

export const LOOK_STYLE = 'ECW Look';

/** The style map lines for our look styles: `ECW Look 2` → `<h2 class="ecw-look">`. */
export const LOOK_STYLE_MAP = [1, 2, 3, 4].map((n) => `p[style-name='${LOOK_STYLE} ${n}'] => h${n}.ecw-look:fresh`);

const HEADING_STYLE = /^(heading\s*\d|标题\s*\d|title|标题)$/i;

function textOf(element: DocElement): string {
  if (element.type === 'text') return element.value ?? '';
  if (element.type === 'tab') return '\t';
  return (element.children ?? []).map(textOf).join('');
}

function runsOf(element: DocElement): DocElement[] {
  if (element.type === 'run') return [element];
  return (element.children ?? []).flatMap(runsOf);
}

interface Paragraph {
  element: DocElement;
  text: string;
  bold: boolean;
  size: number | null;
}

function describeParagraph(element: DocElement): Paragraph {
  const runs = runsOf(element).filter((r) => textOf(r).trim());
  const sizes = runs.map((r) => r.fontSize ?? null);
  return {
    element,
    text: textOf(element).trim(),
    bold: runs.length > 0 && runs.every((r) => r.isBold),
    size: sizes.length && sizes.every((s) => s !== null) ? Math.max(...(sizes as number[])) : null,
  };
}

/** The most common run size, weighted by text length: the body text's size (null = the style's default). */
function bodySize(paragraphs: Paragraph[]): number | null {
  const counts = new Map<number | null, number>();
  for (const p of paragraphs) if (p.text) counts.set(p.size, (counts.get(p.size) ?? 0) + p.text.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Marks look headings in mammoth's document tree (top-level paragraphs only; table cells are never headings). */
export function markLookHeadings<T>(document: T): T {
  const top = ((document as DocElement).children ?? []).filter((c) => c.type === 'paragraph');
  const paragraphs = top.map(describeParagraph);
  // A document with heading styles that name columns is trusted as it is.
  if (paragraphs.some((p) => HEADING_STYLE.test(p.element.styleName ?? '') && matchColumnKeyword(p.text))) return document;
  const body = bodySize(paragraphs);
  const isLarger = (p: Paragraph) => p.size !== null && (body === null ? p.size > 11.5 : p.size > body * 1.15);
  const candidates = paragraphs.map((p, i) => {
    if (!p.text || p.element.numbering) return undefined;
    const isolated = (i > 0 && !paragraphs[i - 1]!.text) || (i + 1 < paragraphs.length && !paragraphs[i + 1]!.text);
    const reason = headingReason(p.text, { bold: p.bold, larger: isLarger(p), centered: p.element.alignment === 'center', isolated });
    return reason ? p : undefined;
  });
  for (const p of numberedSections(paragraphs)) candidates[paragraphs.indexOf(p)] = p;
  const largerSizes = [...new Set(candidates.flatMap((p) => (p && isLarger(p) ? [p.size!] : [])))].sort((a, b) => b - a);
  const levels = new Map<Paragraph, number>();
  for (const p of candidates) {
    if (!p) continue;
    const rank = isLarger(p) ? largerSizes.indexOf(p.size!) + 1 : largerSizes.length + 1;
    const numbered = numberingOf(p.text);
    levels.set(p, rank + (numbered ? NUMBERING_DEPTH[numbered.numbering] : 0));
  }
  const fit = toFourLevels([...levels.values()]);
  for (const [p, level] of levels) {
    p.element.styleName = `${LOOK_STYLE} ${fit(level)}`;
    // Word's own numbering ("一、" drawn by Word, not typed) would make it a list item.
    if (p.element.numbering) p.element.numbering = null;
  }
  return document;
}

/**
 * Section titles numbered by Word itself (w:numPr: the "一、" or "1." is drawn, not in the text): the
 * paragraphs of one numbering (mammoth hands them the same level object) that are all short,
 * could be headings, and each stand alone with other paragraphs between them — two or more of
 * them. A numbered list of items (月卡：298元 / 季卡：798元 …) runs on without text between its entries.
 */
function numberedSections(paragraphs: Paragraph[]): Paragraph[] {
  const families = new Map<unknown, number[]>();
  paragraphs.forEach((p, i) => {
    const level = (p.element.numbering as { level?: string } | null | undefined)?.level;
    if (p.element.numbering && (level === undefined || level === '0') && p.text)
      families.set(p.element.numbering, [...(families.get(p.element.numbering) ?? []), i]);
  });
  const sections: Paragraph[] = [];
  for (const [family, members] of families) {
    if (members.length < 2) continue;
    const apart = members.every((at, k) =>
      paragraphs.slice(at + 1, members[k + 1] ?? paragraphs.length).some((p) => p.text && p.element.numbering !== family),
    );
    const short = members.every((at) => paragraphs[at]!.text.length <= 16 && headingReason(paragraphs[at]!.text, { isolated: true }));
    if (apart && short) sections.push(...members.map((at) => paragraphs[at]!));
  }
  return sections;
}

/**
 * HTML has four heading levels here: when the levels found go deeper ("1 服务内容" over "1.1 …"
 * under a larger title), the levels in use are renumbered 1, 2, 3 … in order, so none collapse.
 */
function toFourLevels(levels: number[]): (level: number) => number {
  if (Math.max(0, ...levels) <= 4) return (level) => level;
  const used = [...new Set(levels)].sort((a, b) => a - b);
  return (level) => Math.min(4, used.indexOf(level) + 1);
}
