/** Staff sign-in: passwords, short-lived access tokens, rotating refresh tokens, rate limits. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeOnDatabases, DEMO_PASSWORD, startTestPlatform, type TestPlatform } from './helpers';

describeOnDatabases('sign-in and sessions', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database, config: { accessTtlMs: 60_000, loginMaxFailures: 3, loginWindowMs: 60_000 } });
  });
  afterEach(async () => t.close());

  const me = (token: string) => t.api.call('GET', '/auth/v1/me', undefined, token);

  describe('login', () => {
    it('signs a user in and tells who they are, with role and region', async () => {
      const session = await t.api.login('qd.manager');
      expect(session.user).toMatchObject({ login: 'qd.manager', role: 'customer_manager', region: { province: '山东省', city: '青岛市' } });
      expect((await me(session.accessToken)).body).toMatchObject({ login: 'qd.manager' });
    });

    it('answers 401 invalid_credentials for a wrong password and for an unknown user alike', async () => {
      const wrong = await t.api.call('POST', '/auth/v1/login', { user: 'jn.manager', password: 'nope' });
      const unknown = await t.api.call('POST', '/auth/v1/login', { user: 'nobody', password: 'nope' });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('invalid_credentials');
    });

    it('rate-limits failed logins per user: 429 with Retry-After, even for the right password, until the window passes', async () => {
      for (let i = 0; i < 3; i++) await t.api.call('POST', '/auth/v1/login', { user: 'jn.clerk', password: 'guess' + i });
      const blocked = await t.api.call('POST', '/auth/v1/login', { user: 'jn.clerk', password: DEMO_PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await t.api.call('POST', '/auth/v1/login', { user: 'jn.agent', password: DEMO_PASSWORD })).status).toBe(200);
      t.clock.advance(61_000);
      expect((await t.api.call('POST', '/auth/v1/login', { user: 'jn.clerk', password: DEMO_PASSWORD })).status).toBe(200);
    });

    it('validates the body with its schema', async () => {
      const r = await t.api.call('POST', '/auth/v1/login', { user: '' });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({
        code: 'invalid_request',
        issues: expect.arrayContaining([expect.objectContaining({ path: 'password' })]),
      });
    });
  });

  describe('tokens', () => {
    it('refuses missing, forged and expired access tokens with distinct codes', async () => {
      const session = await t.api.login('jn.manager');
      expect((await t.api.call('GET', '/auth/v1/me')).body.code).toBe('unauthorized');
      const forged = session.accessToken.slice(0, -4) + 'AAAA';
      expect((await me(forged)).body.code).toBe('unauthorized');
      t.clock.advance(61_000);
      const expired = await me(session.accessToken);
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('token_expired');
    });

    it('rotates refresh tokens: each works once, and reusing an old one ends the session', async () => {
      const first = await t.api.login('jn.manager');
      t.clock.advance(61_000);
      const second = await t.api.call('POST', '/auth/v1/refresh', { refreshToken: first.refreshToken });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await me(second.body.accessToken)).status).toBe(200);

      const replayed = await t.api.call('POST', '/auth/v1/refresh', { refreshToken: first.refreshToken });
      expect(replayed.body.code).toBe('invalid_refresh_token');
      // The theft signal revoked the family: the newest token is dead too.
      expect((await t.api.call('POST', '/auth/v1/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    });

    it('ends a session on logout', async () => {
      const session = await t.api.login('jn.manager');
      expect((await t.api.call('POST', '/auth/v1/logout', { refreshToken: session.refreshToken })).status).toBe(204);
      expect((await t.api.call('POST', '/auth/v1/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    });

    it('stores passwords as scrypt hashes only', async () => {
      const rows = await t.platform.ctx.database.db.selectFrom('staff_user').select('password_hash').execute();
      expect(rows.every((r) => r.password_hash.startsWith('scrypt$') && !r.password_hash.includes(DEMO_PASSWORD))).toBe(true);
    });

    it('lets administrators create users and change regions; the user’s next request uses the new region', async () => {
      const admin = (await t.api.login('admin')).accessToken;
      const created = await t.api.call(
        'POST',
        '/admin/users',
        {
          login: 'zb.manager',
          name: '淄博经理',
          password: 'long-enough-1',
          role: 'customer_manager',
          region: { province: '山东省', city: '淄博市' },
        },
        admin,
      );
      expect(created.status).toBe(201);
      const session = await t.api.login('zb.manager', 'long-enough-1');
      await t.api.call('PATCH', '/admin/users/zb.manager', { region: { province: '山东省', city: '济南市' } }, admin);
      expect((await me(session.accessToken)).body.region).toEqual({ province: '山东省', city: '济南市' });
    });
  });
});
