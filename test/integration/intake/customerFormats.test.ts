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

describe('an OpenDocument presentation (.odp)', () => {
  it('reads each page’s title as a heading with its text and pictures under it', async () => {
    const { site, problems } = await importFiles({ '茶庄介绍.odp': readFileSync(path.join(FORMATS, '茶庄介绍.odp')) });
    expect(problems).toEqual([]);
    expect(prices(site)).toEqual([
      ['龙井', 36800, '斤'],
      ['碧螺春', 29800, '斤'],
    ]);
    expect(pictures(site).length).toBeGreaterThan(0);
    expect(site.content.columns.map((c) => c.type)).toContain('contact');
  });
});

const jpeg = (r: number, g: number, b: number) =>
  sharp({ create: { width: 80, height: 60, channels: 3, background: { r, g, b } } })
    .jpeg()
    .toBuffer();

/** An RFC 2047 encoded word, as mail writers put Chinese into headers. */
const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
const base64Lines = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

describe('pictures inside an e-mail or a saved web page', () => {
  it('places a cid: picture of an Outlook mail where its HTML shows it, once, and still imports the attached photo', async () => {
    const html =
      '<html><body><div>李经理您好：</div><div>-------- 转发邮件信息 --------</div><div>发件人：孙总 &lt;sun@x.example&gt;</div>' +
      '<div>主题：公司介绍</div><p><b>公司简介</b></p><p>海纳进口食品成立于2015年，经营进口冷冻肉类和乳制品。</p>' +
      '<p><img width="80" height="60" src="cid:image001.jpg@01DB4A1C.5E2F3A40" alt="仓库"></p><p>我们在临沂有三座冷库。</p></body></html>';
    const text = '李经理您好：\r\n\r\n公司简介\r\n海纳进口食品成立于2015年，经营进口冷冻肉类和乳制品。\r\n我们在临沂有三座冷库。';
    const [inline, attached] = [await jpeg(20, 120, 200), await jpeg(200, 40, 40)];
    const mail = [
      'From: sun@x.example',
      `Subject: ${word('转发：公司介绍')}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="mixed"',
      '',
      '--mixed',
      'Content-Type: multipart/related; boundary="related"; type="multipart/alternative"',
      '',
      '--related',
      'Content-Type: multipart/alternative; boundary="alt"',
      '',
      '--alt',
      'Content-Type: text/plain; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(text)),
      '--alt',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(Buffer.from(html)),
      '--alt--',
      '--related',
      'Content-Type: image/jpeg; name="image001.jpg"',
      'Content-Description: image001.jpg',
      'Content-Disposition: inline; filename="image001.jpg"',
      'Content-ID: <image001.jpg@01DB4A1C.5E2F3A40>',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(inline),
      '--related--',
      '--mixed',
      `Content-Type: image/jpeg; name="${word('冷库.jpg')}"`,
      `Content-Disposition: attachment; filename="${word('冷库.jpg')}"`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(attached),
      '--mixed--',
      '',
    ].join('\r\n');
    const { site, problems } = await importFiles({ '转发：公司介绍.eml': Buffer.from(mail) });
    expect(problems).toEqual([]);
    const intro = site.content.columns.find((c) => c.type === 'intro')!;
    const texts = intro.body.map((b) =>
      b.type === 'image' ? `[${b.image.alt}]` : b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type,
    );
    const at = texts.indexOf('[仓库]');
    expect(texts.slice(at - 1, at + 2)).toEqual([
      '海纳进口食品成立于2015年，经营进口冷冻肉类和乳制品。',
      '[仓库]',
      '我们在临沂有三座冷库。',
    ]);
    expect(JSON.stringify(site.content)).not.toContain('发件人');
    // The inline picture is in the text only; the attached photo is offered as a photo, as before.
    const shown = pictures(site).map((p) => p.fileName ?? '');
    expect(shown.filter((name) => name.includes('image001'))).toEqual([]);
    expect(shown).toContain('冷库.jpg');
  });

  it('places the pictures of a web page saved as .mht by their Content-Location', async () => {
    const html =
      '<html><body><h1>公司简介</h1><p>泉城茶庄始于2006年。</p><img src="公司简介.files/image001.jpg"><p>三家门店都在泉城路。</p></body></html>';
    const mht = [
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary="----=_NextPart_01DB"; type="text/html"',
      '',
      '------=_NextPart_01DB',
      'Content-Location: file:///C:/Users/li/Desktop/公司简介.htm',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Type: text/html; charset="utf-8"',
      '',
      html,
      '',
      '------=_NextPart_01DB',
      'Content-Location: file:///C:/Users/li/Desktop/公司简介.files/image001.jpg',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/jpeg',
      '',
      base64Lines(await jpeg(30, 150, 60)),
      '',
      '------=_NextPart_01DB--',
      '',
    ].join('\r\n');
    const { site, problems } = await importFiles({ '公司简介.mht': Buffer.from(mht) });
    expect(problems).toEqual([]);
    const intro = site.content.columns.find((c) => c.type === 'intro')!;
    expect(intro.body.map((b) => b.type)).toEqual(['paragraph', 'image', 'paragraph']);
  });
});
