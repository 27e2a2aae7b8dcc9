/**
 * Blobs (issue 8, item 7): the type comes from the bytes, never from the client; blobs are served so
 * no browser runs them; a user reads only blobs they uploaded or that a site they may see shows.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEnterprise, describeOnDatabases, rowId, startTestPlatform, type Device, type TestPlatform } from './helpers';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describeOnDatabases('blobs', (database) => {
  let t: TestPlatform;
  let manager: Device;
  beforeEach(async () => {
    t = await startTestPlatform({ database });
    manager = await t.api.device('jn.manager');
  });
  afterEach(async () => t.close());

  async function upload(device: Device, bytes: Buffer, mime: string) {
    const created = await t.api.call(
      'POST',
      '/assets/v1/uploads',
      { clientId: device.clientId, sha256: sha256(bytes), size: bytes.length, mime },
      device.token,
    );
    if (created.status !== 201) return created;
    const res = await t.platform.app.request(`/assets/v1/uploads/${created.body.uploadId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' },
      body: bytes,
    });
    return { status: res.status, body: await res.json() };
  }

  const get = (token: string, hash: string) =>
    t.platform.app.request(`/assets/v1/blobs/${hash}`, { headers: { authorization: `Bearer ${token}` } });

  it('types a blob by its bytes whatever the upload claimed, and serves it with nosniff and a sandbox CSP', async () => {
    expect((await upload(manager, PNG, 'text/html')).status).toBe(201);
    const image = await get(manager.token, sha256(PNG));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toMatch(/sandbox/);

    expect((await upload(manager, HTML, 'image/png')).status).toBe(201);
    const page = await get(manager.token, sha256(HTML));
    expect(page.headers.get('content-type')).toBe('application/octet-stream');
    expect(page.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a declared type that is not a media type, and a hash whose blob was stored with a poisoned type still serves', async () => {
    const refused = await upload(manager, PNG, 'image/jpeg\r\nX-Injected: 1');
    expect(refused.status).toBe(400);
    expect((await upload(manager, PNG, 'image/png')).status).toBe(201);

    // A blob stored by an older platform with a client's poisoned type.
    const legacy = randomBytes(64);
    legacy.set([0xff, 0xd8, 0xff, 0xe0], 0);
    await fs.writeFile(path.join(t.dir, 'blobs', sha256(legacy)), legacy);
    await t.platform.ctx.database.db
      .insertInto('blob')
      .values({ sha256: sha256(legacy), size: legacy.length, mime: 'image/jpeg\r\nX-Injected: 1', stored_at: '2026-01-01T00:00:00Z' })
      .execute();
    const admin = (await t.api.login('admin')).accessToken;
    const served = await get(admin, sha256(legacy));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-injected')).toBeNull();
  });

  it('lets a user read a blob they uploaded or one a live site in their regions shows; nobody else', async () => {
    expect((await upload(manager, PNG, 'image/png')).status).toBe(201);
    const hash = sha256(PNG);
    const [clerk, qingdao] = [await t.api.device('jn.clerk'), await t.api.device('qd.manager')];
    const admin = (await t.api.login('admin')).accessToken;
    expect((await get(manager.token, hash)).status).toBe(200);
    expect((await get(admin, hash)).status).toBe(200);
    expect((await get(clerk.token, hash)).status).toBe(404);
    expect((await get(qingdao.token, hash)).status).toBe(404);

    const ent = createEnterprise(1);
    const site = {
      tbl: 'site' as const,
      rowId: rowId('site'),
      kind: 'create' as const,
      patch: { enterpriseId: ent.rowId, name: '官网', content: {}, images: [hash] },
    };
    await manager.push(ent, site);
    expect((await get(clerk.token, hash)).status).toBe(200);
    expect((await get(qingdao.token, hash)).status).toBe(404);

    await manager.push({ tbl: 'site', rowId: site.rowId, kind: 'delete', patch: {}, baseVersion: 1 });
    expect((await get(clerk.token, hash)).status).toBe(404);
  });
});
