/**
 * Sanitized HTML → the block tree of shared/sites/model.ts. Headings keep their source level (1–6)
 * here because structuring needs it; `toModelBlocks` maps them to the model's h2–h4 afterwards.
 * Soft line breaks split paragraphs (a Word "地址：…↵电话：…" paragraph becomes two lines).
 */
import { parseDocument } from 'htmlparser2';
import { isAllowedHref, runsText, type Block, type ImageRef, type ListItem, type Run } from '../../../../shared/sites/model';
import { ASSET_SCHEME, LOOK_CLASS } from './sanitize';

/**
 * A block as found in the source: headings of any level, everything else as in the model. `look`:
 * the heading was recognised by how it looks (bold, larger, numbered …), not by a heading style.
 */
export type SourceBlock = Exclude<Block, { type: 'heading' }> | { type: 'heading'; level: number; runs: Run[]; look?: boolean };

/** The text of a paragraph or heading ('' for other blocks). */
export const textOf = (b: SourceBlock) => (b.type === 'paragraph' || b.type === 'heading' ? runsText(b.runs) : '');

interface DomNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

interface Marks {
  strong?: boolean;
  em?: boolean;
  href?: string;
}

const HEADING = /^h([1-6])$/;
const ASSET_SRC = new RegExp(`^${ASSET_SCHEME}:([0-9a-f]{64})$`);

const isTag = (node: DomNode, ...names: string[]) => node.type === 'tag' && names.includes(node.name!);

/** Adjacent runs with the same marks become one; whitespace collapses as HTML renders it. */
function normalizeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.strong === run.strong && last.em === run.em && last.href === run.href) last.text += run.text;
    else merged.push({ ...run });
  }
  for (const run of merged) run.text = run.text.replace(/[ \t\n\r\f]+/g, ' ');
  if (merged[0]) merged[0].text = merged[0].text.replace(/^ +/, '');
  if (merged.at(-1)) merged.at(-1)!.text = merged.at(-1)!.text.replace(/ +$/, '');
  return merged.filter((r) => r.text !== '');
}

const withMarks = (text: string, marks: Marks): Run => ({
  text,
  ...(marks.strong ? { strong: true } : {}),
  ...(marks.em ? { em: true } : {}),
  ...(marks.href ? { href: marks.href } : {}),
});

function marksOf(node: DomNode, marks: Marks): Marks {
  if (isTag(node, 'strong')) return { ...marks, strong: true };
  if (isTag(node, 'em')) return { ...marks, em: true };
  if (isTag(node, 'a')) {
    const href = node.attribs?.href?.trim();
    return href && isAllowedHref(href) ? { ...marks, href } : marks;
  }
  return marks;
}

function imageOf(node: DomNode): ImageRef | undefined {
  const match = ASSET_SRC.exec(node.attribs?.src ?? '');
  return match ? { sha256: match[1]!, alt: (node.attribs?.alt ?? '').trim().slice(0, 200) } : undefined;
}

/**
 * Inline content as a sequence of "lines" (split at <br>) and images, in document order:
 * a paragraph with a picture in the middle becomes paragraph, image, paragraph.
 */
type InlinePiece = { kind: 'runs'; runs: Run[] } | { kind: 'break' } | { kind: 'image'; image: ImageRef };

function inlinePieces(nodes: DomNode[], marks: Marks, out: InlinePiece[]): InlinePiece[] {
  for (const node of nodes) {
    if (node.type === 'text') out.push({ kind: 'runs', runs: [withMarks(node.data ?? '', marks)] });
    else if (isTag(node, 'br')) out.push({ kind: 'break' });
    else if (isTag(node, 'img')) {
      const image = imageOf(node);
      if (image) out.push({ kind: 'image', image });
    } else if (node.type === 'tag') {
      const blockish = isTag(node, 'p', 'li', 'td', 'th', 'tr');
      if (blockish) out.push({ kind: 'break' });
      inlinePieces(node.children ?? [], marksOf(node, marks), out);
      if (blockish) out.push({ kind: 'break' });
    }
  }
  return out;
}

