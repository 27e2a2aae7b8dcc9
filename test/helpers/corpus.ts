/**
 * The intake corpus (test/fixtures/materials/corpus, holdout): importing a folder into a real
 * backend as its enterprise, and scoring what the importer made against the folder's hand-written
 * `<folder>.expected.json` — items by type and title, their fields, where each photo went.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Input } from '../../shared/api';
import type { Site } from '../../shared/api/sites';
import { creditCodeCheckChar } from '../../shared/domain/creditCode';
import type { Item } from '../../shared/sites/model';
import { contactSummary, itemSummary, type ItemSummary } from '../../shared/sites/summary';
import { createTestBackend, type TestBackend } from './backend';
import { FIXTURES_DIR } from './paths';

export const CORPUS_DIR = path.join(FIXTURES_DIR, 'materials', 'corpus');
export const HOLDOUT_DIR = path.join(FIXTURES_DIR, 'materials', 'holdout');

export interface ExpectedPrice {
  fen: number | null;
  text?: string;
  maxFen?: number;
  unit?: string;
  from?: boolean;
}

export interface ExpectedItem {
  column: string;
  kind: Item['kind'];
  title: string;
  model?: string;
  price?: ExpectedPrice;
  headcount?: number;
  pay?: string;
  date?: string;
  yearInferred?: boolean;
  postKind?: 'supply' | 'demand';
  photos?: string[];
  ocr?: boolean;
}

export interface Expected {
  enterprise: {
    name: string;
    industrySection: string;
    region: { province: string; city: string; district: string };
    address: string;
    contact: { name: string; mobile: string };
  };
  shortName: string;
  items: ExpectedItem[];
  gallery: string[];
  logo?: string;
  notSitePhotos: string[];
  pages: string[];
  unplaced: string[];
  contact?: { address: string; postcode?: string; phones: string[]; fax?: string; person?: string; mobile?: string };
}

export const corpusFolders = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace('.expected.json', ''))
    .sort();

export const readExpected = (dir: string, folder: string): Expected =>
  JSON.parse(readFileSync(path.join(dir, `${folder}.expected.json`), 'utf8')) as Expected;

/** A valid credit code per folder (the check character computed), so each folder is its own enterprise. */
function creditCodeFor(folder: string): string {
  let hash = 0;
  for (const ch of folder) hash = (hash * 31 + ch.codePointAt(0)!) % 1_000_000;
  const first17 = `913703${String(hash).padStart(6, '0')}MA3C0`;
  return first17 + creditCodeCheckChar(first17);
}

/** Creates the folder's enterprise and imports the folder; returns the site as the importer left it. */
export async function importFolder(backend: TestBackend, dir: string, folder: string): Promise<{ site: Site; ms: number }> {
  const { enterprise } = readExpected(dir, folder);
  const input = {
    ...enterprise,
    creditCode: creditCodeFor(folder),
    manager: '李经理',
    channel: 'customer_manager',
  } as Input<'enterprises.create'>;
  const { id } = await backend.call('enterprises.create', input);
  const started = performance.now();
  const report = await backend.call('sites.import', { enterpriseId: id, paths: [path.join(dir, folder)] });
  const ms = performance.now() - started;
  return { site: await backend.call('sites.get', { siteId: report.siteId }), ms };
}

/** Imports each folder into its own fresh backend and scores it; `each` sees every score with the site it came from. */
export async function scoreAll(
  dir: string,
  folders: string[] = corpusFolders(dir),
  each?: (score: FolderScore, site: Site) => void,
): Promise<FolderScore[]> {
  const scores: FolderScore[] = [];
  for (const folder of folders) {
    const backend = createTestBackend();
    try {
      const { site } = await importFolder(backend, dir, folder);
      const score = scoreFolder(folder, readExpected(dir, folder), site);
      scores.push(score);
      each?.(score, site);
    } finally {
      backend.cleanup();
    }
  }
  return scores;
}

/* ---------- scoring ---------- */

export const normalizeTitle = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.，,；;！!？?]+$/, '')
    .toLowerCase();

/** The type an item is scored under: its kind, articles by the column they are in. */
const typeOf = (kind: string, column: string) => (kind === 'article' ? `article:${column === 'news' ? 'news' : 'other'}` : kind);

export interface Tally {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
}

export interface FolderScore {
  folder: string;
  byType: Record<string, Tally>;
  fields: { correct: number; total: number; wrong: string[] };
  photos: { placed: number; placedRight: number; expected: number; wrong: string[] };
  ocrMarked: { marked: number; total: number };
  contact: { correct: number; total: number; wrong: string[] };
  shortName: { expected: string; actual: string };
  missing: string[];
  extra: string[];
}

interface ActualItem {
  type: string;
  summary: ItemSummary;
  id: string;
}

