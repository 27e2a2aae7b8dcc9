/**
 * The platform (its own process, SQLite) under floods (issue 8, items 3 and 4):
 *  - memory: 48 concurrent 50 MB bodies to /auth/v1/login, sent with a Content-Length and chunked;
 *    the process's peak and settled RSS against its idle RSS measured just before (the reference);
 *  - sign-in: a real sign-in's latency while 64 sign-ins with random names arrive at once from
 *    another address, against the same sign-in on the idle platform just before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { emitSummary, ms, printTable, stats } from './benchUtil';
import { startPlatform, type PlatformProcess } from '../helpers/platform';

const BODIES = 48;
const BODY_BYTES = 50 * 1024 * 1024;
const FLOOD = 64;

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Resets the peak (VmHWM) so it measures from now on. */
function resetPeak(pid: number): void {
  try {
    // "5" to clear_refs resets the peak RSS (Linux ≥ 4.0).
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    /* not permitted: the peak then includes start-up */
  }
}

function post(url: URL, path: string, body: Buffer | string, options: { chunked?: boolean; localAddress?: string } = {}): Promise<number> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(body));
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: 'POST', headers, agent: false, localAddress: options.localAddress },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0)); // the platform may close the connection once it has answered 413
    if (options.chunked && Buffer.isBuffer(body)) {
      const step = 1024 * 1024;
      const write = (at: number): void => {
        if (at >= body.length || req.destroyed) return void req.end();
        if (req.write(body.subarray(at, at + step))) write(at + step);
        else req.once('drain', () => write(at + step));
      };
      write(0);
    } else req.end(body);
  });
}

async function flood(platform: PlatformProcess, chunked: boolean) {
  const url = new URL(platform.url);
  const body = Buffer.alloc(BODY_BYTES, 0x20);
  resetPeak(platform.child.pid!);
  const idle = memoryOf(platform.child.pid!).rss;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(platform.child.pid!).rss)), 20);
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: BODIES }, () => post(url, '/auth/v1/login', body, { chunked })));
  const elapsed = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  clearInterval(sampler);
  const after = memoryOf(platform.child.pid!);
  return {
    idle,
    peak: Math.max(peak, after.peak),
    settled: after.rss,
    elapsed,
    refused: statuses.filter((s) => s === 413 || s === 0).length,
  };
}

/** One real sign-in from 127.0.0.3, in ms; when `flooded`, while 64 sign-ins with random names from 127.0.0.2 are in flight. */
async function signIn(platform: PlatformProcess, round: number, flooded: boolean): Promise<number> {
  const url = new URL(platform.url);
  const attack = flooded
    ? Promise.all(
        Array.from({ length: FLOOD }, (_, i) =>
          post(url, '/auth/v1/login', JSON.stringify({ user: `random-${round}-${i}`, password: 'wrong-password' }), {
            localAddress: '127.0.0.2',
          }),
        ),
      )
    : null;
  const started = performance.now();
  const status = await post(
    url,
    '/auth/v1/login',
    JSON.stringify({ user: 'jn.manager', password: platform.login('jn.manager').password }),
    { localAddress: '127.0.0.3' },
  );
  const elapsed = performance.now() - started;
  if (status !== 200) throw new Error(`sign-in: HTTP ${status}`);
  await attack;
  return elapsed;
}

async function main() {
  const platform = await startPlatform();
  try {
    const withLength = await flood(platform, false);
    const chunked = await flood(platform, true);

    const idle: number[] = [];
    const flooded: number[] = [];
    for (let round = 0; round < 5; round++) {
      idle.push(await signIn(platform, round, false));
      flooded.push(await signIn(platform, round, true));
    }
    const idleLogin = stats(idle).p50;
    const underFlood = stats(flooded).p50;

    const mib = (v: number) => `${v.toFixed(0)} MiB`;
    printTable(`Platform memory under ${BODIES} concurrent ${BODY_BYTES / 1024 / 1024} MB bodies to /auth/v1/login (own process, SQLite)`, [
      {
        bodies: 'with Content-Length',
        'idle RSS (reference)': mib(withLength.idle),
        'peak RSS': mib(withLength.peak),
        'RSS 2 s later': mib(withLength.settled),
        'peak/idle': (withLength.peak / withLength.idle).toFixed(2),
        'answered 413': `${withLength.refused}/${BODIES} in ${ms(withLength.elapsed)} ms`,
      },
      {
        bodies: 'chunked',
        'idle RSS (reference)': mib(chunked.idle),
        'peak RSS': mib(chunked.peak),
        'RSS 2 s later': mib(chunked.settled),
        'peak/idle': (chunked.peak / chunked.idle).toFixed(2),
        'answered 413': `${chunked.refused}/${BODIES} in ${ms(chunked.elapsed)} ms`,
      },
    ]);
    printTable(`A real sign-in while ${FLOOD} sign-ins with random names arrive at once from another address`, [
      {
        'sign-in p50, idle (reference)': `${ms(idleLogin)} ms`,
        'sign-in p50, during the flood': `${ms(underFlood)} ms`,
        ratio: (underFlood / idleLogin).toFixed(2),
      },
    ]);
    emitSummary('platformFlood', [
      {
        metric: `peak RSS MiB, ${BODIES} × 50 MB bodies (value in MiB)`,
        value: Math.max(withLength.peak, chunked.peak),
        referenceName: 'idle RSS MiB',
        reference: withLength.idle,
      },
      { metric: `sign-in p50 during a ${FLOOD}-login flood`, value: underFlood, referenceName: 'sign-in p50 idle', reference: idleLogin },
    ]);
  } finally {
    await platform.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
