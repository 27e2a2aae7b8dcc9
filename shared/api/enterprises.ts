import { z } from 'zod';
import { mutation, query } from './contract';

/** What the list filters on: the platform's statuses, and `local` for an enterprise the platform does not have yet. */
export const ENTERPRISE_LIST_STATUSES = ['local', 'registered', 'opening', 'opened', 'cancelled'] as const;
import { enterpriseInputSchema, enterpriseListRowSchema, enterpriseSchema } from '../domain/enterprise';
import { auditEntrySchema } from '../domain/order';

export const enterprisesApi = {
  'enterprises.create': mutation(enterpriseInputSchema, enterpriseSchema),
  'enterprises.update': mutation(z.object({ id: z.string().min(1), fields: enterpriseInputSchema }), enterpriseSchema),
  'enterprises.get': query(z.object({ id: z.string().min(1) }), enterpriseSchema, { reads: ['enterprise'] }),
  /**
   * A page of the list. `query` is words, each found in the name, the contact's name, the region,
   * the credit code or mobile, or (letters) the name's pinyin initials; `status`, `planCode` and
   * `region` filter; `sort` orders by last change (newest first), name (pinyin) or registration.
   */
  'enterprises.list': query(
    z.object({
      query: z.string().max(100).optional(),
      /** The platform's status, or `local`: not on the platform yet. */
      status: z.enum(ENTERPRISE_LIST_STATUSES).optional(),
      /** A plan code, or `none`: no active plan. */
      planCode: z.string().max(64).optional(),
      /** "province/city", e.g. 山东省/济南市. */
      region: z.string().max(64).optional(),
      sort: z.enum(['updated', 'name', 'created']).default('updated'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(enterpriseListRowSchema) }),
    { reads: ['enterprise', 'service_order'] },
  ),
  /** For the as-you-type duplicate warning on the form. */
  'enterprises.findByCreditCode': query(
    z.object({ creditCode: z.string(), excludeId: z.string().optional() }),
    z.object({ id: z.string(), name: z.string() }).nullable(),
    { reads: ['enterprise'] },
  ),
  /** Who did what to the enterprise, oldest first (the detail page's audit trail). */
  'enterprises.audit': query(z.object({ id: z.string().min(1) }), z.array(auditEntrySchema), { reads: ['enterprise'] }),
};
