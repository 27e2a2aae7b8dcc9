/**
 * 拍照识别 at the counter (issue 12): the new-enterprise form opens the camera, shows its live
 * picture, takes a frame and reads the licence in it. Chromium's fake camera plays a licence picture
 * rendered here (as a Y4M still, test/helpers/y4m.ts) and grants the camera without a prompt; the
 * fields read from the frame fill the form, the details into their own fields, the photo linked.
 */
import { licencePicture, renderLicence } from '../helpers/licenceImages';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/requirements';
import { writeY4m } from '../helpers/y4m';
import { describeWith, expect, LAPTOP, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { EnterpriseListPage } from './pages/EnterpriseListPage';
import { api } from './teaCompany';

describeWith(['chromium'], 'the licence reader with the camera (browser mode, Chromium fake camera)', () => {
  test(
    '拍照识别: the live preview, a captured frame read, its fields in the form',
    { tag: LAPTOP },
    async ({ session, screenshots, playwright }, testInfo) => {
      const picture = { ...licencePicture(4), rotation: 0, blur: 0, quality: 90, shadow: false };
      const video = testInfo.outputPath('licence.y4m');
      await writeY4m(await renderLicence(picture), video);
      const browser = await playwright.chromium.launch({
        executablePath: chromiumPath,
        args: [
          ...CHROMIUM_ARGS,
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
      try {
        const web = await session.startWeb();
        await api(web, 'system.setOperator', { name: '李敏', channel: 'business_hall' });
        const context = await browser.newContext({ viewport: testInfo.project.use.viewport ?? null, locale: 'zh-CN' });
        const page = await context.newPage();
        const app = new AppShell(page, screenshots('licence-camera'));
        await app.open(web.openUrl);
        const list = new EnterpriseListPage(page);
        await list.waitForList();
        await list.newEnterprise();

        await page.getByTestId('licence-camera').click();
        const preview = page.getByTestId('licence-camera-preview');
        // Live: the video plays the camera's frames at the camera's size.
        await expect
          .poll(() => preview.evaluate((v: HTMLVideoElement) => (v.readyState >= 2 ? `${v.videoWidth}×${v.videoHeight}` : '')))
          .toBe('1280×904');
        await app.shot('camera-preview');
        await page.getByTestId('licence-camera-capture').click();
        await expect(preview).toBeHidden();

        const fields = page.getByTestId('licence-fields');
        await expect(fields).toContainText(picture.fields.name, { timeout: 90_000 });
        await expect(fields).toContainText(picture.fields.creditCode);
        await app.shot('read-from-camera');
        await page.getByTestId('licence-fill').click();
        await expect(page.locator('#ent-name')).toHaveValue(picture.fields.name);
        await expect(page.locator('#ent-creditCode')).toHaveValue(picture.fields.creditCode);
        await expect(page.locator('#ent-licence-legalRepresentative')).toHaveValue(picture.fields.legalRepresentative);
        await expect(page.locator('#ent-licence-registeredCapital')).toHaveValue(picture.fields.registeredCapital);
        await expect(page.getByTestId('licence-photo-attached')).toBeVisible();
        await page.getByTestId('licence-details').scrollIntoViewIfNeeded();
        await app.shot('form-filled');
        await context.close();
      } finally {
        await browser.close();
      }
    },
  );
});
