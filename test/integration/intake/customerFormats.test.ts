/**
 * Formats customers still send, through `sites.import` on a real backend: iPhone HEIC photos,
 * LibreOffice/WPS OpenDocument files, pictures on PowerPoint slides, pictures inside e-mails
 * (`cid:`) and Word text boxes drawn without a VML fallback.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { stopReadWorker } from '../../../electron/backend/domains/intake/readClient';
import { readAsset } from '../../../electron/backend/domains/assets/store';
import type { Site } from '../../../shared/api/sites';
import { itemTitle } from '../../../shared/sites/model';
import { createTestBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { FIXTURES_DIR } from '../../helpers/paths';
import { teaEnterprise } from '../sites/support';

const backends: TestBackend[] = [];
afterEach(() => backends.splice(0).forEach((b) => b.cleanup()));
afterAll(() => stopReadWorker());

const FORMATS = path.join(FIXTURES_DIR, 'formats');

async function importFiles(
  files: Record<string, Uint8Array | string>,
): Promise<{ b: TestBackend; site: Site; problems: Site['intake']['problems'] }> {
  const b = createTestBackend();
  backends.push(b);
  const enterpriseId = await teaEnterprise(b);
  const dir = tempDir();
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
  const report = await b.call('sites.import', { enterpriseId, paths: [dir] });
  const site = await b.call('sites.get', { siteId: report.siteId });
  return { b, site, problems: report.problems };
}

/** Every picture the site shows or holds in the tray (anything with a sha256), in content order. */
function pictures(site: Site): { sha256: string; fileName?: string }[] {
  const found: { sha256: string; fileName?: string }[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (typeof object.sha256 === 'string') found.push(object as { sha256: string; fileName?: string });
      else Object.values(object).forEach(walk);
    }
  };
  walk(site.content);
  return found;
}

describe('an iPhone HEIC photo', () => {
  it('is stored upright as a JPEG and offered like any photo', async () => {
    const { b, site, problems } = await importFiles({ 'IMG_0001.HEIC': readFileSync(path.join(FORMATS, 'IMG_0001.HEIC')) });
    expect(problems).toEqual([]);
    const held = pictures(site);
    expect(held.length).toBeGreaterThan(0);
    const stored = readAsset(b.dataDir, held[0]!.sha256);
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 64, 96]);
  });
});

const columns = (site: Site) =>
  site.content.columns.map((c) => ({
    type: c.type,
    items: c.items.map((i) => (i.kind === 'product' ? i.name : itemTitle(i))),
    images: c.body.flatMap((block) => (block.type === 'image' ? [block.image.sha256] : [])),
  }));

const prices = (site: Site) =>
  (site.content.columns.find((c) => c.type === 'products')?.items ?? []).map((i) =>
    i.kind === 'product' && i.price?.kind === 'amount' ? [i.name, i.price.fen, i.price.unit] : [itemTitle(i)],
  );

describe('OpenDocument files (LibreOffice, WPS)', () => {
  // Made by LibreOffice 7.4 from 公司简介.source.html and 茶叶价目.source.csv (see README.md there).
  it('reads an .odt: its headings as columns, its list and table as products with prices, its picture where it stands', async () => {
    const { site, problems } = await importFiles({ '公司简介.odt': readFileSync(path.join(FORMATS, '公司简介.odt')) });
    expect(problems).toEqual([]);
    expect(columns(site).map((c) => c.type)).toEqual(['intro', 'products', 'contact']);
    expect(prices(site)).toEqual([
      ['龙井', 36800, '斤'],
      ['碧螺春', 29800, '斤'],
      ['白茶', 26800, '斤'],
      ['红茶', 19800, '斤'],
    ]);
    const intro = site.content.columns.find((c) => c.type === 'intro')!;
    expect(intro.body.map((b) => (b.type === 'image' ? `image:${b.image.alt}` : b.type))).toEqual(['paragraph', 'image:门店', 'paragraph']);
    expect(pictures(site).length).toBeGreaterThan(0);
  });

  it('reads an .ods price list sheet by sheet, and names a damaged .odt', async () => {
    const { site, problems } = await importFiles({
      '茶叶价目.ods': readFileSync(path.join(FORMATS, '茶叶价目.ods')),
      '损坏.odt': 'not a zip',
    });
    expect(problems.map((p) => [p.file, p.code])).toEqual([['损坏.odt', 'odf.unreadable']]);
    expect(prices(site)).toEqual([
      ['龙井', 36800, '斤'],
      ['碧螺春', 29800, '斤'],
      ['白茶', 26800, '饼'],
    ]);
  });
});
