import type { z } from 'zod';
import type { Entity } from './entities';

type Kind = 'query' | 'mutation';

/**
 * A procedure of the renderer ↔ backend contract: its input and output schemas, and whether it
 * changes data (mutations are serialized by the dispatcher; queries run freely).
 */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends Kind = Kind> {
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
