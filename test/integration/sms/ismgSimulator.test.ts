/**
 * `npm run ismg` and `npm run platform -- --ismg …` as real processes: the handset API shows what a
 * phone received (WAP Push decoded to its href), texts an MO to the platform's inbox, injects
 * faults; the handset page works in Chromium against the running simulator.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../../helpers/chromium';
import { linkFlags, startIsmgProcess, type IsmgProcess } from '../../helpers/ismg';
import { startPlatform, type PlatformProcess } from '../../helpers/platform';
import { describeWith } from '../../helpers/systemTools';

const WAIT = { timeout: 30_000, interval: 50 };

let ismg: IsmgProcess;
let platform: PlatformProcess;

beforeAll(async () => {
  ismg = await startIsmgProcess(['--report-delay-ms', '20']);
  // MOs stay in the platform's inbox for these tests to read (the SMS sites are tested in platform/test/smsSites.test.ts).
  platform = await startPlatform({ extraArgs: linkFlags(ismg.port, ['--sms-sites', 'off']) });
  await vi.waitFor(async () => expect(await platform.admin('GET', '/admin/sms/link')).toMatchObject({ state: 'connected' }), WAIT);
});

afterAll(async () => {
  await platform?.stop();
  await ismg?.stop();
});

const send = (body: unknown) => platform.admin<{ id: string; parts: number }>('POST', '/admin/sms/mt', body);

describe('the ISMG simulator as a process', () => {
  it('shows what a handset received: the WAP Push decoded to its href and text, a long text whole', async () => {
    const long = '【泉城茶业】秋季新茶已到店，' + '欢迎莅临品鉴，'.repeat(15);
    await send({ to: '13800138010', extension: '1001', text: long });
    await send({
      to: '13800138010',
      extension: '1001',
      wapPush: { href: 'http://quancheng.ec.example.com/wap/', text: '泉城茶业WAP站', siId: 'site-1' },
    });
    await vi.waitFor(async () => expect((await ismg.handset('13800138010')).received).toHaveLength(2), WAIT);
    const view = await ismg.handset('13800138010');
    expect(view.received[0]).toMatchObject({ from: '106580001001', kind: 'text', text: long, parts: 2 });
    expect(view.received[1]).toMatchObject({
      from: '106580001001',
      kind: 'wap_push',
      href: 'http://quancheng.ec.example.com/wap/',
      text: '泉城茶业WAP站',
      si: { siId: 'site-1', action: 'signal-medium' },
    });
  });

  it("texts an MO from a handset into the platform's inbox", async () => {
    await ismg.post('/api/handsets/13800138011/mo', { to: '106580001001', text: '00' });
    await vi.waitFor(async () => {
      const { messages } = await platform.admin<{ messages: { mobile: string; destId: string; text: string }[] }>('GET', '/admin/sms/mo');
      expect(messages).toContainEqual(expect.objectContaining({ mobile: '13800138011', destId: '106580001001', text: '00' }));
    }, WAIT);
    expect((await ismg.handset('13800138011')).sent).toMatchObject([{ to: '106580001001', text: '00' }]);
  });

  it('takes faults over its API: flow control and a dropped link lose and repeat nothing', async () => {
    await ismg.post('/api/faults', { flowControlNext: 3 });
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => send({ to: '13800138012', text: `流控 ${i}` })));
    await vi.waitFor(async () => expect((await ismg.handset('13800138012')).received).toHaveLength(5), WAIT);
    expect(await ismg.get('/api/status')).toMatchObject({ counters: { flowControlled: 3 } });
    const before = await platform.admin<{ counters: { connects: number } }>('GET', '/admin/sms/link');
    expect(await ismg.post('/api/drop', {})).toEqual({ dropped: 1 });
    await vi.waitFor(
      async () =>
        expect(await platform.admin('GET', '/admin/sms/link')).toMatchObject({
          state: 'connected',
          counters: { connects: before.counters.connects + 1 },
        }),
      WAIT,
    );
    await send({ to: '13800138012', text: '断线之后' });
    await vi.waitFor(
      async () =>
        expect((await ismg.handset('13800138012')).received.map((m) => m.text).sort()).toEqual(
          [...ids.map((_, i) => `流控 ${i}`), '断线之后'].sort(),
        ),
      WAIT,
    );
    await vi.waitFor(
      async () => expect(await platform.admin('GET', `/admin/sms/mt/${ids[0]!.id}`)).toMatchObject({ state: 'delivered' }),
      WAIT,
    );
  });

  it('refuses bad API requests with a code', async () => {
    const call = async (path: string, body: string) => {
      const response = await fetch(`${ismg.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return [response.status, ((await response.json()) as { code: string }).code];
    };
    expect(await call('/api/handsets/abc/mo', '{"to":"1065","text":"x"}')).toEqual([400, 'invalid_request']);
    expect(await call('/api/handsets/13800138000/mo', '{"to":"1065"')).toEqual([400, 'invalid_request']);
    expect(await call('/api/faults', '{"explode":true}')).toEqual([400, 'invalid_request']);
    expect(await call('/api/raw', JSON.stringify({ hex: 'ab'.repeat(40_000) }))).toEqual([413, 'payload_too_large']);
    expect(await call('/api/nothing', '{}')).toEqual([404, 'not_found']);
  });
});

describeWith(['chromium'], 'the handset page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the messages (WAP Push as a link, text as text) and sends what is typed on the keypad', async () => {
    await send({ to: '13800138013', extension: '1001', wapPush: { href: 'http://quancheng.ec.example.com/wap/', text: '泉城茶业WAP站' } });
    await send({ to: '13800138013', extension: '1001', text: '<b>不是标签</b>' });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(`${ismg.httpUrl}/?number=13800138013&to=106580001001`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('label[for=number]')).toBe('本机号码');
    await page.waitForFunction(() => document.querySelectorAll('#messages li.in').length === 2);
    expect(await page.textContent('#messages li.push')).toContain('WAP Push');
    expect(await page.getAttribute('#messages li.push a', 'href')).toBe('http://quancheng.ec.example.com/wap/');
    expect(await page.textContent('#messages li.in:not(.push)')).toContain('<b>不是标签</b>');
    expect(await page.locator('#messages b').count()).toBe(0);
    await page.waitForFunction(() => /已连接/.test(document.querySelector('#status')!.textContent ?? ''));
    expect(await page.$eval('.phone', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(34, 34, 34)');
    if (process.env.ISMG_SCREENSHOT) await page.screenshot({ path: process.env.ISMG_SCREENSHOT });

    await page.click('#keypad button:text-is("2")');
    await page.click('#keypad button:text-is("#")');
    await page.click('#compose button[type=submit]');
    await vi.waitFor(async () => {
      const { messages } = await platform.admin<{ messages: { mobile: string; text: string }[] }>('GET', '/admin/sms/mo');
      expect(messages).toContainEqual(expect.objectContaining({ mobile: '13800138013', text: '2#' }));
    }, WAIT);
    await page.waitForFunction(() => document.querySelector('#messages li.out')?.textContent?.includes('2#'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
