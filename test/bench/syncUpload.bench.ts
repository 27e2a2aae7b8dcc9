/**
 * Image upload throughput (issue 4): 200 MB of photo-like bytes (incompressible, 8–15 MB files, as
 * phone JPEGs are) uploaded by the sync engine to the reference platform in its own process —
 * check, 4 MiB chunks with checksums, offsets saved after each chunk, the platform verifying and
 * storing — against a raw loopback upload of the same files to a bare node:http server (its own
 * process, streaming each body to a file) in the same run. Target: ratio ≥ 0.7.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { assetFile } from '../../electron/backend/assets/store';
import { emitSummary, printTable, tempDir } from './benchUtil';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { createDevice } from '../helpers/syncDevice';

const TOTAL = 200 * 1024 * 1024;
const TARGET_RATIO = 0.7;

/** Photo-like files: a JPEG header and random (incompressible) bytes, 8–15 MB each, 200 MB in all. */
function photos(): Buffer[] {
  const files: Buffer[] = [];
  let left = TOTAL;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, (8 + ((i * 7) % 8)) * 1024 * 1024 + i * 4099);
    const bytes = randomBytes(size);
    bytes.set([0xff, 0xd8, 0xff, 0xe1], 0);
    files.push(bytes);
    left -= size;
  }
  return files;
}

/** A bare node:http server in its own process: each PUT body streamed to a file, then 201. */
async function bareServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const source = `
    const http = require('node:http'); const fs = require('node:fs'); const path = require('node:path');
    let n = 0;
    const server = http.createServer((req, res) => {
      const out = fs.createWriteStream(path.join(${JSON.stringify(dir)}, 'upload-' + (n++)));
      req.pipe(out);
      out.on('finish', () => { res.writeHead(201); res.end(); });
    });
    server.listen(0, '127.0.0.1', () => console.log('READY ' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => {
      const match = /READY (\d+)/.exec(d.toString());
      if (match) resolve(Number(match[1]));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

async function rawUpload(url: string, files: string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    const response = await fetch(`${url}/upload`, { method: 'PUT', body: readFileSync(file), headers: { 'content-type': 'application/octet-stream' } });
    if (response.status !== 201) throw new Error(`bare server answered ${response.status}`);
  }
  return performance.now() - started;
}

/** The same files to a second platform with bare fetch (same chunks, checksums, two at a time): the platform's own ceiling. */
async function rawPlatformUpload(platform: PlatformProcess, files: string[], hashes: string[]): Promise<number> {
  const post = async (p: string, body: unknown, token?: string) =>
    (await (await fetch(`${platform.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json()) as Record<string, never>;
  const { accessToken } = await post('/auth/v1/login', { user: 'jn.manager', password: platform.login('jn.manager').password });
  const { clientId } = await post('/sync/v1/clients', { schemaVersion: 1 }, accessToken);
  const queue = files.map((file, i) => ({ file, sha256: hashes[i]! }));
  const started = performance.now();
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const bytes = readFileSync(item.file);
      const upload = (await post('/assets/v1/uploads', { clientId, sha256: item.sha256, size: bytes.length, mime: 'image/jpeg' }, accessToken)) as unknown as { uploadId: string; chunkSize: number };
      for (let offset = 0; offset < bytes.length; offset += upload.chunkSize) {
        const chunk = bytes.subarray(offset, offset + upload.chunkSize);
        const response = await fetch(`${platform.url}/assets/v1/uploads/${upload.uploadId}`, {
          method: 'PATCH',
          body: chunk,
          headers: { authorization: `Bearer ${accessToken}`, 'upload-offset': String(offset), 'upload-checksum': `sha256 ${createHash('sha256').update(chunk).digest('base64')}`, 'content-type': 'application/offset+octet-stream' },
        });
        await response.arrayBuffer();
        if (response.status !== 204 && response.status !== 201) throw new Error(`platform answered ${response.status}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return performance.now() - started;
}

async function main() {
  const platform = await startPlatform();
  const referencePlatform = await startPlatform();
  const bare = await bareServer(tempDir('ecw-bare-upload-'));
  const device = await createDevice('uploader');
  try {
    await device.signIn(platform.url, 'jn.manager', platform.login('jn.manager').password);
    await device.sync();
    const hashes = photos().map((bytes) => device.addPhoto(bytes));
    const files = hashes.map((h) => assetFile(device.dataDir, h));

    const rawBefore = await rawUpload(bare.url, files);
    const started = performance.now();
    const report = await device.sync();
    const engineMs = performance.now() - started;
    if (report.uploadedBytes !== TOTAL) throw new Error(`uploaded ${report.uploadedBytes} of ${TOTAL} bytes (${JSON.stringify(report)})`);
    const rawAfter = await rawUpload(bare.url, files);
    const rawMs = (rawBefore + rawAfter) / 2;
    const platformCeilingMs = await rawPlatformUpload(referencePlatform, files, hashes);

    const mbps = (msValue: number) => (TOTAL / 1024 / 1024 / (msValue / 1000)).toFixed(0);
    const ratio = rawMs / engineMs;
    printTable(`Upload of ${files.length} photos, ${TOTAL / 1024 / 1024} MB (loopback, both servers in their own process)`, [
      { path: 'sync engine → platform (4 MiB chunks, checksums, resumable)', time: `${engineMs.toFixed(0)} ms`, throughput: `${mbps(engineMs)} MB/s` },
      { path: 'bare fetch PUT → bare node:http server (mean of before/after)', time: `${rawMs.toFixed(0)} ms`, throughput: `${mbps(rawMs)} MB/s` },
      { path: 'bare fetch → platform, same chunks, 2 at a time (its ceiling)', time: `${platformCeilingMs.toFixed(0)} ms`, throughput: `${mbps(platformCeilingMs)} MB/s` },
      { path: `throughput ratio (target ≥ ${TARGET_RATIO})`, time: ratio.toFixed(2), throughput: ratio >= TARGET_RATIO ? 'met' : 'NOT met' },
    ]);
    emitSummary('syncUpload', [
      { metric: `upload ${TOTAL / 1024 / 1024} MB of photos`, value: engineMs, referenceName: 'bare loopback upload', reference: rawMs },
      { metric: `upload ${TOTAL / 1024 / 1024} MB (client overhead)`, value: engineMs, referenceName: 'bare fetch to the platform', reference: platformCeilingMs },
    ]);
    console.log(`upload throughput ratio (platform / bare): ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO})`);
  } finally {
    device.cleanup();
    bare.child.kill();
    await platform.stop();
    await referencePlatform.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
