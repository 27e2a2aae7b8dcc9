/**
 * The device's clientId (SYNC.md §3.3 POST /sync/v1/clients). A new one is registered on first
 * sync, when the platform does not know ours (copied or restored database, another user), and
 * after an account change; unacked ops are then renumbered from opSeq 1.
 */
import os from 'node:os';
import type Database from 'better-sqlite3';
import { registerClientResponseSchema, SCHEMA_VERSION } from '../../../../shared/platform-api';
import type { PlatformClient } from './platform';
import { forgetWireSeqs } from './queue';
import { getState, setState } from './state';

export async function ensureClientId(db: Database.Database, client: PlatformClient): Promise<string> {
  return getState(db, 'client_id') ?? registerClient(db, client);
}

export async function registerClient(db: Database.Database, client: PlatformClient): Promise<string> {
  const { clientId } = await client.json('/sync/v1/clients', registerClientResponseSchema, {
    body: { schemaVersion: SCHEMA_VERSION, deviceName: os.hostname().slice(0, 100) },
  });
  db.transaction(() => {
    forgetWireSeqs(db);
    setState(db, 'client_id', clientId);
    setState(db, 'last_wire_seq', 0);
    setState(db, 'acked_watermark', 0);
  }).immediate();
  return clientId;
}

/** Forget the clientId (account changed): the next sync registers a new one. */
export function dropClientId(db: Database.Database): void {
  db.transaction(() => {
    forgetWireSeqs(db);
    setState(db, 'client_id', null);
    setState(db, 'last_wire_seq', 0);
    setState(db, 'acked_watermark', 0);
  }).immediate();
}
