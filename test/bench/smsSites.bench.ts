/**
 * The SMS sites answering (issue 11):
 * - MO → first MT latency on loopback (target p95 < 50 ms): a handset texts the site number (a new
 *   session: main menu + WAP Push), then a digit (a session read and written); from the DELIVER
 *   leaving the ISMG simulator (in this process) to the first SUBMIT of the answer reaching the
 *   handset. MOs one at a time, so each is a clean latency.
 * - 10,000 recipients' care messages (half of them numbers that texted the site, half the site's
 *   关怀名单): stored in pages and sent over one link (window 16) to the simulator as a child process; time to store, time until every SUBMIT is answered, and the
 *   platform's heap sampled throughout (flat = the peak does not grow with the number of recipients).
 * SQLite (WAL, synchronous=FULL), or PostgreSQL with PLATFORM_BENCH_DATABASE_URL.
 */
import { createPlatform, type Platform } from '../../platform/src/app';
import type { Clock } from '../../platform/src/clock';
import { LINK_DEFAULTS } from '../../platform/src/sms/link';
import { queuedCount } from '../../platform/src/sms/store';
import { exampleSite } from '../../shared/sites';
import { startIsmg, startIsmgProcess, SP } from '../helpers/ismg';
import { emitSummary, ms, printTable, stats, tempDir } from './benchUtil';

const LATENCY_MOS = 300;
const SUBSCRIBERS = 10_000;
/** The half of them on the site's 关怀名单 (the rest texted the site). */
const CARE_LIST = Array.from({ length: SUBSCRIBERS / 2 }, (_, i) => String(13600000000 + i));
const TARGET_P95_MS = 50;
const EXTENSION = '1001';
const NUMBER = SP.serviceCode + EXTENSION;

