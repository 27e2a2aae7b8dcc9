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
    expect(report.pages.filter((p) => p.channel !== 'sms').map((p) => p.path).sort()).toEqual(pagePaths.sort());
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
    (products.items[1] as Extract<Item, { kind: 'product' }>).images[0] = { sha256: 'f'.repeat(64), alt: '不存在的图', fileName: 'lost.jpg' };
    site.columns.push({ id: 'empty', type: 'custom', title: '空栏目', order: 9, channels: { web: true, wap2: true, wap1: true, sms: true }, body: [], items: [] });
    site.columns.find((c) => c.id === 'jobs')!.channels.web = false;
    site.columns.find((c) => c.id === 'intro')!.body.push({ type: 'paragraph', runs: [{ text: '加入我们', href: 'https://quanchengtea.ec.example.cn/c/jobs.html' }] });
    const wide: AssetResolver = {
      resolve: (sha, variant) => {
        const normal = estimatedAssets(EXAMPLE_IMAGE_SIZES).resolve(sha, variant);
        return sha === EXAMPLE_IMAGES.puer.sha256 && variant === 'wap2' && normal ? { ...normal, width: 600, bytes: 30_000 } : normal;
      },
    };
    const { report } = build(site, wide);
    const find = (code: string) => report.findings.filter((f) => f.code === code);
    expect(find('alt.missing')).toEqual([expect.objectContaining({ severity: 'warning', where: { columnId: 'products', itemId: 'p-longjing', field: 'images.0.alt' } })]);
    expect(find('image.missing').map((f) => [f.severity, f.channel, f.where.itemId, f.where.field])).toContainEqual(['error', 'web', 'p-tieguanyin', 'images.0']);
    expect(find('image.too_wide')).toContainEqual(expect.objectContaining({ severity: 'error', channel: 'wap2', path: 'wap2/i/p-puer.xhtml', where: { columnId: 'products', itemId: 'p-puer', field: 'images.0' } }));
    // The image cannot be split: it gets a page of its own, still over budget.
    expect(find('page.too_large')).toContainEqual(expect.objectContaining({ severity: 'error', channel: 'wap2', path: 'wap2/i/p-puer.2.xhtml' }));
    expect(find('column.empty')).toEqual([expect.objectContaining({ severity: 'warning', where: { columnId: 'empty' } })]);
    expect(find('link.disabled_column')).toEqual([expect.objectContaining({ severity: 'warning', where: { columnId: 'intro', field: 'body' } })]);
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
    const long = Array.from({ length: 120 }, (_, i) => `第${i}段😀：泉城茶业坚持好水配好茶的理念，Fresh spring tea hand-picked before Qingming.`).join('');
    site.columns[0]!.body = [paragraph(long)];
    const result = build(site);
    for (const [prefix, ext] of [['wap1/c/intro', 'wml'], ['wap2/c/intro', 'xhtml']] as const) {
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
