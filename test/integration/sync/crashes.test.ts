/**
 * Client crashes (SYNC.md §3.12 (9)–(12)). A crash inside a transaction is made real with a
 * trigger that aborts the statement (the transaction then rolls back exactly as after a power
 * cut); a crash of the whole process with SIGKILL of `ecw sync` mid-bootstrap; a copied database.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { REPO_ROOT } from '../../helpers/paths';
import { bundledEntryArgs } from '../../helpers/processBundle';
import { createDevice, type Device, type DeviceOptions } from '../../helpers/syncDevice';
import { checkInvariants, MonotonicityTracker, openPlatformDb } from '../../helpers/syncInvariants';
import { JINAN, useSyncRig } from '../../helpers/syncRig';

const rig = useSyncRig({ proxy: false });
let nextIndex = 9000;

const device = (name: string, options: DeviceOptions = {}): Promise<Device> => rig.device(name, options);
const invariants = rig.invariants;
const applied = (mutationId: string) => {
  const db = openPlatformDb(rig.platform.dataDir);
  try {
    return db.prepare('SELECT count(*) FROM applied_op WHERE is_replay = 0 AND mutation_id = ?').pluck().get(mutationId) as number;
  } finally {
    db.close();
  }
};

/** Makes the next matching write on this device's database fail, as if the process died there. */
function crashOn(d: Device, name: string, when: string): () => void {
  d.db.exec(`CREATE TRIGGER ${name} ${when} BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
  return () => d.db.exec(`DROP TRIGGER IF EXISTS ${name}`);
}

describe('client crashes', () => {
  it('(9) a crash between the domain write and the outbox insert leaves neither', async () => {
    const a = await device('A');
    const heal = crashOn(a, 'crash_outbox', 'BEFORE INSERT ON outbox');
    const result = await a.transport.invoke('enterprises.create', (await import('../../helpers/syncDevice')).jinanEnterprise(nextIndex++));
    heal();
    expect(result.ok).toBe(false);
    expect(a.enterprises()).toEqual([]);
    expect(a.outbox()).toEqual([]);
  });

  it('(10) a crash after the push answer, before the ops are marked acked: the re-push gets duplicates', async () => {
    const a = await device('A');
    await a.createEnterprise(nextIndex++);
    const heal = crashOn(a, 'crash_ack', `BEFORE UPDATE OF status ON outbox WHEN NEW.status = 'acked'`);
    const crashed = await a.sync();
    heal();
    expect(crashed.outcome).toBe('needs_attention');
    const [op] = a.db.prepare('SELECT mutation_id, status FROM outbox').all() as { mutation_id: string; status: string }[];
    expect(op!.status).toBe('sent');
    expect(applied(op!.mutation_id)).toBe(1); // the platform has it; the device does not know
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 1, pending: 0 });
    expect(applied(op!.mutation_id)).toBe(1);
    invariants(a);
  });

  it('(11) a crash mid-page leaves the cursor where it was; the page is applied again', async () => {
    const a = await device('A');
    for (let i = 0; i < 5; i++) await a.createEnterprise(nextIndex++);
    await a.sync();
    const b = await device('B');
    const heal = crashOn(b, 'crash_cursor', `BEFORE INSERT ON sync_state WHEN NEW.k = 'cursor'`);
    const crashed = await b.sync();
    heal();
    expect(crashed.outcome).toBe('needs_attention');
    expect(b.cursor()).toBeNull();
    expect(b.enterprises()).toEqual([]); // nothing of the page survived without its cursor
    expect((await b.sync()).outcome).toBe('ok');
    invariants(a, b);
  });

  it('(11) SIGKILL of `ecw sync` mid-bootstrap: the next sync resumes from the saved page and converges', async () => {
    const a = await device('A');
    for (let i = 0; i < 300; i++) await a.createEnterprise(nextIndex++);
    await a.sync();
    const b = await device('B', { setup: { pullLimit: 10 } });
    const tracker = new MonotonicityTracker();
    const child = spawn(process.execPath, [...bundledEntryArgs('ecw'), '--data-dir', b.dataDir, '--json', 'sync', '--page-size', '10'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const until = Date.now() + 60_000;
    while (!b.db.prepare(`SELECT v FROM sync_state WHERE k = 'cursor'`).get() && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    tracker.observe(b);
    const onPlatform = (() => {
      const db = openPlatformDb(rig.platform.dataDir);
      try {
        return db.prepare('SELECT count(*) FROM enterprise WHERE deleted = 0').pluck().get() as number;
      } finally {
        db.close();
      }
    })();
    expect(b.cursor()).not.toBeNull(); // killed after at least one page was saved …
    expect(b.enterprises().length).toBeLessThan(onPlatform); // … and before the last
    await b.settle();
    tracker.observe(b);
    checkInvariants({
      platformDataDir: rig.platform.dataDir,
      devices: [
        { device: a, scopes: JINAN },
        { device: b, scopes: JINAN },
      ],
      tracker,
    });
  }, 120_000);

  it('(12) a copied database: the same (clientId, opSeq) with another mutation re-registers, and both devices\u2019 edits land', async () => {
    const a = await device('A');
    const id = await a.createEnterprise(nextIndex++);
    await a.sync();
    // Copy A's data directory (database via SQLite's backup, and the token file) to a new machine C.
    const dir = tempDir();
    await a.backend.database()!.backup(path.join(dir, 'ecw.sqlite'));
    copyFileSync(path.join(a.dataDir, 'platform-tokens.json'), path.join(dir, 'platform-tokens.json'));
    const c = rig.keep(await createDevice('C', { dataDir: dir }));
    const clientOf = (d: Device) => d.db.prepare(`SELECT v FROM sync_state WHERE k = 'client_id'`).pluck().get();
    expect(clientOf(c)).toBe(clientOf(a));

    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区原机器路1号' }));
    await c.editEnterprise(id, (f) => ({ ...f, manager: '复制机器经理' }));
    await c.createEnterprise(nextIndex++);
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 1 });
    expect(await c.sync()).toMatchObject({ outcome: 'ok', pushed: 2, conflicts: 0 });
    expect(clientOf(c)).not.toBe(clientOf(a));
    await a.sync();
    for (const d of [a, c]) {
      const e = await d.call('enterprises.get', { id });
      expect([e.address, e.manager]).toEqual(['济南市历下区原机器路1号', '复制机器经理']);
    }
    invariants(a, c);
  });
});
