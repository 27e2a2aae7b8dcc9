import type { z } from 'zod';

/**
 * A procedure of the renderer ↔ backend contract: its input and output schemas, and whether it
 * changes data (mutations are serialized by the dispatcher; queries run freely).
 */
export interface Procedure<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'mutation';
  input: I;
  output: O;
  /** Answered even when the database could not be opened (the recovery screen needs these). */
  worksWithoutDatabase?: boolean;
}

export const query = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { worksWithoutDatabase?: boolean } = {},
): Procedure<I, O> => ({ kind: 'query', input, output, ...options });

export const mutation = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { worksWithoutDatabase?: boolean } = {},
): Procedure<I, O> => ({ kind: 'mutation', input, output, ...options });
