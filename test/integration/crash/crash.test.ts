/**
 * The crash test: browser mode as a real process, a stream of enterprise saves over HTTP, SIGKILL
 * at a random moment, restart on the same data directory — every save that was answered `ok: true`
 * must be there, intact, with its one outbox op. Several rounds on the same directory.
 *
 * SIGKILL ends the process, not the machine: this proves nothing confirmed was held only in memory
 * and that SQLite recovers its WAL; the fsync side of `synchronous=FULL` is beyond what a test can cut.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { enterpriseInputSchema, type Enterprise, type EnterpriseInput } from '../../../shared/domain/enterprise';
import { DATABASE_FILE } from '../../../electron/backend/app/backend';
import { tempDir } from '../../helpers/backend';
import { startWebProcess, type WebProcess } from '../../helpers/webProcess';
import { enterpriseInput, randomSource } from '../../bench/generateEnterprises';

const ROUNDS = 4;
const WORKERS = 4;

interface Confirmed {
  input: EnterpriseInput;
  /** Managers the row may hold now: the last confirmed one, plus an update whose answer was lost. */
  acceptableManagers: Set<string>;
  updating: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Saves until the process dies; records what was confirmed. Returns how many calls were attempted. */
async function saveUntilKilled(
  web: WebProcess,
  confirmed: Map<string, Confirmed>,
  state: { next: number; updates: number },
  random: () => number,
) {
  let alive = true;
  let attempts = 0;
  const call = async (name: string, input: unknown) => {
    attempts++;
    try {
      return await web.call(name, input);
    } catch {
      alive = false; // connection refused or reset: the process is gone
      return null;
    }
  };
  const worker = async () => {
    while (alive) {
      const idle = [...confirmed].filter(([, c]) => !c.updating);
      if (idle.length > 0 && random() < 0.3) {
        const [id, entry] = idle[Math.floor(random() * idle.length)]!;
        const manager = `经理${state.updates++}`;
        entry.updating = true;
        entry.acceptableManagers.add(manager);
        const result = await call('enterprises.update', { id, fields: { ...entry.input, manager } });
        if (result?.ok) {
          entry.input = { ...entry.input, manager };
          entry.acceptableManagers = new Set([manager]);
        } else if (result) throw new Error(`update refused: ${JSON.stringify(result.error)}`);
        entry.updating = false;
      } else {
        const input = enterpriseInput(state.next++, 7);
        const result = await call('enterprises.create', input);
        if (result?.ok)
          confirmed.set((result.value as Enterprise).id, { input, acceptableManagers: new Set([input.manager]), updating: false });
        else if (result) throw new Error(`create refused: ${JSON.stringify(result.error)}`);
      }
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);
  await Promise.all(workers);
  return attempts;
}

function expectIntact(found: Enterprise, entry: Confirmed, context: string) {
  const expected = enterpriseInputSchema.parse(entry.input);
  expect(found, context).toMatchObject({
    name: expected.name,
    creditCode: expected.creditCode,
    industrySection: expected.industrySection,
    industryDivision: expected.industryDivision,
    region: expected.region,
    address: expected.address,
    contact: { name: expected.contact.name, mobile: expected.contact.mobile },
    channel: expected.channel,
  });
  expect([...entry.acceptableManagers], context).toContain(found.manager);
}

/** Reads the file beside the running app: integrity, and one outbox op per enterprise row carrying its current state. */
function checkFile(dataDir: string, confirmed: Map<string, Confirmed>, context: string) {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    expect(db.pragma('quick_check', { simple: true }), context).toBe('ok');
    expect(db.pragma('foreign_key_check'), context).toEqual([]);
    const rows = db.prepare('SELECT id, manager FROM enterprise').all() as { id: string; manager: string }[];
    const ops = db.prepare("SELECT row_id, kind, patch_json FROM outbox WHERE tbl = 'enterprise'").all() as {
      row_id: string;
      kind: string;
      patch_json: string;
    }[];
    const opsByRow = new Map<string, typeof ops>();
    for (const op of ops) opsByRow.set(op.row_id, [...(opsByRow.get(op.row_id) ?? []), op]);
    expect(ops.length, `${context}: one op per enterprise row`).toBe(rows.length);
    for (const row of rows) {
      const rowOps = opsByRow.get(row.id) ?? [];
      expect(
        rowOps.map((op) => op.kind),
        `${context}: ops of ${row.id}`,
      ).toEqual(['create']);
      expect(JSON.parse(rowOps[0]!.patch_json).manager, `${context}: op of ${row.id} carries the latest edit`).toBe(row.manager);
    }
    const ids = new Set(rows.map((r) => r.id));
    for (const id of confirmed.keys()) expect(ids.has(id), `${context}: confirmed ${id} is in the file`).toBe(true);
    return rows.length;
  } finally {
    db.close();
  }
}

describe('crash: SIGKILL in the middle of saving', () => {
  it(`loses nothing that was confirmed, over ${ROUNDS} rounds on one data directory`, { timeout: 240_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    const random = randomSource(seed);
    const dataDir = tempDir('ecw-crash-');
    const confirmed = new Map<string, Confirmed>();
    const state = { next: 0, updates: 0 };
    let web = await startWebProcess(dataDir);
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const context = `round ${round} (seed ${seed})`;
        const before = confirmed.size;
        const stream = saveUntilKilled(web, confirmed, state, random);
        // Mid-stream whatever the machine's load: after a few confirmations, then a random moment.
        while (confirmed.size - before < 3 && web.child.exitCode === null) await sleep(5);
        await sleep(random() * 800);
        const exited = new Promise((resolve) => web.child.once('exit', resolve));
        web.child.kill('SIGKILL');
        await exited;
        const attempts = await stream;
        expect(confirmed.size - before, `${context}: some saves were confirmed before the kill`).toBeGreaterThan(0);

        web = await startWebProcess(dataDir);
        const status = await web.call('system.status', {});
        expect(status.value, context).toMatchObject({ state: 'ready' });
        for (const [id, entry] of confirmed) {
          const got = await web.call('enterprises.get', { id });
          expect(got.ok, `${context}: confirmed enterprise ${id} is there`).toBe(true);
          expectIntact(got.value as Enterprise, entry, `${context}: ${id}`);
        }
        const listed = await web.call('enterprises.list', { limit: 1 });
        const rows = checkFile(dataDir, confirmed, context);
        expect((listed.value as { total: number }).total, context).toBe(rows);
        console.log(`${context}: ${attempts} calls, ${confirmed.size - before} new confirmed, ${rows} rows in the file`);
      }
    } finally {
      await web.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