function priceRight(expected: ExpectedPrice, actual: ItemSummary['price'], item: Item): boolean {
  if (!actual || item.kind !== 'product' || !item.price) return false;
  if (expected.fen === null) return item.price.kind === 'negotiable' && (!expected.text || actual.text === expected.text);
  if (item.price.kind !== 'amount' || item.price.fen !== expected.fen) return false;
  if ((item.price.maxFen ?? undefined) !== expected.maxFen) return false;
  if (expected.unit !== undefined && item.price.unit !== expected.unit) return false;
  return Boolean(item.price.from) === Boolean(expected.from);
}

/** Field checks of a matched item: [name, right?] for every field the expectation states. */
function fieldChecks(expected: ExpectedItem, actual: ItemSummary, item: Item, site: Site): [string, boolean][] {
  const checks: [string, boolean][] = [];
  if (expected.price) checks.push(['price', priceRight(expected.price, actual.price, item)]);
  if (expected.model) checks.push(['model', actual.model === expected.model]);
  if (expected.kind === 'job') checks.push(['headcount', actual.headcount === (expected.headcount ?? null)]);
  if (expected.pay) checks.push(['pay', Boolean(actual.pay?.includes(expected.pay))]);
  if (expected.date) {
    checks.push(['date', actual.date === expected.date]);
    const guess = site.intake.guesses.find((g) => g.target.kind === 'item' && g.target.itemId === item.id);
    checks.push(['year inferred said', (guess?.params.year === 'inferred') === Boolean(expected.yearInferred)]);
  }
  if (expected.postKind) checks.push(['postKind', actual.postKind === expected.postKind]);
  return checks;
}

/** Where each photo of the folder ended up: item title, "gallery", "logo", "tray", "page", or absent. */
function photoPlaces(site: Site): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const put = (file: string | undefined, place: string) => file && places.set(file, [...(places.get(file) ?? []), place]);
  for (const column of site.content.columns) {
    for (const block of column.body)
      if (block.type === 'image') put(block.image.fileName, column.type === 'intro' ? 'gallery' : `body:${column.type}`);
    for (const item of column.items)
      if (item.kind === 'product' || item.kind === 'article')
        for (const image of item.images) put(image.fileName, `item:${normalizeTitle(item.kind === 'product' ? item.name : item.title)}`);
  }
  if (site.content.profile.logo) put(site.content.profile.logo.fileName, 'logo');
  for (const entry of site.content.unsorted) for (const image of entry.images) put(image.fileName, entry.ocr ? 'page' : 'tray');
  return places;
}

export function scoreFolder(folder: string, expected: Expected, site: Site): FolderScore {
  const actual: ActualItem[] = site.content.columns.flatMap((column) =>
    column.items.map((item) => ({ type: typeOf(item.kind, column.type), summary: itemSummary(item), id: item.id })),
  );
  const items = new Map(site.content.columns.flatMap((c) => c.items.map((i) => [i.id, i] as const)));
  const score: FolderScore = {
    folder,
    byType: {},
    fields: { correct: 0, total: 0, wrong: [] },
    photos: { placed: 0, placedRight: 0, expected: 0, wrong: [] },
    ocrMarked: { marked: 0, total: 0 },
    contact: { correct: 0, total: 0, wrong: [] },
    shortName: { expected: expected.shortName, actual: site.content.profile.shortName },
    missing: [],
    extra: [],
  };
  const tally = (type: string) => (score.byType[type] ??= { truePositive: 0, falsePositive: 0, falseNegative: 0 });
  const unmatched = [...actual];
  for (const want of expected.items) {
    const type = typeOf(want.kind, want.column);
    const at = unmatched.findIndex((a) => a.type === type && normalizeTitle(a.summary.title) === normalizeTitle(want.title));
    if (at < 0) {
      tally(type).falseNegative++;
      score.missing.push(`${type} ${want.title}`);
      continue;
    }
    const [found] = unmatched.splice(at, 1);
    tally(type).truePositive++;
    const item = items.get(found!.id)!;
    for (const [field, right] of fieldChecks(want, found!.summary, item, site)) {
      score.fields.total++;
      if (right) score.fields.correct++;
      else
        score.fields.wrong.push(
          `${want.title}: ${field} is ${JSON.stringify(field in found!.summary ? found!.summary[field as keyof ItemSummary] : 'not said')}`,
        );
    }
    if (want.ocr) {
      score.ocrMarked.total++;
      const guess = site.intake.guesses.find((g) => g.target.kind === 'item' && g.target.itemId === found!.id);
      if (guess?.params.ocr) score.ocrMarked.marked++;
    }
  }
  for (const extra of unmatched) {
    tally(extra.type).falsePositive++;
    score.extra.push(`${extra.type} ${extra.summary.title}`);
  }
  scorePhotos(score, expected, site);
  scoreContact(score, expected, site);
  return score;
}

