/**
 * Signing in to the platform as a customer manager meets it: a mistyped address, no network before
 * the first sign-in, a wrong password, too many wrong passwords, sign-in and sign-out (the address
 * and user are remembered), then an offline sign-in against the verifier kept on the device, which
 * becomes an online one once the network is back. A real platform process; browser mode reaches it
 * through a loopback proxy the test can cut. Screenshots go to test-results/e2e/<project>/sync-signin/.
 */
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { SyncCentre } from './pages/syncCentre';
import { watchToasts } from './pages/toasts';

describeWith(['chromium'], 'sync: signing in to the platform, online and offline (browser mode, Chromium, real platform)', () => {
  test.describe.configure({ timeout: 480_000 });

  test(
    'explains each failure in Chinese, keeps what was typed, signs in and out, and signs in offline after one online sign-in',
    { tag: LAPTOP },
    async ({ session, platform, platformProxy: proxy, screenshots }) => {
      const web = await session.startWeb();
      const page = await session.newPage();
      const sync = new SyncCentre(page);
      const manager = platform.login('jn.manager');
      const agent = platform.login('jn.agent');
      const shots = screenshots('sync-signin');
      const shot = (name: string) => shots.take(page, `signin-${name}`);
      const errorBox = page.getByTestId('sync-sign-in-error');
      const fieldError = (id: string) => page.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);

      await page.goto(web.openUrl);
      const name = page.getByLabel('您的姓名');
      await name.waitFor({ timeout: 60_000 });
      await name.fill('李娜');
      await page.keyboard.press('Enter');
      await sync.open();

      // Nothing filled: each field says what it needs.
      await page.getByTestId('sync-sign-in-submit').click();
      await fieldError('sync-server').getByText('请填写平台地址').waitFor();
      await fieldError('sync-user').getByText('请填写用户名').waitFor();
      await fieldError('sync-password').getByText('请填写密码').waitFor();

      // A mistyped address is refused at the address field.
      await sync.signIn('http://127.0.0.1:99999', manager.user, manager.password);
      await fieldError('sync-server')
        .getByText(/平台地址格式不对/)
        .waitFor();
      await shot('bad-address');

      // No network before any online sign-in: nothing to check the password against yet.
      proxy.partition();
      await sync.signIn(proxy.url, manager.user, manager.password);
      await errorBox.getByText('连不上平台。离线登录需要本机先联网登录过一次（同一平台、同一账号）。').waitFor({ timeout: 60_000 });
      await expect(page.locator('#sync-server')).toHaveValue(proxy.url);
      await expect(page.locator('#sync-password')).toHaveValue(manager.password);
      await shot('unreachable-before-first-sign-in');
      proxy.heal();

      // A wrong password is named at the password field; what was typed stays.
      await sync.signIn(proxy.url, manager.user, 'not-the-password');
      await fieldError('sync-password').getByText('用户名或密码不对。').waitFor({ timeout: 60_000 });
      await expect(page.locator('#sync-password')).toHaveValue('not-the-password');
      await shot('wrong-password');

      // Five wrong passwords in a row, each named; after them the platform makes the user wait, and the
      // app says how long. The wait doubles with each further failure (1 s, 2 s, 4 s … after the last
      // one, platform/src/auth/loginThrottle.ts), so within a few more tries it outlasts the time a try
      // takes, however slow the machine.
      for (let i = 0; i < 5; i++) {
        expect(await sync.signIn(proxy.url, agent.user, `wrong-${i}`)).toBe('sync.invalid_credentials');
        await fieldError('sync-password').getByText('用户名或密码不对。').waitFor({ timeout: 60_000 });
      }
      const answers: (string | null)[] = [];
      while (answers.at(-1) !== 'sync.rate_limited' && answers.length < 12)
        answers.push(await sync.signIn(proxy.url, agent.user, `wrong-again-${answers.length}`));
      expect(answers.at(-1)).toBe('sync.rate_limited');
      await errorBox.getByText(/登录尝试次数过多，请 \d+ 分钟后再试。/).waitFor({ timeout: 60_000 });
      await shot('rate-limited');

      // Online sign-in.
      await sync.signIn(proxy.url, manager.user, manager.password);
      await sync.account().getByText('王建国（jn.manager）').waitFor({ timeout: 60_000 });
      await sync.account().getByText('在线登录，凭据保存在仅本人可读的文件').waitFor();
      await sync.waitForState('up_to_date');
      await shot('signed-in');

      // Sign out: asked once, local data kept, the address and user remembered for next time.
      await page.getByTestId('sync-sign-out').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '退出登录' }).click();
      await page.getByTestId('sync-sign-in').waitFor();
      await sync.waitForState('signed_out');
      await expect(sync.indicator()).toContainText('未登录平台');
      await expect(page.locator('#sync-server')).toHaveValue(proxy.url);
      await expect(page.locator('#sync-user')).toHaveValue(manager.user);
      await shot('signed-out-remembered');

      // Hotel Wi-Fi down: the password is checked against the verifier kept from the online sign-in.
      proxy.partition();
      await page.locator('#sync-password').fill('not-the-password');
      await sync.submitSignIn();
      await fieldError('sync-password').getByText('用户名或密码不对。').waitFor({ timeout: 60_000 });
      await page.locator('#sync-password').fill(manager.password);
      const toasts = await watchToasts(page);
      await sync.submitSignIn();
      await toasts.shown(/已用本机保存的凭据离线登录/);
      await sync.account().getByText('离线登录（网络恢复后自动重新登录）').waitFor();
      await expect(sync.indicator()).toContainText('离线登录');
      await shot('signed-in-offline');

      // The network is back: 立即同步 signs in online first, then syncs.
      proxy.heal();
      await sync.syncNow(/同步完成/);
      await sync.account().getByText('在线登录，凭据保存在仅本人可读的文件').waitFor();
      await sync.waitForState('up_to_date');
      await shot('back-online');
    },
  );
});
