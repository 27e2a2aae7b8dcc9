/**
 * Published sites on the platform (issue 10), against a real platform process (SQLite):
 *  - serving: requests per second and p99 latency for the pages of a published site, 16 keep-alive
 *    clients for 6 s in 1 s slices alternating with a bare `node:http` static server (its own
 *    process) serving the same files from memory in the same run (target ≥ 0.8 of its req/s);
 *  - publishing a 1,000-item site: the `site.publish.v1` push until it answers live (target < 3 s);
 *  - a lead: form post → visible in a device's pull (target < 1 s on loopback).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { compile, exampleSite, templateFor, type SiteContent } from '../../shared/sites';
import { Api, createEnterprise, orderOp, rowId, type Device } from '../../platform/test/helpers';
import { startPlatform, type PlatformProcess } from '../helpers/platform';
import { readyLine } from '../helpers/readyLine';
import { emitSummary, ms, percentile, printTable, tempDir } from './benchUtil';

const CLIENTS = 16;
const SECONDS = 6;
const SIGNOFF = { signerName: '王建国', signedAt: '2026-11-20T10:00:00Z', documentSha256: 'c'.repeat(64) };

function bigSite(label: string, items: number): SiteContent {
  const site = exampleSite();
  const columns = site.columns.map((c) => {
    if (c.id !== 'products') return c;
    const template = c.items[0]!;
    return { ...c, items: Array.from({ length: items }, (_, i) => ({ ...template, id: `p-bench-${i}`, title: `商品 ${i}` })) };
  });
  return { ...site, columns, domain: { kind: 'assigned', label } } as SiteContent;
}

/** `clients` keep-alive loops for `seconds`; each request's latency. */
async function load(port: number, host: string, paths: string[], seconds: number): Promise<{ latencies: number[]; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const client = async (k: number) => {
    for (let i = k; performance.now() < end; i += CLIENTS) {
      const started = performance.now();
      const status = await new Promise<number>((resolve) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: paths[i % paths.length], agent, headers: { host, accept: 'text/html' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', () => resolve(0));
        req.end();
      });
      if (status !== 200) errors++;
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  agent.destroy();
  return { latencies, errors };
}

/**
 * Both servers in alternating 1 s slices, so each sees the same machine load (the cores are shared):
 * req/s over all slices, p99 over all requests.
 */
async function compareServers(ports: [number, number], host: string, paths: string[], seconds: number) {
  const runs = ports.map(() => ({ latencies: [] as number[], errors: 0 }));
  for (let slice = 0; slice < seconds; slice++) {
    for (const [i, port] of ports.entries()) {
      const { latencies, errors } = await load(port, host, paths, 1);
      runs[i]!.latencies.push(...latencies);
      runs[i]!.errors += errors;
    }
  }
  return runs.map((r) => ({ rps: r.latencies.length / seconds, p99: percentile(r.latencies, 99), errors: r.errors }));
}

/** The reference: a bare node:http server (its own process) answering the same files from memory. */
async function startStaticServer(files: { url: string; mime: string; body: string }[]) {
  const dir = tempDir('ecw-static-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'files.json'), JSON.stringify(files));
  const script = `
    const http = require('node:http');
    const files = new Map(require(${JSON.stringify(path.join(dir, 'files.json'))}).map((f) => [f.url, f]));
    const server = http.createServer((req, res) => {
      const f = files.get(req.url);
      if (!f) { res.writeHead(404); return res.end(); }
      res.writeHead(200, { 'content-type': f.mime });
      res.end(f.body);
    });
    server.listen(0, '127.0.0.1', () => console.log('STATIC_READY ' + JSON.stringify({ port: server.address().port })));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const { port } = await readyLine<{ port: number }>(child, 'STATIC_READY', 'the static server');
  return { port, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const platform: PlatformProcess = await startPlatform();
  const api = new Api((url, init) => fetch(`${platform.url}${url}`, init));
  const manager: Device = await api.device('jn.manager', platform.login('jn.manager').password);
  const ent = rowId('ent');
  const siteId = rowId('site');
  const label = 'benchtea';
  const host = `${label}.${platform.sitesDomain}`;
  const content = bigSite(label, 1000);
  await manager.push(createEnterprise(901, undefined, ent), {
    tbl: 'site',
    rowId: siteId,
    kind: 'create',
    patch: { enterpriseId: ent, name: '官网', content, images: [] },
  });
  await manager.push(orderOp(ent, 'open', 'site-standard'));
  await platform.admin('POST', '/admin/boss/process');

  console.error('sitePublish: publishing');
  const started = performance.now();
  const res = await manager.push({
    tbl: 'site_publication',
    rowId: siteId,
    kind: 'command',
    name: 'site.publish.v1',
    patch: { siteId, enterpriseId: ent, revision: 1, content, images: [], signoff: SIGNOFF },
  });
  const publishMs = performance.now() - started;
  if ((res.results[0]?.row as { status?: string } | undefined)?.status !== 'live')
    throw new Error(`publish: ${JSON.stringify(res.results[0])}`);

  // The WEB pages of the site, served by both.
  const pages = compile(content, templateFor(content), { resolve: () => undefined })
    .files.filter((f) => f.path.startsWith('web/') && f.path.endsWith('.html'))
    .map((f) => ({ url: `/${f.path.slice(4)}`, mime: f.mime, body: String(f.content) }));
  const paths = pages.map((p) => p.url).slice(0, 200);
  console.error(`sitePublish: published in ${ms(publishMs)} ms; serving`);
  const reference = await startStaticServer(pages);
  const publicPort = Number(new URL(platform.publicUrl).port);
  await load(publicPort, host, paths, 1); // warm-up
  await load(reference.port, host, paths, 1);
  const [ours, bare] = (await compareServers([publicPort, reference.port], host, paths, SECONDS)) as [
    { rps: number; p99: number; errors: number },
    { rps: number; p99: number; errors: number },
  ];
  reference.stop();

  console.error('sitePublish: leads');
  const leadTimes: number[] = [];
  await manager.pullAll();
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const body = `message=${encodeURIComponent(`第${i}条留言`)}&phone=1391234${String(1000 + i)}`;
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: publicPort,
          path: '/guestbook',
          method: 'POST',
          headers: { host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
          localAddress: `127.0.0.${10 + i}`,
        },
        (r) => {
          r.resume();
          r.on('end', () => (r.statusCode === 200 ? resolve() : reject(new Error(`post ${r.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    const changes = await manager.pullAll();
    if (!changes.some((c) => c.tbl === 'lead')) throw new Error('the lead did not arrive in the pull');
    leadTimes.push(performance.now() - t0);
  }
  await platform.stop();

  printTable('Published site: serving (16 keep-alive clients, 6 × 1 s alternating, WEB pages)', [
    { server: 'platform public listener', 'req/s': ours.rps.toFixed(0), 'p99 ms': ms(ours.p99), errors: ours.errors },
    { server: 'bare node:http static', 'req/s': bare.rps.toFixed(0), 'p99 ms': ms(bare.p99), errors: bare.errors },
  ]);
  console.log(
    `throughput ratio ${(ours.rps / bare.rps).toFixed(2)} (target ≥ 0.8); publish of a 1,000-item site ${ms(publishMs)} ms (target < 3000); lead post → pull p50 ${ms(percentile(leadTimes, 50))} ms, max ${ms(Math.max(...leadTimes))} ms (target < 1000)`,
  );
  emitSummary('sitePublish', [
    { metric: 'serving p99 (ms)', value: ours.p99, referenceName: 'bare node:http p99', reference: bare.p99 },
    { metric: 'serving ms per request (1000/req/s)', value: 1000 / ours.rps, referenceName: 'bare node:http', reference: 1000 / bare.rps },
    { metric: 'publish 1,000-item site', value: publishMs, targetMs: 3000 },
    { metric: 'lead post → device pull (max of 5)', value: Math.max(...leadTimes), targetMs: 1000 },
  ]);
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.stack ?? String(err));
    process.exit(1);
  },
);
