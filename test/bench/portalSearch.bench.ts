/**
 * Issue 13's benchmarks, on SQLite and on PostgreSQL in the same run:
 *  - search p95 over 10,000 published enterprises with 50 items each (target < 30 ms), a mix of
 *    two-character names, model numbers, industry words, pinyin initials, a word in every name and
 *    misses; searchPublished in-process (what the portals, the SMS portal and the CLI call);
 *  - portal home page requests per second over HTTP (loopback, keep-alive, 16 at a time) against a bare
 *    Node HTTP server answering the same bytes from memory.
 * The sites are stored as revisions and indexed by the indexer the publication calls (indexLiveSite), not compiled:
 * compiling 10,000 sites would measure the compiler. Enterprises are plain rows with industry and region.
 * PostgreSQL: PLATFORM_TEST_PG, else a throwaway cluster (scripts/pg-test-cluster.sh).
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import http from 'node:http';
import os from 'node:os';
import { INDUSTRY_SECTIONS } from '../../shared/domain/industry';
import { exampleSite, type Item, type SiteContent } from '../../shared/sites';
import { createPlatform, type Platform } from '../../platform/src/app';
import { writeTx } from '../../platform/src/db/database';
import { listenPublic } from '../../platform/src/listen';
import { indexLiveSite } from '../../platform/src/search/indexer';
import { searchPublished } from '../../platform/src/search/search';
import { freshPgDatabase } from '../../platform/test/helpers';
import { postgresServer } from './benchPostgres';
import { emitSummary, ms, printTable, stats, tempDir } from './benchUtil';

const SITES = Number(process.env.PORTAL_BENCH_SITES ?? 10_000);
const ITEMS = 50;
const RUNS_PER_QUERY = 60;
const HOME_SECONDS = 4;
const CONCURRENCY = 16;
const QUERIES = ['鲁中', 'CK6150', '机械', 'htjx', '有限公司', '数控车床', '供应钢材', '青岛', 'HX200', '无此企业名称'];

/** A small deterministic generator, so both databases hold the same data. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const CITIES = [
  ['山东省', '济南市', '历下区'],
  ['山东省', '青岛市', '市南区'],
  ['山东省', '淄博市', '张店区'],
  ['山东省', '潍坊市', '奎文区'],
  ['山东省', '烟台市', '芝罘区'],
] as const;
const BRAND_CHARS = '华泰恒信鑫源宏达金盛通瑞丰隆兴海天宇正新力宝安德利明辉永昌东方润佳远航中鲁齐';
const TRADES = ['机械', '电子', '食品', '建材', '纺织', '化工', '物流', '软件', '茶业', '家具'];
const GOODS = ['数控车床', '钢材', '螺栓', '电缆', '面粉', '瓷砖', '布料', '涂料', '货架', '茶叶', '水泵', '阀门', '轴承', '纸箱'];

function siteContent(i: number, next: () => number): SiteContent {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const city = CITIES[i % CITIES.length]!;
  const brand = i % 1000 === 7 ? '鲁中' : pick([...BRAND_CHARS]) + pick([...BRAND_CHARS]);
  const trade = pick(TRADES);
  const site = exampleSite();
  const items = (n: number, make: (k: number) => Item) => Array.from({ length: n }, (_, k) => make(k));
  const model = (k: number) => (i % 997 === 3 && k === 0 ? 'CK6150' : `${pick(['HX', 'ZD', 'GB', 'QT'])}${100 + Math.floor(next() * 900)}`);
  const columns = site.columns.map((c) => {
    if (c.type === 'products')
      return {
        ...c,
        items: items(
          30,
          (k) =>
            ({
              kind: 'product',
              id: `p${k}`,
              name: `${pick(GOODS)}${pick(['', '配件', '系列'])}`,
              model: model(k),
              description: [],
              images: [],
            }) as Item,
        ),
      };
    if (c.type === 'supply')
      return {
        ...c,
        items: items(
          12,
          (k) =>
            ({
              kind: 'post',
              id: `s${k}`,
              postKind: k % 2 ? 'supply' : 'demand',
              title: `${k % 2 ? '供应' : '求购'}${pick(GOODS)}`,
              text: [],
            }) as Item,
        ),
      };
    if (c.type === 'news')
      return {
        ...c,
        items: items(
          8,
          (k) =>
            ({
              kind: 'article',
              id: `n${k}`,
              title: `${brand}${trade}参加${pick(CITIES)[1]}${pick(['展会', '订货会', '论坛'])}`,
              body: [],
              images: [],
            }) as Item,
        ),
      };
    return c;
  });
  const profile = {
    ...site.profile,
    name: `${city[1].slice(0, -1)}${brand}${trade}有限公司`,
    shortName: `${brand}${trade}`,
    logo: undefined,
  };
  return { ...site, profile, columns, domain: { kind: 'assigned', label: `b${i}` } } as SiteContent;
}

async function populate(platform: Platform): Promise<number> {
  const started = performance.now();
  const next = random(42);
  const at = '2026-11-20T09:00:00.000Z';
  const { database } = platform.ctx;
  for (let start = 0; start < SITES; start += 100) {
    await writeTx(database, async (trx) => {
      for (let i = start; i < Math.min(SITES, start + 100); i++) {
        const section = INDUSTRY_SECTIONS[i % INDUSTRY_SECTIONS.length]!;
        const city = CITIES[i % CITIES.length]!;
        const data = {
          industrySection: section.code,
          industryDivision: section.divisions[0]!.code,
          region: { province: city[0], city: city[1], district: city[2] },
        };
        await trx
          .insertInto('enterprise')
          .values({
            id: `e${i}`,
            scope_id: `${city[0]}/${city[1]}`,
            version: 1,
            last_seq: 0,
            field_versions: '{}',
            deleted: 0,
            data: JSON.stringify(data),
            created_at: at,
            updated_at: at,
            created_by_client: null,
            updated_by_client: null,
            credit_code: null,
          })
          .execute();
        const content = JSON.stringify(siteContent(i, next));
        await trx
          .insertInto('site_revision')
          .values({
            site_id: `s${i}`,
            revision: 1,
            enterprise_id: `e${i}`,
            content,
            images: '[]',
            signoff: null,
            submitted_by: 'bench',
            submitted_at: at,
            built: 1,
          })
          .execute();
        const host = `b${i}.${platform.ctx.config.sitesDomain}`;
        await indexLiveSite(trx, {
          siteId: `s${i}`,
          enterpriseId: `e${i}`,
          revision: 1,
          host,
          urls: { web: `https://${host}/`, wap: `http://${host}/wap/` },
        });
        await trx
          .updateTable('portal_site')
          .set({ visits: Math.floor(next() * 5000) })
          .where('site_id', '=', `s${i}`)
          .execute();
      }
    });
  }
  return performance.now() - started;
}

async function searchLatencies(platform: Platform): Promise<{ all: number[]; byQuery: Record<string, string | number>[] }> {
  const all: number[] = [];
  const byQuery: Record<string, string | number>[] = [];
  for (const q of QUERIES) {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < RUNS_PER_QUERY; r++) {
      const started = performance.now();
      found = (await searchPublished(platform.ctx.database.db, q, 10)).hits.length;
      times.push(performance.now() - started);
    }
    all.push(...times.slice(5)); // the first runs warm the statement cache
    const s = stats(times.slice(5));
    byQuery.push({ query: q, hits: found, p50: `${ms(s.p50)} ms`, p95: `${ms(s.p95)} ms` });
  }
  return { all, byQuery };
}

/** Requests per second against `url` with CONCURRENCY keep-alive clients for HOME_SECONDS. */
async function requestsPerSecond(port: number, host: string): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const until = performance.now() + HOME_SECONDS * 1000;
  let count = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent, headers: { host, accept: 'text/html' } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
          res.resume();
          res.on('end', () => resolve());
        })
        .on('error', reject);
    });
  const client = async () => {
    while (performance.now() < until) {
      await one();
      count++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  agent.destroy();
  return count / ((performance.now() - started) / 1000);
}

async function homeThroughput(platform: Platform): Promise<{ portal: number; bare: number; bytes: number }> {
  const server = await listenPublic(platform);
  try {
    const www = `www.${platform.ctx.config.sitesDomain}`;
    const page = await (await platform.publicSites.app.request('/', { headers: { host: www } })).text();
    const bare = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const barePort = (bare.address() as { port: number }).port;
      const bareRps = await requestsPerSecond(barePort, www);
      const portalRps = await requestsPerSecond(server.port, www);
      return { portal: portalRps, bare: bareRps, bytes: Buffer.byteLength(page) };
    } finally {
      bare.closeAllConnections();
      await new Promise((resolve) => bare.close(resolve));
    }
  } finally {
    await server.close();
  }
}

