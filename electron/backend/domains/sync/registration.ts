/**
 * The device's clientId (SYNC.md §3.3 POST /sync/v1/clients). A new one is registered on first
 * sync, when the platform does not know ours (copied or restored database, another user), and
 * after an account change; unacked ops are then renumbered from opSeq 1.
 */
import os from 'node:os';
import { registerClientResponseSchema, SCHEMA_VERSION } from '../../../../shared/platform-api';
import type { ReadableDB, WritableDB } from '../../infra/db/handles';
import type { WriteQueue } from '../../infra/db/writeQueue';
import { forgetWireSeqs } from './db/queue';
import { getState, setState } from './db/state';
import type { PlatformClient } from './platform';

interface RegistrationEnv {
  db: ReadableDB;
  writes: WriteQueue;
  client: PlatformClient;
}

export async function ensureClientId(env: RegistrationEnv): Promise<string> {
  return getState(env.db, 'client_id') ?? registerClient(env);
}

export async function registerClient(env: RegistrationEnv): Promise<string> {
  const { clientId } = await env.client.json('/sync/v1/clients', registerClientResponseSchema, {
    body: { schemaVersion: SCHEMA_VERSION, deviceName: os.hostname().slice(0, 100) },
  });
  await env.writes.write((db) => {
    forgetWireSeqs(db);
    setState(db, 'client_id', clientId);
    setState(db, 'last_wire_seq', 0);
    setState(db, 'acked_watermark', 0);
  });
  return clientId;
}

/** Another account or server on this device: the next sync registers a new clientId and pulls from scratch. */
export function forgetAccount(db: WritableDB): void {
  forgetWireSeqs(db);
  setState(db, 'client_id', null);
  setState(db, 'last_wire_seq', 0);
  setState(db, 'acked_watermark', 0);
  setState(db, 'cursor', null);
  setState(db, 'blocked', null);
}
