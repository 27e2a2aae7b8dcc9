/** Sessions end where the user or the platform ends them: every request checks its session (issue 8, items 2 and 8). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/platform-api/common';
import { createEnterprise, describeOnDatabases, mutationId, startTestPlatform, type TestPlatform } from './helpers';

describeOnDatabases('sessions', (database) => {
  let t: TestPlatform;
  beforeEach(async () => {
    t = await startTestPlatform({ database, config: { accessTtlMs: 15 * 60_000, refreshGraceMs: 30_000 } });
  });
  afterEach(async () => t.close());

  const me = (token: string) => t.api.call('GET', '/auth/v1/me', undefined, token);
  const refresh = (refreshToken: string) => t.api.call('POST', '/auth/v1/refresh', { refreshToken });

  it('ends the access token at logout: /me and pushes answer 401 at once, not 15 minutes later', async () => {
    const device = await t.api.device('jn.manager');
    const session = await t.api.login('jn.manager');
    expect((await me(session.accessToken)).status).toBe(200);
    expect((await t.api.call('POST', '/auth/v1/logout', { refreshToken: session.refreshToken })).status).toBe(204);

    const after = await me(session.accessToken);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthorized');
    const push = await t.api.call(
      'POST',
      '/sync/v1/push',
      { schemaVersion: SCHEMA_VERSION, clientId: device.clientId, ops: [{ ...createEnterprise(1), opSeq: 1, mutationId: mutationId() }] },
      session.accessToken,
    );
    expect(push.status).toBe(401);
    // Another session of the same user is not affected.
    expect((await me(device.token)).status).toBe(200);
  });

  it('ends every access token of a session whose refresh token was reused (theft)', async () => {
    const first = await t.api.login('jn.manager');
    const second = (await refresh(first.refreshToken)).body;
    expect((await me(second.accessToken)).status).toBe(200);
    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
    expect((await me(first.accessToken)).status).toBe(401);
  });

  it('lets a refresh whose answer was lost be repeated within the grace window, and only once the new token is unused', async () => {
    const first = await t.api.login('jn.manager');
    const lost = await refresh(first.refreshToken);
    expect(lost.status).toBe(200);
    t.clock.advance(10_000);
    const retried = await refresh(first.refreshToken);
    expect(retried.status).toBe(200);
    expect((await me(retried.body.accessToken)).status).toBe(200);
    // The answer that never arrived is dead; the session lives on through the retried one.
    expect((await refresh(lost.body.refreshToken)).status).toBe(401);
    const next = await refresh(retried.body.refreshToken);
    expect(next.status).toBe(200);
    expect((await me(next.body.accessToken)).status).toBe(200);
  });

  it('treats a repeated refresh after the grace window as theft and ends the session', async () => {
    const first = await t.api.login('jn.manager');
    const lost = await refresh(first.refreshToken);
    t.clock.advance(31_000);
    expect((await refresh(first.refreshToken)).body.code).toBe('invalid_refresh_token');
    expect((await me(lost.body.accessToken)).status).toBe(401);
    expect((await refresh(lost.body.refreshToken)).status).toBe(401);
  });

  it('refuses an access token with anything appended to it', async () => {
    const session = await t.api.login('jn.manager');
    expect((await me(`${session.accessToken}.x`)).status).toBe(401);
    expect((await me(`${session.accessToken}.`)).status).toBe(401);
  });
});