class BenchClock implements Clock {
  offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** What the SMS sites read: the extension's enterprise and its live revision (the example site). */
async function liveSite(platform: Platform): Promise<void> {
  const db = platform.ctx.database.db;
  const example = exampleSite();
  const content = { ...example, sms: { ...example.sms, careList: CARE_LIST } };
  await db.insertInto('sms_route').values({ extension: EXTENSION, enterprise_id: 'e1', opened_at: '2026-01-01T00:00:00Z' }).execute();
  await db
    .insertInto('site_revision')
    .values({
      site_id: 's1',
      revision: 1,
      enterprise_id: 'e1',
      content: JSON.stringify(content),
      images: '[]',
      signoff: null,
      submitted_by: 'bench',
      submitted_at: '2026-01-01T00:00:00Z',
      built: 1,
    })
    .execute();
  await db
    .insertInto('site_host')
    .values({ host: 'quanchengtea.ec.example.cn', site_id: 's1', enterprise_id: 'e1', revision: 1, offline_at: null })
    .execute();
}

async function openPlatform(port: number, clock: Clock): Promise<Platform> {
  const databaseUrl = process.env.PLATFORM_BENCH_DATABASE_URL;
  const platform = await createPlatform({
    dataDir: tempDir('ecw-sms-sites-bench-'),
    ...(databaseUrl ? { databaseUrl } : {}),
    clock,
    config: { openingDelayMs: null, smsMosPerNumber: 1000 },
    log: () => undefined,
    sms: { ...LINK_DEFAULTS, ...SP, host: '127.0.0.1', port },
  });
  while (platform.sms!.link.status().state !== 'connected') await new Promise((r) => setTimeout(r, 10));
  await liveSite(platform);
  return platform;
}

async function latency(): Promise<{ opening: number[]; navigating: number[] }> {
  const ismg = await startIsmg({}, { reportDelayMs: null });
  const platform = await openPlatform(ismg.port, new BenchClock());
  const firstPart = new Map<string, (at: number) => void>();
  const receive = ismg.sim.handsets.receive.bind(ismg.sim.handsets);
  ismg.sim.handsets.receive = (number, part) => {
    receive(number, part);
    const waiting = firstPart.get(number);
    firstPart.delete(number);
    waiting?.(performance.now());
  };
  const textAndWait = (mobile: string, text: string) =>
    new Promise<number>((resolve) => {
      const sentAt = performance.now();
      firstPart.set(mobile, (at) => resolve(at - sentAt));
      ismg.sim.sendMo(mobile, NUMBER, text);
    });
  const settle = () => new Promise((r) => setTimeout(r, 30)); // the push after the menu arrives before the next MO
  try {
    for (let i = 0; i < 30; i++) await textAndWait(String(13700000000 + i), 'hi').then(settle); // warm-up
    const opening: number[] = [];
    const navigating: number[] = [];
    for (let i = 0; i < LATENCY_MOS; i++) {
      const mobile = String(13800000000 + i);
      opening.push(await textAndWait(mobile, 'hi'));
      await settle();
      navigating.push(await textAndWait(mobile, '2'));
    }
    return { opening, navigating };
  } finally {
    await platform.close();
    await ismg.stop();
  }
}

async function care(): Promise<{ storeMs: number; sendMs: number; heapBefore: number; heapPeak: number; heapAfter: number }> {
  const ismg = await startIsmgProcess(['--report-delay-ms', 'off']);
  const clock = new BenchClock();
  const platform = await openPlatform(ismg.port, clock);
  try {
    const db = platform.ctx.database.db;
    const rows = Array.from({ length: SUBSCRIBERS - CARE_LIST.length }, (_, i) => ({
      enterprise_id: 'e1',
      mobile: String(13900000000 + i),
      first_at: '2026-01-01T00:00:00Z',
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('sms_subscriber')
        .values(rows.slice(i, i + 500))
        .execute();
    clock.offsetMs = Date.parse('2026-09-25T02:00:00Z') - Date.now(); // the care date, 10:00 in China
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
    const t0 = performance.now();
    const stored = await platform.smsCare!.runDue();
    const t1 = performance.now();
    if (stored !== SUBSCRIBERS) throw new Error(`stored ${stored} care messages, expected ${SUBSCRIBERS}`);
    while ((await queuedCount(db)) > 0 || !platform.sms!.link.drained) await new Promise((r) => setTimeout(r, 20));
    const t2 = performance.now();
    clearInterval(sampler);
    global.gc?.();
    return { storeMs: t1 - t0, sendMs: t2 - t1, heapBefore, heapPeak, heapAfter: process.memoryUsage().heapUsed };
  } finally {
    await platform.close();
    await ismg.stop();
  }
}

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function main() {
  const { opening, navigating } = await latency();
  const open = stats(opening);
  const nav = stats(navigating);
  const c = await care();
  const store = process.env.PLATFORM_BENCH_DATABASE_URL ? 'PostgreSQL' : 'SQLite WAL, synchronous=FULL';
  printTable(`SMS sites (${store}), MO → first MT over loopback, ${LATENCY_MOS} MOs each, one at a time`, [
    {
      measure: 'new session (main menu + WAP Push)',
      p50: ms(open.p50),
      p95: ms(open.p95),
      max: ms(open.max),
      note: `target p95 < ${TARGET_P95_MS} ms`,
    },
    {
      measure: 'digit in a session (menu node)',
      p50: ms(nav.p50),
      p95: ms(nav.p95),
      max: ms(nav.max),
      note: `target p95 < ${TARGET_P95_MS} ms`,
    },
  ]);
  const rate = Math.round(SUBSCRIBERS / ((c.storeMs + c.sendMs) / 1000));
  printTable(
    `关怀: ${SUBSCRIBERS.toLocaleString()} recipients' care message (${CARE_LIST.length.toLocaleString()} of them on the 关怀名单), one link (window 16)`,
    [
      { measure: 'stored (pages of 500, one tx each)', ms: ms(c.storeMs), note: '' },
      { measure: 'sent: every SUBMIT answered', ms: ms(c.sendMs), note: `${rate} MT/s end to end; the 08:00–21:00 window is 13 h` },
      {
        measure: 'platform heap MB before / peak / after',
        ms: `${mb(c.heapBefore)} / ${mb(c.heapPeak)} / ${mb(c.heapAfter)}`,
        note: 'sampled every 50 ms',
      },
    ],
  );
  emitSummary('smsSites', [
    { metric: 'MO → first MT p95, new session', value: open.p95, targetMs: TARGET_P95_MS },
    { metric: 'MO → first MT p95, in session', value: nav.p95, targetMs: TARGET_P95_MS },
    { metric: `care to ${SUBSCRIBERS} subscribers, store + send`, value: c.storeMs + c.sendMs, targetMs: 13 * 3600_000 },
  ]);
}

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
