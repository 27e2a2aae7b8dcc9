/**
 * Sign-in throttling (issue 8, item 3): per account with a back-off its owner is not locked out by,
 * per address, globally; counts kept in the database so every platform process shares them.
 */
import http from 'node:http';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeOnDatabases, startTestPlatform, type Api, type TestPlatform } from './helpers';

const WINDOW_MS = 15 * 60_000;
const LOGIN = '/auth/v1/login';

describeOnDatabases('sign-in throttling', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({
      database,
      config: { loginMaxFailures: 5, loginMaxFailuresPerAddress: 20, loginWindowMs: WINDOW_MS, loginMaxBackoffMs: 60_000 },
    });
  });
  afterEach(async () => t.close());

  const signIn = (from: Api, user: string, password: string) => from.call('POST', LOGIN, { user, password });

  it('backs off guesses at one account from any number of addresses, while its owner signs in from a known address', async () => {
    const office = t.from('10.1.0.1');
    expect((await signIn(office, 'jn.manager', DEMO_PASSWORD)).status).toBe(200);

    const statuses: number[] = [];
    for (let a = 0; a < 10; a++)
      for (let k = 0; k < 5; k++) statuses.push((await signIn(t.from(`10.9.0.${a}`), 'jn.manager', `guess-${a}-${k}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5); // 50 attempts from 10 addresses, 5 password checks
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
    expect((await signIn(office, 'jn.manager', DEMO_PASSWORD)).status).toBe(200);

    // A back-off, not a lock-out: after Retry-After one more attempt is checked, and the next wait is longer.
    const waiting = await signIn(t.from('10.9.1.1'), 'jn.manager', DEMO_PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body.code).toBe('rate_limited');
    const wait = Number(waiting.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    t.clock.advance(wait * 1000);
    expect((await signIn(t.from('10.9.1.1'), 'jn.manager', 'one-more-guess')).status).toBe(401);
    const longer = await signIn(t.from('10.9.1.2'), 'jn.manager', DEMO_PASSWORD);
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(wait);
    t.clock.advance(Number(longer.headers.get('retry-after')) * 1000);
    expect((await signIn(t.from('10.1.7.7'), 'jn.manager', DEMO_PASSWORD)).status).toBe(200); // the owner, from home
  });

  it('limits one address spraying many accounts, and leaves other addresses alone', async () => {
    const spray = t.from('10.9.9.9');
    const users = ['jn.manager', 'jn.clerk', 'jn.agent', 'qd.manager', 'qd.clerk', 'sd.manager'];
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signIn(spray, users[i % users.length]!, `Spring2026-${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect((await signIn(t.from('10.1.0.2'), 'jn.clerk', DEMO_PASSWORD)).status).toBe(200);
  });

  it('keeps the counts in the database: another platform process on the same database refuses as well', async () => {
    for (let k = 0; k < 5; k++) await signIn(t.from('10.9.0.1'), 'jn.agent', `guess-${k}`);
    const second = await startTestPlatform({ database, dataDir: t.dir, clock: t.clock });
    try {
      expect((await signIn(second.from('10.9.0.2'), 'jn.agent', DEMO_PASSWORD)).status).toBe(429);
    } finally {
      await second.platform.close();
    }
  });

  it('forgets failures after the window, so random names do not pile up', async () => {
    for (let i = 0; i < 40; i++) await signIn(t.from(`10.8.${i}.1`), `random-${i}`, 'x');
    t.clock.advance(WINDOW_MS + 1000);
    await signIn(t.from('10.7.0.1'), 'someone', 'x');
    const db = t.platform.ctx.database.db;
    const { n } = await db
      .selectFrom('login_throttle')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeLessThanOrEqual(3); // the last failure's account, address and global counts
  });

  it('answers a flood of concurrent sign-ins from one address with 429 at once; a real sign-in from another address succeeds', async () => {
    const url = new URL(await t.serve());
    const post = (localAddress: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: LOGIN,
            method: 'POST',
            localAddress,
            agent: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    const flood = Array.from({ length: 64 }, (_, i) => post('127.0.0.2', { user: `random-${i}`, password: 'wrong-password' }));
    const real = await post('127.0.0.3', { user: 'jn.manager', password: DEMO_PASSWORD });
    const statuses = await Promise.all(flood);
    expect(real).toBe(200);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(44);
    expect(statuses.every((s) => s === 429 || s === 401)).toBe(true);
  });
});
