/**
 * The platform client (axios, one instance per platform address) against a real platform with
 * short-lived access tokens, through the fault proxy: an expired token is refreshed once however
 * many requests meet it, requests made during a refresh wait for it, a refresh that fails signs the
 * device out, a lost or silent connection is a transient failure, an upload chunk that met an
 * expired token is sent again whole, and upload progress reaches the sync status while a picture
 * uploads.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHUNK_SIZE,
  UPLOAD_HEADERS,
  checkResponseSchema,
  createUploadResponseSchema,
  registerClientResponseSchema,
} from '../../../shared/platform-api';
import type { SyncStatus } from '../../../shared/api/sync';
import { SignInRequired, TransientFailure } from '../../../electron/backend/domains/sync/errors';
import type { PlatformClient } from '../../../electron/backend/domains/sync/platform';
import { startFaultProxy, type FaultProxy } from '../../helpers/faultProxy';
import { startPlatformInProcess, type InProcessPlatform } from '../../helpers/platform';
import { createDevice, type Device } from '../../helpers/syncDevice';

/** The platform stamps expiry in whole seconds: a token lives between 1 and 2 s, long enough for a retry. */
const ACCESS_TTL_MS = 2000;
let platform: InProcessPlatform;
let proxy: FaultProxy;
const devices: Device[] = [];

beforeAll(async () => {
  platform = await startPlatformInProcess({ config: { accessTtlMs: ACCESS_TTL_MS } });
  proxy = await startFaultProxy(platform.url);
});
afterAll(async () => {
  devices.splice(0).forEach((d) => d.cleanup());
  await proxy?.close();
  await platform?.stop();
});

async function signedIn(): Promise<{ device: Device; client: PlatformClient }> {
  const device = await createDevice(`D${devices.length}`);
  devices.push(device);
  await device.signIn(proxy.url, 'jn.manager', platform.login('jn.manager').password);
  return { device, client: device.engine.session.client(proxy.url) };
}

/** Matches a request (to fault) or a log line (to count) by its path. */
const onPath = (prefix: string) => (r: { path: string }) => r.path.startsWith(prefix);
const isCheck = onPath('/assets/v1/check');
const isRefresh = onPath('/auth/v1/refresh');
const check = (client: PlatformClient) => client.json('/assets/v1/check', checkResponseSchema, { body: { hashes: ['0'.repeat(64)] } });
/** Waits until the access token the device holds has expired on the platform. */
const tokenExpired = () => new Promise((resolve) => setTimeout(resolve, ACCESS_TTL_MS + 1100));
const statusesOf = (match: (r: { method: string; path: string }) => boolean, from: number) =>
  proxy.log
    .slice(from)
    .filter(match)
    .map((l) => l.status);

