/** What the portals and search take from a published content document: names, industry, URLs and listable items. */
import { itemTitle, siteContentSchema, type Column, type Item } from '../../../shared/sites';

export interface IndexedItem {
  id: string;
  kind: 'product' | 'post' | 'news';
  postKind?: 'supply' | 'demand';
  title: string;
  model?: string;
  date?: string;
  /** The item's page on the WEB site (the site's home when the column is not on WEB), and on WAP 2.0. */
  url: string;
  wapUrl: string;
}

export interface PublishedFacts {
  name: string;
  shortName: string;
  slogan: string;
  industry: { section: string; division?: string | undefined };
  items: IndexedItem[];
}

const KIND_OF_COLUMN: Partial<Record<Column['type'], IndexedItem['kind']>> = { products: 'product', supply: 'post', news: 'news' };

/** A live site's addresses, as the publication row holds them. */
export interface SiteUrls {
  web: string;
  wap: string;
}

function indexedItem(item: Item, kind: IndexedItem['kind'], column: Column, urls: SiteUrls): IndexedItem {
  return {
    id: item.id,
    kind,
    title: itemTitle(item),
    ...(item.kind === 'post' ? { postKind: item.postKind, ...(item.validUntil ? { date: item.validUntil } : {}) } : {}),
    ...(item.kind === 'product' && item.model ? { model: item.model } : {}),
    ...(item.kind === 'article' && item.date ? { date: item.date } : {}),
    url: column.channels.web ? `${urls.web}i/${item.id}.html` : urls.web,
    wapUrl: column.channels.wap2 ? `${urls.wap}i/${item.id}.xhtml` : urls.wap,
  };
}

/** The facts of a content document, or null when it is not one (nothing is indexed then). */
export function publishedFacts(content: unknown, urls: SiteUrls): PublishedFacts | null {
  const parsed = siteContentSchema.safeParse(content);
  if (!parsed.success) return null;
  const site = parsed.data;
  const items = site.columns.flatMap((column) => {
    const kind = KIND_OF_COLUMN[column.type];
    if (!kind || !Object.values(column.channels).some(Boolean)) return [];
    return column.items.flatMap((item) =>
      item.kind === 'product' || item.kind === 'post' || item.kind === 'article' ? [indexedItem(item, kind, column, urls)] : [],
    );
  });
  const { profile } = site;
  return { name: profile.name, shortName: profile.shortName, slogan: profile.slogan, industry: profile.industry, items };
}
