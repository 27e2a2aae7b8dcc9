/**
 * Files by address in browser mode (issue 7 item 6): pictures, the signed PDF and an export's zip at
 * `/api/files/<name>?<input>` on the local server, over real sockets — their bytes as bytes, their
 * content type, nosniff, same-origin only, a download's name — behind the same token and Origin
 * guards as every /api address.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filePath } from '../../../shared/api/files';
import type { Site } from '../../../shared/api/sites';
import { startHttpServer, type RunningHttpServer } from '../../../electron/backend/transports/http';
import type { TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { importedTeaSite, itemNamed } from '../sites/support';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let t: TestBackend;
let site: Site;
let server: RunningHttpServer;
const withToken = (address: string) => `${address}&token=${server.token}`;
const errorOf = (reply: Reply) => (JSON.parse(reply.body.toString('utf8')) as { error: { code: string } }).error.code;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  ({ backend: t, site } = await importedTeaSite());
  server = await startHttpServer(t.backend);
});
afterAll(async () => {
  await server?.close();
  t?.cleanup();
});

describe('files by address (browser mode)', () => {
  it('serves a picture with its token: its bytes, its type and size, nosniff, same-origin only, cached for good', async () => {
    const tea = itemNamed(site, '明前龙井');
    const picture = tea.kind === 'product' ? tea.images[0]!.sha256 : '';
    const reply = await get(withToken(filePath('files.image', { sha256: picture, variant: 'web480' })));
    expect(reply.status).toBe(200);
    const same = await t.call('sites.image', { sha256: picture, variant: 'web480' });
    expect(reply.body.equals(Buffer.from(same.base64, 'base64'))).toBe(true);
    expect(reply.headers).toMatchObject({
      'content-type': same.mime,
      'content-length': String(reply.body.length),
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-image-width': String(same.width),
      'x-image-height': String(same.height),
    });
  });

  it('refuses a request without the token, from another origin, or with another method', async () => {
    const address = filePath('files.image', { sha256: 'f'.repeat(64) });
    expect((await get(address)).status).toBe(401);
    expect((await get(withToken(address), { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(withToken(address), {}, 'DELETE')).status).toBe(405);
    const posted = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/files.image',
          headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ sha256: 'f'.repeat(64) }));
    });
    expect(posted).toBe(405);
  });

  it('answers a wrong input 400 and what is not there 404, as JSON with the code', async () => {
    const bad = await get(withToken(`${filePath('files.image', { sha256: 'not-a-hash' })}`));
    expect([bad.status, errorOf(bad)]).toEqual([400, 'invalid_input']);
    const missing = await get(withToken(filePath('files.image', { sha256: 'f'.repeat(64), variant: 'web480' })));
    expect([missing.status, errorOf(missing)]).toEqual([404, 'site.image_missing']);
    const unknown = await get(`/api/files/files.nothing?token=${server.token}`);
    expect(unknown.status).toBe(404);
    const notExported = await get(withToken(filePath('files.siteExport', { siteId: site.id, revision: site.revision })));
    expect([notExported.status, errorOf(notExported)]).toEqual([404, 'site.export_missing']);
  });

  it('serves the signed PDF in place with its name, and the export’s zip', async () => {
    const signaturePngBase64 = readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png')).toString('base64');
    const { document } = await t.call('sites.signOff', { siteId: site.id, signerName: '王建国', signaturePngBase64 });
    const pdf = await get(withToken(filePath('files.document', { id: document.id })));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `inline; filename="${document.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    );
    expect(sha256(pdf.body)).toBe(document.sha256);

    const exported = await t.call('sites.export', { siteId: site.id });
    const zip = await get(withToken(filePath('files.siteExport', { siteId: site.id, revision: exported.revision })));
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toMatch(/^attachment; /);
    expect(zip.body.equals(readFileSync(exported.zipPath!))).toBe(true);
  });
});
