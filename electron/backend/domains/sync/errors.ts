/**
 * How the engine classifies a failed request (SYNC.md §3.8). Only transient errors are retried
 * with backoff; everything else stops the cycle with the queue kept and a reason shown.
 */
import type { ErrorBody } from '../../../../shared/platform-api';

export class SyncFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly body?: ErrorBody,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

/** Network error, timeout, 5xx, 429: retry later (Retry-After honoured). */
export class TransientFailure extends SyncFailure {
  constructor(
    code: string,
    message: string,
    status?: number,
    readonly retryAfterMs?: number,
    body?: ErrorBody,
  ) {
    super(code, message, status, body);
  }
}

/** The tokens are gone or revoked: a person must sign in again. The queue is kept. */
export class SignInRequired extends SyncFailure {}

/** 426: this app is too old for the platform. The queue is kept and pushed after the update. */
export class UpgradeRequired extends SyncFailure {}

/** Any other batch-level 4xx: a protocol bug. Stop, keep the queue, report (SYNC.md §3.8). */
export class ProtocolFailure extends SyncFailure {}

export const isTransient = (error: unknown): error is TransientFailure => error instanceof TransientFailure;
