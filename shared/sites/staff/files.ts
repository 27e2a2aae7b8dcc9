/**
 * What a staff card adds to its item pages on every channel: the vCard (`v/<id>.vcf`), and on WEB
 * a QR code (`q/<id>.svg`) that opens the card's WAP 2.0 page on a phone. The pages link them.
 */
import type { SiteContext } from '../context';
import type { Job } from '../job';
import type { StaffCard } from '../model';
import { itemPath, mimeOf, relativeHref, type PageChannel } from '../paths';
import { qrSvg } from './qr';
import { staffVcard } from './vcard';

export const vcardPath = (itemId: string): string => `v/${itemId}.vcf`;
export const qrPath = (itemId: string): string => `q/${itemId}.svg`;
/** The QR image's size on the page, in CSS pixels. */
export const QR_DISPLAY_SIZE = 132;

/** Where a phone opens the card: its WAP 2.0 page. */
export const staffCardUrl = (urls: { wap2: string }, itemId: string): string => `${urls.wap2}${itemPath('wap2', itemId)}`;

/** Links from the card's page to its vCard and QR code. */
export function staffLinks(channel: PageChannel, itemId: string): { vcard: string; qr: string } {
  const page = itemPath(channel, itemId);
  return { vcard: relativeHref(page, vcardPath(itemId)), qr: relativeHref(page, qrPath(itemId)) };
}

/** The card's extra files on `channel` (the QR code on WEB only: a phone's screen is where it is scanned from, not shown on). */
export function staffFileJob(ctx: SiteContext, channel: PageChannel, card: StaffCard): Job {
  const url = staffCardUrl(ctx.urls, card.id);
  const organization = ctx.site.profile.name;
  return {
    id: `${channel}:staff:${card.id}`,
    key: [url, organization, JSON.stringify(card)],
    run(sink) {
      sink.file(vcardPath(card.id), mimeOf('x.vcf'), staffVcard(card, { organization, cardUrl: url }));
      if (channel === 'web') sink.file(qrPath(card.id), mimeOf('x.svg'), qrSvg(url));
    },
  };
}

/** The item's file jobs when it is a staff card. */
export const staffFileJobs = (ctx: SiteContext, channel: PageChannel, item: { kind: string }): Job[] =>
  item.kind === 'staff' ? [staffFileJob(ctx, channel, item as StaffCard)] : [];
