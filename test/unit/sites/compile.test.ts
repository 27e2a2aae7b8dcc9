import { describe, expect, it } from 'vitest';
import { estimatedAssets, type AssetResolver } from '../../../shared/sites/assets';
import { compile, createCompiler } from '../../../shared/sites/compile';
import { EXAMPLE_IMAGE_SIZES, EXAMPLE_IMAGES, exampleSite } from '../../../shared/sites/example';
import { paragraph, type Item, type SiteContent } from '../../../shared/sites/model';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { exampleBuild, generatedSite } from './generate';
import { text } from './oracles';

const build = (site: SiteContent, assets: AssetResolver = estimatedAssets(EXAMPLE_IMAGE_SIZES)) => compile(site, templateFor(site), assets);
const file = (result: ReturnType<typeof build>, path: string) => text(result.files.find((f) => f.path === path)!);

describe('compile: determinism', () => {
  it('gives byte-identical output for the same input, also from a fresh copy and with columns listed in another order', () => {
    const first = build(exampleSite());
    const second = build(exampleSite());
    expect(second).toEqual(first);
    const shuffled = exampleSite();
    shuffled.columns.reverse();
    expect(build(shuffled)).toEqual(first);
  });

  it('lists files sorted by path, each in one of the four channels with its MIME type', () => {
    const { files } = build(exampleSite());
    expect(files.map((f) => f.path)).toEqual([...files.map((f) => f.path)].sort());
    expect(new Set(files.map((f) => f.channel))).toEqual(new Set(['web', 'wap2', 'wap1', 'sms']));
    expect(files.find((f) => f.path === 'wap1/index.wml')!.mime).toBe('text/vnd.wap.wml; charset=utf-8');
    expect(files.find((f) => f.path === 'wap2/index.xhtml')!.mime).toBe('application/vnd.wap.xhtml+xml; charset=utf-8');
  });
});

describe('compile: incremental rebuilds', () => {
  it('re-renders only the pages that depend on an edited item, and the result equals a full build', () => {
    const { site, assets } = generatedSite(300);
    const compiler = createCompiler();
    compiler.compile(site, templateFor(site), assets);
    const full = compiler.lastStats;
    const products = site.columns.find((c) => c.type === 'products')!;
    const edited = { ...products.items[7], name: '改过的名字' } as Item;
    products.items[7] = edited;
    const rebuilt = compiler.compile(site, templateFor(site), assets);
    const stats = compiler.lastStats;
    expect(stats.jobs).toBe(full.jobs);
    // Its page in three channels, its list page in three channels, its lint, the SMS site.
    expect(stats.rendered).toBeLessThanOrEqual(9);
    expect(stats.rendered).toBeGreaterThanOrEqual(4);
    expect(rebuilt).toEqual(compile(site, templateFor(site), assets));
    expect(file(rebuilt, 'web/i/g7.html')).toContain('改过的名字');
  });

  it('sees edits made in place (no stale cache when objects are mutated)', () => {
    const site = exampleSite();
    const compiler = createCompiler();
    compiler.compile(site, templateFor(site), estimatedAssets(EXAMPLE_IMAGE_SIZES));
    (site.columns[1]!.items[0] as Extract<Item, { kind: 'product' }>).name = '新龙井';
    const result = compiler.compile(site, templateFor(site), estimatedAssets(EXAMPLE_IMAGE_SIZES));
    expect(file(result, 'wap1/i/p-longjing.wml')).toContain('新龙井');
    expect(result).toEqual(build(site));
  });

  it('re-renders a page when the resolver starts answering for its image', () => {
    const site = exampleSite();
    const compiler = createCompiler();
    const none: AssetResolver = { resolve: () => undefined };
    const before = compiler.compile(site, templateFor(site), none);
    expect(before.report.findings.some((f) => f.code === 'image.missing' && f.where.itemId === 'p-longjing')).toBe(true);
    const after = compiler.compile(site, templateFor(site), estimatedAssets(EXAMPLE_IMAGE_SIZES));
    expect(after.report.findings.filter((f) => f.code === 'image.missing')).toEqual([]);
    expect(file(after, 'web/i/p-longjing.html')).toContain('<img');
  });
});

