import { z } from 'zod';
import { mutation, query } from './contract';

/** Half-filled forms, saved as the user types so navigation or a crash loses nothing. */
const draftKey = z.string().min(1).max(200);

export const draftsApi = {
  'drafts.get': query(z.object({ key: draftKey }), z.object({ value: z.unknown(), updatedAt: z.string() }).nullable(), { reads: [] }),
  'drafts.save': mutation(z.object({ key: draftKey, value: z.unknown() }), z.object({ updatedAt: z.string() })),
  'drafts.delete': mutation(z.object({ key: draftKey }), z.object({ deleted: z.boolean() })),
};
