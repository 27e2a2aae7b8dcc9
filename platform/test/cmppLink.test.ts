/**
 * The platform's CMPP link against the ISMG simulator over real TCP on loopback, on a real database
 * (SQLite, or PostgreSQL with PLATFORM_TEST_PG): authentication, the window, dropped links, flow
 * control, status reports, MOs, keep-alive and malformed frames.
 */
import net from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { linkConfig, SP, startIsmg, type TestIsmg } from '../../test/helpers/ismg';
import type { IsmgFaults } from '../src/ismg/simulator';
import { authenticatorIsmg } from '../src/sms/cmpp/auth';
import { decodePdu, encodePdu, type Pdu, type PduOf } from '../src/sms/cmpp/codec';
import { FrameReader } from '../src/sms/cmpp/frames';
import type { SmsGateway } from '../src/sms/gateway';
import type { LinkConfig } from '../src/sms/link';
import type { MtRequest } from '../src/sms/mt';
import type { MoMessage } from '../src/sms/store';
import { queuedCount } from '../src/sms/store';
import { describeOnDatabases, startTestPlatform, type TestDatabase, type TestPlatform } from './helpers';

const WAIT = { timeout: 30_000, interval: 20 };

let ismg: TestIsmg | undefined;
let platform: TestPlatform | undefined;
let database: TestDatabase = 'sqlite';

afterEach(async () => {
  await platform?.close();
  await ismg?.stop();
  platform = ismg = undefined;
});

async function start(link: Partial<LinkConfig> = {}, faults: Partial<IsmgFaults> = {}, maxVersion: 2 | 3 = 3) {
  ismg = await startIsmg({ maxVersion }, faults);
  // The link alone: MOs stay in the inbox for the test to read (no SMS sites answer them).
  platform = await startTestPlatform({ database, sms: linkConfig(ismg.port, link), answerMos: false });
  return { sim: ismg.sim, sms: platform.platform.sms!, db: platform.platform.ctx.database.db };
}

const connected = (sms: SmsGateway) => vi.waitFor(() => expect(sms.link.status().state).toBe('connected'), WAIT);

/** Numbers 13800000000 + i % 20, one unique text each. */
function burst(count: number, label: string, extra: (i: number) => Partial<MtRequest> = () => ({})): MtRequest[] {
  return Array.from({ length: count }, (_, i) => ({
    to: String(13800000000 + (i % 20)),
    text: `【泉城茶业】${label} #${i} 您好`,
    extension: '1001',
    ...extra(i),
  }));
}

/** Every request's text reached its number exactly once, and no part arrived twice. */
async function expectEachDeliveredOnce(
  env: { sim: TestIsmg['sim']; sms: SmsGateway; db: TestPlatform['platform']['ctx']['database']['db'] },
  requests: MtRequest[],
  parts = requests.length,
) {
  await vi.waitFor(async () => {
    expect(await queuedCount(env.db)).toBe(0);
    expect(env.sms.link.drained).toBe(true);
  }, WAIT);
  const numbers = [...new Set(requests.map((r) => r.to))];
  const views = numbers.map((n) => env.sim.handsets.view(n));
  const texts = views.flatMap((v) => v.received.map((m) => `${v.number} ${m.text}`));
  expect(texts.sort()).toEqual(requests.map((r) => `${r.to} ${r.text}`).sort());
  expect(views.reduce((n, v) => n + v.partsReceived, 0)).toBe(parts);
  expect(env.sim.counters.sequenceReusedForOtherContent).toBe(0);
}

/** Msg_Length's offset in a 2.0 DELIVER: header 12 + Msg_Id 8 + Dest_Id 21 + Service_Id 10 + 3 + Src_terminal_Id 21 + Registered_Delivery 1. */
const HEADER_OFFSET_MSG_LENGTH = 12 + 8 + 21 + 10 + 3 + 21 + 1;