async function measure(name: string, databaseUrl: string | undefined) {
  const dir = tempDir('ecw-portal-bench-');
  const platform = await createPlatform({
    dataDir: dir,
    ...(databaseUrl ? { databaseUrl } : {}),
    config: { openingDelayMs: null },
    log: () => undefined,
  });
  try {
    const indexMs = await populate(platform);
    // Fresh statistics, as a platform that has run a while has them (autovacuum on PostgreSQL).
    await sql`ANALYZE`.execute(platform.ctx.database.db);
    const terms = await platform.ctx.database.db
      .selectFrom('search_term')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const search = await searchLatencies(platform);
    const home = await homeThroughput(platform);
    printTable(
      `${name}: search over ${SITES} sites × ${ITEMS} items (${Number(terms.n)} index rows, indexed in ${(indexMs / 1000).toFixed(1)} s)`,
      search.byQuery,
    );
    return { name, indexMs, search: stats(search.all), home };
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const results = [await measure('SQLite', undefined)];
  const server = process.env.PORTAL_BENCH_SQLITE_ONLY ? null : postgresServer();
  if (server) {
    try {
      const database = await freshPgDatabase(server.url);
      try {
        results.push(await measure('PostgreSQL', database.url));
      } finally {
        await database.drop();
      }
    } finally {
      server.stop();
    }
  } else console.log('\nportalSearch: PostgreSQL skipped — none (set PLATFORM_TEST_PG, or install postgresql).');
  printTable(
    `Portal search and home page (${os.cpus().length} cores; ${SITES} sites × ${ITEMS} items; home: ${CONCURRENCY} keep-alive clients × ${HOME_SECONDS} s)`,
    results.map((r) => ({
      database: r.name,
      'search p50': `${ms(r.search.p50)} ms`,
      'search p95': `${ms(r.search.p95)} ms (target < 30)`,
      'search max': `${ms(r.search.max)} ms`,
      'home req/s': r.home.portal.toFixed(0),
      'bare static req/s': r.home.bare.toFixed(0),
      'home / static': `${((r.home.portal / r.home.bare) * 100).toFixed(1)} %`,
      'home bytes': r.home.bytes,
    })),
  );
  emitSummary(
    'portalSearch',
    results.flatMap((r) => [
      { metric: `${r.name} portal search p95 (${SITES} sites × ${ITEMS} items)`, value: r.search.p95, targetMs: 30 },
      {
        metric: `${r.name} portal home ms/request (1/req/s)`,
        value: 1000 / r.home.portal,
        referenceName: 'bare static server',
        reference: 1000 / r.home.bare,
      },
    ]),
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
