/**
 * Signing in (issue 4): online against the platform, offline against the verifier kept from the
 * last online sign-in, signing out with the queue kept, another account on the same device, and
 * the status the indicator shows.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/api/sync';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig();
let nextIndex = 30000;

const fresh = (name: string): Promise<Device> => rig.device(name, { signedOut: true });

const signIn = (d: Device, user = 'jn.manager', password = rig.platform.login(user).password) =>
  d.transport.invoke('sync.signIn', { server: rig.proxy.url, user, password });

describe('sign-in', () => {
  it('signs in online, remembers the server and account, keeps the tokens in a 0600 file', async () => {
    const d = await fresh('A');
    expect((await d.call('sync.status', {})).state).toBe('signed_out');
    const result = await signIn(d);
    expect(result).toMatchObject({
      ok: true,
      value: {
        mode: 'online',
        account: { server: rig.proxy.url, login: 'jn.manager', role: 'customer_manager', region: { province: '山东省', city: '济南市' } },
      },
    });
    expect(statSync(path.join(d.dataDir, 'platform-tokens.json')).mode & 0o777).toBe(0o600);
    const status = await d.call('sync.status', {});
    expect(status).toMatchObject({ signedIn: true, tokenStore: 'file', account: { login: 'jn.manager' } });
  });

  it('refuses a wrong password with a stable code', async () => {
    const d = await fresh('A');
    const result = await signIn(d, 'jn.manager', 'wrong-password');
    expect(result).toMatchObject({ ok: false, error: { code: 'sync.invalid_credentials' } });
    expect((await d.call('sync.status', {})).signedIn).toBe(false);
  });

  it('signs in offline after one online sign-in, only with the right password', async () => {
    const d = await fresh('A');
    expect((await signIn(d)).ok).toBe(true);
    rig.proxy.partition();
    try {
      expect(await signIn(d)).toMatchObject({ ok: true, value: { mode: 'offline', account: { login: 'jn.manager' } } });
      expect(await signIn(d, 'jn.manager', 'not-it')).toMatchObject({ ok: false, error: { code: 'sync.invalid_credentials' } });
      expect(await signIn(d, 'qd.manager')).toMatchObject({ ok: false, error: { code: 'sync.offline' } });
      const never = await fresh('B');
      expect(await signIn(never)).toMatchObject({ ok: false, error: { code: 'sync.offline' } });
    } finally {
      rig.proxy.heal();
    }
  });

  it('signing out keeps the queue; after signing in again it goes out', async () => {
    const d = await fresh('A');
    await signIn(d);
    await d.createEnterprise(nextIndex++);
    await d.call('sync.signOut', {});
    const status = await d.call('sync.status', {});
    expect(status).toMatchObject({
      state: 'signed_out',
      signedIn: false,
      pendingOps: 1,
      account: { login: 'jn.manager' },
      attention: expect.arrayContaining(['sign_in']),
    });
    expect(await d.sync()).toMatchObject({ outcome: 'signed_out', pushed: 0, pending: 1 });
    await signIn(d);
    expect(await d.sync()).toMatchObject({ outcome: 'ok', pushed: 1, pending: 0 });
  });

  it('another account on the same device gets its own clientId and a full resync, which stops before deleting the other region\u2019s rows', async () => {
    const d = await fresh('A');
    await signIn(d);
    for (let i = 0; i < 6; i++) await d.createEnterprise(nextIndex++);
    await d.sync();
    const clientBefore = d.db.prepare(`SELECT v FROM sync_state WHERE k = 'client_id'`).pluck().get();
    await signIn(d, 'qd.manager');
    expect(await d.sync()).toMatchObject({ outcome: 'ok' });
    expect(d.db.prepare(`SELECT v FROM sync_state WHERE k = 'client_id'`).pluck().get()).not.toBe(clientBefore);
    const status = await d.call('sync.status', {});
    expect(status).toMatchObject({ state: 'needs_attention', attention: expect.arrayContaining(['resync_guard']) });
    expect(d.enterprises().length).toBeGreaterThanOrEqual(6);
  });
});

describe('status for the indicator', () => {
  it('reports syncing with progress while a cycle runs, then up to date, as sync.status events', async () => {
    const d = await fresh('A');
    await signIn(d);
    for (let i = 0; i < 3; i++) await d.createEnterprise(nextIndex++);
    const seen: SyncStatus[] = [];
    const stop = d.transport.on('sync.status', (s) => seen.push(s));
    await d.sync();
    stop();
    expect(seen.some((s) => s.state === 'syncing' && s.progress !== null)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ state: 'up_to_date', pendingOps: 0, progress: null });
    expect((await d.call('sync.history', {}))[0]).toMatchObject({ trigger: 'manual', outcome: 'ok', pushed: 3 });
  });

  it('reports offline when the platform cannot be reached, with the queue intact', async () => {
    const d = await fresh('A');
    await signIn(d);
    await d.createEnterprise(nextIndex++);
    rig.proxy.partition();
    try {
      expect(await d.sync()).toMatchObject({ outcome: 'offline', pending: 1 });
      expect(await d.call('sync.status', {})).toMatchObject({ state: 'offline', pendingOps: 1 });
      const queue = await d.call('sync.queue', {});
      expect(queue).toMatchObject({
        total: 1,
        ops: [{ tbl: 'enterprise', kind: 'create', status: 'pending', label: expect.stringContaining('济南泉城测试') }],
      });
    } finally {
      rig.proxy.heal();
    }
  });
});
