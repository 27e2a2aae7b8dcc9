/**
 * The site check in the builder (issue 8 item 12), jsdom against a real backend: a site with an
 * empty job column, a product that is nothing but `<script>` in its name, an emoji on a WAP 1.0
 * page and a photo left in the tray is not "检查通过" — each is a finding with its severity, 去修改
 * opens the field, and the customer cannot sign while there are errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../shared/api/sites';
import { paragraph } from '../../shared/sites/model';
import { createTestBackend, type TestBackend } from '../helpers/backend';
import { FIXTURES_DIR } from '../helpers/paths';
import { jinanEnterprise } from '../helpers/syncDevice';
import { renderApp } from './renderApp';
import { editSite } from '../helpers/siteEdits';

const PHOTO = path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'photos', '门店.jpg');

/** The services company's site with a photo imported that matches nothing (it waits in the tray), then the problems made by hand. */
async function incompleteSite(backend: TestBackend): Promise<{ enterpriseId: string; site: Site }> {
  await backend.call('system.setOperator', { name: '李敏', channel: 'customer_manager' });
  const { id: enterpriseId } = await backend.call('enterprises.create', jinanEnterprise(1));
  const { id: siteId } = await backend.call('sites.create', { enterpriseId });
  await backend.call('sites.import', { enterpriseId, files: [{ name: 'IMG_2001.jpg', base64: readFileSync(PHOTO).toString('base64') }] });
  let site = await backend.call('sites.get', { siteId });
  const byType = (type: string) => site.content.columns.find((c) => c.type === type)!;
  for (const type of ['intro', 'services'])
    site = await editSite(backend, 'sites.updateColumn', {
      siteId,
      revision: site.revision,
      columnId: byType(type).id,
      body: [paragraph('济南泉城测试1号有限公司提供软件开发与信息技术服务。')],
    });
  site = await editSite(backend, 'sites.removeColumn', { siteId, revision: site.revision, columnId: byType('staff').id, discard: true });
  site = await editSite(backend, 'sites.addItem', {
    siteId,
    revision: site.revision,
    columnId: byType('news').id,
    item: { kind: 'article', title: '开业大吉🎉', body: [paragraph('本公司正式开业。')], images: [] },
  });
  site = await editSite(backend, 'sites.addColumn', { siteId, revision: site.revision, type: 'products', title: '产品中心' });
  site = await editSite(backend, 'sites.addItem', {
    siteId,
    revision: site.revision,
    columnId: byType('products').id,
    item: { kind: 'product', name: '<script>alert(1)</script>', description: [], images: [] },
  });
  return { enterpriseId, site };
}

describe('the site check (jsdom, in-memory transport, real backend)', () => {
  let backend: TestBackend;
  beforeEach(() => {
    backend = createTestBackend();
  });
  afterEach(() => backend.cleanup());

  it('lists what makes the site incomplete, opens each place to fix, and keeps the customer from signing while errors remain', async () => {
    const { enterpriseId, site } = await incompleteSite(backend);
    const { user } = renderApp(backend.transport, `/enterprises/${enterpriseId}/site`);
    await waitFor(() => expect(screen.getByTestId('site-revision')).toHaveTextContent(`第 ${site.revision} 版`));

    const badge = await screen.findByTestId('report-badge');
    expect(badge).toHaveTextContent('2 个错误 · 4 个警告');
    expect(screen.queryByText('检查通过')).toBeNull();

    await user.click(screen.getByTestId('preview-mode-report'));
    const panel = await screen.findByTestId('report-panel');
    const finding = (text: string) =>
      within(panel)
        .getAllByTestId('report-finding')
        .find((f) => f.textContent?.includes(text));
    expect(finding('“人才招聘”栏目在网站上显示，但一条内容也没有')).toBeDefined();
    expect(finding('文字里有“<script>”')).toBeDefined();
    expect(finding('“<script>alert(1)</script>”只有标题')).toBeDefined();
    expect(finding('老式手机显示不了“🎉”')).toBeDefined();
    expect(finding('照片 IMG_2001.jpg 还在待整理区')).toBeDefined();
    expect(finding('短信菜单里“<script>alert(1)</script>”太长')).toBeDefined();
    expect(within(panel).getAllByTestId('report-finding')).toHaveLength(6);

    // 去修改 on the markup opens the product with its name field focused.
    await user.click(within(finding('文字里有“<script>”')!).getByTestId('finding-fix'));
    const editor = await screen.findByTestId('item-editor');
    await waitFor(() => expect(editor.querySelector('[data-field="name"]')!.contains(document.activeElement)).toBe(true));

    // 去修改 on the photo opens the material tab, where the tray is.
    await user.click(within(finding('照片 IMG_2001.jpg')!).getByTestId('finding-fix'));
    await waitFor(() => expect(screen.getByRole('tab', { name: /导入资料/ })).toHaveAttribute('aria-selected', 'true'));

    // Sign-off: the errors are listed with their links, and the button stays disabled.
    await user.click(screen.getByRole('tab', { name: '确认与导出' }));
    const blocked = await screen.findByTestId('signoff-blocked');
    expect(blocked).toHaveTextContent('检查发现 2 个错误');
    expect(within(blocked).getAllByTestId('report-finding')).toHaveLength(2);
    expect(screen.getByTestId('signoff-confirm')).toBeDisabled();
  });
});