describe('compile: report', () => {
  it('lists every page per channel with its size, compiled WML size, resources and SMS counts', () => {
    const { site, assets } = exampleBuild();
    const { report, files } = build(site, assets);
    const pagePaths = files.filter((f) => /\.(html|xhtml|wml)$/.test(f.path)).map((f) => f.path);
    expect(
      report.pages
        .filter((p) => p.channel !== 'sms')
        .map((p) => p.path)
        .sort(),
    ).toEqual(pagePaths.sort());
    for (const page of report.pages.filter((p) => p.channel === 'wap1')) expect(page.compiledBytes).toBeGreaterThan(100);
    for (const page of report.pages.filter((p) => p.channel === 'wap2')) expect(page.resourceBytes).toBeGreaterThan(0);
    expect(report.pages.filter((p) => p.channel === 'sms').every((p) => (p.messages ?? 0) >= 1)).toBe(true);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.bytes).toBe(files.reduce((n, f) => n + new TextEncoder().encode(text(f)).length, 0));
    expect(report.summary.files).toBe(files.length);
  });

  it('reports missing alt text, missing and oversized images, empty columns and links to disabled pages, with where to fix them', () => {
    const site = exampleSite();
    const products = site.columns.find((c) => c.id === 'products')!;
    (products.items[0] as Extract<Item, { kind: 'product' }>).images[0] = { ...EXAMPLE_IMAGES.longjing, alt: '' };
    (products.items[1] as Extract<Item, { kind: 'product' }>).images[0] = {
      sha256: 'f'.repeat(64),
      alt: '不存在的图',
      fileName: 'lost.jpg',
    };
    site.columns.push({
      id: 'empty',
      type: 'custom',
      title: '空栏目',
      order: 9,
      channels: { web: true, wap2: true, wap1: true, sms: true },
      body: [],
      items: [],
    });
    site.columns.find((c) => c.id === 'jobs')!.channels.web = false;
    site.columns
      .find((c) => c.id === 'intro')!
      .body.push({ type: 'paragraph', runs: [{ text: '加入我们', href: 'https://quanchengtea.ec.example.cn/c/jobs.html' }] });
    const wide: AssetResolver = {
      resolve: (sha, variant) => {
        const normal = estimatedAssets(EXAMPLE_IMAGE_SIZES).resolve(sha, variant);
        return sha === EXAMPLE_IMAGES.puer.sha256 && variant === 'wap2' && normal ? { ...normal, width: 600, bytes: 30_000 } : normal;
      },
    };
    const { report } = build(site, wide);
    const find = (code: string) => report.findings.filter((f) => f.code === code);
    expect(find('alt.missing')).toEqual([
      expect.objectContaining({ severity: 'warning', where: { columnId: 'products', itemId: 'p-longjing', field: 'images.0.alt' } }),
    ]);
    expect(find('image.missing').map((f) => [f.severity, f.channel, f.where.itemId, f.where.field])).toContainEqual([
      'error',
      'web',
      'p-tieguanyin',
      'images.0',
    ]);
    expect(find('image.too_wide')).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        channel: 'wap2',
        path: 'wap2/i/p-puer.xhtml',
        where: { columnId: 'products', itemId: 'p-puer', field: 'images.0' },
      }),
    );
    // The image cannot be split: it gets a page of its own, still over budget.
    expect(find('page.too_large')).toContainEqual(
      expect.objectContaining({ severity: 'error', channel: 'wap2', path: 'wap2/i/p-puer.2.xhtml' }),
    );
    expect(find('column.empty')).toEqual([expect.objectContaining({ severity: 'warning', where: { columnId: 'empty' } })]);
    expect(find('link.disabled_column')).toEqual([
      expect.objectContaining({ severity: 'warning', where: { columnId: 'intro', field: 'body' } }),
    ]);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    // Errors come first.
    expect(report.findings[0]!.severity).toBe('error');
  });
});