// The link keeps its queue and inbox in the platform's database: the same on SQLite and PostgreSQL.
describeOnDatabases('CMPP link', (db) => {
  beforeAll(() => {
    database = db;
  });

  describe('CMPP link: connecting', () => {
    it('connects with the right secret and sends an MT from the service code + extension', async () => {
      const env = await start();
      await connected(env.sms);
      await env.sms.enqueue([{ to: '13800138000', text: '您好', extension: '1001' }]);
      await vi.waitFor(
        () => expect(env.sim.handsets.view('13800138000').received).toMatchObject([{ from: '106580001001', kind: 'text', text: '您好' }]),
        WAIT,
      );
    });

    it('is refused with a wrong secret (status 3), keeps retrying, and sends nothing', async () => {
      const env = await start({ secret: 'wrong-secret' });
      await env.sms.enqueue([{ to: '13800138000', text: '不该发出' }]);
      await vi.waitFor(() => expect(env.sim.counters.refusedConnects).toBeGreaterThanOrEqual(2), WAIT);
      expect(env.sms.link.status().lastError).toMatch(/status 3 \(authFailed\)/);
      expect(env.sms.link.status().state).not.toBe('connected');
      expect(env.sim.counters.submits).toBe(0);
      expect(await queuedCount(env.db)).toBe(1);
    });

    it('is refused by a 2.0-only gateway when it asks for 3.0 (status 4)', async () => {
      const env = await start({ version: 3 }, {}, 2);
      await vi.waitFor(() => expect(env.sms.link.status().lastError).toMatch(/status 4 \(versionTooHigh\)/), WAIT);
    });

    it('speaks CMPP 3.0 end to end: text and WAP Push', async () => {
      const env = await start({ version: 3 });
      await env.sms.enqueue([
        { to: '13800138000', text: '三点零' },
        { to: '13800138000', wapPush: { href: 'http://wap.example.com/', text: '示例企业WAP站' } },
      ]);
      await vi.waitFor(() => expect(env.sim.handsets.view('13800138000').received).toHaveLength(2), WAIT);
      expect(env.sim.status().sessions[0]).toMatchObject({ bound: true, version: 3 });
      expect(env.sim.handsets.view('13800138000').received[1]).toMatchObject({
        kind: 'wap_push',
        href: 'http://wap.example.com/',
        text: '示例企业WAP站',
      });
    });
  });

  describe('CMPP link: sending', () => {
    it('sends a burst with the window full (16 unanswered at the gateway, never more), each MT exactly once', async () => {
      const env = await start({}, { respDelayMs: 5 });
      const requests = burst(300, '窗口');
      await env.sms.enqueue(requests);
      await expectEachDeliveredOnce(env, requests);
      expect(env.sim.counters.maxUnanswered).toBe(16);
      expect(env.sim.counters.duplicates).toBe(0);
    });

    it("sends MTs stored in a caller's transaction as well as those handed straight to the link, each once", async () => {
      const env = await start({}, { respDelayMs: 2 });
      const inTransaction = burst(40, '事务内');
      await env.db.transaction().execute((trx) => env.sms.enqueue(inTransaction, trx));
      const direct = burst(40, '直接');
      await env.sms.enqueue(direct);
      env.sms.wake(); // what a caller does once its transaction has committed
      const more = burst(40, '再来');
      await env.sms.enqueue(more);
      await expectEachDeliveredOnce(env, [...inTransaction, ...direct, ...more]);
    });

    it('sends long texts as concatenated parts and WAP Push as binary, reassembled by the handset', async () => {
      const env = await start();
      const long = '【泉城茶业】' + '新茶上市，欢迎品尝。'.repeat(40);
      const stored = await env.sms.enqueue([
        { to: '13800138000', text: long },
        { to: '13800138000', wapPush: { href: 'https://wap.example.com/shop?a=1&b=2', text: '泉城茶业 <WAP> 站' } },
      ]);
      expect(stored.map((s) => s.parts)).toEqual([7, 1]);
      await vi.waitFor(() => expect(env.sim.handsets.view('13800138000').received).toHaveLength(2), WAIT);
      const [text, push] = env.sim.handsets.view('13800138000').received;
      expect(text).toMatchObject({ kind: 'text', text: long, parts: 7 });
      expect(push).toMatchObject({ kind: 'wap_push', href: 'https://wap.example.com/shop?a=1&b=2', text: '泉城茶业 <WAP> 站' });
    });

    it('loses and repeats nothing when the link drops mid-window again and again', async () => {
      const env = await start({}, { respDelayMs: 3 });
      const requests = burst(1000, '断线');
      await env.sms.enqueue(requests);
      const dropper = setInterval(() => env.sim.dropLinks(), 60);
      // Drops keep coming until at least three fell mid-burst (a fast machine may accept hundreds between two).
      await vi.waitFor(() => {
        expect(env.sim.counters.drops).toBeGreaterThan(2);
        expect(env.sim.counters.accepted).toBeGreaterThan(300);
      }, WAIT);
      clearInterval(dropper);
      await expectEachDeliveredOnce(env, requests);
      expect(env.sim.counters.drops).toBeGreaterThan(2);
      expect(env.sms.link.counters.connects).toBeGreaterThan(2);
    });

    it('recognises SUBMITs accepted just before the link dropped: resent under their Sequence_Ids, answered "repeated", not delivered twice', async () => {
      // The 20th SUBMIT is accepted and delivered, then the link drops before it (and whatever was answered with it) is answered.
      const env = await start({}, { dropAfterSubmits: 20 });
      const requests = burst(40, '存疑');
      const stored = await env.sms.enqueue(requests);
      await expectEachDeliveredOnce(env, requests);
      expect(env.sim.counters.duplicates).toBeGreaterThanOrEqual(1);
      expect(env.sms.link.counters.duplicates).toBe(env.sim.counters.duplicates);
      const doubtful = (await Promise.all(stored.map((s) => env.sms.mt(s.id)))).filter((m) => m!.partStates[0]!.duplicate);
      expect(doubtful).toHaveLength(env.sim.counters.duplicates);
      // The gateway's original Msg_Id came back with the "repeated" answer, so status reports still match.
      for (const mt of doubtful) {
        expect(env.sim.handsets.view(mt!.to).received.filter((m) => m.msgIds.includes(mt!.partStates[0]!.msgId!))).toHaveLength(1);
      }
      await vi.waitFor(
        async () =>
          expect((await Promise.all(doubtful.map((m) => env.sms.mt(m!.id)))).map((m) => m!.state)).toEqual(doubtful.map(() => 'delivered')),
        WAIT,
      );
    });

    it('backs off on flow control (result 8) and sends the refused parts again under new Sequence_Ids', async () => {
      const env = await start({}, { flowControlNext: 5 });
      const requests = burst(50, '流控');
      const counter = await env.db.selectFrom('sms_counter').select('value').where('name', '=', 'cmpp_seq').executeTakeFirstOrThrow();
      await env.sms.enqueue(requests);
      await expectEachDeliveredOnce(env, requests);
      expect(env.sim.counters.flowControlled).toBe(5);
      expect(env.sms.link.counters.flowControlled).toBe(5);
      expect(env.sim.counters.duplicates).toBe(0);
      const rows = await env.db.selectFrom('sms_mt_part').select(['seq_no', 'state']).execute();
      expect(rows.every((r) => r.state !== 'queued')).toBe(true);
      // 50 numbers taken when stored, 5 more for the refused ones.
      expect(Math.max(...rows.map((r) => Number(r.seq_no)))).toBe(Number(counter.value) + 50 + 5);
    });

    it('keeps to a gateway that allows only so many SUBMITs a second', async () => {
      const env = await start({}, { maxSubmitsPerSecond: 100 });
      const requests = burst(250, '限速');
      await env.sms.enqueue(requests);
      await expectEachDeliveredOnce(env, requests);
      expect(env.sim.counters.flowControlled).toBeGreaterThan(0);
    });

    it("records status reports: delivered, or undelivered with the gateway's Stat", async () => {
      const env = await start({}, { reportDelayMs: 10, undeliverable: ['13900000000'] });
      const [ok, lost] = await env.sms.enqueue([
        { to: '13800138000', text: '送达' },
        { to: '13900000000', text: '关机' },
      ]);
      await vi.waitFor(async () => {
        expect((await env.sms.mt(ok!.id))!.state).toBe('delivered');
        expect(await env.sms.mt(lost!.id)).toMatchObject({ state: 'undelivered', partStates: [{ reportStat: 'UNDELIV' }] });
      }, WAIT);
    });
  });

  describe('CMPP link: receiving', () => {
    it('writes MOs to the inbox, hands each over once, and puts a long MO back together', async () => {
      const env = await start();
      const seen: MoMessage[] = [];
      env.sms.onMo((m) => void seen.push(m));
      await connected(env.sms);
      const long = '我想咨询一下贵公司的铁观音和龙井的价格，以及是否可以送货上门，送货范围包括哪些区县，谢谢。'.repeat(3);
      env.sim.sendMo('13800138000', '106580001001', '1');
      env.sim.sendMo('13800138001', '106580001002', long);
      await vi.waitFor(() => expect(seen).toHaveLength(2), WAIT);
      expect(seen.map((m) => [m.mobile, m.destId, m.text])).toEqual([
        ['13800138000', '106580001001', '1'],
        ['13800138001', '106580001002', long],
      ]);
      expect(seen[1]!.partIds.length).toBeGreaterThan(1);
      expect((await env.sms.inbox()).map((m) => m.id).sort()).toEqual(seen.map((m) => m.id).sort());
      await env.sms.markHandled(seen[0]!);
      expect((await env.sms.inbox()).map((m) => m.id)).toEqual([seen[1]!.id]);
      await vi.waitFor(() => expect(env.sim.status().pendingDelivers).toBe(0), WAIT);
    });

    it('sends ACTIVE_TEST when idle, and reconnects when the gateway stops answering', async () => {
      const env = await start({ idleMs: 50, activeTestTimeoutMs: 100, activeTestTries: 2, responseTimeoutMs: 300 });
      await vi.waitFor(() => expect(env.sim.counters.activeTests).toBeGreaterThanOrEqual(2), WAIT);
      expect(env.sms.link.counters.connects).toBe(1);
      env.sim.setFaults({ silent: true });
      await vi.waitFor(() => expect(env.sms.link.status().lastError).toMatch(/no ACTIVE_TEST_RESP after 2 tries/), WAIT);
      env.sim.setFaults({ silent: false });
      await vi.waitFor(() => expect(env.sms.link.counters.connects).toBeGreaterThanOrEqual(2), WAIT);
      await connected(env.sms);
    });
  });

  describe('CMPP link: malformed frames from the gateway', () => {
    it('closes on a 4 GB Total_Length or an unknown Command_Id, reconnects, and goes on sending', async () => {
      const env = await start();
      await connected(env.sms);
      env.sim.sendRaw(Buffer.from('ffffffff00000005', 'hex'));
      await vi.waitFor(() => expect(env.sms.link.counters.connects).toBe(2), WAIT);
      env.sim.sendRaw(encodePdu({ command: 'active_test', sequenceId: 1 }, 2).fill(0x99, 4, 8));
      await vi.waitFor(() => expect(env.sms.link.counters.connects).toBe(3), WAIT);
      expect(env.sms.link.status().lastError).toMatch(/unknown Command_Id 0x99999999/);
      await env.sms.enqueue([{ to: '13800138000', text: '还活着' }]);
      await vi.waitFor(() => expect(env.sim.handsets.view('13800138000').received).toHaveLength(1), WAIT);
      expect((await platform!.api.call('GET', '/health')).status).toBe(200);
    });

    it('answers the gateway: ACTIVE_TEST, a DELIVER whose body does not parse (result 4, the link stays), TERMINATE (then reconnects)', async () => {
      // A bare gateway at the outside edge, so the exact answers can be read.
      const received: Pdu[] = [];
      const server = net.createServer((socket) => {
        const reader = new FrameReader();
        socket.on('data', (chunk) => {
          for (const frame of reader.push(chunk)) {
            const pdu = decodePdu(frame, 2);
            received.push(pdu);
            if (pdu.command === 'connect') {
              socket.write(
                encodePdu(
                  {
                    command: 'connect_resp',
                    sequenceId: pdu.sequenceId,
                    status: 0,
                    authenticatorIsmg: authenticatorIsmg(0, 2, pdu.authenticatorSource, SP.secret),
                    version: 0x20,
                  },
                  2,
                ),
              );
              socket.write(encodePdu({ command: 'active_test', sequenceId: 76 }, 2));
              const bad = encodePdu(
                {
                  command: 'deliver',
                  sequenceId: 77,
                  msgId: 5n,
                  destId: '10658000',
                  serviceId: '',
                  tpPid: 0,
                  tpUdhi: 0,
                  msgFmt: 0,
                  srcTerminalId: '13800138000',
                  srcTerminalType: 0,
                  registeredDelivery: 0,
                  msgContent: Buffer.from('hi'),
                  reserve: '',
                },
                2,
              );
              bad[HEADER_OFFSET_MSG_LENGTH] = 200; // Msg_Length says more than the frame holds
              socket.write(bad);
            }
            if (pdu.command === 'deliver_resp' && received.filter((p) => p.command === 'connect').length === 1)
              socket.write(encodePdu({ command: 'terminate', sequenceId: 78 }, 2));
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        platform = await startTestPlatform({ database, sms: linkConfig((server.address() as net.AddressInfo).port) });
        const sms = platform.platform.sms!;
        await vi.waitFor(() => expect(received.filter((p) => p.command === 'connect')).toHaveLength(2), WAIT);
        const answers = received.filter((p) => p.command !== 'connect').slice(0, 3);
        expect(answers).toEqual([
          { command: 'active_test_resp', sequenceId: 76, reserved: 0 },
          { command: 'deliver_resp', sequenceId: 77, msgId: 0n, result: 4 },
          { command: 'terminate_resp', sequenceId: 78 },
        ]);
        // The gateway sends its bad DELIVER again on the new connection.
        await vi.waitFor(
          () =>
            expect(sms.link.status()).toMatchObject({
              state: 'connected',
              counters: { malformed: 2 },
              lastError: 'TERMINATE from the ISMG',
            }),
          WAIT,
        );
        expect(await sms.inbox()).toEqual([]);
      } finally {
        await platform?.close();
        platform = undefined;
        server.close();
      }
    });
  });

  describe('/admin/sms', () => {
    it('stores a good MT (202) and refuses bad input with a stable code, storing nothing', async () => {
      const env = await start();
      const token = (await platform!.api.login('admin')).accessToken;
      const bad = await platform!.api.call('POST', '/admin/sms/mt', { to: '12345', text: '你好' }, token);
      expect(bad).toMatchObject({
        status: 400,
        body: { code: 'invalid_request', issues: [{ path: 'to', message: 'sms.invalid_mobile' }] },
      });
      expect(await env.db.selectFrom('sms_mt').selectAll().execute()).toEqual([]);
      const good = await platform!.api.call('POST', '/admin/sms/mt', { to: '13800138000', text: '你好', extension: '1001' }, token);
      expect(good).toMatchObject({ status: 202, body: { parts: 1 } });
      await vi.waitFor(
        async () =>
          expect((await platform!.api.call('GET', `/admin/sms/mt/${good.body.id}`, undefined, token)).body.state).toBe('delivered'),
        WAIT,
      );
      expect((await platform!.api.call('GET', '/admin/sms/link', undefined, token)).body).toMatchObject({
        state: 'connected',
        counters: { accepted: 1 },
      });
      const clerk = (await platform!.api.login('jn.clerk')).accessToken;
      expect((await platform!.api.call('POST', '/admin/sms/mt', { to: '13800138000', text: 'x' }, clerk)).status).toBe(403);
    });
  });
});

describe('the simulator survives a malformed SP', () => {
  it('answers a SUBMIT whose body does not parse with result 4, and closes on garbage', async () => {
    ismg = await startIsmg();
    const socket = net.connect(ismg.port, '127.0.0.1');
    const reader = new FrameReader();
    const received: Pdu[] = [];
    socket.on('data', (chunk) => received.push(...reader.push(chunk).map((f) => decodePdu(f, 2))));
    await new Promise((resolve) => socket.once('connect', resolve));
    const { authenticatorSource, cmppTimestamp } = await import('../src/sms/cmpp/auth');
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
    await vi.waitFor(() => expect(received[0]).toMatchObject({ command: 'connect_resp', status: 0 }), WAIT);
    const submit = Buffer.alloc(40);
    submit.writeUInt32BE(40, 0);
    submit.writeUInt32BE(4, 4);
    submit.writeUInt32BE(9, 8);
    socket.write(submit);
    await vi.waitFor(
      () => expect(received[1]).toEqual({ command: 'submit_resp', sequenceId: 9, msgId: 0n, result: 4 } satisfies PduOf<'submit_resp'>),
      WAIT,
    );
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(Buffer.from('ffffffffdeadbeef', 'hex'));
    await closed;
    expect(ismg.sim.counters.malformed).toBe(1);
    expect(ismg.sim.status().sessions).toEqual([]);
  });
});
