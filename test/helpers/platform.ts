/**
 * The reference platform as a real child process on an ephemeral loopback port (`npm run platform`
 * without npm), so tests can stop it, SIGKILL it mid-request and start it again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createPlatform } from '../../platform/src/app';
import type { PlatformConfig } from '../../platform/src/context';
import { listen } from '../../platform/src/listen';
import { seedDemo } from '../../platform/src/seed';
import { REPO_ROOT } from './paths';
import { bundledEntryArgs } from './processBundle';
import { readyLine } from './readyLine';
import { tempDir } from './backend';

export interface DemoLogin {
  user: string;
  password: string;
  role: string;
  region: string;
}

export interface PlatformProcess {
  url: string;
  port: number;
  /** The public listener (published sites) and the domain assigned labels live under. */
  publicUrl: string;
  sitesDomain: string;
  dataDir: string;
  logins: DemoLogin[];
  child: ChildProcess;
  /** The demo login of a user (`jn.manager` …). */
  login(user: string): DemoLogin;
  /** An administrator's access token, for /admin calls. */
  adminToken(): Promise<string>;
  /** POST/GET as the administrator. */
  admin<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops it (SIGTERM, or `signal`) and starts it again on the same data directory (a new port unless `samePort`). */
  restart(options?: { samePort?: boolean; signal?: NodeJS.Signals }): Promise<PlatformProcess>;
}

export interface PlatformOptions {
  dataDir?: string;
  port?: number;
  /** BOSS opening delay; 'off' (default in tests) means only POST /admin/boss/process opens orders. */
  openingDelayMs?: number | 'off';
  /** More command-line flags (say the CMPP link's `--ismg …`); kept on restart. */
  extraArgs?: string[];
}

/**
 * Node's flags of the platform process, as `npm run platform` (platform/package.json) gives them:
 * old-generation room of 100 % of the live heap, and no V8 memory reducer. With V8's own factor
 * (~1.27 of a 34 MB heap, left so after idle seconds by the memory reducer) the room was smaller than
 * the young generation, so V8 kept incremental marking going: uploads ran a full mark-compact every
 * ~15 MB received (9-15 per 200 MB), doubling the platform's CPU per upload.
 */
const PLATFORM_NODE_FLAGS = ['--heap-growing-percent=100', '--no-memory-reducer'];

export async function startPlatform(options: PlatformOptions = {}): Promise<PlatformProcess> {
  const dataDir = options.dataDir ?? tempDir('ecw-platform-');
  const args = [...PLATFORM_NODE_FLAGS, ...bundledEntryArgs('server'), '--port', String(options.port ?? 0), '--data-dir', dataDir];
  args.push('--opening-delay-ms', String(options.openingDelayMs ?? 'off'), ...(options.extraArgs ?? []));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const info = await readyLine<{ url: string; port: number; publicUrl: string; sitesDomain: string }>(
    child,
    'PLATFORM_READY',
    'the platform',
  );
  const logins = JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
  let token: string | undefined;

  const platform: PlatformProcess = {
    ...info,
    dataDir,
    logins,
    child,
    login(user) {
      const found = logins.find((l) => l.user === user);
      if (!found) throw new Error(`no demo login ${user}`);
      return found;
    },
    async adminToken() {
      if (token) return token;
      const admin = logins.find((l) => l.role === 'administrator')!;
      const response = await fetch(`${info.url}/auth/v1/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: admin.user, password: admin.password }),
      });
      token = ((await response.json()) as { accessToken: string }).accessToken;
      return token;
    },
    async admin(method, urlPath, body) {
      const response = await fetch(`${info.url}${urlPath}`, {
        method,
        headers: {
          authorization: `Bearer ${await platform.adminToken()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as never;
    },
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
    async restart(restartOptions = {}) {
      await platform.stop(restartOptions.signal);
      return startPlatform({ ...options, dataDir, ...(restartOptions.samePort ? { port: info.port } : {}) });
    },
  };
  return platform;
}

export interface InProcessPlatform {
  url: string;
  dataDir: string;
  login(user: string): DemoLogin;
  admin<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** The platform in this process, with configuration the command line does not offer (token lifetime, minimum schema). */
export async function startPlatformInProcess(
  options: { dataDir?: string; config?: Partial<Omit<PlatformConfig, 'dataDir'>> } = {},
): Promise<InProcessPlatform> {
  const dataDir = options.dataDir ?? tempDir('ecw-platform-');
  const platform = await createPlatform({ dataDir, config: { openingDelayMs: null, ...options.config }, log: () => undefined });
  await seedDemo(platform.ctx);
  const server = await listen(platform, 0);
  const logins = JSON.parse(readFileSync(path.join(dataDir, 'demo-logins.json'), 'utf8')) as DemoLogin[];
  let token: string | undefined;
  const adminToken = async () => {
    if (token) return token;
    const admin = logins.find((l) => l.role === 'administrator')!;
    const response = await fetch(`${server.url}/auth/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: admin.user, password: admin.password }),
    });
    token = ((await response.json()) as { accessToken: string }).accessToken;
    return token;
  };
  return {
    url: server.url,
    dataDir,
    login: (user) =>
      logins.find((l) => l.user === user) ??
      (() => {
        throw new Error(`no demo login ${user}`);
      })(),
    async admin(method, urlPath, body) {
      const response = await fetch(`${server.url}${urlPath}`, {
        method,
        headers: { authorization: `Bearer ${await adminToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as never;
    },
    stop: () => server.close(),
  };
}
