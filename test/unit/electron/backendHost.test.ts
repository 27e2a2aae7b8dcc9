/** Main's relay to the backend utilityProcess, against a fake `electron.utilityProcess`. */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Just enough of a UtilityProcess: records what main posts; the test plays the backend's part. */
class FakeChild extends EventEmitter {
  posted: { type: string; id: number; name: string; input: unknown }[] = [];
  killed = false;
  postMessage(message: FakeChild['posted'][number]) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
  /** The backend answers call `id`. */
  answer(id: number, result: unknown) {
    this.emit('message', { type: 'result', id, result });
  }
}

const electron = vi.hoisted(() => ({
  children: [] as FakeChild[],
  utilityProcess: { fork: vi.fn() },
}));
vi.mock('electron', () => ({ utilityProcess: electron.utilityProcess }));

const { BackendHost } = await import('../../../electron/main/backendHost');

beforeEach(() => {
  electron.children.length = 0;
  electron.utilityProcess.fork.mockReset().mockImplementation(() => {
    const child = new FakeChild();
    electron.children.push(child);
    return child;
  });
});

// Where a packaged app would keep its backend and its data (the user's config folder has a space).
const ENTRY = path.join(os.tmpdir(), 'ecw-app', 'out', 'backend', 'main.cjs');
const DATA_DIR = path.join(os.tmpdir(), 'EC Workbench');

const startHost = (options: { restart?: boolean; keychain?: { encrypt(p: string): string; decrypt(s: string): string } } = {}) => {
  const events: [string, unknown][] = [];
  const exits: number[] = [];
  const host = new BackendHost({
    entry: ENTRY,
    dataDir: DATA_DIR,
    onEvent: (event, payload) => events.push([event, payload]),
    onExit: (code) => exits.push(code),
    ...options,
  });
  host.start();
  return { host, events, exits, child: () => electron.children.at(-1)! };
};

describe('BackendHost', () => {
  it('offers the keychain to the backend (--keychain) and answers its vault requests with it', () => {
    const keychain = {
      encrypt: (p: string) => Buffer.from(`sealed:${p}`).toString('base64'),
      decrypt: (s: string) =>
        Buffer.from(s, 'base64')
          .toString()
          .replace(/^sealed:/, ''),
    };
    const { child } = startHost({ keychain });
    expect(electron.utilityProcess.fork.mock.calls[0]![1]).toContain('--keychain');
    child().emit('message', { type: 'vault', id: 1, op: 'encrypt', data: 'refresh-token' });
    const sealed = child().posted.at(-1) as unknown as { type: string; id: number; ok: boolean; data: string };
    expect(sealed).toMatchObject({ type: 'vault-result', id: 1, ok: true });
    expect(sealed.data).not.toContain('refresh-token');
    child().emit('message', { type: 'vault', id: 2, op: 'decrypt', data: sealed.data });
    expect(child().posted.at(-1)).toEqual({ type: 'vault-result', id: 2, ok: true, data: 'refresh-token' });
  });

  it('without a keychain, starts the backend without --keychain and refuses vault requests', () => {
    const { child } = startHost();
    expect(electron.utilityProcess.fork.mock.calls[0]![1]).not.toContain('--keychain');
    child().emit('message', { type: 'vault', id: 7, op: 'decrypt', data: 'x' });
    expect(child().posted.at(-1)).toMatchObject({ type: 'vault-result', id: 7, ok: false });
  });

  it('forks the backend entry with the data directory', () => {
    startHost();
    expect(electron.utilityProcess.fork).toHaveBeenCalledWith(ENTRY, [`--data-dir=${DATA_DIR}`], expect.any(Object));
  });

  it('relays each call by id and hands back its own result, whatever order answers come in', async () => {
    const { host, child } = startHost();
    const first = host.invoke('enterprises.list', { query: '泉城' });
    const second = host.invoke('system.status', {});
    const [a, b] = child().posted;
    expect(a).toEqual({ type: 'invoke', id: a!.id, name: 'enterprises.list', input: { query: '泉城' } });
    expect(b!.name).toBe('system.status');
    expect(a!.id).not.toBe(b!.id);
    child().answer(b!.id, { ok: true, value: 'status' });
    child().answer(a!.id, { ok: true, value: 'list' });
    expect(await first).toEqual({ ok: true, value: 'list' });
    expect(await second).toEqual({ ok: true, value: 'status' });
  });

  it('ignores an answer to an id it never asked', async () => {
    const { host, child } = startHost();
    const call = host.invoke('system.status', {});
    child().answer(9999, { ok: true, value: 'forged' });
    child().answer(child().posted[0]!.id, { ok: true, value: 'real' });
    expect(await call).toEqual({ ok: true, value: 'real' });
  });

  it("forwards the backend's events", () => {
    const { events, child } = startHost();
    child().emit('message', { type: 'event', event: 'data.changed', payload: { entity: 'enterprise', id: 'e1' } });
    expect(events).toEqual([['data.changed', { entity: 'enterprise', id: 'e1' }]]);
  });

  it('answers every pending call with backend_unavailable when the backend dies, then starts it again', async () => {
    const { host, exits, child } = startHost();
    const dead = child();
    const pending = [host.invoke('enterprises.create', {}), host.invoke('drafts.save', {}), host.invoke('system.status', {})];
    dead.emit('exit', 9);
    for (const result of await Promise.all(pending)) expect(result).toMatchObject({ ok: false, error: { code: 'backend_unavailable' } });
    expect(exits).toEqual([9]);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(2);

    const again = host.invoke('system.status', {});
    expect(dead.posted).toHaveLength(3);
    child().answer(child().posted[0]!.id, { ok: true, value: 'back' });
    expect(await again).toEqual({ ok: true, value: 'back' });
  });

  it('does not restart after stop(), and answers later calls at once', async () => {
    const { host } = startHost();
    host.stop();
    expect(electron.children[0]!.killed).toBe(true);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    expect(await host.invoke('system.status', {})).toMatchObject({ ok: false, error: { code: 'backend_unavailable' } });
  });

  it('does not restart when told not to', () => {
    const { child } = startHost({ restart: false });
    child().emit('exit', 1);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
  });
});
