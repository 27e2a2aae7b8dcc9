import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { ecw } from '../cli/support';
import { columnOf, MATERIALS, useImportedTeaSites } from './support';
import { editSite } from '../../helpers/siteEdits';

const imported = useImportedTeaSites();

/** The shop photo moved into the contact page (the import put it in the intro column, a photo of a place; undone, it waits in the tray), so the build shows it. */
async function withShopPhoto() {
  const result = await imported();
  const placed = result.site.intake.guesses.find((g) => g.rule === 'photo.place' && g.params.file === '门店.jpg')!;
  const undone = await editSite(result.backend, 'sites.undoGuess', { siteId: result.site.id, guessId: placed.id });
  const entry = undone.content.unsorted.find((e) => e.images.some((i) => i.fileName === '门店.jpg'))!;
  const site = await editSite(result.backend, 'sites.moveFromTray', {
    siteId: result.site.id,
    entryId: entry.id,
    target: { kind: 'columnBody', columnId: columnOf(result.site, 'contact').id },
  });
  return { ...result, site, shop: entry.images[0]!.sha256 };
}

describe('building the imported site', () => {
  it('compiles all four channels without errors and lists pages and pictures with their channel, type and size', async () => {
    const { backend, site } = await imported();
    const build = await backend.call('sites.build', { siteId: site.id });
    expect(build.report.summary.errors).toBe(0);
    const paths = build.files.map((f) => f.path);
    for (const p of ['web/index.html', 'wap2/index.xhtml', 'wap1/index.wml', 'sms/menu.json']) expect(paths).toContain(p);
    expect(new Set(build.files.map((f) => f.channel))).toEqual(new Set(['web', 'wap2', 'wap1', 'sms']));
    const pictures = build.files.filter((f) => f.path.includes('/assets/'));
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.every((p) => /^image\/(jpeg|png|gif)$/.test(p.mime) && p.bytes > 0)).toBe(true);
    expect(build.files.find((f) => f.path === 'wap1/index.wml')!.mime).toMatch(/^text\/vnd\.wap\.wml/);
  });

  it('shows the sideways shop photo upright in every channel’s size', async () => {
    const { backend, site, shop } = await withShopPhoto();
    const dir = path.join(tempDir(), 'out');
    await backend.call('sites.export', { siteId: site.id, outDir: dir, zip: false });
    for (const [channel, variant, width] of [
      ['web', 'web480', 480],
      ['web', 'web1200', 1200],
      ['wap2', 'wap2', 240],
    ] as const) {
      const file = path.join(dir, channel, 'assets', `${shop}-${variant}.jpg`);
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height], variant).toEqual([width, Math.round((4032 * width) / 3024)]);
    }
    // WAP 1.0 pages show no pictures by default; its size exists all the same.
    const wap1 = await backend.call('sites.image', { sha256: shop, variant: 'wap1' });
    expect([wap1.width, wap1.height]).toEqual([120, 160]);
  });

  it('gives the preview of one page with the pictures it shows', async () => {
    const { backend, site } = await withShopPhoto();
    const contact = columnOf(site, 'contact');
    const preview = await backend.call('sites.preview', { siteId: site.id, path: `wap2/c/${contact.id}.xhtml` });
    expect(preview.mime).toMatch(/^application\/vnd\.wap\.xhtml\+xml/);
    expect(preview.content).toContain('联系我们');
    expect(preview.images.length).toBeGreaterThan(0);
    for (const image of preview.images) {
      expect(preview.content).toContain(
        image.path
          .replace(/^wap2\//, '')
          .split('/')
          .pop(),
      );
      expect((await sharp(Buffer.from(image.base64, 'base64')).metadata()).width).toBeLessThanOrEqual(240);
    }
    const missing = await backend.transport.invoke('sites.preview', { siteId: site.id, path: 'wap2/nope.xhtml' });
    expect(missing.ok || missing.error.code).toBe('site.page_not_found');
  });
});

