/** Content-addressed images: check, resumable chunked uploads with checksums, dedup, ranged downloads. */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../shared/platform-api/assets';
import { parseRange } from '../src/assets/routes';
import { describeOnDatabases, startTestPlatform, type Device, type TestPlatform } from './helpers';

describeOnDatabases('assets', (database) => {
  let t: TestPlatform;
  let device: Device;
  beforeAll(async () => {
    t = await startTestPlatform({ database });
    device = await t.api.device('jn.manager');
  });
  afterAll(async () => t.close());

  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const checksum = (b: Uint8Array) => `sha256 ${createHash('sha256').update(b).digest('base64')}`;

  function createUpload(bytes: Uint8Array, hash = sha256(bytes), dev = device) {
    return t.api.call(
      'POST',
      '/assets/v1/uploads',
      { clientId: dev.clientId, sha256: hash, size: bytes.length, mime: 'image/jpeg' },
      dev.token,
    );
  }

  async function patch(uploadId: string, offset: number, chunk: Uint8Array, sum = checksum(chunk)) {
    const res = await t.platform.app.request(`/assets/v1/uploads/${uploadId}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${device.token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset),
        'upload-checksum': sum,
      },
      body: chunk,
    });
    return { status: res.status, offset: Number(res.headers.get('upload-offset')), body: res.status === 204 ? null : await res.json() };
  }

  const head = async (uploadId: string) =>
    Number(
      (
        await t.platform.app.request(`/assets/v1/uploads/${uploadId}`, {
          method: 'HEAD',
          headers: { authorization: `Bearer ${device.token}` },
        })
      ).headers.get('upload-offset'),
    );

  async function uploadAll(bytes: Uint8Array) {
    const created = await createUpload(bytes);
    let offset = created.body.offset as number;
    let last;
    while (offset < bytes.length) {
      last = await patch(created.body.uploadId, offset, bytes.subarray(offset, offset + CHUNK_SIZE));
      offset = last.offset;
    }
    return last!;
  }

  describe('uploads', () => {
    it('stores a 9 MiB photo sent in 4 MiB chunks, resumes from the server offset, and serves it back', async () => {
      const photo = randomBytes(9 * 1024 * 1024);
      const hash = sha256(photo);
      expect((await t.api.call('POST', '/assets/v1/check', { hashes: [hash] }, device.token)).body).toEqual({
        present: [],
        missing: [hash],
      });
      const created = await createUpload(photo);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'upload', offset: 0, chunkSize: CHUNK_SIZE });
      const id = created.body.uploadId;
      expect(await patch(id, 0, photo.subarray(0, CHUNK_SIZE))).toMatchObject({ status: 204, offset: CHUNK_SIZE });

      // The connection dropped: the device asks where to continue, by HEAD and by creating again.
      expect(await head(id)).toBe(CHUNK_SIZE);
      expect((await createUpload(photo)).body).toMatchObject({ uploadId: id, offset: CHUNK_SIZE });
      expect(await patch(id, 0, photo.subarray(0, CHUNK_SIZE))).toMatchObject({ status: 409, offset: CHUNK_SIZE });

      expect((await patch(id, CHUNK_SIZE, photo.subarray(CHUNK_SIZE, 2 * CHUNK_SIZE))).status).toBe(204);
      const done = await patch(id, 2 * CHUNK_SIZE, photo.subarray(2 * CHUNK_SIZE));
      expect(done).toMatchObject({ status: 201, offset: photo.length, body: { status: 'stored', sha256: hash, size: photo.length } });
      expect(await fs.readdir(path.join(t.dir, 'uploads'))).toEqual([]);

      const whole = await t.platform.app.request(`/assets/v1/blobs/${hash}`, { headers: { authorization: `Bearer ${device.token}` } });
      expect(whole.status).toBe(200);
      expect(whole.headers.get('cache-control')).toContain('immutable');
      expect(sha256(new Uint8Array(await whole.arrayBuffer()))).toBe(hash);
      const part = await t.platform.app.request(`/assets/v1/blobs/${hash}`, {
        headers: { authorization: `Bearer ${device.token}`, range: 'bytes=100-199' },
      });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${photo.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(photo.subarray(100, 200))).toBe(true);
    });

    it('refuses a chunk whose checksum does not match (460) without moving the offset', async () => {
      const bytes = randomBytes(1000);
      const { body } = await createUpload(bytes);
      const corrupt = Uint8Array.from(bytes);
      corrupt[10] = corrupt[10]! ^ 0xff;
      expect(await patch(body.uploadId, 0, corrupt, checksum(bytes))).toMatchObject({ status: 460, body: { code: 'checksum_mismatch' } });
      expect(await head(body.uploadId)).toBe(0);
      expect((await patch(body.uploadId, 0, bytes)).status).toBe(201);
    });

    it('takes a CRC-32 Upload-Checksum (what the desktop sends), refuses a wrong one, and an unknown algorithm', async () => {
      const crc = (b: Uint8Array) => {
        const digest = Buffer.alloc(4);
        digest.writeUInt32BE(crc32(b));
        return `crc32 ${digest.toString('base64')}`;
      };
      const bytes = randomBytes(3000);
      const { body } = await createUpload(bytes);
      const first = bytes.subarray(0, 1000);
      expect(await patch(body.uploadId, 0, first, crc(bytes.subarray(1, 1001)))).toMatchObject({
        status: 460,
        body: { code: 'checksum_mismatch' },
      });
      expect(await patch(body.uploadId, 0, first, `md5 ${createHash('md5').update(first).digest('base64')}`)).toMatchObject({
        status: 400,
      });
      expect(await patch(body.uploadId, 0, first, crc(first))).toMatchObject({ status: 204, offset: 1000 });
      expect(await patch(body.uploadId, 1000, bytes.subarray(1000), crc(bytes.subarray(1000)))).toMatchObject({
        status: 201,
        body: { sha256: sha256(bytes) },
      });
    });

    it('drops an upload whose assembled bytes do not hash to the declared sha256 (422)', async () => {
      const bytes = randomBytes(1000);
      const { body } = await createUpload(bytes, sha256(randomBytes(10)));
      expect(await patch(body.uploadId, 0, bytes)).toMatchObject({ status: 422, body: { code: 'hash_mismatch' } });
      expect(
        (
          await t.platform.app.request(`/assets/v1/uploads/${body.uploadId}`, {
            method: 'HEAD',
            headers: { authorization: `Bearer ${device.token}` },
          })
        ).status,
      ).toBe(404);
    });

    it('stores a photo once however many devices send it', async () => {
      const bytes = randomBytes(5000);
      await uploadAll(bytes);
      const other = await t.api.device('jn.agent');
      const again = await createUpload(bytes, sha256(bytes), other);
      expect(again).toMatchObject({ status: 200, body: { status: 'present', sha256: sha256(bytes) } });
      expect((await t.api.call('POST', '/assets/v1/check', { hashes: [sha256(bytes)] }, other.token)).body.present).toEqual([
        sha256(bytes),
      ]);
    });

    it('refuses an upload for a device that is not the user’s', async () => {
      const other = await t.api.device('qd.manager');
      const r = await t.api.call(
        'POST',
        '/assets/v1/uploads',
        { clientId: other.clientId, sha256: sha256(randomBytes(4)), size: 4, mime: 'image/png' },
        device.token,
      );
      expect(r.body.code).toBe('client_state_mismatch');
    });

    it('reports images a site references before they are uploaded, and accepts the site anyway', async () => {
      const missing = sha256(randomBytes(8));
      const ent = {
        tbl: 'enterprise' as const,
        rowId: 'ent-assets',
        kind: 'create' as const,
        patch: (await import('./helpers')).enterpriseFields(77),
      };
      const res = await device.push(ent, {
        tbl: 'site',
        rowId: 'site-assets',
        kind: 'create',
        patch: { enterpriseId: 'ent-assets', name: '官网', content: {}, images: [missing] },
      });
      expect(res.results[1]).toMatchObject({ status: 'applied', missingBlobs: [missing] });
    });
  });

  describe('uploads across a restart of the platform', () => {
    it('rebuilds the hash of the bytes received so far from the file, and checks it at completion', async () => {
      const first = await startTestPlatform({ database });
      const dev = await first.api.device('jn.manager');
      const begin = async (bytes: Uint8Array) =>
        (
          await first.api.call(
            'POST',
            '/assets/v1/uploads',
            { clientId: dev.clientId, sha256: sha256(bytes), size: bytes.length, mime: 'image/jpeg' },
            dev.token,
          )
        ).body.uploadId as string;
      const send = (on: TestPlatform, uploadId: string, offset: number, chunk: Uint8Array) =>
        on.platform.app.request(`/assets/v1/uploads/${uploadId}`, {
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${dev.token}`,
            'content-type': 'application/offset+octet-stream',
            'upload-offset': String(offset),
            'upload-checksum': checksum(chunk),
          },
          body: chunk,
        });
      const intact = randomBytes(CHUNK_SIZE + 5000);
      const altered = randomBytes(CHUNK_SIZE + 5000);
      const intactId = await begin(intact);
      const alteredId = await begin(altered);
      expect((await send(first, intactId, 0, intact.subarray(0, CHUNK_SIZE))).status).toBe(204);
      expect((await send(first, alteredId, 0, altered.subarray(0, CHUNK_SIZE))).status).toBe(204);
      await first.platform.close();
      // While the platform is down, a byte of one stored chunk changes on disk.
      const part = path.join(first.dir, 'uploads', alteredId);
      const onDisk = await fs.readFile(part);
      onDisk[100] = onDisk[100]! ^ 0xff;
      await fs.writeFile(part, onDisk);

      const second = await startTestPlatform({ database, dataDir: first.dir });
      try {
        const done = await send(second, intactId, CHUNK_SIZE, intact.subarray(CHUNK_SIZE));
        expect(done.status).toBe(201);
        expect(await done.json()).toMatchObject({ status: 'stored', sha256: sha256(intact) });
        const refused = await send(second, alteredId, CHUNK_SIZE, altered.subarray(CHUNK_SIZE));
        expect(refused.status).toBe(422);
      } finally {
        await second.close();
      }
    });
  });

  describe('an upload whose file a crash took away', () => {
    it('is dropped (404) when its next chunk arrives, and starts again from zero', async () => {
      const first = await startTestPlatform({ database });
      const dev = await first.api.device('jn.manager');
      const bytes = randomBytes(CHUNK_SIZE + 100);
      const create = (on: TestPlatform) =>
        on.api.call(
          'POST',
          '/assets/v1/uploads',
          { clientId: dev.clientId, sha256: sha256(bytes), size: bytes.length, mime: 'image/jpeg' },
          dev.token,
        );
      const send = (on: TestPlatform, uploadId: string, offset: number, chunk: Uint8Array) =>
        on.platform.app.request(`/assets/v1/uploads/${uploadId}`, {
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${dev.token}`,
            'content-type': 'application/offset+octet-stream',
            'upload-offset': String(offset),
            'upload-checksum': checksum(chunk),
          },
          body: chunk,
        });
      const { uploadId } = (await create(first)).body as { uploadId: string };
      expect((await send(first, uploadId, 0, bytes.subarray(0, CHUNK_SIZE))).status).toBe(204);
      await first.platform.close();
      await fs.rm(path.join(first.dir, 'uploads', uploadId));

      const second = await startTestPlatform({ database, dataDir: first.dir });
      try {
        expect((await send(second, uploadId, CHUNK_SIZE, bytes.subarray(CHUNK_SIZE))).status).toBe(404);
        const again = (await create(second)).body as { uploadId: string; offset: number };
        expect(again.offset).toBe(0);
        expect(again.uploadId).not.toBe(uploadId);
        expect((await send(second, again.uploadId, 0, bytes.subarray(0, CHUNK_SIZE))).status).toBe(204);
        expect((await send(second, again.uploadId, CHUNK_SIZE, bytes.subarray(CHUNK_SIZE))).status).toBe(201);
      } finally {
        await second.close();
      }
    });
  });

  describe('parseRange', () => {
    it('reads the three single-range forms and refuses the rest', () => {
      expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
      expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
      expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
      expect(parseRange(undefined, 100)).toBeUndefined();
      expect(() => parseRange('bytes=100-', 100)).toThrow();
      expect(() => parseRange('bytes=0-1,5-6', 100)).toThrow();
    });
  });
});
