/**
 * 员工名片 from the roster: the site's staff column gets one card per member who agreed to a card,
 * and the column's cards print on A4 (sheetPdf.ts). Cards made from members carry the member's id
 * (`m-<id>`), so filling again updates them and leaves the cards added by hand alone.
 */
import type { Output, ParsedInput } from '../../../../shared/api';
import type { FileBody } from '../../../../shared/api/files';
import { siteUrls } from '../../../../shared/sites/context';
import type { Column, SiteContent, StaffCard } from '../../../../shared/sites/model';
import { staffCardUrl } from '../../../../shared/sites/staff/files';
import type { ReadContext, WriteContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { findEnterprise } from '../enterprises/repository';
import { membersOf, memberState, type MemberRecord } from '../roster/repository';
import { changeSite, getSite } from '../sites/service';
import { renderStaffCardSheet } from './sheetPdf';

const MEMBER_CARD_PREFIX = 'm-';
const STAFF_COLUMN = { id: 'staff', title: '员工名片' };

/** The card of a member, keeping the photo a person chose in the site editor when the roster has none. */
function cardOf(member: MemberRecord, earlier: StaffCard | undefined): StaffCard {
  const photo = member.photo_sha256 ? { sha256: member.photo_sha256, alt: `${member.name}的照片` } : earlier?.photo;
  return {
    kind: 'staff',
    id: `${MEMBER_CARD_PREFIX}${member.id}`,
    name: member.name,
    title: member.title,
    ...(member.department ? { department: member.department } : {}),
    mobile: member.mobile,
    ...(member.short_number ? { shortNumber: member.short_number } : {}),
    ...(member.email ? { email: member.email } : {}),
    ...(photo ? { photo } : {}),
  };
}

function staffColumnOf(content: SiteContent): Column {
  const existing = content.columns.find((c) => c.type === 'staff');
  if (existing) return existing;
  const id = content.columns.some((c) => c.id === STAFF_COLUMN.id) ? `${STAFF_COLUMN.id}-cards` : STAFF_COLUMN.id;
  const column: Column = {
    id,
    type: 'staff',
    title: STAFF_COLUMN.title,
    order: Math.max(0, ...content.columns.map((c) => c.order)) + 1,
    channels: { web: true, wap2: true, wap1: true, sms: false },
    body: [],
    items: [],
  };
  content.columns.push(column);
  return column;
}

export function fillStaffCards(ctx: WriteContext, { siteId, revision }: ParsedInput<'staffCards.fill'>): Output<'staffCards.fill'> {
  const enterpriseId = getSite(ctx, siteId).enterpriseId;
  const members = membersOf(ctx.db, enterpriseId).filter((m) => m.card_consent === 1 && memberState(m) !== 'removing');
  let counts = { columnId: '', cards: 0, added: 0, removed: 0 };
  const site = changeSite(ctx, siteId, revision, 'site.staff_cards_filled', (current) => {
    const column = staffColumnOf(current.content);
    const earlier = new Map(column.items.filter((i): i is StaffCard => i.kind === 'staff').map((i) => [i.id, i]));
    const handMade = column.items.filter((i) => !i.id.startsWith(MEMBER_CARD_PREFIX));
    const cards = members.map((m) => cardOf(m, earlier.get(`${MEMBER_CARD_PREFIX}${m.id}`)));
    const kept = new Set(cards.map((c) => c.id));
    counts = {
      columnId: column.id,
      cards: cards.length + handMade.length,
      added: cards.filter((c) => !earlier.has(c.id)).length,
      removed: [...earlier.keys()].filter((id) => id.startsWith(MEMBER_CARD_PREFIX) && !kept.has(id)).length,
    };
    column.items = [...cards, ...handMade];
    return { ...current, detail: { columnId: column.id, cards: counts.cards, added: counts.added, removed: counts.removed } };
  });
  return { ...counts, revision: site.revision };
}

async function renderSheet(ctx: ReadContext, siteId: string) {
  const site = getSite(ctx, siteId);
  const cards = site.content.columns
    .filter((c) => c.type === 'staff')
    .flatMap((c) => c.items.filter((i): i is StaffCard => i.kind === 'staff'));
  if (!cards.length)
    throw new AppError('staff_cards.empty', 'The site has no staff cards to print; fill the staff column from the roster first.');
  const urls = siteUrls(site.content);
  const enterprise = findEnterprise(ctx.db, site.enterpriseId);
  const organization = enterprise?.name ?? site.content.profile.name;
  const { pdf, pages } = await renderStaffCardSheet({
    organization,
    cards: cards.map((card) => ({ card, url: staffCardUrl(urls, card.id) })),
    printedAt: ctx.now(),
  });
  return { pdf, pages, cards: cards.length, fileName: `${organization}-员工名片.pdf` };
}

/** For scripts: the sheet as base64 with its counts. */
export async function staffCardSheet(ctx: ReadContext, { siteId }: ParsedInput<'staffCards.sheet'>): Promise<Output<'staffCards.sheet'>> {
  const { pdf, pages, cards, fileName } = await renderSheet(ctx, siteId);
  return { fileName, base64: pdf.toString('base64'), cards, pages };
}

/** For the window: the sheet as a file (by address, or its bytes over IPC). */
export async function staffCardSheetFile(ctx: ReadContext, { siteId }: ParsedInput<'files.staffCardSheet'>): Promise<FileBody> {
  const { pdf, fileName } = await renderSheet(ctx, siteId);
  return { bytes: pdf, mime: 'application/pdf', fileName };
}
