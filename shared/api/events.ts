import { z } from 'zod';
import { syncStatusSchema } from './sync';

/** Events the backend pushes to every window (SSE in browser mode, IPC in Electron). */
export const events = {
  /** Something the UI may be showing changed (another window, the CLI, a sync). */
  'data.changed': z.object({ entity: z.string(), id: z.string().optional() }),
  /** Progress of long work: imports, builds, uploads. */
  'job.progress': z.object({ jobId: z.string(), label: z.string(), done: z.number(), total: z.number(), finished: z.boolean().optional() }),
  /** The sync indicator: state, queue sizes, progress (after every step of a cycle and every change of state). */
  'sync.status': syncStatusSchema,
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
