/**
 * What a site edit answers (`SiteDelta`): the revision it made and the parts it changed, whole.
 * The backend makes it from the saved site and the parts its edit names (`siteDelta`); the editor
 * puts it onto the revision it holds (`applySiteDelta`) instead of receiving the whole site again.
 */
import type { Column, Item } from '../sites/model';
import type { Output, ProcedureName } from './index';
import type { ColumnHead, Site, SiteDelta } from './sites';

/** The procedures that edit a site: each answers a SiteDelta. */
export type SiteEditName = { [N in ProcedureName]: Output<N> extends SiteDelta ? N : never }[ProcedureName];

/** The parts of a site an edit changed; 'everything' for edits that rework the site (undoing an import's guess). */
export type SiteParts =
  | {
      profile?: boolean;
      sms?: boolean;
      template?: boolean;
      domain?: boolean;
      unsorted?: boolean;
      intake?: boolean;
      /** Columns came or went. */
      columnIds?: boolean;
      /** Columns whose own fields or list of items changed. */
      columns?: string[];
      /** Items that are new or changed. */
      items?: string[];
    }
  | 'everything';

const headOf = ({ items, ...column }: Column): ColumnHead => ({ ...column, itemIds: items.map((i) => i.id) });

/** The answer to an edit of `site` (as saved) that changed `parts`. */
export function siteDelta(site: Site, parts: SiteParts): SiteDelta {
  const all = parts === 'everything';
  const named = all ? {} : parts;
  const { content } = site;
  const columnIds = new Set(named.columns);
  const itemIds = new Set(named.items);
  const columns = content.columns.filter((c) => all || columnIds.has(c.id));
  const items = content.columns.flatMap((c) => c.items).filter((i) => all || itemIds.has(i.id));
  return {
    siteId: site.id,
    revision: site.revision,
    updatedAt: site.updatedAt,
    ...(all || named.profile ? { profile: content.profile } : {}),
    ...(all || named.sms ? { sms: content.sms } : {}),
    ...(all || named.template ? { template: content.template } : {}),
    ...(all || named.domain ? { domain: content.domain } : {}),
    ...(all || named.unsorted ? { unsorted: content.unsorted } : {}),
    ...(all || named.intake ? { intake: site.intake } : {}),
    ...(all || named.columnIds ? { columnIds: content.columns.map((c) => c.id) } : {}),
    ...(columns.length ? { columns: columns.map(headOf) } : {}),
    ...(items.length ? { items } : {}),
  };
}

/** Thrown when a delta names a column or item the site does not hold (it was made on another revision). */
export class DeltaMismatch extends Error {}

/** The site after the edit: `site` must be the revision the edit was made on. */
export function applySiteDelta(site: Site, delta: SiteDelta): Site {
  if (delta.siteId !== site.id || delta.revision !== site.revision + 1)
    throw new DeltaMismatch(`The answer is for revision ${delta.revision} of ${delta.siteId}, not the one after ${site.revision}.`);
  const items = new Map<string, Item>(site.content.columns.flatMap((c) => c.items.map((i) => [i.id, i] as const)));
  for (const item of delta.items ?? []) items.set(item.id, item);
  const heads = new Map((delta.columns ?? []).map((head) => [head.id, head]));
  const held = new Map(site.content.columns.map((c) => [c.id, c]));
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new DeltaMismatch(`The answer names ${what}, which this revision does not hold.`);
    return value;
  };
  const columns = (delta.columnIds ?? [...held.keys()]).map((id): Column => {
    const { itemIds, ...fields } = heads.get(id) ?? headOf(found(held.get(id), `column ${id}`));
    return { ...fields, items: itemIds.map((itemId) => found(items.get(itemId), `item ${itemId}`)) };
  });
  const { profile, sms, template, domain, unsorted } = delta;
  return {
    ...site,
    revision: delta.revision,
    updatedAt: delta.updatedAt,
    intake: delta.intake ?? site.intake,
    content: {
      ...site.content,
      columns,
      ...(profile ? { profile } : {}),
      ...(sms ? { sms } : {}),
      ...(template ? { template } : {}),
      ...(domain ? { domain } : {}),
      ...(unsorted ? { unsorted } : {}),
    },
  };
}
