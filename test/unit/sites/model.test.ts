import { describe, expect, it } from 'vitest';
import { exampleSite } from '../../../shared/sites/example';
import { formatPrice, isAllowedHref, plainText, siteContentSchema } from '../../../shared/sites/model';

describe('site content model', () => {
  it('accepts the quancheng-tea example', () => {
    const parsed = siteContentSchema.safeParse(exampleSite());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('refuses an item of the wrong kind for its column and duplicate ids', () => {
    const site = exampleSite();
    const products = site.columns.find((c) => c.type === 'products')!;
    products.items.push({ kind: 'job', id: 'p-longjing', title: 'x', requirements: [], pay: '' });
    const messages = siteContentSchema.safeParse(site).error!.issues.map((i) => i.message);
    expect(messages).toContain('site.item.kind_mismatch');
    expect(messages).toContain('site.id.duplicate');
  });

  it('refuses link schemes other than http, https, mailto and tel', () => {
    expect(isAllowedHref('https://example.cn/a?b=1')).toBe(true);
    expect(isAllowedHref('tel:0531-86001234')).toBe(true);
    expect(isAllowedHref('javascript:alert(1)')).toBe(false);
    expect(isAllowedHref(' JaVaScRiPt:alert(1)')).toBe(false);
    expect(isAllowedHref('data:text/html,<script>')).toBe(false);
    expect(isAllowedHref('/relative')).toBe(false);
  });

  it('refuses ids that are not safe as file names', () => {
    const site = exampleSite();
    site.columns[0]!.id = '../../etc';
    expect(siteContentSchema.safeParse(site).success).toBe(false);
  });

  it('refuses an invalid own domain and accepts an IDN one', () => {
    const site = exampleSite();
    site.domain = { kind: 'own', name: '-bad.cn' };
    expect(siteContentSchema.safeParse(site).success).toBe(false);
    site.domain = { kind: 'own', name: '示例企业.公司' };
    expect(siteContentSchema.safeParse(site).success).toBe(true);
  });

  it('gives plain text of rich text and formats prices', () => {
    expect(
      plainText([
        { type: 'list', ordered: false, items: [{ runs: [{ text: 'a' }], children: [{ runs: [{ text: 'b', strong: true }] }] }] },
        { type: 'table', header: true, rows: [[[{ text: '名称' }], [{ text: '价格' }]]] },
      ]),
    ).toBe('a\nb\n名称 | 价格');
    expect(formatPrice({ kind: 'amount', fen: 36800 })).toBe('368元');
    expect(formatPrice({ kind: 'amount', fen: 36850, unit: '罐' })).toBe('368.50元/罐');
    expect(formatPrice({ kind: 'negotiable' })).toBe('面议');
  });
});
