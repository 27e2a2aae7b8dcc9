import type { ApiError } from '../../../shared/api/result';
import type { ErrorCode } from '../../../shared/api/errorCodes';

/**
 * A failure the user or a script can act on: it travels as `{ ok: false, error }` with a stable
 * code from shared/api/errorCodes.ts (a code missing there does not compile).
 */
export class AppError<Code extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly extra: Omit<ApiError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', `No ${what} with id ${id}.`, { details: { what, id } });
