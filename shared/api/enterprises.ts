import { z } from 'zod';
import { mutation, query } from './contract';
import { enterpriseInputSchema, enterpriseListRowSchema, enterpriseSchema } from '../domain/enterprise';
import { auditEntrySchema } from '../domain/order';

export const enterprisesApi = {
  'enterprises.create': mutation(enterpriseInputSchema, enterpriseSchema),
  'enterprises.update': mutation(z.object({ id: z.string().min(1), fields: enterpriseInputSchema }), enterpriseSchema),
  'enterprises.get': query(z.object({ id: z.string().min(1) }), enterpriseSchema, { reads: ['enterprise'] }),
  /** A page of the list; `query` matches a name substring, a credit code (prefix) or a contact mobile. */
  'enterprises.list': query(
    z.object({ query: z.string().max(100).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    z.object({ total: z.number().int(), rows: z.array(enterpriseListRowSchema) }),
    { reads: ['enterprise'] },
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
