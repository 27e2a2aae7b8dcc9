/** Visitors' leads (issue 10): messages (留言) and order requests (订单) left on a published site, synced down from the platform. */
import { z } from 'zod';
import { mutation, query } from './contract';
import { leadRowSchema } from '../platform-api/tables';

/** A lead as the screens and the CLI show it: the synced row without its bookkeeping times. */
export const leadSchema = leadRowSchema.omit({ createdAt: true, updatedAt: true });
export type Lead = z.infer<typeof leadSchema>;

/** The most a list returns: newest first. */
export const LEADS_LIST_LIMIT = 2000;

export const leadsApi = {
  /** Newest first; all enterprises' without `enterpriseId`. */
  'leads.list': query(
    z.object({ enterpriseId: z.string().min(1).optional(), limit: z.number().int().min(1).max(LEADS_LIST_LIMIT).default(500) }),
    z.array(leadSchema),
    { reads: ['lead'] },
  ),
  /** Leads nobody has marked handled yet (the navigation's badge). */
  'leads.unhandledCount': query(z.object({}), z.object({ count: z.number().int() }), { reads: ['lead'] }),
  /** Marks a lead handled (or not): a synced field edit, queued while offline. */
  'leads.setHandled': mutation(z.object({ id: z.string().min(1), handled: z.boolean() }), leadSchema),
};
