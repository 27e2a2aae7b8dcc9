/** What every platform module gets: the database, the clock and the configuration. */
import type { Clock } from './clock';
import type { Database } from './db/database';
import type { PushOp } from '../../shared/platform-api/sync';
import { DEFAULT_ASSIGNED_SUFFIX } from '../../shared/sites/context';

export interface PlatformConfig {
  /** Blobs and uploads live under it. */
  dataDir: string;
  tokenSecret: Buffer;
  accessTtlMs: number;
  refreshTtlMs: number;
  /** How long a used refresh token may be presented again when its answer was lost (never once the client used the new one). */
  refreshGraceMs: number;
  minSchemaVersion: number;
  /** Delay before the BOSS simulation opens a submitted order; null = only POST /admin/boss/process. */
  openingDelayMs: number | null;
  /** Sign-in throttling (auth/loginThrottle.ts): free failures per account, per address, platform-wide. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginGlobalMaxFailures: number;
  /** Counts are forgotten after this long without a failure. */
  loginWindowMs: number;
  /** The longest back-off between checked attempts once the free failures are used. */
  loginMaxBackoffMs: number;
  /** Password checks running at once in this process, waiting for a turn, and running per peer address. */
  loginConcurrentChecks: number;
  loginQueuedChecks: number;
  loginConcurrentChecksPerAddress: number;
  uploadTtlMs: number;
  /** Pushes and pulls running at once in this process, and waiting for a turn; beyond that 503. */
  syncWorkers: number;
  syncQueue: number;
  /** Upload chunks being received at once (each holds a 4 MiB buffer), and waiting; beyond that 503. */
  uploadWorkers: number;
  uploadQueue: number;
  /** The operator's domain assigned site labels live under (`--sites-domain`). */
  sitesDomain: string;
  /** Form posts (留言, 订单) allowed per visitor address and per site in `postWindowMs`. */
  postsPerAddress: number;
  postsPerSite: number;
  postWindowMs: number;
  /** How often sites past their offline date are marked `offline` (sites/offline.ts). */
  offlineSweepMs: number;
  /** An SMS site session ends after this long without an MO from the number (sms/responder.ts). */
  smsSessionMs: number;
  /** MOs answered per number in `smsMoWindowMs`; the rest are counted and not answered (a flood). */
  smsMosPerNumber: number;
  smsMoWindowMs: number;
}

/** Test hooks to inject failures inside the server (the HTTP-level ones belong in a proxy). */
export interface Faults {
  /** Called before each new op's effect; throw `TransientError` for a 503, anything else for a bug. */
  beforeOp?(op: PushOp): void | Promise<void>;
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
  refreshGraceMs: 60_000,
  minSchemaVersion: 1,
  openingDelayMs: 2000,
  loginMaxFailures: 5,
  loginMaxFailuresPerAddress: 20,
  loginGlobalMaxFailures: 1000,
  loginWindowMs: 15 * 60_000,
  loginMaxBackoffMs: 5 * 60_000,
  loginConcurrentChecks: 4,
  loginQueuedChecks: 32,
  loginConcurrentChecksPerAddress: 2,
  uploadTtlMs: 7 * 24 * 3600_000,
  syncWorkers: 8,
  syncQueue: 64,
  uploadWorkers: 8,
  uploadQueue: 64,
  sitesDomain: DEFAULT_ASSIGNED_SUFFIX,
  postsPerAddress: 5,
  postsPerSite: 200,
  postWindowMs: 3600_000,
  offlineSweepMs: 60_000,
  smsSessionMs: 10 * 60_000,
  smsMosPerNumber: 20,
  smsMoWindowMs: 60_000,
};

export const isoNow = (ctx: PlatformContext): string => ctx.clock.now().toISOString();