describe('compile: escaping and paging', () => {
  it('writes WML dollars as $$ and keeps them single elsewhere', () => {
    const site = exampleSite();
    site.columns[0]!.body = [paragraph('价格 $10，变量 $(x)')];
    const result = build(site);
    expect(file(result, 'wap1/c/intro.wml')).toContain('价格 $$10，变量 $$(x)');
    expect(file(result, 'wap2/c/intro.xhtml')).toContain('价格 $10，变量 $(x)');
    expect(file(result, 'web/c/intro.html')).toContain('价格 $10，变量 $(x)');
  });

  it('pages a long text over several WML decks and WAP pages without losing or cutting a character', () => {
    const site = exampleSite();
    const long = Array.from(
      { length: 120 },
      (_, i) => `第${i}段😀：泉城茶业坚持好水配好茶的理念，Fresh spring tea hand-picked before Qingming.`,
    ).join('');
    site.columns[0]!.body = [paragraph(long)];
    const result = build(site);
    for (const [prefix, ext] of [
      ['wap1/c/intro', 'wml'],
      ['wap2/c/intro', 'xhtml'],
    ] as const) {
      const pages = result.files.filter((f) => f.path === `${prefix}.${ext}` || new RegExp(`^${prefix}\\.\\d+\\.${ext}$`).test(f.path));
      expect(pages.length).toBeGreaterThan(ext === 'wml' ? 10 : 1);
      const joined = pages
        .sort((a, b) => Number(/\.(\d+)\./.exec(a.path)?.[1] ?? 1) - Number(/\.(\d+)\./.exec(b.path)?.[1] ?? 1))
        .map((f) => /<p>([^<]*)<\/p>/g[Symbol.matchAll](text(f)))
        .flatMap((matches) => [...matches].map((m) => m[1]))
        .join('');
      expect(joined.replace(/\s/g, '')).toContain(long.replace(/\s/g, ''));
      expect(pages.every((p) => !text(p).includes('\uFFFD'))).toBe(true);
    }
  });
});

