/**
 * The platform as a real process with its CMPP link to the ISMG simulator, killed with SIGKILL in
 * the middle of a burst and started again on the same data: every MT the platform accepted
 * (answered 202) reaches its handset exactly once, and nothing is delivered twice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkFlags, startIsmg, type TestIsmg } from '../../helpers/ismg';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';

const WAIT = { timeout: 60_000, interval: 50 };
const TOTAL = 300;
const CONCURRENCY = 6;

let ismg: TestIsmg | undefined;
let platform: PlatformProcess | undefined;

afterEach(async () => {
  await platform?.stop('SIGKILL');
  await ismg?.stop();
  platform = ismg = undefined;
});

interface Sent {
  to: string;
  text: string;
  /** The id when the platform answered 202; null when the request failed (the kill). */
  id: string | null;
}

/** Message i: a one-part text, every fifth a two-part one. */
function message(i: number): { to: string; text: string } {
  const text = `【泉城茶业】压力测试第${i}条` + (i % 5 === 0 ? '：' + '新茶上市，欢迎品尝。'.repeat(8) : '');
  return { to: String(13800000000 + (i % 25)), text };
}

async function post(p: PlatformProcess, body: unknown): Promise<string | null> {
  try {
    const response = await fetch(`${p.url}/admin/sms/mt`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await p.adminToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.status === 202 ? ((await response.json()) as { id: string }).id : null;
  } catch {
    return null; // the process died under this request
  }
}

describe('CMPP link: kill -9 mid-burst', () => {
  it('delivers every accepted MT exactly once after a restart', async () => {
    ismg = await startIsmg({}, { respDelayMs: 2, reportDelayMs: 20 });
    platform = await startPlatform({ extraArgs: linkFlags(ismg.port) });
    const first = platform;
    await first.adminToken();
    const sent: Sent[] = [];
    let next = 0;
    let killedAt: { accepted: number; atGateway: number } | null = null;
    const worker = async () => {
      while (next < TOTAL && !killedAt) {
        const m = message(next++);
        const entry: Sent = { ...m, id: null };
        sent.push(entry);
        entry.id = await post(first, { ...m, extension: '1001' });
      }
    };
    const killer = vi.waitFor(
      async () => {
        expect(sent.filter((s) => s.id).length).toBeGreaterThanOrEqual(120);
        expect(ismg!.sim.counters.accepted).toBeGreaterThanOrEqual(40);
        killedAt = { accepted: sent.filter((s) => s.id).length, atGateway: ismg!.sim.counters.accepted };
        await first.stop('SIGKILL');
      },
      { timeout: 60_000, interval: 5 },
    );
    await Promise.all([...Array.from({ length: CONCURRENCY }, worker), killer]);
    expect(killedAt!.accepted).toBeLessThan(TOTAL);

    platform = await first.restart();
    const accepted = sent.filter((s) => s.id);
    await vi.waitFor(
      async () =>
        expect(await platform!.admin('GET', '/admin/sms/link')).toMatchObject({
          state: 'connected',
          queued: 0,
          inflight: 0,
          unrecorded: 0,
        }),
      WAIT,
    );
    for (const s of accepted) expect((await platform.admin<{ state: string }>('GET', `/admin/sms/mt/${s.id}`)).state).not.toBe('queued');

    const received = new Map<string, number>();
    let messages = 0;
    let parts = 0;
    let partsOfMessages = 0;
    for (const number of new Set(sent.map((s) => s.to))) {
      const view = ismg.sim.handsets.view(number);
      parts += view.partsReceived;
      for (const m of view.received) {
        received.set(`${number} ${m.text}`, (received.get(`${number} ${m.text}`) ?? 0) + 1);
        messages++;
        partsOfMessages += m.parts;
      }
    }
    for (const s of accepted) expect(received.get(`${s.to} ${s.text}`), `${s.to} ${s.text}`).toBe(1);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    expect(parts).toBe(partsOfMessages);
    expect(messages).toBeGreaterThanOrEqual(accepted.length);
    expect(ismg.sim.counters.sequenceReusedForOtherContent).toBe(0);
    expect(ismg.sim.counters.accepted).toBe(parts);
  });
});
