/** 员工名片: the site's staff-card column filled from the roster, and a printable A4 sheet of the cards. */
import { z } from 'zod';
import { mutation, query } from './contract';

export const staffCardsApi = {
  /**
   * Puts one card per roster member who agreed to a card (not being removed) into the site's staff
   * column (made if the site has none); cards added by hand stay, cards of members who withdrew go.
   */
  'staffCards.fill': mutation(
    z.object({ siteId: z.string().min(1), revision: z.number().int().optional() }),
    z.object({
      columnId: z.string(),
      cards: z.number().int(),
      added: z.number().int(),
      removed: z.number().int(),
      revision: z.number().int(),
    }),
  ),
  /** The staff column's cards on A4 (10 per page, each with its QR code), as a PDF. */
  'staffCards.sheet': query(
    z.object({ siteId: z.string().min(1) }),
    z.object({ fileName: z.string(), base64: z.string(), cards: z.number().int(), pages: z.number().int() }),
    { reads: ['site'] },
  ),
};
