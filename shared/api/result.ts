/** Every procedure answers with data, never with a thrown error across a transport. */
export interface ApiError {
  /** Stable, machine-readable; the UI maps it to zh-CN / en-US text. */
  code: string;
  /** A plain sentence for logs, the CLI and scripts (the UI prefers its own translation of `code`). */
  message: string;
  /** The input field at fault, as a dotted path (`contact.mobile`), when there is one. */
  field?: string;
  /** Per-field problems when an input failed its schema. */
  issues?: { field: string; code: string; message: string }[];
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });

/** Error codes shared by every procedure. Domain modules add their own (`enterprise.duplicate_credit_code`). */
export const CommonErrors = {
  unknownProcedure: 'unknown_procedure',
  invalidInput: 'invalid_input',
  notFound: 'not_found',
  databaseUnavailable: 'db_unavailable',
  internal: 'internal',
  unauthorized: 'unauthorized',
  backendUnavailable: 'backend_unavailable',
} as const;
