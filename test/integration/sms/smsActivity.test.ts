/**
 * Issue 11 item 4 end to end: a desktop signs an SMS site with a lottery and a survey off and opens
 * the enterprise on a real platform process (CMPP link to the ISMG simulator over loopback); handsets
 * draw and answer; after a sync the desktop's `sms.activity` holds the draw (number masked, the seed
 * that reproduces it) and the survey's tallies.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exampleSite } from '../../../shared/sites';
import { linkFlags, startIsmg, type TestIsmg } from '../../helpers/ismg';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';
import { createDevice, type Device } from '../../helpers/syncDevice';
import { openTeaSite } from './openedTeaSite';

const WAIT = { timeout: 30_000, interval: 50 };

describe('SMS draws and survey answers reach the desktop', () => {
  let ismg: TestIsmg;
  let platform: PlatformProcess;
  let device: Device;
  let enterpriseId: string;
  let siteNumber: string;

  beforeAll(async () => {
    ismg = await startIsmg();
    platform = await startPlatform({ extraArgs: linkFlags(ismg.port) });
    device = await createDevice('A');
    ({ enterpriseId } = await openTeaSite(device, platform, async (siteId) => {
      const site = await device.call('sites.get', { siteId });
      const { lottery, survey } = exampleSite().sms;
      await device.call('sites.updateSms', { siteId, revision: site.revision, sms: { ...site.content.sms, lottery, survey } });
    }));
    const info = await device.call('sync.platformInfo', { enterpriseId });
    siteNumber = info.orders.find((o) => o.opening)!.opening!.smsServiceCode.full;
  }, 120_000);
  afterAll(async () => {
    device?.cleanup();
    await platform?.stop();
    await ismg?.stop();
  });

  const received = (mobile: string) => ismg.sim.handsets.view(mobile).received;
  async function text(mobile: string, body: string, count = 1) {
    const before = received(mobile).length;
    ismg.sim.sendMo(mobile, siteNumber, body);
    await vi.waitFor(() => expect(received(mobile).length).toBeGreaterThanOrEqual(before + count), WAIT);
    return received(mobile).slice(before);
  }
  /** Opens the site (menu + WAP Push) and answers its survey with option `option`. */
  async function answerSurvey(mobile: string, option: number) {
    const [menu] = await text(mobile, '你好', 2);
    const key = /(\d+)调查/.exec(menu!.text)![1]!;
    await text(mobile, key);
    const [thanks] = await text(mobile, String(option));
    expect(thanks!.text).toContain('感谢参与调查');
  }

  it('one draw and two answers made by handsets are on the desktop after a sync, the draw reproducible from its seed', async () => {
    await text('13900000021', '你好', 2);
    const [drawn] = await text('13900000021', 'CJ');
    expect(drawn!.text).toMatch(/恭喜您抽中|很遗憾没有中奖/);
    await answerSurvey('13900000022', 1);
    await answerSurvey('13900000023', 3);

    expect(await device.settle()).toMatchObject({ outcome: 'ok' });
    const activity = await device.call('sms.activity', { enterpriseId });
    expect(activity.drawCount).toBe(1);
    const [draw] = activity.draws;
    expect(draw).toMatchObject({ mobile: '139****0021', seed: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // The roll is recomputed from the seed alone, and decides the prize as the odds say (lottery.ts).
    const roll = Math.floor((createHash('sha256').update(draw!.seed).digest().readUIntBE(0, 6) * 10_000) / 2 ** 48);
    expect(draw!.roll).toBe(roll);
    const { prizes } = exampleSite().sms.lottery!;
    const expectedPrize =
      roll < prizes[0]!.chancePer10000
        ? prizes[0]!.name
        : roll < prizes[0]!.chancePer10000 + prizes[1]!.chancePer10000
          ? prizes[1]!.name
          : null;
    expect(draw!.prize).toBe(expectedPrize);
    expect(drawn!.text.includes('恭喜')).toBe(expectedPrize !== null);
    expect(activity.surveys).toEqual([
      {
        question: expect.stringContaining('您最喜欢哪类茶？'),
        options: [
          { label: '绿茶', count: 1 },
          { label: '乌龙茶', count: 0 },
          { label: '红茶', count: 1 },
          { label: '普洱', count: 0 },
        ],
      },
    ]);
    expect(JSON.stringify(activity)).not.toContain('13900000021');
  }, 120_000);
});
