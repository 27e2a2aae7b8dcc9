/**
 * The backend exactly as Electron runs it: the esbuild bundle (out/backend/main.cjs) in a child
 * process speaking the utilityProcess message protocol. Proves the bundle finds its migrations,
 * opens the database and answers through the parentPort transport.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths';
import { tempDir } from '../../helpers/backend';

let child: ChildProcess;
// Inside the repo, so the bundle resolves node_modules the way the packaged app does.
mkdirSync(path.join(REPO_ROOT, 'out'), { recursive: true });
const outDir = mkdtempSync(path.join(REPO_ROOT, 'out', 'test-bundle-'));
const dataDir = tempDir('ecw-bundle-data-');
const messages: { type: string; [k: string]: unknown }[] = [];
let nextId = 1;

function invoke(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const id = nextId++;
  child.send({ type: 'invoke', id, name, input });
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      const found = messages.find((m) => m.type === 'result' && m.id === id);
      if (found) {
        clearInterval(poll);
        resolve(found.result as never);
      }
    }, 5);
  });
}

beforeAll(async () => {
  const { buildBackend } = (await import(path.join(REPO_ROOT, 'scripts/build-electron.mjs'))) as {
    buildBackend(dir: string): Promise<void>;
  };
  await buildBackend(outDir);
  child = fork(path.join(outDir, 'backend', 'main.cjs'), [`--data-dir=${dataDir}`], {
    cwd: REPO_ROOT, // node_modules are external to the bundle, as in the packaged app
    execArgv: ['--require', path.join(REPO_ROOT, 'test/helpers/parentPortShim.cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (m) => messages.push(m as never));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bundled backend exited with ${code}`)));
    const poll = setInterval(() => messages.some((m) => m.type === 'ready') && (clearInterval(poll), resolve()), 10);
  });
});

afterAll(() => {
  child?.kill();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the bundled backend behind the utilityProcess transport', () => {
  it('opens its database with every migration and answers calls by id', async () => {
    const status = await invoke('system.status', {});
    expect(status.ok).toBe(true);
    expect(status.value).toMatchObject({ state: 'ready', dataDir });
  });

  it('returns input errors as data with a stable code', async () => {
    const result = await invoke('enterprises.create', { name: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('pushes events to main', async () => {
    await invoke('system.setOperator', { name: '张三', channel: 'business_hall' });
    const created = await invoke('enterprises.create', {
      name: '济南泉城茶业有限公司',
      creditCode: '91350100M000100Y43',
      industrySection: 'F',
      region: { province: '山东省', city: '济南市', district: '历下区' },
      address: '泉城路188号',
      contact: { name: '王建国', mobile: '13805310001' },
      manager: '张三',
      channel: 'business_hall',
    });
    expect(created.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(messages).toContainEqual(
      expect.objectContaining({ type: 'event', event: 'data.changed', payload: expect.objectContaining({ entity: 'enterprise' }) }),
    );
  });
});
