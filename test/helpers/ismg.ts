/**
 * The ISMG simulator for tests: in this process (direct access to faults and handsets) or as a
 * real child process (`npm run ismg` without npm), driven over its JSON API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { startHandsetServer } from '../../platform/src/ismg/http';
import type { HandsetMessage, HandsetView } from '../../platform/src/ismg/handsets';
import { IsmgSimulator, type IsmgConfig, type IsmgFaults } from '../../platform/src/ismg/simulator';
import type { LinkConfig } from '../../platform/src/sms/link';
import { LINK_DEFAULTS } from '../../platform/src/sms/link';
import { REPO_ROOT } from './paths';
import { bundledEntryArgs } from './processBundle';
import { readyLine } from './readyLine';

export const SP = { spId: '900001', secret: 'test-secret-1', serviceCode: '10658000' };

export interface TestIsmg {
  sim: IsmgSimulator;
  port: number;
  httpUrl: string;
  stop(): Promise<void>;
}

export async function startIsmg(config: Partial<IsmgConfig> = {}, faults: Partial<IsmgFaults> = {}): Promise<TestIsmg> {
  const sim = new IsmgSimulator({
    host: '127.0.0.1',
    port: 0,
    spId: SP.spId,
    secret: SP.secret,
    maxVersion: 3,
    ismgCode: 10658,
    log: process.env.ISMG_TEST_LOG ? (l) => console.error(l) : () => undefined,
    ...config,
  });
  sim.setFaults(faults);
  const port = await sim.start();
  const web = await startHandsetServer(sim, '127.0.0.1', 0);
  return { sim, port, httpUrl: web.url, stop: async () => void (await Promise.all([web.close(), sim.stop()])) };
}

/** A link configuration for the platform, with timers short enough for tests. */
/** A handset texts `body` from `mobile` to `to`; waits (30 s at most) for `count` more messages to it and returns them. */
export async function textAndWait(ismg: TestIsmg, mobile: string, to: string, body: string, count = 1): Promise<HandsetMessage[]> {
  const received = () => ismg.sim.handsets.view(mobile).received;
  const before = received().length;
  ismg.sim.sendMo(mobile, to, body);
  for (const deadline = Date.now() + 30_000; received().length < before + count;) {
    if (Date.now() > deadline) throw new Error(`${mobile} got no answer to “${body}” within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return received().slice(before);
}

export function linkConfig(port: number, overrides: Partial<LinkConfig> = {}): LinkConfig {
  return {
    ...LINK_DEFAULTS,
    host: '127.0.0.1',
    port,
    spId: SP.spId,
    secret: SP.secret,
    serviceCode: SP.serviceCode,
    reconnectMinMs: 50,
    reconnectMaxMs: 500,
    flowControlMinMs: 20,
    flowControlMaxMs: 200,
    ...overrides,
  };
}

/** The platform's command-line flags for the same link. */
export const linkFlags = (port: number, extra: string[] = []): string[] => [
  '--ismg',
  `127.0.0.1:${port}`,
  '--sp-id',
  SP.spId,
  '--sp-secret',
  SP.secret,
  '--service-code',
  SP.serviceCode,
  ...extra,
];

export interface IsmgProcess {
  port: number;
  httpUrl: string;
  child: ChildProcess;
  handset(number: string): Promise<HandsetView>;
  post<T = unknown>(urlPath: string, body: unknown): Promise<T>;
  get<T = unknown>(urlPath: string): Promise<T>;
  stop(): Promise<void>;
}

/** `npm run ismg -- --port 0 …` as a child process; resolves once it prints ISMG_READY. */
export async function startIsmgProcess(extraArgs: string[] = []): Promise<IsmgProcess> {
  const args = [...bundledEntryArgs('ismg'), '--port', '0', '--sp-id', SP.spId, '--sp-secret', SP.secret, ...extraArgs];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = await readyLine<{ port: number; httpUrl: string }>(child, 'ISMG_READY', 'the ISMG simulator');
  const call = async <T>(method: string, urlPath: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${ready.httpUrl}${urlPath}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${urlPath}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    ...ready,
    child,
    handset: (number) => call('GET', `/api/handsets/${number}`),
    post: (urlPath, body) => call('POST', urlPath, body),
    get: (urlPath) => call('GET', urlPath),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
