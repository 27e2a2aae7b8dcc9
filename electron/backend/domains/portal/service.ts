/**
 * The portals as the desktop sees them: search asked of the platform the user is signed in to; the
 * member report read from the synced `member_report` table (works offline, as of the last sync).
 */
import type { Output, ParsedInput } from '../../../../shared/api';
import type { ZodType } from 'zod';
import { chinaMonth } from '../../../../shared/domain/dates';
import { memberReportOfMonth, portalSearchResponseSchema } from '../../../../shared/platform-api/portal';
import type { ReadContext } from '../../app/context';
import { AppError } from '../../app/errors';
import { findEnterprise } from '../enterprises/repository';
import { getState } from '../sync/db/state';
import { memberReportOfEnterprise } from './repository';
import { memberReportWireRowOf } from './syncAdapter';
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

/**
 * An enterprise's member report of `month` (default this month in China) from its pulled row. Its
 * `asOf` is the device's last successful sync (the platform rewrites the row with every change, so the
 * counts held then); null when this device has not synced yet. No row yet (no site on the portal,
 * or not pulled) reads as no members.
 */
export function memberReport(ctx: ReadContext, input: ParsedInput<'portal.memberReport'>): Output<'portal.memberReport'> {
  const month = input.month ?? chinaMonth(ctx.now());
  const row = memberReportOfEnterprise(ctx.db, input.enterpriseId);
  if (!row && !findEnterprise(ctx.db, input.enterpriseId))
    throw new AppError('portal.not_found', `There is no enterprise ${input.enterpriseId} on this device.`);
  const counts = row ? memberReportWireRowOf(row) : { enterpriseId: input.enterpriseId, ...NO_MEMBERS };
  return { ...memberReportOfMonth(counts, month), asOf: getState(ctx.db, 'last_sync_ok_at') ?? (row ? row.updated_at : null) };
}

const NO_MEMBERS = { followers: 0, followingEnterprise: 0, followingIndustry: 0, optedOut: 0, byRegion: [], joinedByMonth: [] };
