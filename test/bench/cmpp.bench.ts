/**
 * MT throughput over one CMPP link with a window of 16, against a bare TCP request/response loop
 * of the same frame sizes in the same run (issue 11: at least 0.7 of it).
 *
 * - Ours: the platform in this process (SQLite WAL + synchronous=FULL, or PostgreSQL with
 *   PLATFORM_BENCH_DATABASE_URL) sends N one-part MTs to `npm run ismg` (a child process, status
 *   reports off): from the moment they are stored until every SUBMIT_RESP is recorded.
 * - Reference: a bare loop over one TCP connection to the same simulator — CONNECT, then the very
 *   same SUBMIT frames written from memory, answers counted, nothing parsed or stored. The target
 *   is read against the loop as the issue words it, request then response, one at a time. The same
 *   bare loop with 16 unanswered (the link's window) is shown too: the stricter comparison, what
 *   is left between the two is what the link adds (loading, encoding, bookkeeping, recording every
 *   answer).
 * - For information: storing the MTs (one transaction), and a round with status reports on.
 * Rounds alternate so all see the same load (the machine is shared); medians are compared.
 */
import net from 'node:net';
import { createPlatform, type Platform } from '../../platform/src/app';
import { authenticatorSource, cmppTimestamp } from '../../platform/src/sms/cmpp/auth';
import { encodePdu } from '../../platform/src/sms/cmpp/codec';
import { FrameReader } from '../../platform/src/sms/cmpp/frames';
import { LINK_DEFAULTS, submitPdu } from '../../platform/src/sms/link';
import { prepareMt, type MtRequest } from '../../platform/src/sms/mt';
import { startIsmgProcess, SP } from '../helpers/ismg';
import { emitSummary, ms, percentile, printTable, tempDir } from './benchUtil';

const N = 8000;
const ROUNDS = 5;
const WINDOW = 16;
const TARGET_RATIO = 0.7;

const requests = (round: number): MtRequest[] =>
  Array.from({ length: N }, (_, i) => ({
    to: String(13800000000 + (i % 50)),
    text: `【泉城茶业】会员您好，本周六新茶品鉴会欢迎光临 ${round}-${i}`,
    extension: '1001',
  }));

/** The SUBMIT frames the link sends for these requests (Sequence_Ids aside, byte for byte). */
function submitFrames(list: MtRequest[]): Buffer[] {
  return list.map((r, i) => {
    const prepared = prepareMt(r);
    const [part] = prepared.parts(0);
    const queued = {
      seqNo: i + 1,
      mtId: '',
      partNo: 1,
      parts: 1,
      mobile: prepared.mobile,
      extension: prepared.extension,
      tpUdhi: part!.tpUdhi,
      msgFmt: part!.msgFmt,
      content: part!.content,
    };
    return encodePdu(submitPdu({ ...LINK_DEFAULTS, ...SP }, queued), 2);
  });
}

/** Bare loops number their SUBMITs from here: the simulator remembers Sequence_Ids, and a repeat would be answered more cheaply. */
let bareSeq = 0x70000000;

/** CONNECT as the SP, then resolves with the socket once the gateway said yes. */
async function bareConnect(port: number): Promise<{ socket: net.Socket; reader: FrameReader }> {
  const socket = net.connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const reader = new FrameReader();
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const timestamp = cmppTimestamp(new Date());
  socket.write(
    encodePdu(
      {
        command: 'connect',
        sequenceId: 1,
        sourceAddr: SP.spId,
        authenticatorSource: authenticatorSource(SP.spId, SP.secret, timestamp),
        version: 0x20,
        timestamp,
      },
      2,
    ),
  );
  await new Promise((resolve) => socket.once('data', (chunk: Buffer) => resolve(reader.push(chunk))));
  return { socket, reader };
}

/** Writes every frame with at most `window` unanswered, counting answers; resolves with the elapsed ms. */
async function bareRound(port: number, frames: Buffer[], window: number): Promise<number> {
  const { socket, reader } = await bareConnect(port);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = 0;
    const fill = () => {
      socket.cork();
      while (sent < frames.length && sent - answered < window) {
        frames[sent]!.writeUInt32BE(bareSeq++, 8);
        socket.write(frames[sent++]!);
      }
      socket.uncork();
    };
    const started = performance.now();
    socket.on('data', (chunk: Buffer) => {
      answered += reader.push(chunk).length;
      if (answered < frames.length) return fill();
      const elapsed = performance.now() - started;
      socket.destroy();
      resolve(elapsed);
    });
    socket.on('error', reject);
    fill();
  });
}

/** Stores the MTs (one transaction), then waits until the link has every answer recorded. */
async function linkRound(platform: Platform, list: MtRequest[]): Promise<{ enqueueMs: number; linkMs: number }> {
  const sms = platform.sms!;
  const before = sms.link.counters.accepted;
  const t0 = performance.now();
  await sms.enqueue(list);
  const t1 = performance.now();
  while (sms.link.counters.accepted - before < list.length || !sms.link.drained) await new Promise((r) => setTimeout(r, 1));
  return { enqueueMs: t1 - t0, linkMs: performance.now() - t1 };
}

