/** The WEB channel on whole sites: html-validate's recommended rules, images, titles, sitemap and robots. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileResult } from '../../../shared/sites/compile';
import type { OutputFile } from '../../../shared/sites/job';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { exampleBuild, generatedSite, type GeneratedSite } from './generate';
import { htmlProblems, text } from './oracles';

const pages = (result: CompileResult) => result.files.filter((f) => f.path.endsWith('.html'));

/** Every page type of a big site, and a deterministic sample of its item pages (html-validate takes ~10–30 ms a page). */
function sample(files: OutputFile[], every: number): OutputFile[] {
  return files.filter((f, i) => !f.path.startsWith('web/i/') || i % every === 0 || /\/g\d*00\.html$/.test(f.path));
}

function suite(name: string, make: () => GeneratedSite, every: number) {
  describe(`WEB channel: ${name}`, () => {
    let result: CompileResult;
    beforeAll(() => {
      const { site, assets } = make();
      result = compile(site, templateFor(site), assets);
    });

    it("passes html-validate's recommended rules on every page", () => {
      const checked = sample(pages(result), every);
      expect(checked.length).toBeGreaterThan(15);
      expect(htmlProblems(checked)).toEqual([]);
    }, 300_000);

    it('gives every <img> alt, width, height and srcset', () => {
      let images = 0;
      for (const page of pages(result)) {
        for (const [tag] of text(page).matchAll(/<img\b[^>]*>/g)) {
          images++;
          for (const attr of ['alt', 'width', 'height', 'srcset', 'src']) expect(tag, page.path).toMatch(new RegExp(`\\s${attr}="`));
        }
      }
      expect(images).toBeGreaterThan(5);
    });

    it('gives every page its own non-empty title and a description', () => {
      const titles = new Set<string>();
      for (const page of pages(result)) {
        const html = text(page);
        const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
        expect(title, page.path).toBeTruthy();
        titles.add(title!);
        expect(html, page.path).toMatch(/<meta name="description" content="[^"]+">/);
      }
      expect(titles.size).toBeGreaterThan(pages(result).length * 0.9);
    });

    it('lists every page in sitemap.xml and names the sitemap in robots.txt', () => {
      const sitemap = text(result.files.find((f) => f.path === 'web/sitemap.xml')!);
      const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/^https:\/\/[^/]+\//, 'web/'));
      expect(locs.sort()).toEqual(
        pages(result)
          .map((p) => p.path)
          .sort(),
      );
      expect(text(result.files.find((f) => f.path === 'web/robots.txt')!)).toMatch(/^Sitemap: https:\/\/.+\/sitemap\.xml$/m);
    });

    it('links only to pages that exist', () => {
      const existing = new Set(result.files.map((f) => f.path));
      for (const page of pages(result)) {
        for (const [, href] of text(page).matchAll(/<a [^>]*href="([^"]+)"/g)) {
          if (/^(https?:|mailto:|tel:)/.test(href!)) continue;
          const target = [...page.path.split('/').slice(0, -1), ...href!.split('/')]
            .reduce<string[]>((parts, part) => (part === '..' ? parts.slice(0, -1) : [...parts, part]), [])
            .join('/');
          expect(existing.has(target), `${page.path} → ${href}`).toBe(true);
        }
      }
    });
  });
}

suite('quancheng-tea', exampleBuild, 1);
suite('generated 1,000 items', () => generatedSite(1000), 25);

describe('WEB channel: the quancheng-tea example', () => {
  it('checks with a validator that does flag bad markup', () => {
    const bad: OutputFile = {
      path: 'bad.html',
      channel: 'web',
      mime: 'text/html',
      content: '<!DOCTYPE html><html><head><title>x</title></head><body><p><div></div><img src="a.jpg"></body></html>',
    };
    expect(htmlProblems([bad]).join('\n')).toMatch(
      /element-required-attributes[\s\S]*wcag\/h37|wcag\/h37[\s\S]*element-required-attributes/,
    );
  });

  it('shows the products with prices, the contact block with dialable numbers and the guestbook form', () => {
    const { site, assets } = exampleBuild();
    const result = compile(site, templateFor(site), assets);
    const page = (path: string) => text(result.files.find((f) => f.path === path)!);
    expect(page('web/c/products.html')).toContain('明前龙井');
    expect(page('web/c/products.html')).toContain('368元');
    expect(page('web/index.html')).toMatch(/<a href="tel:053186001234">0531‑86001234<\/a>/);
    expect(page('web/c/guestbook.html')).toMatch(/<form class="guestbook" method="post" action="\/guestbook">/);
    expect(page('web/style.css')).toContain('--primary:#2e6b30');
  });

  it('lists products of two categories or more under a heading per category, in the order they first appear', () => {
    const { site, assets } = exampleBuild();
    const products = site.columns.find((c) => c.id === 'products')!;
    products.items.forEach((item, i) => {
      if (item.kind === 'product') item.category = i % 2 === 0 ? '绿茶' : '红茶';
    });
    const page = text(compile(site, templateFor(site), assets).files.find((f) => f.path === 'web/c/products.html')!);
    const green = page.indexOf('<h2>绿茶</h2>');
    const black = page.indexOf('<h2>红茶</h2>');
    expect(green).toBeGreaterThan(0);
    expect(black).toBeGreaterThan(green);
    const first = products.items[0]!.kind === 'product' ? products.items[0]!.name : '';
    const second = products.items[1]!.kind === 'product' ? products.items[1]!.name : '';
    expect(page.indexOf(first)).toBeGreaterThan(green);
    expect(page.indexOf(first)).toBeLessThan(black);
    expect(page.indexOf(second)).toBeGreaterThan(black);
    expect(page).toMatch(/<h3><a href="[^"]+">/);
    expect(htmlProblems([{ path: 'products.html', channel: 'web', mime: 'text/html', content: page }])).toEqual([]);
  });

  it('keeps one list where the products share one category (the example’s 茶叶) or have none', () => {
    const { site, assets } = exampleBuild();
    const page = text(compile(site, templateFor(site), assets).files.find((f) => f.path === 'web/c/products.html')!);
    expect(page).not.toContain('<h2>茶叶</h2>');
    expect(page.match(/<ul class="cards">/g)).toHaveLength(1);
  });

  it('keeps one list where the column’s text already heads the categories (a site imported before): no heading twice', () => {
    const { site, assets } = exampleBuild();
    const products = site.columns.find((c) => c.id === 'products')!;
    products.items.forEach((item, i) => {
      if (item.kind === 'product') item.category = i % 2 === 0 ? '绿茶' : '红茶';
    });
    products.body = [...products.body, { type: 'heading', level: 2, runs: [{ text: '绿茶' }] }];
    const page = text(compile(site, templateFor(site), assets).files.find((f) => f.path === 'web/c/products.html')!);
    expect(page.match(/绿茶<\/h[23]>/g)).toHaveLength(1);
    expect(page).not.toContain('<h2>红茶</h2>');
    expect(page.match(/<ul class="cards">/g)).toHaveLength(1);
  });
});
