/** A permanent per-op failure: the op is consumed and reported as `rejected` (SYNC.md §3.4). */
import type { RejectCode } from '../../../shared/platform-api/sync';
import type { z } from 'zod';

export class Rejection extends Error {
  constructor(
    readonly code: RejectCode,
    message: string,
  ) {
    super(message);
  }
}

export function invalid(error: z.ZodError): Rejection {
  const first = error.issues[0];
  const where = first?.path.length ? first.path.join('.') : 'patch';
  return new Rejection('invalid', `${where}: ${first?.message ?? 'invalid'}`);
}