/** Runs of inline content flattened to one line (list items, cells, headings): breaks become spaces. */
function flatRuns(nodes: DomNode[]): Run[] {
  const runs = inlinePieces(nodes, {}, []).flatMap((p) => (p.kind === 'runs' ? p.runs : p.kind === 'break' ? [{ text: ' ' }] : []));
  return normalizeRuns(runs);
}

function paragraphBlocks(nodes: DomNode[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let current: Run[] = [];
  const flush = () => {
    const runs = normalizeRuns(current);
    if (runs.length) blocks.push({ type: 'paragraph', runs });
    current = [];
  };
  for (const piece of inlinePieces(nodes, {}, [])) {
    if (piece.kind === 'runs') current.push(...piece.runs);
    else {
      flush();
      if (piece.kind === 'image') blocks.push({ type: 'image', image: piece.image });
    }
  }
  flush();
  return blocks;
}

function listItems(list: DomNode): { items: ListItem[]; images: ImageRef[] } {
  const items: ListItem[] = [];
  const images: ImageRef[] = [];
  for (const li of (list.children ?? []).filter((n) => isTag(n, 'li'))) {
    const own = (li.children ?? []).filter((n) => !isTag(n, 'ul', 'ol'));
    const nested = (li.children ?? []).filter((n) => isTag(n, 'ul', 'ol'));
    images.push(...inlinePieces(own, {}, []).flatMap((p) => (p.kind === 'image' ? [p.image] : [])));
    const children = nested.flatMap((n) => {
      const sub = listItems(n);
      images.push(...sub.images);
      return sub.items;
    });
    items.push({ runs: flatRuns(own), ...(children.length ? { children } : {}) });
  }
  return { items, images };
}

function rowsOf(node: DomNode): DomNode[] {
  return (node.children ?? []).flatMap((child) => (isTag(child, 'tr') ? [child] : child.type === 'tag' ? rowsOf(child) : []));
}

const hasTable = (node: DomNode): boolean => (node.children ?? []).some((child) => isTag(child, 'table') || hasTable(child));

/** Space-free text of a block, to compare a menu entry with a heading ("首　页", "关于我们"). */
const compact = (block: SourceBlock) =>
  block.type === 'paragraph' || block.type === 'heading' ? runsText(block.runs).replace(/[\s\u3000]+/g, '') : '';

const HOME_LINK = /^(?:网站)?首页$|^home$/i;

/**
 * A site's menu in a cell ("首　页", "关于我们", "产品中心" … one under another, the headings another cell holds): its
 * entries are no text of the page. Three or more lines in a row, each a home link or another cell's line, are a menu.
 */
function withoutMenus(cells: SourceBlock[][]): SourceBlock[][] {
  return cells.map((blocks, at) => {
    const elsewhere = new Set(
      cells
        .filter((_, i) => i !== at)
        .flatMap((other) => other.map(compact))
        .filter(Boolean),
    );
    const isEntry = (block: SourceBlock) => HOME_LINK.test(compact(block)) || (compact(block).length <= 8 && elsewhere.has(compact(block)));
    const menu = new Set<SourceBlock>();
    let run: SourceBlock[] = [];
    for (const block of [...blocks, undefined]) {
      if (block && isEntry(block)) run.push(block);
      else {
        if (run.filter((b) => !HOME_LINK.test(compact(b))).length >= 3) run.forEach((b) => menu.add(b));
        run = [];
      }
    }
    return blocks.filter((block) => !menu.has(block));
  });
}

/**
 * A table used to lay out a page (an old website copied into Word: a banner row, a menu cell beside the content
 * cell, which holds headings, prose and a table of its own, a footer row): a table inside a cell gives it away.
 * Its cells are read as the page they are, row by row and left to right, the menu left out.
 */
function layoutBlocks(table: DomNode): SourceBlock[] | undefined {
  const cells = rowsOf(table).flatMap((row) => (row.children ?? []).filter((c) => isTag(c, 'td', 'th')));
  if (!cells.some(hasTable)) return undefined;
  return withoutMenus(cells.map((cell) => blocksOf(cell.children ?? []))).flat();
}

function tableBlock(table: DomNode): SourceBlock[] {
  const layout = layoutBlocks(table);
  if (layout) return layout;
  const rows = rowsOf(table);
  const cells = rows.map((row) => (row.children ?? []).filter((c) => isTag(c, 'td', 'th')));
  // A table of one cell is a box drawn around text (a mail's signature, a framed note): its paragraphs, not a table.
  const filled = cells.filter((row) => row.length > 0);
  if (filled.length === 1 && filled[0]!.length === 1) return paragraphBlocks(filled[0]![0]!.children ?? []);
  const header = cells.length > 1 && (cells[0] ?? []).length > 0 && cells[0]!.every((c) => c.name === 'th');
  const images = inlinePieces([table], {}, []).flatMap((p) => (p.kind === 'image' ? [{ type: 'image' as const, image: p.image }] : []));
  const grid = spannedGrid(cells).filter((row) => row.length > 0);
  return grid.length ? [{ type: 'table', header, rows: grid }, ...images] : images;
}

const spanOf = (cell: DomNode, name: 'rowspan' | 'colspan') => Math.min(50, Math.max(1, Number(cell.attribs?.[name]) || 1));

/**
 * The cells as a grid in which every row has a cell under every column: a cell merged down
 * (rowspan: a category written once for several rows) repeats in the rows it covers, so those rows
 * keep their columns in place; a cell merged across (colspan) is followed by empty cells, except at
 * the end of its row (a title over the table stays one cell).
 */
function spannedGrid(cells: DomNode[][]): Run[][][] {
  const grid: (Run[] | 'span')[][] = cells.map(() => []);
  cells.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (grid[r]![column]) column++;
      const runs = flatRuns(cell.children ?? []);
      const across = spanOf(cell, 'colspan');
      for (let down = 0; down < spanOf(cell, 'rowspan') && r + down < grid.length; down++)
        for (let k = 0; k < across; k++) grid[r + down]![column + k] = k === 0 ? runs : 'span';
      column += across;
    }
  });
  return grid.map((row) => {
    const filled = Array.from(row, (cell) => cell ?? []);
    while (filled.at(-1) === 'span') filled.pop();
    return filled.map((cell) => (cell === 'span' ? [] : cell));
  });
}

