/**
 * Content checks: alt text, empty columns and items, links to disabled pages, markup typed as text,
 * pictographs on WAP 1.0, a contact block nobody can reach, photos left in the unsorted tray.
 * Errors block the customer's sign-off; warnings do not.
 */
import { isReservedSiteLabel } from '../domain/domainName';
import type { SiteContext } from './context';
import { itemBody, itemImages } from './itemView';
import { contentKey, type ChannelPlan, type Job, type JobSink } from './job';
import {
  imagesIn,
  itemTitle,
  plainText,
  type Block,
  type Channel,
  type Column,
  type ColumnType,
  type Item,
  type ListItem,
  type Run,
} from './model';
import type { Location } from './report';
import { columnTexts, itemTexts, markupIn, pictographIn, profileTexts, type FieldText } from './textChecks';

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
      sink.finding({
        severity: 'warning',
        code: 'alt.missing',
        message: 'An image has no alt text (what it shows, for people who cannot see it).',
        where: { ...where, field: `${where.field}.${i}.image.alt` },
      });
  });
  for (const run of runsOf(blocks)) {
    if (!run.href) continue;
    const target = linkTarget(ctx, run.href);
    if (target && !target.column?.channels[target.channel])
      sink.finding({
        severity: 'warning',
        code: 'link.disabled_column',
        message: `A link points to ${run.href}, a page that is not published in the ${target.channel} channel.`,
        where,
        params: { href: run.href },
      });
  }
}

/** Columns whose page is a list of entries: published without any, the page has nothing to show (an error). */
export const LISTING_COLUMNS = new Set<ColumnType>(['news', 'products', 'jobs', 'supply', 'staff']);

/** Markup typed as text (an error: it shows as code) and, on WAP 1.0, pictographs (a warning). */
function checkTexts(sink: JobSink, texts: FieldText[], where: Location, onWap1: boolean): void {
  for (const { field, text } of texts) {
    const markup = markupIn(text);
    if (markup)
      sink.finding({
        severity: 'error',
        code: 'text.markup',
        message: `"${markup}" is markup typed as text: every channel shows it as it is.`,
        where: { ...where, field },
        params: { text: markup },
      });
    const pictograph = onWap1 ? pictographIn(text) : undefined;
    if (pictograph)
      sink.finding({
        severity: 'warning',
        code: 'text.emoji',
        channel: 'wap1',
        message: `WAP 1.0 phones have no glyph for "${pictograph}": it shows as a box or "?".`,
        where: { ...where, field },
        params: { char: pictograph },
      });
  }
}

function columnJob(ctx: SiteContext, column: Column): Job {
  return {
    id: `lint:column:${column.id}`,
    key: [column.title, column.type, contentKey(column.channels), contentKey(column.body), String(column.items.length)],
    run(sink) {
      const where = { columnId: column.id };
      const channels = Object.values(column.channels).some(Boolean);
      if (!channels)
        sink.finding({
          severity: 'info',
          code: 'column.no_channel',
          message: `Column "${column.title}" is not published in any channel.`,
          where: { ...where, field: 'channels' },
        });
      const intrinsic = column.type === 'contact' || column.type === 'guestbook';
      if (channels && LISTING_COLUMNS.has(column.type) && column.items.length === 0)
        sink.finding({
          severity: 'error',
          code: 'column.no_items',
          message: `Column "${column.title}" is published but lists nothing.`,
          where,
          params: { title: column.title },
        });
      else if (channels && !intrinsic && column.items.length === 0 && column.body.length === 0)
        sink.finding({ severity: 'warning', code: 'column.empty', message: `Column "${column.title}" has no text and no items.`, where });
      checkBlocks(ctx, sink, column.body, { ...where, field: 'body' });
      checkTexts(sink, columnTexts(column), where, column.channels.wap1);
    },
  };
}

/** The field to fill when an item shows little more than its title, or undefined when it says enough. */
function missingSubstance(item: Item): string | undefined {
  const hasText = (blocks: Block[]) => plainText(blocks).trim() !== '' || imagesIn(blocks).length > 0;
  switch (item.kind) {
    case 'article':
      return hasText(item.body) || item.images.length || item.summary?.trim() ? undefined : 'body';
    case 'product':
      return hasText(item.description) || item.images.length || item.price || item.spec?.trim() ? undefined : 'description';
    case 'job':
      return hasText(item.requirements) || item.pay.trim() ? undefined : 'requirements';
    case 'post':
      return hasText(item.text) ? undefined : 'text';
    case 'staff':
      return item.title.trim() || item.mobile.trim() || item.email?.trim() ? undefined : 'title';
  }
}

