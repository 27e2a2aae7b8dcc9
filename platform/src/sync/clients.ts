/** Devices (sync_client): registration, ownership and the schema-version gate shared by push and pull. */
import type { DB } from '../db/schema';
import { newId } from '../clock';
import { isoNow, type PlatformContext } from '../context';
import { HttpError } from '../http/errors';
import type { Principal } from '../scopes';

export function checkSchemaVersion(ctx: PlatformContext, schemaVersion: number): void {
  const min = ctx.config.minSchemaVersion;
  if (schemaVersion < min)
    throw new HttpError(426, 'client_upgrade_required', `This platform needs schema version ${min} or later; update the app.`, {
      minSchemaVersion: min,
    });
}

export async function registerClient(ctx: PlatformContext, user: Principal, deviceName: string | undefined): Promise<string> {
  const clientId = newId(ctx.clock);
  await ctx.database.db
    .insertInto('sync_client')
    .values({ client_id: clientId, user_id: user.id, device_name: deviceName ?? null, last_applied_op_seq: 0, created_at: isoNow(ctx) })
    .execute();
  return clientId;
}

/** The device row, or 409 client_state_mismatch when it is unknown (server restored) or someone else's. */
export async function requireClient(ctx: PlatformContext, user: Principal, clientId: string): Promise<DB['sync_client']> {
  return ownClient(await ctx.database.db.selectFrom('sync_client').selectAll().where('client_id', '=', clientId).executeTakeFirst(), user);
}

/** `row` when it is a device of `user` (see requireClient). */
export function ownClient<R extends { user_id: string; last_applied_op_seq: number }>(row: R | undefined, user: Principal): R {
  if (!row) throw new HttpError(409, 'client_state_mismatch', 'Unknown clientId: register the device again.', { reason: 'unknown_client' });
  if (row.user_id !== user.id)
    throw new HttpError(409, 'client_state_mismatch', 'This clientId belongs to another user: register the device again.', {
      reason: 'other_user',
    });
  return { ...row, last_applied_op_seq: Number(row.last_applied_op_seq) };
}
