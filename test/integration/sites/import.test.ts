import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { assetFile } from '../../../electron/backend/domains/assets/store';
import type { Site } from '../../../shared/api/sites';
import { formatPrice, plainText } from '../../../shared/sites/model';
import { createTestBackend, type TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { columnOf, importedTeaSite, itemNamed, materialsCopy, teaEnterprise } from './support';
import { editSite } from '../../helpers/siteEdits';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));

async function imported() {
  const result = await importedTeaSite();
  backends.push(result.backend);
  return result;
}

const trayImages = (site: Site) => site.content.unsorted.flatMap((e) => e.images.map((i) => i.fileName));
/** Pictures in the intro column's own text: where photos of places go (issue 9). */
const introImages = (site: Site) =>
  site.content.columns.filter((c) => c.type === 'intro').flatMap((c) => c.body.flatMap((b) => (b.type === 'image' ? [b.image] : [])));

describe('importing the tea company’s folder', () => {
  it('builds the columns from the Word document and reports the broken photo by name, the rest imported', async () => {
    const { backend, enterpriseId, dir } = await imported();
    const site = (await backend.call('sites.getForEnterprise', { enterpriseId }))!;
    expect(site.content.columns.map((c) => [c.type, c.title, c.items.length])).toEqual([
      ['intro', '公司简介', 0],
      ['products', '产品介绍', 5],
      ['news', '新闻动态', 2],
      ['jobs', '人才招聘', 2],
      ['supply', '供求信息', 2],
      ['contact', '联系我们', 0],
    ]);
    expect(site.intake.problems).toEqual([
      {
        file: 'photos/IMG_0042.JPG',
        code: 'image.not_an_image',
        message: 'The file holds text, not image data (a broken upload or a renamed file).',
      },
    ]);
    expect(dir).toBeTruthy();
  });

  it('matches photos to products by file name, takes the logo, and puts the photos of places (茶园, 门店) in the intro column', async () => {
    const { site } = await imported();
    const picturesOf = (name: string) => {
      const item = itemNamed(site, name);
      return item.kind === 'product' ? item.images.map((i) => i.fileName ?? '(embedded)') : [];
    };
    expect(picturesOf('明前龙井')).toEqual(['龙井.jpg']);
    expect(picturesOf('安溪铁观音')).toEqual(['铁观音.jpg']);
    expect(picturesOf('云南普洱熟茶')).toEqual(['普洱.jpg']);
    expect(picturesOf('武夷大红袍')).toEqual(['(embedded)']);
    expect(site.content.profile.logo?.fileName).toBe('logo.png');
    expect(trayImages(site)).toEqual([]);
    expect(
      introImages(site)
        .flatMap((i) => i.fileName ?? [])
        .sort(),
    ).toEqual(['茶园.jpg', '门店.jpg']);
    const product = itemNamed(site, '明前龙井');
    expect(product.kind === 'product' && [formatPrice(product.price), product.spec]).toEqual(['368元', '250克/罐']);
  });

  it('stores the sideways shop photo upright and without EXIF, and the logo with its transparency', async () => {
    const { backend, site } = await imported();
    const shop = introImages(site).find((i) => i.fileName === '门店.jpg')!;
    const stored = await sharp(assetFile(backend.dataDir, shop.sha256)).metadata();
    expect([stored.width, stored.height, stored.orientation, stored.exif]).toEqual([3024, 4032, undefined, undefined]);
    const logo = await backend.call('sites.image', { sha256: site.content.profile.logo!.sha256 });
    expect(logo.mime).toBe('image/png');
    expect((await sharp(Buffer.from(logo.base64, 'base64')).metadata()).hasAlpha).toBe(true);
  });

  it('applies the notes: green style, the SMS lottery with its prizes, the Mid-Autumn care message; contact and domain filled in', async () => {
    const { site } = await imported();
    expect(site.content.template).toMatchObject({ templateId: 'retail-tea', styleId: 'green' });
    expect(site.content.sms.lottery).toMatchObject({
      enabled: true,
      keyword: 'CJ',
      prizes: [
        { name: '茶具一套', count: 10 },
        { name: '50元代金券', count: 100 },
      ],
    });
    expect(site.content.sms.care).toMatchObject([{ date: '2027-09-15', occasion: '中秋节' }]);
    expect(site.content.profile.shortName).toBe('泉城茶业');
    expect(site.content.profile.contact).toMatchObject({
      address: '山东省济南市历下区泉城路188号',
      phones: [
        { label: '电话', number: '0531-86001234' },
        { label: '手机', number: '13805310001' },
      ],
      email: 'service@quanchengtea.example',
      person: '王经理',
    });
    expect(site.content.domain).toEqual({ kind: 'assigned', label: 'quanchengtea' });
  });

  it('records every guess with its rule and source, and writes the site with one outbox op and an audit entry', async () => {
    const { backend, site } = await imported();
    const rules = new Set(site.intake.guesses.map((g) => g.rule));
    for (const rule of [
      'column.keyword',
      'item.subheading',
      'post.tag',
      'photo.file_name',
      'photo.embedded',
      'profile.logo',
      'profile.contact',
      'profile.short_name',
      'domain.enterprise_file',
      'template.colour',
      'sms.lottery',
      'sms.care',
    ])
      expect(rules, rule).toContain(rule);
    const photoGuess = site.intake.guesses.find((g) => g.rule === 'photo.file_name' && g.params.file === '普洱.jpg')!;
    expect(photoGuess).toMatchObject({ source: 'photos/普洱.jpg', params: { item: '云南普洱熟茶' } });
    const db = backend.backend.database()!;
    const ops = db.prepare(`SELECT kind, patch_json FROM outbox WHERE tbl = 'site' AND row_id = ?`).all(site.id) as {
      kind: string;
      patch_json: string;
    }[];
    expect(ops).toHaveLength(1);
    expect(ops[0]!.kind).toBe('create');
    const patch = JSON.parse(ops[0]!.patch_json) as Record<string, unknown>;
    expect(Object.keys(patch).sort()).toEqual(['content', 'enterpriseId', 'images', 'name']);
    expect(patch.images).toContain(site.content.profile.logo!.sha256);
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'site' AND entity_id = ?`).all(site.id)).toEqual([
      { action: 'site.created' },
    ]);
    // Every stored picture is queued for upload.
    const pending = db.prepare(`SELECT count(*) AS n FROM asset WHERE state = 'pending_upload'`).get() as { n: number };
    expect(pending.n).toBeGreaterThanOrEqual(8);
  });

  it('reports progress while importing and says when it is finished', async () => {
    const backend = createTestBackend();
    backends.push(backend);
    const enterpriseId = await teaEnterprise(backend);
    const events: { done: number; total: number; finished?: boolean }[] = [];
    backend.transport.on('job.progress', (e) => e.jobId === 'import-1' && events.push(e));
    await backend.call('sites.import', { enterpriseId, paths: [materialsCopy()], jobId: 'import-1' });
    expect(events[0]).toMatchObject({ done: 0, total: 10 });
    expect(events.at(-1)).toMatchObject({ done: 10, total: 10, finished: true });
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
  });

  it('goes on past damaged and unsupported files, naming each with a code', async () => {
    const backend = createTestBackend();
    backends.push(backend);
    const enterpriseId = await teaEnterprise(backend);
    const dir = materialsCopy();
    writeFileSync(path.join(dir, '旧资料.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, '损坏.docx'), 'not a zip at all');
    writeFileSync(
      path.join(dir, 'photos', 'IMG_1001.HEIC'),
      Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(4), Buffer.from('mif1heic'), Buffer.alloc(100)]),
    );
    writeFileSync(path.join(dir, '报价单.xlsx'), 'PK');
    writeFileSync(path.join(dir, '~$公司资料.docx'), 'Word lock file'); // clutter: silently skipped
    const report = await backend.call('sites.import', { enterpriseId, paths: [dir] });
    expect(report.problems.map((p) => [p.file, p.code])).toEqual([
      ['photos/IMG_0042.JPG', 'image.not_an_image'],
      ['photos/IMG_1001.HEIC', 'image.damaged'],
      ['报价单.xlsx', 'sheet.unreadable'],
      ['损坏.docx', 'docx.unreadable'],
      ['旧资料.doc', 'docx.legacy_format'],
    ]);
    expect(report.problems.every((p) => p.message.length > 20)).toBe(true);
    expect(report.columns).toHaveLength(6);
  });

  it('skips files imported before, so importing the folder again adds nothing twice', async () => {
    const { backend, enterpriseId, dir, site } = await imported();
    const again = await backend.call('sites.import', { enterpriseId, paths: [dir] });
    expect(again.siteId).toBe(site.id);
    expect(again.columns.map((c) => c.items)).toEqual([0, 5, 2, 2, 2, 0]);
    expect(again.unsorted).toBe(site.content.unsorted.length);
    expect(again.problems.filter((p) => p.code === 'intake.already_imported')).toHaveLength(8);
    expect(again.guesses).toEqual([]);
  });

  it('imports uploaded bytes (browser mode): a GBK notes file and a photo into an existing site', async () => {
    const backend = createTestBackend();
    backends.push(backend);
    const enterpriseId = await teaEnterprise(backend);
    const created = await backend.call('sites.create', { enterpriseId });
    const gbk = readFileSync(path.join(FIXTURES_DIR, 'materials', 'encodings', 'notes-gbk.txt'));
    const photo = readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'photos', '茶园.jpg'));
    const report = await backend.call('sites.import', {
      enterpriseId,
      files: [
        { name: '说明.txt', base64: gbk.toString('base64') },
        { name: '茶园.jpg', base64: photo.toString('base64') },
      ],
    });
    expect(report.siteId).toBe(created.id);
    const site = await backend.call('sites.get', { siteId: created.id });
    expect(site.content.sms.lottery?.prizes.map((p) => p.name)).toEqual(['茶具一套', '50元代金券']);
    expect(introImages(site).flatMap((i) => i.fileName ?? [])).toEqual(['茶园.jpg']);
    expect(site.revision).toBe(2);
  });
  it('leaves out a column the material named but filled with nothing (a title read as a heading), and its guess', async () => {
    const backend = createTestBackend();
    backends.push(backend);
    const enterpriseId = await teaEnterprise(backend);
    const created = await backend.call('sites.create', { enterpriseId });
    const before = created.content.columns.map((c) => c.type);
    const text = [
      '回收业务',
      '',
      '公司简介',
      '本公司成立于2010年，主营名优茶叶批发零售。',
      '',
      '供求信息',
      '供应：今年新茶大量现货。',
    ].join('\n');
    await backend.call('sites.import', { enterpriseId, files: [{ name: '介绍.txt', base64: Buffer.from(text).toString('base64') }] });
    const site = await backend.call('sites.get', { siteId: created.id });
    expect(site.content.columns.map((c) => c.title)).not.toContain('回收业务');
    expect(site.content.columns.every((c) => before.includes(c.type) || c.body.length > 0 || c.items.length > 0)).toBe(true);
    const columnIds = new Set(site.content.columns.map((c) => c.id));
    const targets = site.intake.guesses.flatMap((g) => ('columnId' in g.target ? [g.target.columnId] : []));
    expect(targets.every((id) => columnIds.has(id))).toBe(true);
  });
});

describe('undoing guesses', () => {
  it('puts a matched photo back in the tray', async () => {
    const { backend, site } = await imported();
    const guess = site.intake.guesses.find((g) => g.rule === 'photo.file_name' && g.params.file === '龙井.jpg')!;
    const after = await editSite(backend, 'sites.undoGuess', { siteId: site.id, guessId: guess.id, revision: site.revision });
    const product = itemNamed(after, '明前龙井');
    expect(product.kind === 'product' && product.images).toEqual([]);
    expect(trayImages(after)).toContain('龙井.jpg');
    expect(after.intake.guesses.some((g) => g.id === guess.id)).toBe(false);
    expect(after.revision).toBe(site.revision + 1);
  });

  it('turns an undone column back into tray entries, one per item, with the guesses about its items gone', async () => {
    const { backend, site } = await imported();
    const jobs = columnOf(site, 'jobs');
    const guess = site.intake.guesses.find((g) => g.target.kind === 'column' && g.target.columnId === jobs.id)!;
    const after = await editSite(backend, 'sites.undoGuess', { siteId: site.id, guessId: guess.id });
    expect(after.content.columns.some((c) => c.type === 'jobs')).toBe(false);
    const entries = after.content.unsorted.slice(-2);
    expect(entries.map((e) => plainText(e.blocks).split('\n')[0])).toEqual(['门店茶艺师', '电商运营专员']);
    expect(plainText(entries[0]!.blocks)).toContain('待遇：月薪4500-6500元，五险一金');
    const itemIds = new Set(jobs.items.map((i) => i.id));
    expect(after.intake.guesses.some((g) => g.target.kind === 'item' && itemIds.has(g.target.itemId))).toBe(false);
  });

  it('restores what a guess replaced: the template style the manager had chosen, the domain, no lottery', async () => {
    const backend = createTestBackend();
    backends.push(backend);
    const enterpriseId = await teaEnterprise(backend);
    const created = await backend.call('sites.create', { enterpriseId });
    await editSite(backend, 'sites.setTemplate', {
      siteId: created.id,
      template: { templateId: 'retail-tea', styleId: 'brown', options: {} },
    });
    await backend.call('sites.import', { enterpriseId, paths: [materialsCopy()] });
    const site = await backend.call('sites.get', { siteId: created.id });
    expect(site.content.template.styleId).toBe('green');
    const colour = site.intake.guesses.find((g) => g.rule === 'template.colour')!;
    const domain = site.intake.guesses.find((g) => g.rule === 'domain.enterprise_file')!;
    await editSite(backend, 'sites.undoGuess', { siteId: site.id, guessId: colour.id });
    const after = await editSite(backend, 'sites.undoGuess', { siteId: site.id, guessId: domain.id });
    expect(after.content.template.styleId).toBe('brown');
    expect(after.content.domain).toEqual({ kind: 'assigned', label: 'e91370100ma3c4q7b0x' });
    const lottery = site.intake.guesses.find((g) => g.rule === 'sms.lottery')!;
    const noLottery = await editSite(backend, 'sites.undoGuess', { siteId: site.id, guessId: lottery.id });
    expect(noLottery.content.sms.lottery).toBeUndefined();
    expect(plainText(noLottery.content.unsorted.at(-1)!.blocks)).toContain('回复CJ参加抽奖');
  });

  it('refuses a guess that is gone, with a code', async () => {
    const { backend, site } = await imported();
    const result = await backend.transport.invoke('sites.undoGuess', { siteId: site.id, guessId: 'nope' });
    expect(result.ok || result.error.code).toBe('site.guess_not_found');
  });
});
