/** Rich text → HTML5 elements. Every string goes through the serializer's escaping. */
import { isAllowedHref, type Block, type ListItem, type Run } from '../model';
import { h, type Child, type Element } from '../markup/node';
import type { JobSink } from '../job';
import type { Location } from '../report';
import { webImage } from './image';

/** Phone numbers in tel: links must not break across lines (html-validate tel-non-breaking). */
export const nonBreaking = (text: string): string => text.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');

export function runToHtml(run: Run): Child {
  let node: Child = run.text;
  if (run.href && isAllowedHref(run.href)) {
    const tel = run.href.toLowerCase().startsWith('tel:');
    node = h(
      'a',
      { href: run.href.trim(), rel: /^https?:/i.test(run.href.trim()) ? 'nofollow noopener' : undefined },
      tel ? nonBreaking(run.text) : run.text,
    );
  }
  if (run.em) node = h('em', {}, node);
  if (run.strong) node = h('strong', {}, node);
  return node;
}

export const runsToHtml = (runs: Run[]): Child[] => runs.filter((r) => r.text !== '').map(runToHtml);

function listToHtml(ordered: boolean, items: ListItem[]): Element {
  return h(
    ordered ? 'ol' : 'ul',
    {},
    items.map((item) => h('li', {}, runsToHtml(item.runs), item.children?.length ? listToHtml(ordered, item.children) : null)),
  );
}

function tableToHtml(block: Extract<Block, { type: 'table' }>): Element {
  const [first, ...rest] = block.rows;
  const head =
    block.header && first
      ? h(
          'thead',
          {},
          h(
            'tr',
            {},
            first.map((cell) => h('th', { scope: 'col' }, runsToHtml(cell))),
          ),
        )
      : null;
  const bodyRows = block.header ? rest : block.rows;
  return h(
    'table',
    {},
    head,
    h(
      'tbody',
      {},
      bodyRows.map((row) =>
        h(
          'tr',
          {},
          row.map((cell) => h('td', {}, runsToHtml(cell))),
        ),
      ),
    ),
  );
}

export interface RichTextEnv {
  sink: JobSink;
  pagePath: string;
  where: Location;
  /** The heading level the text sits under (1 on a page whose title is h1): levels never skip. */
  baseLevel: number;
}

/** Blocks as HTML; headings are renumbered so they never jump a level (h1 → h3 would be invalid). */
export function blocksToHtml(blocks: Block[], env: RichTextEnv): Element[] {
  const out: Element[] = [];
  let level = env.baseLevel;
  blocks.forEach((block, index) => {
    const field = `${env.where.field ?? 'body'}.${index}`;
    if (block.type === 'paragraph') {
      const runs = runsToHtml(block.runs);
      if (runs.length) out.push(h('p', {}, runs));
    } else if (block.type === 'heading') {
      const runs = runsToHtml(block.runs);
      if (!runs.length) return;
      level = Math.min(Math.max(block.level, env.baseLevel + 1), level + 1, 6);
      out.push(h(`h${level}`, {}, runs));
    } else if (block.type === 'list') {
      if (block.items.length) out.push(listToHtml(block.ordered, block.items));
    } else if (block.type === 'table') {
      if (block.rows.length) out.push(tableToHtml(block));
    } else {
      const img = webImage(block.image, env.sink, env.pagePath, { ...env.where, field: `${field}.image` });
      if (img) out.push(h('figure', {}, img, block.caption ? h('figcaption', {}, block.caption) : null));
    }
  });
  return out;
}