describe('compile: what an incomplete site gets told (issue 8 item 12)', () => {
  const findings = (site: SiteContent, code: string) => build(site).report.findings.filter((f) => f.code === code);
  const column = (site: SiteContent, id: string) => site.columns.find((c) => c.id === id)!;

  it('passes the hand-made example with none of these findings', () => {
    const codes = build(exampleSite()).report.findings.map((f) => f.code);
    for (const code of [
      'column.no_items',
      'item.incomplete',
      'photo.unplaced',
      'text.markup',
      'text.emoji',
      'contact.missing',
      'contact.no_address',
      'sms.menu_label_cut',
    ])
      expect(codes).not.toContain(code);
  });

  it('calls a published product or job column without entries an error, also when it has an introduction', () => {
    const site = exampleSite();
    column(site, 'products').items = [];
    column(site, 'products').body = [paragraph('我们的茶叶产品')];
    column(site, 'jobs').items = [];
    expect(findings(site, 'column.no_items').map((f) => [f.severity, f.where.columnId])).toEqual([
      ['error', 'jobs'],
      ['error', 'products'],
    ]);
    expect(findings(site, 'column.empty')).toEqual([]);
    // Not published anywhere: nobody sees the empty list.
    column(site, 'jobs').channels = { web: false, wap2: false, wap1: false, sms: false };
    expect(findings(site, 'column.no_items').map((f) => f.where.columnId)).toEqual(['products']);
  });

  it('warns about a product or job that shows nothing but its title, pointing at the field to fill', () => {
    const site = exampleSite();
    column(site, 'products').items.push({ kind: 'product', id: 'p-new', name: '新产品', description: [], images: [] });
    column(site, 'jobs').items.push({ kind: 'job', id: 'j-new', title: '新职位', requirements: [], pay: '' });
    expect(findings(site, 'item.incomplete')).toEqual([
      expect.objectContaining({ severity: 'warning', where: { columnId: 'jobs', itemId: 'j-new', field: 'requirements' } }),
      expect.objectContaining({
        severity: 'warning',
        where: { columnId: 'products', itemId: 'p-new', field: 'description' },
        params: { title: '新产品' },
      }),
    ]);
  });

  it('warns about every photo left in the unsorted tray, and not about one placed on the site', () => {
    const site = exampleSite();
    site.unsorted = [
      { id: 'tray-1', source: '门店.jpg', blocks: [], images: [{ sha256: 'a'.repeat(64), alt: '', fileName: '门店.jpg' }] },
      { id: 'tray-2', source: '龙井.jpg', blocks: [], images: [EXAMPLE_IMAGES.longjing] },
    ];
    expect(findings(site, 'photo.unplaced')).toEqual([
      expect.objectContaining({ severity: 'warning', where: { section: 'intake' }, params: { file: '门店.jpg' } }),
    ]);
  });

  it('calls markup typed as text an error wherever it is, and leaves look-alikes alone', () => {
    const site = exampleSite();
    const product = column(site, 'products').items[0] as Extract<Item, { kind: 'product' }>;
    product.name = '<script>alert(1)</script>明前龙井';
    product.description = [paragraph('香气清高'), paragraph('产地&nbsp;杭州')];
    site.profile.slogan = '<b>好水配好茶</b>';
    column(site, 'news').title = '新闻<茶经>';
    (column(site, 'jobs').items[0] as Extract<Item, { kind: 'job' }>).pay = '月薪>4500, R&D部门';
    const found = findings(site, 'text.markup');
    expect(found.map((f) => [f.severity, f.where, f.params])).toEqual([
      ['error', { section: 'profile', field: 'slogan' }, { text: '<b>' }],
      ['error', { columnId: 'products', itemId: product.id, field: 'description.1' }, { text: '&nbsp;' }],
      ['error', { columnId: 'products', itemId: product.id, field: 'name' }, { text: '<script>' }],
    ]);
  });

  it('warns about emoji on pages WAP 1.0 phones show, not on columns hidden from WAP 1.0', () => {
    const site = exampleSite();
    (column(site, 'news').items[0] as Extract<Item, { kind: 'article' }>).title = '新茶上市🎉';
    (column(site, 'jobs').items[0] as Extract<Item, { kind: 'job' }>).title = '茶艺师☕';
    column(site, 'jobs').channels.wap1 = false;
    site.profile.slogan = '好水配好茶©';
    expect(findings(site, 'text.emoji')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        channel: 'wap1',
        where: { columnId: 'news', itemId: column(site, 'news').items[0]!.id, field: 'title' },
        params: { char: '🎉' },
      }),
    ]);
  });

  it('calls a contact block without phone or e-mail an error and one without address a warning', () => {
    const site = exampleSite();
    site.profile.contact = { ...site.profile.contact, phones: [], address: '' };
    delete site.profile.contact.email;
    const report = build(site).report;
    expect(report.findings.filter((f) => f.code.startsWith('contact.')).map((f) => [f.code, f.severity, f.where])).toEqual([
      ['contact.missing', 'error', { section: 'profile', field: 'contact.phones' }],
      ['contact.no_address', 'warning', { section: 'profile', field: 'contact.address' }],
    ]);
    site.profile.contact.email = 'service@quanchengtea.example';
    expect(findings(site, 'contact.missing')).toEqual([]);
  });

  it('calls a stored label the platform keeps for itself (www, wap …) an error that opens the domain settings', () => {
    const site = exampleSite();
    expect(findings(site, 'domain.label_reserved')).toEqual([]);
    site.domain = { kind: 'assigned', label: 'wap' };
    expect(findings(site, 'domain.label_reserved')).toEqual([
      expect.objectContaining({ severity: 'error', where: { section: 'domain', field: 'domain.label' }, params: { label: 'wap' } }),
    ]);
    site.domain = { kind: 'own', name: 'www.quanchengtea.cn' };
    expect(findings(site, 'domain.label_reserved')).toEqual([]);
  });

  it('warns when an SMS menu shows an item title cut short', () => {
    const site = exampleSite();
    const product = column(site, 'products').items[0] as Extract<Item, { kind: 'product' }>;
    product.name = '泉城特级明前西湖龙井茶叶礼盒装五百克';
    expect(findings(site, 'sms.menu_label_cut')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        channel: 'sms',
        where: { columnId: 'products', itemId: product.id, field: 'name' },
        params: { title: product.name, shown: expect.stringMatching(/^泉城特级.*…$/) },
      }),
    ]);
  });

  it('reports a WAP page over its byte budget as an error', () => {
    const site = exampleSite();
    const product = column(site, 'products').items[0] as Extract<Item, { kind: 'product' }>;
    product.description = [paragraph('一'.repeat(9000))];
    site.template.options = { wap2: { itemsPerPage: 3 } };
    const wide: AssetResolver = {
      resolve: (sha, variant) => {
        const normal = estimatedAssets(EXAMPLE_IMAGE_SIZES).resolve(sha, variant);
        return sha === product.images[0]!.sha256 && variant === 'wap2' && normal ? { ...normal, bytes: 25_000 } : normal;
      },
    };
    const tooLarge = build(site, wide).report.findings.filter((f) => f.code === 'page.too_large');
    expect(tooLarge).toContainEqual(
      expect.objectContaining({ severity: 'error', channel: 'wap2', where: expect.objectContaining({ itemId: product.id }) }),
    );
  });
});
