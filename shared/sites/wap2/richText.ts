/** Rich text → XHTML Mobile Profile 1.0 elements, as page chunks that the pager can split. */
import { isAllowedHref, type Block, type ListItem, type Run } from '../model';
import { h, type Child, type Element } from '../markup/node';
import type { JobSink } from '../job';
import { serialize } from '../markup/serialize';
import { splitRunsToFit } from '../pager';
import type { Location } from '../report';

export const WAP2_BREAK_AFTER = new Set([
  'head',
  'title',
  'link',
  'body',
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'table',
  'tr',
  'form',
]);

/** A piece of a page: its markup bytes and image bytes are measured once; text chunks can be split. */
export interface Wap2Chunk {
  nodes: Element[];
  bytes: number;
  imageBytes: number;
  /** Menu links on the page (numbered 1…9 per page). */
  links: number;
  /** A menu link: its markup with the number it gets on its page (measured with a one-digit number). */
  numbered?: (n: number) => Element[];
  split?: (fits: (head: Wap2Chunk) => boolean) => [Wap2Chunk, Wap2Chunk] | null;
}

export const measure = (nodes: Element[]): number =>
  new TextEncoder().encode(nodes.map((n) => serialize(n, { syntax: 'xml', breakAfter: WAP2_BREAK_AFTER })).join('')).length;

export function chunk(nodes: Element[], imageBytes = 0, links = 0): Wap2Chunk {
  return { nodes, bytes: measure(nodes), imageBytes, links };
}

function runToXhtml(run: Run): Child {
  let node: Child = run.text;
  if (run.href && isAllowedHref(run.href)) node = h('a', { href: run.href.trim() }, run.text);
  if (run.em) node = h('em', {}, node);
  if (run.strong) node = h('strong', {}, node);
  return node;
}

const runsToXhtml = (runs: Run[]): Child[] => runs.filter((r) => r.text !== '').map(runToXhtml);

/** A text block (paragraph or heading) that splits between words when it is too long for a page. */
function textChunk(tag: string, runs: Run[]): Wap2Chunk {
  const c = chunk([h(tag, {}, runsToXhtml(runs))]);
  c.split = (fits) => {
    const parts = splitRunsToFit(runs, (head) => fits(chunk([h(tag, {}, runsToXhtml(head))])));
    return parts && [textChunk(tag, parts[0]), textChunk(tag, parts[1])];
  };
  return c;
}

function listNode(ordered: boolean, items: ListItem[], start?: number): Element {
  return h(
    ordered ? 'ol' : 'ul',
    { start: ordered && start && start > 1 ? start : undefined },
    items.map((item) => h('li', {}, runsToXhtml(item.runs), item.children?.length ? listNode(ordered, item.children) : null)),
  );
}

/** A list splits between its top-level items; an ordered list continues its numbering. */
function listChunk(ordered: boolean, items: ListItem[], start = 1): Wap2Chunk {
  const c = chunk([listNode(ordered, items, start)]);
  c.split = (fits) => {
    let count = items.length - 1;
    while (count > 0 && !fits(chunk([listNode(ordered, items.slice(0, count), start)]))) count--;
    if (count === 0) return null;
    return [listChunk(ordered, items.slice(0, count), start), listChunk(ordered, items.slice(count), start + count)];
  };
  return c;
}

function tableNode(header: Run[][] | undefined, rows: Run[][][]): Element {
  const head = header
    ? h(
        'tr',
        {},
        header.map((cell) => h('th', {}, runsToXhtml(cell))),
      )
    : null;
  return h(
    'table',
    {},
    head,
    rows.map((row) =>
      h(
        'tr',
        {},
        row.map((cell) => h('td', {}, runsToXhtml(cell))),
      ),
    ),
  );
}

/** A table splits between rows and repeats its header row. */
function tableChunk(header: Run[][] | undefined, rows: Run[][][]): Wap2Chunk {
  const c = chunk([tableNode(header, rows)]);
  c.split = (fits) => {
    let count = rows.length - 1;
    while (count > 0 && !fits(chunk([tableNode(header, rows.slice(0, count))]))) count--;
    if (count === 0) return null;
    return [tableChunk(header, rows.slice(0, count)), tableChunk(header, rows.slice(count))];
  };
  return c;
}

export interface Wap2TextEnv {
  sink: JobSink;
  pagePath: string;
  where: Location;
  showImages: boolean;
}

export function imageChunk(
  env: Wap2TextEnv,
  image: Extract<Block, { type: 'image' }>['image'],
  caption: string | undefined,
  field: string,
): Wap2Chunk | null {
  if (!env.showImages) return caption ? chunk([h('p', {}, `［图］${caption}`)]) : null;
  const img = env.sink.image(image, 'wap2', env.pagePath, { ...env.where, field });
  if (!img) return null;
  const node = h(
    'div',
    { class: 'fig' },
    h('img', { src: img.href, alt: image.alt.trim(), width: img.width, height: img.height }),
    caption ? [h('br'), caption] : null,
  );
  return chunk([node], img.bytes);
}

/** Headings keep their level (h2–h4; the page title is h1). */
export function blocksToChunks(blocks: Block[], env: Wap2TextEnv): Wap2Chunk[] {
  const out: Wap2Chunk[] = [];
  blocks.forEach((block, i) => {
    const field = `${env.where.field ?? 'body'}.${i}`;
    if (block.type === 'paragraph' && block.runs.some((r) => r.text)) out.push(textChunk('p', block.runs));
    else if (block.type === 'heading' && block.runs.some((r) => r.text)) out.push(textChunk(`h${block.level}`, block.runs));
    else if (block.type === 'list' && block.items.length) out.push(listChunk(block.ordered, block.items));
    else if (block.type === 'table' && block.rows.length)
      out.push(block.header ? tableChunk(block.rows[0], block.rows.slice(1)) : tableChunk(undefined, block.rows));
    else if (block.type === 'image') {
      const c = imageChunk(env, block.image, block.caption, `${field}.image`);
      if (c) out.push(c);
    }
  });
  return out;
}