describe('exporting', () => {
  it('writes a folder per channel with manifest.json and a zip of the same files, pictures stored uncompressed', async () => {
    const { backend, site } = await imported();
    const dir = path.join(tempDir(), 'export');
    const result = await backend.call('sites.export', { siteId: site.id, outDir: dir });
    for (const channel of ['web', 'wap2', 'wap1', 'sms']) expect(existsSync(path.join(dir, channel))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      files: { path: string; bytes: number }[];
      report: { summary: { errors: number } };
    };
    expect(manifest.files).toHaveLength(result.files);
    for (const f of manifest.files) expect(readFileSync(path.join(dir, f.path)).byteLength, f.path).toBe(f.bytes);
    const methods = new Map<string, number>();
    const zip = unzipSync(readFileSync(result.zipPath!), { filter: (f) => (methods.set(f.name, f.compression), true) });
    expect(Object.keys(zip).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    const jpegs = [...methods].filter(([name]) => name.endsWith('.jpg'));
    expect(jpegs.length).toBeGreaterThan(0);
    expect(jpegs.every(([, method]) => method === 0)).toBe(true);
    expect(methods.get('web/index.html')).toBe(8);
  });

  it('gives the same zip, byte for byte, for the same revision', async () => {
    const { backend, site } = await imported();
    const a = await backend.call('sites.export', { siteId: site.id, outDir: path.join(tempDir(), 'a') });
    const b = await backend.call('sites.export', { siteId: site.id, outDir: path.join(tempDir(), 'b') });
    expect(readFileSync(a.zipPath!).equals(readFileSync(b.zipPath!))).toBe(true);
  });

  it('refuses to export a site whose report has errors unless forced', async () => {
    const { backend, site } = await imported();
    const products = columnOf(site, 'products');
    await editSite(backend, 'sites.addItem', {
      siteId: site.id,
      columnId: products.id,
      item: { kind: 'product', name: '缺图', description: [], images: [{ sha256: 'f'.repeat(64), alt: '不存在' }] },
    });
    const refused = await backend.transport.invoke('sites.export', { siteId: site.id, outDir: path.join(tempDir(), 'x') });
    expect(refused.ok || refused.error.code).toBe('site.build_has_errors');
    const forced = await backend.call('sites.export', { siteId: site.id, outDir: path.join(tempDir(), 'y'), force: true });
    expect(forced.report.errors).toBeGreaterThan(0);
  });
});

describe('sign-off', () => {
  const signature = () => readFileSync(path.join(FIXTURES_DIR, 'signatures', 'wang-jianguo.png')).toString('base64');

  it('stores the 网站确认单 PDF as a site_signoff document of the enterprise and marks the revision signed', async () => {
    const { backend, site, enterpriseId } = await imported();
    const { site: signed, document } = await backend.call('sites.signOff', {
      siteId: site.id,
      signerName: '王建国',
      signaturePngBase64: signature(),
    });
    expect(signed.signedOffRevision).toBe(site.revision);
    expect(document).toMatchObject({ enterpriseId, kind: 'site_signoff', mime: 'application/pdf' });
    const read = await backend.call('documents.read', { id: document.id });
    expect(Buffer.from(read.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const listed = await backend.call('documents.listForEnterprise', { enterpriseId });
    expect(listed.map((d) => d.kind)).toContain('site_signoff');
    const audit = backend.backend
      .database()!
      .prepare(`SELECT action, detail_json FROM audit_log WHERE entity = 'site' AND action = 'site.signed_off'`)
      .get() as { detail_json: string };
    expect(JSON.parse(audit.detail_json)).toMatchObject({ revision: site.revision, signerName: '王建国', documentId: document.id });
  });

  it('refuses the sign-off while the site check has errors, and takes it once they are fixed (issue 8 item 12)', async () => {
    const { backend, site } = await imported();
    const products = columnOf(site, 'products');
    const withScript = await editSite(backend, 'sites.addItem', {
      siteId: site.id,
      revision: site.revision,
      columnId: products.id,
      item: { kind: 'product', name: '<script>alert(1)</script>', description: [], images: [] },
    });
    const refused = await backend.transport.invoke('sites.signOff', {
      siteId: site.id,
      signerName: '王建国',
      signaturePngBase64: signature(),
    });
    expect(refused.ok || refused.error).toMatchObject({ code: 'site.signoff_has_errors', details: { errors: 1 } });
    expect((await backend.call('sites.get', { siteId: site.id })).signedOffRevision).toBeUndefined();
    const added = columnOf(withScript, 'products').items.at(-1)!;
    const fixed = await editSite(backend, 'sites.updateItem', {
      siteId: site.id,
      revision: withScript.revision,
      itemId: added.id,
      item: { ...added, name: '明前龙井礼盒' } as never,
    });
    const { site: signed } = await backend.call('sites.signOff', {
      siteId: site.id,
      signerName: '王建国',
      signaturePngBase64: signature(),
    });
    expect(signed.signedOffRevision).toBe(fixed.revision);
  });

  it('refuses an empty signature pad', async () => {
    const { backend, site } = await imported();
    const blank = (
      await sharp({ create: { width: 400, height: 150, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
        .png()
        .toBuffer()
    ).toString('base64');
    const result = await backend.transport.invoke('sites.signOff', { siteId: site.id, signerName: '王建国', signaturePngBase64: blank });
    expect(result.ok || result.error.code).toBe('site.signature_blank');
  });
});

describe('ecw site import / site build', () => {
  it('imports the fixture folder and builds it, printing exactly the documented shapes', async () => {
    const dataDir = tempDir();
    const created = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      path.join(MATERIALS, 'enterprise.json'),
      '--manager',
      '李经理',
      '--json',
    );
    const { id } = created.json as { id: string };
    const run = await ecw('--data-dir', dataDir, 'site', 'import', MATERIALS, '--enterprise', id, '--json');
    expect(run.code).toBe(0);
    const imported = run.json as {
      siteId: string;
      columns: { type: string; title: string; items: number }[];
      unsorted: number;
      problems: { file: string; code: string; message: string }[];
    };
    expect(Object.keys(imported)).toEqual(['siteId', 'columns', 'unsorted', 'problems']);
    expect(imported.columns).toEqual([
      { type: 'intro', title: '公司简介', items: 0 },
      { type: 'products', title: '产品介绍', items: 5 },
      { type: 'news', title: '新闻动态', items: 2 },
      { type: 'jobs', title: '人才招聘', items: 2 },
      { type: 'supply', title: '供求信息', items: 2 },
      { type: 'contact', title: '联系我们', items: 0 },
    ]);
    expect(imported.unsorted).toBe(0); // 茶园.jpg and 门店.jpg are photos of places: the intro column's (issue 9)
    expect(imported.problems).toEqual([
      { file: 'photos/IMG_0042.JPG', code: 'image.not_an_image', message: expect.stringContaining('text') },
    ]);

    const out = path.join(tempDir(), 'site');
    const built = await ecw('--data-dir', dataDir, 'site', 'build', imported.siteId, '--out', out, '--json');
    expect(built.code).toBe(0);
    const manifest = built.json as {
      files: { path: string; channel: string; mime: string; bytes: number }[];
      report: { summary: { errors: number } };
    };
    expect(Object.keys(manifest)).toEqual(['files', 'report']);
    expect(manifest).toEqual(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')));
    expect(Object.keys(manifest.files[0]!)).toEqual(['path', 'channel', 'mime', 'bytes']);
    expect(manifest.report.summary.errors).toBe(0);
    const sms = JSON.parse(readFileSync(path.join(out, 'sms', 'menu.json'), 'utf8')) as { nodes: { reply: { text: string } }[] };
    expect(sms.nodes.length).toBeGreaterThan(5);
    expect(sms.nodes.every((n) => n.reply.text.length > 0)).toBe(true);
    expect(existsSync(`${out}.zip`)).toBe(false);
  });

  it('fails with a code for an unknown enterprise, and with exit code 2 for a usage error', async () => {
    const dataDir = tempDir();
    const unknown = await ecw('--data-dir', dataDir, 'site', 'import', MATERIALS, '--enterprise', 'nope', '--json');
    expect([unknown.code, (unknown.json as { error: { code: string } }).error.code]).toEqual([1, 'not_found']);
    expect((await ecw('--data-dir', dataDir, 'site', 'build', 'x', '--json')).code).toBe(2);
  });
});