function blocksOf(nodes: DomNode[]): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let loose: DomNode[] = [];
  const flushLoose = () => {
    blocks.push(...paragraphBlocks(loose));
    loose = [];
  };
  for (const node of nodes) {
    const heading = node.type === 'tag' ? HEADING.exec(node.name!) : null;
    if (heading) {
      flushLoose();
      const runs = flatRuns(node.children ?? []);
      const look = node.attribs?.class === LOOK_CLASS;
      if (runs.length) blocks.push({ type: 'heading', level: Number(heading[1]), runs, ...(look ? { look } : {}) });
    } else if (isTag(node, 'p')) {
      flushLoose();
      blocks.push(...paragraphBlocks(node.children ?? []));
    } else if (isTag(node, 'ul', 'ol')) {
      flushLoose();
      const { items, images } = listItems(node);
      if (items.length) blocks.push({ type: 'list', ordered: node.name === 'ol', items });
      blocks.push(...images.map((image) => ({ type: 'image' as const, image })));
    } else if (isTag(node, 'table')) {
      flushLoose();
      blocks.push(...tableBlock(node));
    } else loose.push(node);
  }
  flushLoose();
  return blocks;
}

/** Parses sanitized HTML (see sanitize.ts) into source blocks. */
export function htmlToBlocks(sanitizedHtml: string): SourceBlock[] {
  const document = parseDocument(sanitizedHtml, { decodeEntities: true }) as unknown as DomNode;
  return blocksOf(document.children ?? []);
}

/** Source blocks as model blocks: h1/h2 → h2, h3 → h3, deeper → h4. */
export function toModelBlocks(blocks: SourceBlock[]): Block[] {
  return blocks.map((b) => (b.type === 'heading' ? { type: 'heading', level: b.level <= 2 ? 2 : b.level === 3 ? 3 : 4, runs: b.runs } : b));
}