describe('the platform client', () => {
  it('refreshes an expired token once for every request that met it, then sends each again', async () => {
    const { client } = await signedIn();
    await tokenExpired();
    const from = proxy.log.length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => check(client)));
    expect(answers.every((a) => a.missing.length === 1)).toBe(true);
    expect(statusesOf(isRefresh, from)).toEqual([200]);
    expect(statusesOf(isCheck, from).sort()).toEqual([200, 200, 200, 200, 200, 401, 401, 401, 401, 401]);
  }, 20_000);

  it('holds requests made during a refresh until the new token is there', async () => {
    const { client } = await signedIn();
    await tokenExpired();
    proxy.inject({ match: isRefresh, fault: { kind: 'delay', ms: 800 } });
    const from = proxy.log.length;
    const first = check(client);
    while (!proxy.log.slice(from).some(isRefresh)) await new Promise((resolve) => setTimeout(resolve, 10)); // the first met its 401; the refresh is on its way
    const later = await Promise.all([check(client), check(client), check(client)]);
    await first;
    expect(later).toHaveLength(3);
    // Only the first request was ever refused: the three made meanwhile went out once, with the new token.
    expect(statusesOf(isCheck, from).filter((s) => s === 401)).toHaveLength(1);
    expect(statusesOf(isCheck, from).filter((s) => s === 200)).toHaveLength(4);
    expect(statusesOf(isRefresh, from)).toEqual([200]);
  }, 20_000);

  it('signs the device out when the refresh is refused, keeping the account for the next sign-in', async () => {
    const { device, client } = await signedIn();
    await tokenExpired();
    proxy.inject({ match: isRefresh, fault: { kind: 'status', status: 401, body: { code: 'invalid_refresh_token', message: 'revoked' } } });
    const failure = await check(client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SignInRequired);
    expect(failure).toMatchObject({ code: 'session_expired' });
    expect(await device.engine.session.hasTokens()).toBe(false);
    expect(await device.call('sync.status', {})).toMatchObject({ state: 'signed_out', signedIn: false, account: { login: 'jn.manager' } });
  }, 20_000);

  it('reports a cut connection as the network and a silent one as a timeout', async () => {
    const { client } = await signedIn();
    proxy.inject({ match: isCheck, fault: { kind: 'drop_before' } });
    await expect(check(client)).rejects.toMatchObject({ code: 'network' });
    proxy.inject({ match: isCheck, fault: { kind: 'delay', ms: 1500 } });
    const silent = await client
      .json('/assets/v1/check', checkResponseSchema, { body: { hashes: [] }, timeoutMs: 300 })
      .catch((error: unknown) => error);
    expect(silent).toBeInstanceOf(TransientFailure);
    expect(silent).toMatchObject({ code: 'timeout' });
  }, 20_000);

  it('sends an upload chunk again whole when it met an expired token, telling its progress', async () => {
    const { client } = await signedIn();
    const bytes = randomBytes(CHUNK_SIZE / 2 + 777);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const { clientId } = await client.json('/sync/v1/clients', registerClientResponseSchema, { body: { schemaVersion: 1 } });
    const upload = await client.json('/assets/v1/uploads', createUploadResponseSchema, {
      body: { clientId, sha256, size: bytes.length, mime: 'image/jpeg' },
    });
    if (upload.status !== 'upload') throw new Error('the platform should not have these bytes yet');
    await tokenExpired();
    const from = proxy.log.length;
    const handedOn: number[] = [];
    const answer = await client.raw(`/assets/v1/uploads/${upload.uploadId}`, {
      method: 'PATCH',
      bytes,
      headers: { [UPLOAD_HEADERS.offset]: '0', 'content-type': UPLOAD_HEADERS.contentType },
      onUploadProgress: (sent) => handedOn.push(sent),
    });
    // The whole body went the second time: the platform verified the blob's hash.
    expect(answer.status).toBe(201);
    expect(answer.json()).toMatchObject({ status: 'stored', sha256, size: bytes.length });
    expect(statusesOf((r) => r.method === 'PATCH', from)).toEqual([401, 201]);
    expect(handedOn.at(-1)).toBe(bytes.length);
  }, 20_000);

  it('tells the sync status how far each picture is while it uploads', async () => {
    const { device } = await signedIn();
    const size = 2 * CHUNK_SIZE + 12345;
    const sha256 = device.addPhoto(randomBytes(size));
    const seen: SyncStatus['uploading'][] = [];
    const stop = device.transport.on('sync.status', (s) => seen.push(s.uploading));
    // Slow chunks: the status is emitted (at most every 200 ms) while bytes are still leaving.
    proxy.inject({ match: (r) => r.method === 'PATCH', fault: { kind: 'delay', ms: 300 }, times: Infinity });
    await device.sync();
    stop();
    const sent = seen
      .flat()
      .filter((u) => u.sha256 === sha256)
      .map((u) => u.sentBytes);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((n) => n > 0 && n < size)).toBe(true);
    expect(seen.at(-1)).toEqual([]);
    expect(device.asset(sha256)).toMatchObject({ state: 'uploaded', uploaded_bytes: size });
  }, 30_000);
});
