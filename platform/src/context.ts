/** What every platform module gets: the database, the clock and the configuration. */
import type { Clock } from './clock';
import type { Database } from './db/database';
import type { PushOp } from '../../shared/platform-api/sync';

export interface PlatformConfig {
  /** Blobs and uploads live under it. */
  dataDir: string;
  tokenSecret: Buffer;
  accessTtlMs: number;
  refreshTtlMs: number;
  minSchemaVersion: number;
  /** Delay before the BOSS simulation opens a submitted order; null = only POST /admin/boss/process. */
  openingDelayMs: number | null;
  loginMaxFailures: number;
  loginWindowMs: number;
  uploadTtlMs: number;
}

/** Test hooks to inject failures inside the server (the HTTP-level ones belong in a proxy). */
export interface Faults {
  /** Called before each new op's effect; throw `TransientError` for a 503, anything else for a bug. */
  beforeOp?(op: PushOp): void;
}

export interface PlatformContext {
  database: Database;
  clock: Clock;
  config: PlatformConfig;
  log(line: string): void;
  faults: Faults;
}

export const DEFAULT_CONFIG: Omit<PlatformConfig, 'dataDir' | 'tokenSecret'> = {
  accessTtlMs: 15 * 60_000,
  refreshTtlMs: 30 * 24 * 3600_000,
  minSchemaVersion: 1,
  openingDelayMs: 2000,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
  uploadTtlMs: 7 * 24 * 3600_000,
};

export const isoNow = (ctx: PlatformContext): string => ctx.clock.now().toISOString();