const median = (values: number[]) => percentile(values, 50);
const perThousand = (totalMs: number) => (totalMs / N) * 1000;
const rate = (totalMs: number) => Math.round(N / (totalMs / 1000));

async function main() {
  const ismg = await startIsmgProcess(['--report-delay-ms', 'off']);
  const databaseUrl = process.env.PLATFORM_BENCH_DATABASE_URL;
  const platform = await createPlatform({
    dataDir: tempDir('ecw-cmpp-bench-'),
    ...(databaseUrl ? { databaseUrl } : {}),
    config: { openingDelayMs: null },
    log: () => undefined,
    sms: { ...LINK_DEFAULTS, ...SP, host: '127.0.0.1', port: ismg.port },
  });
  try {
    while (platform.sms!.link.status().state !== 'connected') await new Promise((r) => setTimeout(r, 10));
    // Warm-up: JIT, statement cache, connections.
    await bareRound(ismg.port, submitFrames(requests(-1)).slice(0, 2000), WINDOW);
    await linkRound(platform, requests(-1).slice(0, 2000));

    const loopMs: number[] = [];
    const windowedMs: number[] = [];
    const link: { enqueueMs: number; linkMs: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      loopMs.push(await bareRound(ismg.port, submitFrames(requests(round)), 1));
      windowedMs.push(await bareRound(ismg.port, submitFrames(requests(round)), WINDOW));
      link.push(await linkRound(platform, requests(round)));
    }
    await ismg.post('/api/faults', { reportDelayMs: 0 });
    const withReports = await linkRound(platform, requests(ROUNDS));
    await ismg.post('/api/faults', { reportDelayMs: null });

    const loopMedian = median(loopMs);
    const windowedMedian = median(windowedMs);
    const linkMedian = median(link.map((l) => l.linkMs));
    const enqueueMedian = median(link.map((l) => l.enqueueMs));
    const ratio = loopMedian / linkMedian;
    const windowedRatio = windowedMedian / linkMedian;
    const store = databaseUrl ? 'PostgreSQL' : 'SQLite WAL, synchronous=FULL';
    printTable(`CMPP MT throughput, ${N} one-part MTs per round, window ${WINDOW}, median of ${ROUNDS} (${store})`, [
      {
        measure: 'bare TCP request/response loop (reference)',
        'MT/s': rate(loopMedian),
        'ms per 1,000': ms(perThousand(loopMedian)),
        note: 'same frames, same simulator, one at a time',
      },
      {
        measure: 'bare loop with 16 unanswered (stricter)',
        'MT/s': rate(windowedMedian),
        'ms per 1,000': ms(perThousand(windowedMedian)),
        note: `link/this = ${windowedRatio.toFixed(2)}`,
      },
      {
        measure: 'CMPP link → ISMG simulator, window 16',
        'MT/s': rate(linkMedian),
        'ms per 1,000': ms(perThousand(linkMedian)),
        note: `link/reference = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO})`,
      },
      {
        measure: '  + storing them first (enqueue, 1 tx)',
        'MT/s': rate(enqueueMedian),
        'ms per 1,000': ms(perThousand(enqueueMedian)),
        note: `end to end ${rate(linkMedian + enqueueMedian)} MT/s`,
      },
      {
        measure: '  with status reports on (info)',
        'MT/s': rate(withReports.linkMs),
        'ms per 1,000': ms(perThousand(withReports.linkMs)),
        note: 'one DELIVER written and answered per MT',
      },
    ]);
    console.log(
      `\nrounds (ms): loop ${loopMs.map(ms).join(' / ')}; windowed ${windowedMs.map(ms).join(' / ')}; link ${link.map((l) => ms(l.linkMs)).join(' / ')}`,
    );
    console.log(
      `throughput link/reference = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) → ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}; link/windowed bare loop = ${windowedRatio.toFixed(2)}`,
    );
    emitSummary('cmpp', [
      {
        metric: 'MT over CMPP, ms per 1,000 (window 16)',
        value: perThousand(linkMedian),
        targetMs: perThousand(loopMedian) / TARGET_RATIO,
        referenceName: 'bare request/response loop',
        reference: perThousand(loopMedian),
      },
      {
        metric: 'MT over CMPP vs windowed bare loop',
        value: perThousand(linkMedian),
        referenceName: 'bare loop, 16 unanswered',
        reference: perThousand(windowedMedian),
      },
      { metric: 'MT enqueue, ms per 1,000 (1 tx)', value: perThousand(enqueueMedian) },
      { metric: 'MT over CMPP with reports, ms per 1,000', value: perThousand(withReports.linkMs) },
    ]);
  } finally {
    await platform.close();
    await ismg.stop();
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? String(err));
  process.exit(1);
});
