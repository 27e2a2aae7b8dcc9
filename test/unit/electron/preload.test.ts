/** The sandboxed preload's bridge, against a fake `electron` (contextBridge + ipcRenderer). */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipc: null as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn> },
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  electron.ipc = Object.assign(new Emitter(), { invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })) });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
    ipcRenderer: electron.ipc,
  };
});

await import('../../../electron/preload/index');

interface Bridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
const bridge = () => electron.exposed.get('ecw') as Bridge;

describe('preload bridge', () => {
  it('exposes one frozen object, window.ecw, with only invoke and on', () => {
    expect([...electron.exposed.keys()]).toEqual(['ecw']);
    expect(Object.isFrozen(bridge())).toBe(true);
    expect(Object.keys(bridge()).sort()).toEqual(['invoke', 'on']);
    expect(() => {
      (bridge() as unknown as Record<string, unknown>).invoke = () => 'hijacked';
    }).toThrow(TypeError);
    expect(Object.values(bridge()).every((v) => typeof v === 'function')).toBe(true);
  });

  it('sends invoke over the one ecw:invoke channel', async () => {
    expect(await bridge().invoke('enterprises.get', { id: 'e1' })).toEqual({
      ok: true,
      value: ['ecw:invoke', 'enterprises.get', { id: 'e1' }],
    });
  });

  it('delivers only the subscribed event, and on() returns an unsubscribe', () => {
    const seen: unknown[] = [];
    const before = electron.ipc.listenerCount('ecw:event');
    const off = bridge().on('data.changed', (payload) => seen.push(payload));
    electron.ipc.emit('ecw:event', {}, 'data.changed', { entity: 'enterprise', id: 'e1' });
    electron.ipc.emit('ecw:event', {}, 'job.progress', { jobId: 'j' });
    expect(seen).toEqual([{ entity: 'enterprise', id: 'e1' }]);
    off();
    expect(electron.ipc.listenerCount('ecw:event')).toBe(before);
    electron.ipc.emit('ecw:event', {}, 'data.changed', { entity: 'enterprise', id: 'e2' });
    expect(seen).toHaveLength(1);
  });

  it('never hands the IPC event object (and so the sender) to the page', () => {
    const seen: unknown[][] = [];
    const off = bridge().on('data.changed', (...args: unknown[]) => seen.push(args));
    electron.ipc.emit('ecw:event', { sender: 'ipcRenderer internals' }, 'data.changed', { entity: 'x' });
    off();
    expect(seen).toEqual([[{ entity: 'x' }]]);
  });
});
