/** Searches the published sites through the platform the user is signed in to. */
import type { Output, ParsedInput } from '../../../../shared/api';
import { portalSearchResponseSchema } from '../../../../shared/platform-api/portal';
import { AppError } from '../../app/errors';
import type { SyncEngine } from '../sync/engine';
import { SignInRequired } from '../sync/errors';
import { createPlatformClient } from '../sync/platform';

export async function searchPortals(engine: SyncEngine, input: ParsedInput<'portal.search'>): Promise<Output<'portal.search'>> {
  const account = engine.session.account();
  if (!account) throw new AppError('portal.signed_out', 'Sign in to a platform first (ecw login).');
  const client = createPlatformClient(account.server, engine.session);
  const params = new URLSearchParams({ q: input.query, limit: String(input.limit) });
  try {
    return (await client.json(`/portal/v1/search?${params}`, portalSearchResponseSchema)).results;
  } catch (error) {
    if (error instanceof SignInRequired) throw new AppError('portal.signed_out', 'The platform session has ended; sign in again (ecw login).');
    throw new AppError('portal.unreachable', `The platform could not be asked: ${(error as Error).message}`);
  }
}
