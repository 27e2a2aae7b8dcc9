/**
 * The five invariants of SYNC.md §3.12, checked after a run against the platform's own database
 * (read-only) and every device's database:
 *   1 convergence · 2 no loss · 3 no duplicates · 4 monotonic cursors and base versions · 5 quiescence.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { enterpriseWireRowOf as enterpriseFieldsOf } from '../../electron/backend/domains/enterprises/syncAdapter';
import type { Device } from './syncDevice';

const WIRE_FIELDS = [
  'name',
  'creditCode',
  'industrySection',
  'industryDivision',
  'region',
  'address',
  'contact',
  'manager',
  'channel',
  'note',
  'licence',
  'licencePhotoSha256',
  'status',
  'groupCode',
];

export function openPlatformDb(dataDir: string): Database.Database {
  return new Database(path.join(dataDir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
}

interface ServerRow {
  id: string;
  version: number;
  data: Record<string, unknown>;
}

function serverEnterprises(db: Database.Database, scopes: string[]): Map<string, ServerRow> {
  const rows = db
    .prepare(`SELECT id, version, data FROM enterprise WHERE deleted = 0 AND (${scopes.map(() => 'scope_id LIKE ?').join(' OR ')})`)
    .all(...scopes) as { id: string; version: number; data: string }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, version: r.version, data: JSON.parse(r.data) as Record<string, unknown> }]));
}

const pick = (fields: Record<string, unknown>) => Object.fromEntries(WIRE_FIELDS.map((f) => [f, fields[f] ?? null]));

/** Records cursors and base versions after every sync, to check they never go back. */
export class MonotonicityTracker {
  private readonly seen = new Map<string, { cursor: number; versions: Map<string, number> }>();
  readonly violations: string[] = [];

  observe(device: Device): void {
    const state = this.seen.get(device.name) ?? { cursor: 0, versions: new Map<string, number>() };
    const cursor = device.cursor();
    const seq = cursor ? (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { seq: number }).seq : 0;
    if (seq < state.cursor) this.violations.push(`${device.name}: cursor went from ${state.cursor} to ${seq}`);
    state.cursor = Math.max(state.cursor, seq);
    for (const row of device.db.prepare('SELECT id, base_version FROM enterprise WHERE base_version IS NOT NULL').all() as {
      id: string;
      base_version: number;
    }[]) {
      const before = state.versions.get(row.id) ?? 0;
      if (row.base_version < before)
        this.violations.push(`${device.name}: ${row.id} base_version went from ${before} to ${row.base_version}`);
      state.versions.set(row.id, Math.max(before, row.base_version));
    }
    this.seen.set(device.name, state);
  }
}

export interface InvariantOptions {
  platformDataDir: string;
  /** Each device with the scopes its user sees: 'province/city', or 'province/%' for a whole province. */
  devices: { device: Device; scopes: string[] }[];
  tracker?: MonotonicityTracker;
}

export function checkInvariants(options: InvariantOptions): void {
  const server = openPlatformDb(options.platformDataDir);
  try {
    for (const { device, scopes } of options.devices) {
      const visible = serverEnterprises(server, scopes);
      const local = device.db.prepare('SELECT * FROM enterprise').all() as Parameters<typeof enterpriseFieldsOf>[0][];
      const synced = local.filter((r) => r.base_version !== null);
      // 1. Convergence: the device shows exactly the platform's visible rows, at the platform's versions.
      expect(synced.map((r) => r.id).sort(), `${device.name}: synced rows`).toEqual([...visible.keys()].sort());
      for (const row of synced) {
        const theirs = visible.get(row.id)!;
        expect(row.base_version, `${device.name}: version of ${row.id}`).toBe(theirs.version);
        expect(pick(enterpriseFieldsOf(row)), `${device.name}: fields of ${row.id}`).toEqual(pick(theirs.data));
      }
      // 2. No loss: every op is acked and known to the platform, or is a visible conflict/rejection here.
      const ops = device.db.prepare('SELECT op_seq, mutation_id, status, row_id FROM outbox').all() as {
        op_seq: number;
        mutation_id: string;
        status: string;
        row_id: string;
      }[];
      const known = server.prepare('SELECT 1 FROM applied_op WHERE mutation_id = ?');
      const conflictOf = device.db.prepare('SELECT 1 FROM conflict WHERE op_seq = ?');
      for (const op of ops) {
        if (op.status === 'acked')
          expect(known.get(op.mutation_id), `${device.name}: acked op ${op.op_seq} unknown to the platform`).toBeTruthy();
        else if (op.status === 'conflict' || op.status === 'rejected')
          expect(conflictOf.get(op.op_seq), `${device.name}: op ${op.op_seq} without a conflict row`).toBeTruthy();
      }
      for (const row of local.filter((r) => r.base_version === null)) {
        const shown = device.db.prepare(`SELECT 1 FROM conflict WHERE row_id = ? AND resolved_at IS NULL`).get(row.id);
        expect(shown, `${device.name}: local-only row ${row.id} without an open conflict`).toBeTruthy();
      }
      // 5. Quiescence: nothing left to send.
      expect(
        ops.filter((o) => o.status === 'pending' || o.status === 'sent'),
        `${device.name}: unsent ops`,
      ).toEqual([]);
      expect(
        device.db.prepare(`SELECT sha256, state FROM asset WHERE state IN ('pending_upload', 'uploading')`).all(),
        `${device.name}: unsent uploads`,
      ).toEqual([]);
    }
    // 3. No duplicates: each mutation took effect once; each credit code and blob exists once.
    expect(server.prepare('SELECT mutation_id FROM applied_op WHERE is_replay = 0 GROUP BY mutation_id HAVING count(*) > 1').all()).toEqual(
      [],
    );
    expect(
      server.prepare('SELECT credit_code FROM enterprise WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) > 1').all(),
    ).toEqual([]);
    expect(server.prepare('SELECT sha256 FROM blob GROUP BY sha256 HAVING count(*) > 1').all()).toEqual([]);
    // 4. Monotonicity.
    if (options.tracker) {
      for (const { device } of options.devices) options.tracker.observe(device);
      expect(options.tracker.violations).toEqual([]);
    }
  } finally {
    server.close();
  }
}
