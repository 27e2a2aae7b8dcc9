/**
 * Image uploads (SYNC.md §3.7, §3.12 (22)): a 15 MB photo dropped at 10 %, 50 % and 99 %, a chunk
 * damaged in transit, the platform restarted mid-upload, the same photo from two devices, and
 * uploads that can never succeed — which must not hold up data sync.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../../shared/platform-api';
import { assetFile } from '../../../electron/backend/domains/assets/store';
import type { Device } from '../../helpers/syncDevice';
import { useSyncRig } from '../../helpers/syncRig';
import { checkInvariants, openPlatformDb } from '../../helpers/syncInvariants';
import { materialsCopy, teaEnterprise } from '../sites/support';

const SIZE = 15 * 1024 * 1024;
const rig = useSyncRig();

async function device(name: string): Promise<Device> {
  const d = await rig.device(name);
  await d.sync();
  return d;
}

const isChunk = (r: { method: string; path: string }) => r.method === 'PATCH' && r.path.startsWith('/assets/v1/uploads/');
const sentChunkBytes = (from: number) =>
  rig.proxy.log
    .slice(from)
    .filter(isChunk)
    .reduce((n, l) => n + l.bytes, 0);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function platformBlob(sha256: string): Promise<Buffer> {
  const response = await fetch(`${rig.platform.url}/assets/v1/blobs/${sha256}`, {
    headers: { authorization: `Bearer ${await rig.platform.adminToken()}` },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const blobRows = (sha256: string) => {
  const db = openPlatformDb(rig.platform.dataDir);
  try {
    return db.prepare('SELECT count(*) FROM blob WHERE sha256 = ?').pluck().get(sha256) as number;
  } finally {
    db.close();
  }
};

describe('image uploads', () => {
  it('resumes a 15 MB upload dropped at 10 %, 50 % and 99 % from the last whole chunk, and survives a damaged chunk', async () => {
    const a = await device('A');
    const photo = randomBytes(SIZE);
    const hash = a.addPhoto(photo);
    // The chunk holding each drop point is cut off mid-body; another chunk arrives damaged.
    for (const point of [0.1, 0.5, 0.99]) {
      const at = Math.floor(SIZE * point);
      const chunkIndex = Math.floor(at / CHUNK_SIZE);
      rig.proxy.inject({
        match: (r) => isChunk(r) && r.headers['upload-offset'] === String(chunkIndex * CHUNK_SIZE),
        fault: { kind: 'truncate', bytes: at - chunkIndex * CHUNK_SIZE },
      });
    }
    rig.proxy.inject({
      match: (r) => isChunk(r) && r.headers['upload-offset'] === String(CHUNK_SIZE),
      fault: { kind: 'corrupt', at: 12345 },
    });
    const from = rig.proxy.log.length;
    let report = await a.sync();
    let rounds = 1;
    while (a.asset(hash)!.state !== 'uploaded' && rounds++ < 10) {
      expect(report.outcome).toBe('offline'); // a cut connection looks like the network went away
      expect(a.asset(hash)!.uploaded_bytes % CHUNK_SIZE === 0 || a.asset(hash)!.uploaded_bytes === SIZE).toBe(true);
      report = await a.sync();
    }
    expect(a.asset(hash)).toMatchObject({ state: 'uploaded', uploaded_bytes: SIZE });
    // Re-sent bytes: at most one chunk per drop, plus the damaged chunk once.
    expect(sentChunkBytes(from) - SIZE).toBeLessThanOrEqual(4 * CHUNK_SIZE);
    expect(
      rig.proxy.log
        .slice(from)
        .filter(isChunk)
        .map((l) => l.status),
    ).toContain(460);
    expect(sha(await platformBlob(hash))).toBe(hash);
    expect(blobRows(hash)).toBe(1);
  }, 120_000);

  it('continues from the platform offset after the platform is SIGKILLed mid-upload', async () => {
    const a = await device('A');
    const photo = randomBytes(SIZE);
    const hash = a.addPhoto(photo);
    // The third chunk is held at the proxy; the platform is SIGKILLed meanwhile.
    rig.proxy.inject({
      match: (r) => isChunk(r) && r.headers['upload-offset'] === String(2 * CHUNK_SIZE),
      fault: { kind: 'delay', ms: 1500 },
    });
    const uploading = a.sync();
    while (a.asset(hash)!.uploaded_bytes < 2 * CHUNK_SIZE) await new Promise((r) => setTimeout(r, 20));
    await rig.platform.stop('SIGKILL');
    expect((await uploading).outcome).toBe('offline');
    expect(a.asset(hash)!.uploaded_bytes).toBe(2 * CHUNK_SIZE);
    await rig.restartPlatform();
    const from = rig.proxy.log.length;
    expect(await a.sync()).toMatchObject({ outcome: 'ok', uploadedBytes: SIZE - 2 * CHUNK_SIZE });
    expect(sentChunkBytes(from)).toBe(SIZE - 2 * CHUNK_SIZE);
    expect(sha(await platformBlob(hash))).toBe(hash);
  }, 120_000);

  it('stores the same photo from two devices once; the second device uploads nothing', async () => {
    const a = await device('A');
    const b = await device('B');
    const photo = randomBytes(3 * 1024 * 1024);
    const hash = a.addPhoto(photo);
    expect(b.addPhoto(photo)).toBe(hash);
    expect((await a.sync()).uploadedBytes).toBe(photo.length);
    const from = rig.proxy.log.length;
    expect(await b.sync()).toMatchObject({ outcome: 'ok', uploadedBytes: 0 });
    expect(b.asset(hash)!.state).toBe('uploaded');
    expect(rig.proxy.log.slice(from).filter(isChunk)).toEqual([]);
    expect(blobRows(hash)).toBe(1);
  });

  it('marks uploads that can never succeed as failed, visibly, while data and other images go through', async () => {
    const a = await device('A');
    const missing = a.addPhoto(randomBytes(1024));
    rmSync(assetFile(a.dataDir, missing));
    const damaged = a.addPhoto(randomBytes(2 * 1024 * 1024));
    writeFileSync(assetFile(a.dataDir, damaged), randomBytes(2 * 1024 * 1024)); // same size, other bytes: the hash no longer matches
    const good = a.addPhoto(randomBytes(1024 * 1024));
    const id = await a.createEnterprise(5000);
    const report = await a.sync();
    expect(report).toMatchObject({ outcome: 'ok', pushed: 1, pending: 0 });
    expect(a.asset(good)!.state).toBe('uploaded');
    expect(a.asset(missing)).toMatchObject({ state: 'failed', last_error: expect.stringContaining('missing') });
    expect(a.asset(damaged)).toMatchObject({ state: 'failed', last_error: expect.stringContaining('damaged') });
    const status = await a.call('sync.status', {});
    expect(status).toMatchObject({ failedUploads: 2, attention: expect.arrayContaining(['failed_uploads']) });
    expect(
      (await a.call('sync.uploads', {}))
        .filter((u) => u.state === 'failed')
        .map((u) => u.sha256)
        .sort(),
    ).toEqual([missing, damaged].sort());
    // The next cycle does not retry them and still syncs data.
    await a.editEnterprise(id, (f) => ({ ...f, address: '济南市历下区失败不阻塞路1号' }));
    const from = rig.proxy.log.length;
    expect(await a.sync()).toMatchObject({ outcome: 'ok', pushed: 1 });
    expect(rig.proxy.log.slice(from).filter((l) => l.path.startsWith('/assets/'))).toEqual([]);
    checkInvariants({ platformDataDir: rig.platform.dataDir, devices: [{ device: a, scopes: ['山东省/济南市'] }] });
  });
});

describe('pictures made on another device', () => {
  it('are fetched after the site that shows them arrives, verified and stored by hash', async () => {
    const a = await device('A');
    const b = await device('B');
    const enterpriseId = await teaEnterprise(a);
    const report = await a.call('sites.import', { enterpriseId, paths: [materialsCopy()] });
    const site = await a.call('sites.get', { siteId: report.siteId });
    expect((await a.sync()).outcome).toBe('ok');
    const synced = JSON.parse(a.db.prepare('SELECT base_json FROM site WHERE id = ?').pluck().get(site.id) as string) as {
      images: string[];
    };
    const images = synced.images;
    expect(images.length).toBeGreaterThan(0);
    expect(await b.sync()).toMatchObject({ outcome: 'ok' });
    for (const sha256 of images) {
      expect(b.asset(sha256)).toMatchObject({ state: 'present' });
      expect(sha(readFileSync(assetFile(b.dataDir, sha256)))).toBe(sha256);
    }
    expect((await b.call('sites.get', { siteId: site.id })).content.profile.name).toBe(site.content.profile.name);
  }, 60_000);
});
