/**
 * A simulated device for sync tests: a real backend on its own SQLite file (createTestBackend,
 * settable clock), its sync engine pointed at a platform (directly or through the fault proxy),
 * automatic triggers off so each test drives the cycles itself. Every write outside the backend's
 * write queue fails on a device (`guardWrites`), so every sync scenario also checks the one-writer rule.
 */
import type { EnterpriseInput } from '../../shared/domain/enterprise';
import type { SyncReport } from '../../shared/api/sync';
import { commitChanges } from '../../electron/backend/app/unitOfWork';
import type { ReadableDB, WritableDB } from '../../electron/backend/infra/db/handles';
import { registerAsset } from '../../electron/backend/domains/assets/repository';
import { storeAssetFile } from '../../electron/backend/domains/assets/store';
import { deleteEnterprise, findEnterprise } from '../../electron/backend/domains/enterprises/repository';
import type { SyncEngine, SyncOptions } from '../../electron/backend/domains/sync/engine';
import { creditCodeFor } from '../bench/generateEnterprises';
import { createTestBackend, type TestBackend } from './backend';

export interface Device extends TestBackend {
  name: string;
  engine: SyncEngine;
  /** The device's connection to its database (the backend's one; the engine uses it too). */
  db: ReadableDB;
  signIn(server: string, user: string, password: string): Promise<void>;
  /** Turns automatic triggers off. */
  stopAuto(): void;
  sync(): Promise<SyncReport>;
  /** Syncs until a cycle moves nothing (or `max` cycles). */
  settle(max?: number): Promise<SyncReport>;
  createEnterprise(index: number, overrides?: Partial<EnterpriseInput>): Promise<string>;
  editEnterprise(id: string, change: (fields: EnterpriseInput) => EnterpriseInput): Promise<void>;
  /** What a delete feature would do: the row goes and a delete op is queued, in one unit of work (its write queued at once). */
  deleteEnterprise(id: string): Promise<void>;
  enterprises(): Record<string, unknown>[];
  /** Stores a photo in the content-addressed store and queues it for upload, as the site builder does (its row queued at once). */
  addPhoto(bytes: Uint8Array, mime?: string): string;
  asset(sha256: string): { state: string; uploaded_bytes: number; attempts: number; last_error: string | null } | undefined;
  outbox(): { op_seq: number; status: string; tbl: string; row_id: string; kind: string; wire_seq: number | null }[];
  cursor(): string | null;
}

export const JINAN = { province: '山东省', city: '济南市', district: '历下区' };
export const QINGDAO = { province: '山东省', city: '青岛市', district: '市南区' };

/** A valid enterprise in 济南 (the demo customer manager's region); distinct indexes, distinct credit codes. */
export function jinanEnterprise(index: number, overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return {
    name: `济南泉城测试${index}号有限公司`,
    creditCode: creditCodeFor(index, '370102'),
    industrySection: 'I',
    region: JINAN,
    address: `济南市历下区泉城路${index + 1}号`,
    contact: { name: '王建国', mobile: `138${String(index).padStart(8, '0')}` },
    manager: '李经理',
    channel: 'customer_manager',
    ...overrides,
  };
}

export interface DeviceOptions {
  start?: string;
  dataDir?: string;
  /** Engine options (autoSync is off unless set here). */
  setup?: SyncOptions;
}

export async function createDevice(name: string, options: DeviceOptions = {}): Promise<Device> {
  const base = createTestBackend({
    ...(options.start ? { start: options.start } : {}),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    sync: { autoSync: false, ...options.setup },
    guardWrites: true,
  });
  await base.call('sync.status', {}); // creates the engine
  const engine = () => base.backend.syncEngine();
  const db = () => base.backend.database()!;
  const writeContext = (writable: WritableDB) => ({
    db: writable,
    dataDir: base.dataDir,
    writes: base.backend.writes,
    now: () => base.clock.now,
    newId: () => crypto.randomUUID(),
    emit: () => undefined,
    actor: () => name,
  });
  const toInput = (e: Record<string, unknown>): EnterpriseInput => e as unknown as EnterpriseInput;
  const device: Device = {
    ...base,
    name,
    cleanup() {
      const stray = [...base.backend.writeViolations];
      base.cleanup();
      if (stray.length) throw new Error(`device ${name} wrote outside the write queue:\n${stray.join('\n\n')}`);
    },
    get engine() {
      return engine();
    },
    get db() {
      return db();
    },
    stopAuto() {
      engine().stopAutomatic();
    },
    async signIn(server, user, password) {
      await base.call('sync.signIn', { server, user, password });
    },
    sync: () => base.call('sync.now', {}),
    async settle(max = 10) {
      let report = await device.sync();
      for (let i = 1; i < max && report.pushed + report.pulled + report.conflicts + report.pending > 0; i++) report = await device.sync();
      return report;
    },
    async createEnterprise(index, overrides) {
      const created = await base.call('enterprises.create', jinanEnterprise(index, overrides));
      return created.id;
    },
    async editEnterprise(id, change) {
      const current = await base.call('enterprises.get', { id });
      const { id: _id, createdAt: _c, updatedAt: _u, groupCode: _g, ...fields } = current as Record<string, unknown>;
      await base.call('enterprises.update', { id, fields: change(toInput(fields)) });
    },
    deleteEnterprise: (id) =>
      base.backend.writes.hold((writable) =>
        commitChanges(writeContext(writable), (db) => ({
          changes: [
            {
              entity: 'enterprise',
              id,
              write: (db) => deleteEnterprise(db, id),
              outbox: { op: 'delete', patch: {}, baseVersion: findEnterprise(db, id)?.base_version ?? null },
            },
          ],
          result: undefined,
        })),
      ),
    addPhoto(bytes, mime = 'image/jpeg') {
      const stored = storeAssetFile(base.dataDir, bytes);
      void base.backend.writes.write((writable) => registerAsset(writable, { ...stored, mime }, base.clock.now));
      return stored.sha256;
    },
    asset: (sha256) => db().prepare('SELECT state, uploaded_bytes, attempts, last_error FROM asset WHERE sha256 = ?').get(sha256) as never,
    enterprises: () => db().prepare('SELECT * FROM enterprise ORDER BY id').all() as Record<string, unknown>[],
    outbox: () => db().prepare('SELECT op_seq, status, tbl, row_id, kind, wire_seq FROM outbox ORDER BY op_seq').all() as never,
    cursor: () => (db().prepare(`SELECT v FROM sync_state WHERE k = 'cursor'`).pluck().get() as string | undefined) ?? null,
  };
  return device;
}
