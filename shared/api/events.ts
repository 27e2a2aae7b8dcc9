import { z } from 'zod';
import { entitySchema } from './entities';
import { syncStatusSchema } from './sync';

export { ENTITIES, entitySchema, type Entity } from './entities';

/** Events the backend pushes to every window (SSE in browser mode, IPC in Electron). */
export const events = {
  /** Something the UI may be showing changed (another window, the CLI, a sync). */
  'data.changed': z.object({
    entity: entitySchema,
    id: z.string().optional(),
    /** The record's revision after the change, for records that count their saves (a site): an answer holding it is current. */
    revision: z.number().int().optional(),
  }),
  /** Progress of long work: imports, builds (uploads: `sync.status`'s `uploading`). */
  'job.progress': z.object({ jobId: z.string(), label: z.string(), done: z.number(), total: z.number(), finished: z.boolean().optional() }),
  /** The sync indicator: state, queue sizes, progress (after every step of a cycle and every change of state). */
  'sync.status': syncStatusSchema,
  /** Electron only: the backend's process exited and was started again; what the window shows may be stale. */
  'backend.restarted': z.object({ code: z.number().nullable() }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
