/**
 * The oracles of SITES.md on whole sites (the quancheng-tea example and a generated 1,000-item site):
 * every WML deck and XHTML-MP page valid by xmllint against the WAP Forum DTDs, every deck within
 * the WBXML budget by xml2wbxml, every WAP 2.0 page within 10 KB of markup and 20 KB with images.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IMAGE_VARIANTS, type AssetResolver } from '../../../shared/sites/assets';
import { compile, type CompileResult } from '../../../shared/sites/compile';
import type { SiteContent } from '../../../shared/sites/model';
import { templateFor } from '../../../shared/sites/templates/catalog';
import { WML_DECK_BUDGET } from '../../../shared/sites/wap1/pages';
import { describeWith } from '../../helpers/systemTools';
import { exampleBuild, generatedSite, type GeneratedSite } from './generate';
import { text, writeTemp, xml2wbxmlSizes, xmllintProblems } from './oracles';

const posix = (from: string, href: string) => {
  const parts = from.split('/').slice(0, -1);
  for (const part of href.split('/')) {
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
};

/** The compiled files and the assets they use, by path (built once per site: a page lookup must not rebuild them). */
const byPath = (result: CompileResult) => ({
  files: new Map(result.files.map((f) => [f.path, f])),
  uses: new Map(result.assets.map((a) => [a.path, a])),
});

/** Bytes a WAP 2.0 page loads besides itself: its style sheet and images, looked up independently of the report. */
function loadedBytes(
  { files, uses }: ReturnType<typeof byPath>,
  assets: AssetResolver,
  page: string,
  markup: string,
): { bytes: number; widest: number } {
  let bytes = 0;
  let widest = 0;
  for (const match of markup.matchAll(/<link [^>]*href="([^"]+)"/g))
    bytes += new TextEncoder().encode(text(files.get(posix(page, match[1]!))!)).length;
  for (const match of markup.matchAll(/<img [^>]*src="([^"]+)"/g)) {
    const use = uses.get(posix(page, decodeURIComponent(match[1]!)))!;
    const derived = assets.resolve(use.sha256, use.variant)!;
    bytes += derived.bytes;
    widest = Math.max(widest, derived.width);
  }
  return { bytes, widest };
}

function suite(name: string, make: () => GeneratedSite, sampleEvery: number) {
  describeWith(['xmllint', 'xml2wbxml', '../shared'], `channels: ${name}`, () => {
    let site: SiteContent;
    let assets: AssetResolver;
    let result: CompileResult;
    let dir: string;
    let cleanup: () => void;
    beforeAll(() => {
      ({ site, assets } = make());
      result = compile(site, templateFor(site), assets);
      ({ dir, cleanup } = writeTemp(result.files));
    });
    afterAll(() => cleanup?.());

    const paths = (ext: string) => result.files.filter((f) => f.path.endsWith(`.${ext}`)).map((f) => f.path);

    it('compiles without errors in the report', () => {
      expect(result.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

    it('writes only valid WML 1.3 decks and XHTML-MP 1.0 pages (xmllint --valid against the WAP Forum DTDs)', () => {
      const wml = paths('wml');
      const xhtml = paths('xhtml');
      expect(wml.length).toBeGreaterThan(15);
      expect(xhtml.length).toBeGreaterThan(15);
      expect(xmllintProblems(dir, [...wml, ...xhtml])).toEqual([]);
    });

    it(`keeps every compiled WML deck within ${WML_DECK_BUDGET} bytes, measured by xml2wbxml -n`, async () => {
      const all = paths('wml');
      // The built-in encoder measures every deck; xml2wbxml measures a sample (all decks of small sites) and must agree.
      const reported = new Map(result.report.pages.map((p) => [p.path, p]));
      for (const deck of result.files.filter((f) => f.path.endsWith('.wml')))
        expect(reported.get(deck.path)!.compiledBytes).toBeLessThanOrEqual(WML_DECK_BUDGET);
      const sample = all.filter((_, i) => i % sampleEvery === 0);
      const sizes = await xml2wbxmlSizes(dir, sample);
      for (const path of sample) {
        expect(sizes.get(path)).toBeLessThanOrEqual(WML_DECK_BUDGET);
        expect(reported.get(path)!.compiledBytes, path).toBe(sizes.get(path));
      }
    }, 300_000);

    it('keeps every WAP 2.0 page within 10 KB of markup and 20 KB with its images and style sheet; images at most 240 px wide', () => {
      const compiled = byPath(result);
      for (const file of result.files.filter((f) => f.path.endsWith('.xhtml'))) {
        const markup = text(file);
        const size = new TextEncoder().encode(markup).length;
        const loaded = loadedBytes(compiled, assets, file.path, markup);
        expect(size, file.path).toBeLessThanOrEqual(10 * 1024);
        expect(size + loaded.bytes, file.path).toBeLessThanOrEqual(20 * 1024);
        expect(loaded.widest).toBeLessThanOrEqual(IMAGE_VARIANTS.wap2.maxWidth);
      }
    });
  });
}

suite('quancheng-tea', exampleBuild, 1);
suite('generated 1,000 items', () => generatedSite(1000), 10);
