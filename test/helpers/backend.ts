/** A real backend over a real SQLite file in a fresh temp directory, with a controllable clock and ids. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Input, Output, ProcedureName, Transport } from '../../shared/api';
import { DATABASE_FILE, startBackend, type Backend } from '../../electron/backend/app/backend';
import type { SyncOptions } from '../../electron/backend/domains/sync/engine';
import { createMemoryTransport } from '../../electron/backend/transports/memory';
import { copyMigratedDatabase } from './databaseTemplate';

export interface TestBackend {
  backend: Backend;
  transport: Transport;
  dataDir: string;
  clock: { now: Date; set(iso: string): void; advance(ms: number): void };
  /** Calls a procedure and returns its value, failing the test with the error otherwise. */
  call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Output<N>>;
  cleanup(): void;
}

export interface TestBackendOptions {
  dataDir?: string;
  start?: string;
  /** The sync engine's options (the backend's host options). */
  sync?: SyncOptions;
  /** Fail, and collect, every write that does not go through the write queue. */
  guardWrites?: boolean;
}

export function tempDir(prefix = 'ecw-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function createTestBackend(options: TestBackendOptions = {}): TestBackend {
  const dataDir = options.dataDir ?? tempDir();
  // A folder the test hands in is opened as it is (empty, or a database it prepared); a fresh one starts migrated.
  if (!options.dataDir) copyMigratedDatabase(path.join(dataDir, DATABASE_FILE));
  const clock = {
    now: new Date(options.start ?? '2026-11-16T09:00:00+08:00'),
    set(iso: string) {
      this.now = new Date(iso);
    },
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const backend = startBackend({
    dataDir,
    now: () => clock.now,
    newId: () => uuidv7(),
    checkOutputs: true,
    ...(options.sync ? { sync: options.sync } : {}),
    ...(options.guardWrites ? { guardWrites: true } : {}),
  });
  const transport = createMemoryTransport(backend);
  return {
    backend,
    transport,
    dataDir,
    clock,
    async call(name, input) {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    cleanup() {
      backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
