/**
 * The structured content as scripts read it (`ecw site show SITE_ID --json`, issue 9): columns with
 * their items' measurable fields, the contact block split into its parts, the logo and the size of
 * the unsorted tray. The shape is a contract: keep it.
 */
import { checkMobile } from '../domain/mobile';
import { formatPrice, itemTitle, sortedColumns, type ContactBlock, type ImageRef, type Item, type SiteContent } from './model';

export interface ItemSummary {
  kind: Item['kind'];
  title: string;
  model: string | null;
  /** `fen` is null for 面议/时价; `text` is the price as every channel shows it. */
  price: { fen: number | null; text: string } | null;
  date: string | null;
  headcount: number | null;
  pay: string | null;
  postKind: 'supply' | 'demand' | null;
  /** The customer's file names of the item's pictures ("(embedded)" for pictures that came inside a document). */
  photos: string[];
}

export interface ContactSummary {
  address: string;
  postcode: string | null;
  /** Fixed lines and hotlines; the mobile and the fax are apart. */
  phones: string[];
  fax: string | null;
  person: string | null;
  mobile: string | null;
}

export interface SiteSummary {
  columns: { type: string; title: string; items: ItemSummary[] }[];
  contact: ContactSummary;
  logo: string | null;
  unsorted: number;
}

const fileNameOf = (image: ImageRef) => image.fileName ?? '(embedded)';

export function itemSummary(item: Item): ItemSummary {
  const price =
    item.kind === 'product' && item.price
      ? { fen: item.price.kind === 'amount' ? item.price.fen : null, text: formatPrice(item.price) }
      : null;
  return {
    kind: item.kind,
    title: itemTitle(item),
    model: item.kind === 'product' ? (item.model ?? null) : null,
    price,
    date: item.kind === 'article' ? (item.date ?? null) : null,
    headcount: item.kind === 'job' ? (item.headcount ?? null) : null,
    pay: item.kind === 'job' ? item.pay || null : null,
    postKind: item.kind === 'post' ? item.postKind : null,
    photos:
      item.kind === 'product' || item.kind === 'article'
        ? item.images.map(fileNameOf)
        : item.kind === 'staff' && item.photo
          ? [fileNameOf(item.photo)]
          : [],
  };
}

export function contactSummary(contact: ContactBlock): ContactSummary {
  const isMobile = (number: string) => checkMobile(number).valid;
  const fax = contact.phones.find((p) => p.label.includes('传真'));
  const mobile = contact.phones.find((p) => p !== fax && isMobile(p.number));
  return {
    address: contact.address,
    postcode: contact.postcode ?? null,
    phones: contact.phones.filter((p) => p !== fax && !isMobile(p.number)).map((p) => p.number),
    fax: fax?.number ?? null,
    person: contact.person ?? null,
    mobile: mobile?.number ?? null,
  };
}

export function siteSummary(content: SiteContent): SiteSummary {
  return {
    columns: sortedColumns(content).map((c) => ({ type: c.type, title: c.title, items: c.items.map(itemSummary) })),
    contact: contactSummary(content.profile.contact),
    logo: content.profile.logo ? fileNameOf(content.profile.logo) : null,
    unsorted: content.unsorted.length,
  };
}