function scorePhotos(score: FolderScore, expected: Expected, site: Site): void {
  const want = new Map<string, string>();
  for (const item of expected.items)
    for (const photo of item.photos ?? []) want.set(path.posix.basename(photo), `item:${normalizeTitle(item.title)}`);
  for (const photo of expected.gallery) want.set(photo, 'gallery');
  if (expected.logo) want.set(expected.logo, 'logo');
  for (const photo of expected.pages) want.set(photo, 'page');
  for (const photo of expected.unplaced) want.set(photo, 'tray');
  const places = photoPlaces(site);
  score.photos.expected = [...want.values()].filter((p) => p.startsWith('item:') || p === 'gallery' || p === 'logo').length;
  for (const [file, where] of places) {
    for (const place of where) {
      if (place === 'tray' || place === 'page') {
        if (want.get(file) && want.get(file) !== place) score.photos.wrong.push(`${file}: ${place}, expected ${want.get(file)}`);
        continue;
      }
      score.photos.placed++;
      if (want.get(file) === place) score.photos.placedRight++;
      else score.photos.wrong.push(`${file}: ${place}, expected ${want.get(file) ?? 'nowhere'}`);
    }
  }
  for (const file of expected.notSitePhotos) if (places.has(file)) score.photos.wrong.push(`${file}: on the site, expected kept out`);
}

function scoreContact(score: FolderScore, expected: Expected, site: Site): void {
  if (!expected.contact) return;
  const actual = contactSummary(site.content.profile.contact);
  const checks: [string, unknown, unknown][] = [
    ['address', expected.contact.address, actual.address],
    ['phones', [...expected.contact.phones].sort().join(','), [...actual.phones].sort().join(',')],
    ...(['postcode', 'fax', 'person', 'mobile'] as const)
      .filter((k) => expected.contact![k] !== undefined)
      .map((k): [string, unknown, unknown] => [k, expected.contact![k], actual[k]]),
  ];
  for (const [name, want, got] of checks) {
    score.contact.total++;
    if (want === got) score.contact.correct++;
    else score.contact.wrong.push(`${name}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
}

/* ---------- totals ---------- */

export interface Totals {
  byType: Record<string, Tally & { precision: number; recall: number }>;
  items: { precision: number; recall: number };
  fields: number;
  photoPrecision: number;
  photoRecall: number;
  ocrMarked: number;
  contact: number;
  shortNames: string;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function totals(scores: FolderScore[]): Totals {
  const byType: Totals['byType'] = {};
  const sum: Tally = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  for (const score of scores)
    for (const [type, t] of Object.entries(score.byType)) {
      const into = (byType[type] ??= { truePositive: 0, falsePositive: 0, falseNegative: 0, precision: 0, recall: 0 });
      into.truePositive += t.truePositive;
      into.falsePositive += t.falsePositive;
      into.falseNegative += t.falseNegative;
      sum.truePositive += t.truePositive;
      sum.falsePositive += t.falsePositive;
      sum.falseNegative += t.falseNegative;
    }
  for (const t of Object.values(byType)) {
    t.precision = ratio(t.truePositive, t.truePositive + t.falsePositive);
    t.recall = ratio(t.truePositive, t.truePositive + t.falseNegative);
  }
  const add = (pick: (s: FolderScore) => [number, number]) => scores.map(pick).reduce(([a, b], [c, d]) => [a + c, b + d], [0, 0]);
  const [fieldsRight, fieldsTotal] = add((s) => [s.fields.correct, s.fields.total]);
  const [placedRight, placed] = add((s) => [s.photos.placedRight, s.photos.placed]);
  const [, expectedPlaced] = add((s) => [0, s.photos.expected]);
  const [marked, ocrTotal] = add((s) => [s.ocrMarked.marked, s.ocrMarked.total]);
  const [contactRight, contactTotal] = add((s) => [s.contact.correct, s.contact.total]);
  return {
    byType,
    items: {
      precision: ratio(sum.truePositive, sum.truePositive + sum.falsePositive),
      recall: ratio(sum.truePositive, sum.truePositive + sum.falseNegative),
    },
    fields: ratio(fieldsRight, fieldsTotal),
    photoPrecision: ratio(placedRight, placed),
    photoRecall: ratio(placedRight, expectedPlaced),
    ocrMarked: ratio(marked, ocrTotal),
    contact: ratio(contactRight, contactTotal),
    shortNames: `${scores.filter((s) => s.shortName.actual === s.shortName.expected).length}/${scores.length}`,
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** A table of the totals, for the test's output and the report. */
export function formatTotals(title: string, t: Totals): string {
  const lines = [
    title,
    ...Object.entries(t.byType).map(
      ([type, v]) =>
        `  ${type.padEnd(14)} precision ${pct(v.precision).padStart(6)}  recall ${pct(v.recall).padStart(6)}  (tp ${v.truePositive}, fp ${v.falsePositive}, fn ${v.falseNegative})`,
    ),
  ];
  lines.push(`  items overall  precision ${pct(t.items.precision)}  recall ${pct(t.items.recall)}`);
  lines.push(
    `  fields ${pct(t.fields)} · photo matches precision ${pct(t.photoPrecision)}, recall ${pct(t.photoRecall)} · OCR marked ${pct(t.ocrMarked)} · contact fields ${pct(t.contact)} · short names ${t.shortNames}`,
  );
  return lines.join('\n');
}
