/** Content checks that do not depend on a channel: alt text, empty columns, links to disabled pages. */
import type { SiteContext } from './context';
import { itemBody, itemImages } from './itemView';
import { contentKey, type ChannelPlan, type Job, type JobSink } from './job';
import { itemTitle, type Block, type Channel, type Column, type ListItem, type Run } from './model';
import type { Location } from './report';

const PAGE_LINK = /^\/(wap\/|wml\/)?(c|i)\/([A-Za-z0-9_-]+)(?:\.text)?(?:\.\d+)?\.(html|xhtml|wml)$/;

function runsOf(blocks: Block[]): Run[] {
  const out: Run[] = [];
  const fromItems = (items: ListItem[]) => items.forEach((i) => (out.push(...i.runs), i.children && fromItems(i.children)));
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(...b.runs);
    else if (b.type === 'list') fromItems(b.items);
    else if (b.type === 'table') b.rows.forEach((row) => row.forEach((cell) => out.push(...cell)));
  }
  return out;
}

/** The column a link into this site points at, and the channel it is for; undefined for other links. */
function linkTarget(ctx: SiteContext, href: string): { channel: Channel; column?: Column } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.hostname !== ctx.urls.host) return undefined;
  const match = PAGE_LINK.exec(url.pathname);
  if (!match) return undefined;
  const channel: Channel = match[1] === 'wap/' ? 'wap2' : match[1] === 'wml/' ? 'wap1' : 'web';
  const id = match[3]!;
  const column = match[2] === 'c' ? ctx.columns.find((c) => c.id === id) : ctx.columns.find((c) => c.items.some((i) => i.id === id));
  return { channel, column };
}

function checkBlocks(ctx: SiteContext, sink: JobSink, blocks: Block[], where: Location): void {
  blocks.forEach((block, i) => {
    if (block.type === 'image' && !block.image.alt.trim())
      sink.finding({ severity: 'warning', code: 'alt.missing', message: 'An image has no alt text (what it shows, for people who cannot see it).', where: { ...where, field: `${where.field}.${i}.image.alt` } });
  });
  for (const run of runsOf(blocks)) {
    if (!run.href) continue;
    const target = linkTarget(ctx, run.href);
    if (target && !target.column?.channels[target.channel])
      sink.finding({ severity: 'warning', code: 'link.disabled_column', message: `A link points to ${run.href}, a page that is not published in the ${target.channel} channel.`, where, params: { href: run.href } });
  }
}

function columnJob(ctx: SiteContext, column: Column): Job {
  return {
    id: `lint:column:${column.id}`,
    key: [contentKey(column.body), String(column.items.length)],
    run(sink) {
      const where = { columnId: column.id };
      const channels = Object.values(column.channels).some(Boolean);
      if (!channels) sink.finding({ severity: 'info', code: 'column.no_channel', message: `Column "${column.title}" is not published in any channel.`, where: { ...where, field: 'channels' } });
      const intrinsic = column.type === 'contact' || column.type === 'guestbook';
      if (channels && !intrinsic && column.items.length === 0 && column.body.length === 0)
        sink.finding({ severity: 'warning', code: 'column.empty', message: `Column "${column.title}" has no text and no items.`, where });
      checkBlocks(ctx, sink, column.body, { ...where, field: 'body' });
    },
  };
}

function itemJob(ctx: SiteContext, column: Column, item: Column['items'][number]): Job {
  return {
    id: `lint:item:${item.id}`,
    key: [column.id, ctx.keyOf(item)],
    run(sink) {
      const where = { columnId: column.id, itemId: item.id };
      for (const { image, field } of itemImages(item))
        if (!image.alt.trim()) sink.finding({ severity: 'warning', code: 'alt.missing', message: `An image of "${itemTitle(item)}" has no alt text.`, where: { ...where, field: `${field}.alt` } });
      const body = itemBody(item);
      checkBlocks(ctx, sink, body.blocks, { ...where, field: body.field });
    },
  };
}

export function lintPlan(ctx: SiteContext): ChannelPlan {
  return {
    site: [],
    columns: ctx.columns,
    columnUnits: (column) => [{ id: 'column', key: [ctx.tokenOf(`body:${column.id}`, column.body), String(column.items.length)], jobs: () => [columnJob(ctx, column)] }],
    itemJobs: (column, item) => [itemJob(ctx, column, item)],
  };
}
