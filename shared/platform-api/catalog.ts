/** The versioned catalog (GET /catalog/v1, POST /admin/catalog). */
import { z } from 'zod';
import { catalogSchema, planSchema } from '../domain/catalog';

export const catalogQuerySchema = z.object({
  /** The version the desktop holds; the response omits the catalog when nothing newer exists. */
  since: z.coerce.number().int().min(0).optional(),
});

export const catalogResponseSchema = z.object({
  version: z.number().int(),
  /** null when `since` is already the latest version. */
  catalog: catalogSchema.nullable(),
});
export type CatalogResponse = z.infer<typeof catalogResponseSchema>;

/** Administrators publish a whole new version; the platform numbers it. */
export const publishCatalogRequestSchema = z.object({ plans: z.array(planSchema).min(1) });
