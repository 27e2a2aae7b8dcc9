import { z } from 'zod';
import { mutation, query } from './contract';
import { isoDateSchema, newOrderInputSchema, orderSchema, quoteSchema } from '../domain/order';
import { ISO_MONTH } from '../domain/dates';

export const quoteInputSchema = z.object({
  planCode: z.string().min(1),
  openDate: isoDateSchema,
  cancelDate: isoDateSchema.optional(),
  months: z.number().int().min(1).max(120).optional(),
  smsByMonth: z.record(z.string().regex(ISO_MONTH), z.number().int().min(0)).optional(),
});

export const currentPlanSchema = z.object({
  openOrderId: z.string(),
  openDate: z.string(),
  /** The plan of the latest signed order (a change may not have taken effect yet). */
  planCode: z.string(),
  planName: z.string(),
});

export const documentSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  kind: z.enum(['service_order', 'site_signoff', 'business_licence', 'backup', 'other']),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type DocumentInfo = z.infer<typeof documentSchema>;

export const ordersApi = {
  /** The same quote the order, its PDF and `ecw quote` show. */
  'orders.quote': query(quoteInputSchema, quoteSchema, { reads: ['catalog'] }),
  'orders.create': mutation(newOrderInputSchema, orderSchema),
  'orders.get': query(z.object({ id: z.string().min(1) }), orderSchema, { reads: ['service_order'] }),
  /** Newest first. */
  'orders.listForEnterprise': query(z.object({ enterpriseId: z.string().min(1) }), z.array(orderSchema), { reads: ['service_order'] }),
  /** The enterprise's plan as its signed orders say (null: never opened, or cancelled): which kinds of order make sense. */
  'orders.currentPlan': query(z.object({ enterpriseId: z.string().min(1) }), currentPlanSchema.nullable(), {
    reads: ['service_order', 'subscription'],
  }),
  /** Stores the customer's handwritten signature (PNG, base64) and the printable PDF: draft → signed. */
  'orders.sign': mutation(
    z.object({
      id: z.string().min(1),
      signerName: z.string().trim().min(1, { message: 'signer.required' }).max(50),
      signaturePngBase64: z.string().min(100, { message: 'signature.required' }).max(2_000_000),
    }),
    orderSchema,
  ),
  /** signed → submitted: queued for the platform (an outbox command). */
  'orders.submit': mutation(z.object({ id: z.string().min(1) }), orderSchema),
  'orders.discardDraft': mutation(z.object({ id: z.string().min(1) }), z.object({ id: z.string() })),
  'documents.listForEnterprise': query(z.object({ enterpriseId: z.string().min(1) }), z.array(documentSchema), { reads: ['document'] }),
  /** One document's facts (its file is `files.document`). */
  'documents.get': query(z.object({ id: z.string().min(1) }), documentSchema, { reads: ['document'] }),
  /** One document whole, as base64 (scripts; the window loads `files.document` by address). */
  'documents.read': query(z.object({ id: z.string().min(1) }), documentSchema.extend({ base64: z.string() }), { reads: ['document'] }),
};
