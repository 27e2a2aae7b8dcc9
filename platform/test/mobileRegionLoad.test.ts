/**
 * The number-prefix data (mobileRegion.ts, 60–390 ms to read) is read before a DY's transaction
 * begins, never inside it: while another write transaction holds SQLite's one connection, the DY is
 * waiting to begin its own, and the data is read already. SQLite only: its single connection is what
 * makes "waiting to begin" observable.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { linkConfig, startIsmg, type TestIsmg } from '../../test/helpers/ismg';
import { writeTx } from '../src/db/database';
import { forgetMobileRegions, mobileRegionsLoaded } from '../src/portal/mobileRegion';
import { startTestPlatform, type TestPlatform } from './helpers';

const CODE = '10658000';
const ZIBO = '13805330000'; // 138 0533: 山东省淄博市

let ismg: TestIsmg;
let t: TestPlatform;

beforeAll(async () => {
  ismg = await startIsmg();
  t = await startTestPlatform({ database: 'sqlite', sms: linkConfig(ismg.port) });
});
afterAll(async () => {
  await t?.close();
  await ismg?.stop();
});

it('reads the prefix data before a DY message’s transaction begins', async () => {
  forgetMobileRegions(); // as in a fresh process (test files share a worker's modules)
  let release!: () => void;
  const holding = writeTx(t.platform.ctx.database, () => new Promise<void>((resolve) => (release = resolve)));
  await vi.waitFor(() => expect(release).toBeDefined());
  const answering = t.platform.smsSites!.answer({
    id: 'mo-zibo',
    mobile: ZIBO,
    destId: CODE,
    serviceId: '',
    text: 'DY 钢材',
    receivedAt: new Date().toISOString(),
    partIds: ['mo-zibo'],
  });
  try {
    await vi.waitFor(() => expect(mobileRegionsLoaded()).toBe(true), { timeout: 5_000, interval: 10 });
  } finally {
    release();
  }
  await holding;
  await answering;
  const member = await t.platform.ctx.database.db.selectFrom('portal_member').selectAll().where('mobile', '=', ZIBO).executeTakeFirst();
  expect(member).toMatchObject({ province: '山东省', city: '淄博市' });
});
