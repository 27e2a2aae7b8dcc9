import type { z } from 'zod';
import type { Entity } from './entities';

export type ProcedureKind = 'query' | 'mutation';

/**
 * A procedure of the renderer ↔ backend contract: its input and output schemas, and whether it
 * changes data. A mutation holds the backend's one write queue while it runs (mutations are
 * serialized); a query runs freely and never writes.
 */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends ProcedureKind = ProcedureKind> {
  kind: K;
  input: I;
  output: O;
  /** Answered even when the database could not be opened (the recovery screen needs these). */
  worksWithoutDatabase?: boolean;
  /**
   * Queries: the entities the answer depends on. A `data.changed` event about one of them makes
   * every cached answer of this query stale (the renderer's query cache reads this list).
   */
  reads?: readonly Entity[];
  /**
   * A mutation whose handler waits on the network between its writes (a sync cycle, signing in):
   * it queues each short write transaction itself, so a user's save never waits for the network.
   */
  writesInSteps?: true;
  /** Answers a file's bytes (`shared/api/files.ts`): served by address as well, never as JSON. */
  file?: true;
}

export interface QueryOptions {
  /** What the answer depends on; `[]` for answers that never change (an image by its hash) or that nobody caches. */
  reads: readonly Entity[];
  worksWithoutDatabase?: boolean;
}

export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: QueryOptions): Procedure<I, O, 'query'> => ({
  kind: 'query',
  input,
  output,
  ...options,
});

export const mutation = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { worksWithoutDatabase?: boolean } = {},
): Procedure<I, O, 'mutation'> => ({ kind: 'mutation', input, output, ...options });

/** A mutation that writes in short steps around network waits (see `writesInSteps`). */
export const steppedMutation = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): Procedure<I, O, 'mutation'> & { writesInSteps: true } => ({
  kind: 'mutation',
  input,
  output,
  writesInSteps: true,
});