function itemJob(ctx: SiteContext, column: Column, item: Column['items'][number]): Job {
  return {
    id: `lint:item:${item.id}`,
    key: [column.id, String(column.channels.wap1), ctx.keyOf(item)],
    run(sink) {
      const where = { columnId: column.id, itemId: item.id };
      for (const { image, field } of itemImages(item))
        if (!image.alt.trim())
          sink.finding({
            severity: 'warning',
            code: 'alt.missing',
            message: `An image of "${itemTitle(item)}" has no alt text.`,
            where: { ...where, field: `${field}.alt` },
          });
      const body = itemBody(item);
      checkBlocks(ctx, sink, body.blocks, { ...where, field: body.field });
      const missing = missingSubstance(item);
      if (missing)
        sink.finding({
          severity: 'warning',
          code: 'item.incomplete',
          message: `"${itemTitle(item)}" shows nothing but its title.`,
          where: { ...where, field: missing },
          params: { title: itemTitle(item) },
        });
      checkTexts(sink, itemTexts(item), where, column.channels.wap1);
    },
  };
}

/** The profile: a contact block people can use, and its texts. */
function profileJob(ctx: SiteContext): Job {
  const { profile } = ctx.site;
  const onWap1 = ctx.enabled.wap1.length > 0;
  return {
    id: 'lint:profile',
    key: [contentKey(profile), String(onWap1)],
    run(sink) {
      const where = { section: 'profile' as const };
      const { contact } = profile;
      if (contact.phones.length === 0 && !contact.email?.trim())
        sink.finding({
          severity: 'error',
          code: 'contact.missing',
          message: 'The contact block has no phone number and no e-mail: customers cannot reach the enterprise.',
          where: { ...where, field: 'contact.phones' },
        });
      if (!contact.address.trim())
        sink.finding({
          severity: 'warning',
          code: 'contact.no_address',
          message: 'The contact block has no address.',
          where: { ...where, field: 'contact.address' },
        });
      checkTexts(sink, profileTexts(profile), where, onWap1);
    },
  };
}

/** Every picture the site shows (the tray aside). */
function placedImages(ctx: SiteContext): Set<string> {
  const placed = new Set<string>();
  if (ctx.site.profile.logo) placed.add(ctx.site.profile.logo.sha256);
  for (const column of ctx.columns) {
    imagesIn(column.body).forEach((image) => placed.add(image.sha256));
    for (const item of column.items) {
      itemImages(item).forEach(({ image }) => placed.add(image.sha256));
      imagesIn(itemBody(item).blocks).forEach((image) => placed.add(image.sha256));
    }
  }
  return placed;
}

/** A label the platform keeps for itself (stored before it was refused at entry): the site would never be reached there. */
function domainJob(ctx: SiteContext): Job {
  const { domain } = ctx.site;
  return {
    id: 'lint:domain',
    key: [contentKey(domain)],
    run(sink) {
      if (domain.kind === 'assigned' && isReservedSiteLabel(domain.label))
        sink.finding({
          severity: 'error',
          code: 'domain.label_reserved',
          message: `The label "${domain.label}" is kept for the platform's own addresses: choose another one.`,
          where: { section: 'domain', field: 'domain.label' },
          params: { label: domain.label },
        });
    },
  };
}

/** Photos of the customer's material still in the unsorted tray: not on the site. */
function trayJob(ctx: SiteContext): Job {
  const trayImages = ctx.site.unsorted.flatMap((entry) => entry.images);
  const placed = trayImages.length ? placedImages(ctx) : new Set<string>();
  const unplaced = trayImages.filter((image) => !placed.has(image.sha256));
  return {
    id: 'lint:tray',
    key: [contentKey(unplaced)],
    run(sink) {
      for (const image of unplaced) {
        const file = image.fileName ?? image.sha256.slice(0, 12);
        sink.finding({
          severity: 'warning',
          code: 'photo.unplaced',
          message: `Photo ${file} is still in the unsorted tray: it is not on the site.`,
          where: { section: 'intake' },
          params: { file },
        });
      }
    },
  };
}

export function lintPlan(ctx: SiteContext): ChannelPlan {
  return {
    site: [profileJob(ctx), trayJob(ctx), domainJob(ctx)],
    columns: ctx.columns,
    columnUnits: (column) => [
      {
        id: 'column',
        key: [ctx.tokenOf(`body:${column.id}`, column.body), String(column.items.length)],
        jobs: () => [columnJob(ctx, column)],
      },
    ],
    itemJobs: (column, item) => [itemJob(ctx, column, item)],
  };
}
