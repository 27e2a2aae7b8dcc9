/** Which failures are transient (the request answers 503 and the op is retried) rather than a bug or bad op. */
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|PROTOCOL)/;
// Postgres: serialization failure, deadlock, unique race, admin shutdown, connection classes.
const PG_TRANSIENT = /^(40001|40P01|23505|57P0[123]|08\d{3}|53\d{3})$/;

export class TransientError extends Error {}

export function isTransient(err: unknown): boolean {
  if (err instanceof TransientError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return SQLITE_TRANSIENT.test(code) || PG_TRANSIENT.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code);
}
