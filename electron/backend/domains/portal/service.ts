/** Searches the published sites through the platform the user is signed in to. */
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ZodType } from 'zod';
import { memberReportSchema, portalSearchResponseSchema } from '../../../../shared/platform-api/portal';
import { AppError } from '../../app/errors';
import type { SyncEngine } from '../sync/engine';
import { SignInRequired, SyncFailure } from '../sync/errors';
import { createPlatformClient } from '../sync/platform';

/** GETs `path` of the platform the user is signed in to, parsed with `schema`; failures become the portal's error codes. */
async function askPlatform<T>(engine: SyncEngine, path: string, schema: ZodType<T>): Promise<T> {
  const account = engine.session.account();
  if (!account) throw new AppError('portal.signed_out', 'Sign in to a platform first (ecw login).');
  const client = createPlatformClient(account.server, engine.session);
  try {
    return await client.json(path, schema);
  } catch (error) {
    if (error instanceof SignInRequired)
      throw new AppError('portal.signed_out', 'The platform session has ended; sign in again (ecw login).');
    if (error instanceof SyncFailure && error.status === 404)
      throw new AppError('portal.not_found', 'The platform has no such enterprise on its portal (not published, or not in your region).');
    throw new AppError('portal.unreachable', `The platform could not be asked: ${(error as Error).message}`);
  }
}

export async function searchPortals(engine: SyncEngine, input: ParsedInput<'portal.search'>): Promise<Output<'portal.search'>> {
  const params = new URLSearchParams({ q: input.query, limit: String(input.limit) });
  return (await askPlatform(engine, `/portal/v1/search?${params}`, portalSearchResponseSchema)).results;
}

export function memberReport(engine: SyncEngine, input: ParsedInput<'portal.memberReport'>): Promise<Output<'portal.memberReport'>> {
  const params = new URLSearchParams({ enterpriseId: input.enterpriseId, ...(input.month ? { month: input.month } : {}) });
  return askPlatform(engine, `/portal/v1/member-report?${params}`, memberReportSchema);
}
