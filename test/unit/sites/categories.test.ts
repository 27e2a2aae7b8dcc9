/** Product categories in the listings of every channel: one heading per category, the same on WEB, WAP 2.0 and WML. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/sites/compile';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { exampleBuild } from './generate';
import { text } from './oracles';

function siteWithTwoCategories() {
  const { site, assets } = exampleBuild();
  const products = site.columns.find((c) => c.id === 'products')!;
  products.items.forEach((item, i) => {
    if (item.kind === 'product') item.category = i % 2 === 0 ? '绿茶' : '红茶';
  });
  const names = products.items.map((item) => (item.kind === 'product' ? item.name : ''));
  const files = compile(site, templateFor(site), assets).files;
  const page = (path: string) => text(files.find((f) => f.path === path)!);
  return { names, page };
}

describe('a WAP listing of products in two categories', () => {
  it('heads each category once on the WAP 2.0 list page, numbering the products on in the order shown', () => {
    const { names, page } = siteWithTwoCategories();
    const list = page('wap2/c/products.xhtml');
    const green = list.indexOf('<h2>绿茶</h2>');
    const black = list.indexOf('<h2>红茶</h2>');
    expect(green).toBeGreaterThan(0);
    expect(black).toBeGreaterThan(green);
    expect(list.indexOf(names[0]!)).toBeGreaterThan(green);
    expect(list.indexOf(names[0]!)).toBeLessThan(black);
    expect(list.indexOf(names[1]!)).toBeGreaterThan(black);
    const keys = [...list.matchAll(/accesskey="(\d)"/g)].map((m) => m[1]);
    expect(keys.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('heads each category once in the WML deck, in bold, the menu keys running on across categories', () => {
    const { names, page } = siteWithTwoCategories();
    const deck = page('wap1/c/products.wml');
    const green = deck.indexOf('<b>绿茶</b>');
    const black = deck.indexOf('<b>红茶</b>');
    expect(green).toBeGreaterThan(0);
    expect(black).toBeGreaterThan(green);
    expect(deck.indexOf(names[1]!.slice(0, 6))).toBeGreaterThan(black);
    const keys = [...deck.matchAll(/accesskey="(\d)"/g)].map((m) => m[1]);
    expect(keys.slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('keeps one plain list where the products share a category', () => {
    const { site, assets } = exampleBuild();
    const files = compile(site, templateFor(site), assets).files;
    expect(text(files.find((f) => f.path === 'wap2/c/products.xhtml')!)).not.toContain('<h2>');
    expect(text(files.find((f) => f.path === 'wap1/c/products.wml')!)).not.toContain('<b>茶叶</b>');
  });
});
