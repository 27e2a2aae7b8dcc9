import { z } from 'zod';
import { mutation, query } from './contract';
import { SALES_CHANNELS } from '../domain/enterprise';

export const operatorSchema = z.object({
  name: z.string().trim().min(1, { message: 'operator.name.required' }).max(50, { message: 'operator.name.too_long' }),
  channel: z.enum(SALES_CHANNELS),
});
export type Operator = z.infer<typeof operatorSchema>;

export const startupProblemSchema = z.object({
  code: z.enum(['db_corrupt', 'db_newer', 'db_open_failed']),
  message: z.string(),
  databaseVersion: z.number().int().optional(),
  appVersion: z.number().int().optional(),
});

export const systemApi = {
  'system.status': query(
    z.object({}),
    z.object({
      state: z.enum(['ready', 'recovery']),
      problem: startupProblemSchema.optional(),
      dataDir: z.string(),
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      operator: operatorSchema.nullable(),
    }),
    { reads: [], worksWithoutDatabase: true },
  ),
  /** Writes a copy of the database (db.backup(), or the raw file when it is corrupt) into the data dir. */
  'system.exportBackup': mutation(z.object({}), z.object({ path: z.string(), bytes: z.number().int() }), { worksWithoutDatabase: true }),
  /** Moves the unusable database aside (never deletes it) and starts an empty one. */
  'system.startFresh': mutation(z.object({}), z.object({ movedTo: z.string() }), { worksWithoutDatabase: true }),
  'system.setOperator': mutation(operatorSchema, operatorSchema),
};
