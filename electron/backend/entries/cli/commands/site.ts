/**
 * `ecw site import MATERIALS_DIR --enterprise ID`, `ecw site show SITE_ID`, `ecw site build SITE_ID --out
 * OUT_DIR` and `ecw site signoff SITE_ID --signer NAME --signature PNG_FILE`, `site status`, `site stats`: the
 * site builder for scripts. Output shapes are fixed (issues 3, 9 and 10); scripts rely on them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { siteSummary, type SiteSummary } from '../../../../../shared/sites/summary';
import { CliError, type CliCommand, type CliIO } from '../io';
import { parseCommandArgs as parse, readSignaturePng, singleId } from './args';

const IMPORT_USAGE = 'site import MATERIALS_DIR --enterprise ID';
const BUILD_USAGE = 'site build SITE_ID --out OUT_DIR';
const SHOW_USAGE = 'site show SITE_ID';
const SIGNOFF_USAGE = 'site signoff SITE_ID --signer NAME --signature PNG_FILE';
const STATUS_USAGE = 'site status SITE_ID';
const STATS_USAGE = 'site stats SITE_ID [--days N]';

async function importMaterials(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { enterprise: { type: 'string' } }, IMPORT_USAGE);
  const [dir] = positionals;
  if (!dir || !values.enterprise || positionals.length > 1) throw new CliError('usage', `Usage: ecw ${IMPORT_USAGE}`, 2);
  const report = io.unwrap(await io.transport().invoke('sites.import', { enterpriseId: values.enterprise, paths: [path.resolve(dir)] }));
  const result = {
    siteId: report.siteId,
    columns: report.columns.map((c) => ({ type: c.type, title: c.title, items: c.items })),
    unsorted: report.unsorted,
    problems: report.problems.map((p) => ({ file: p.file, code: p.code, message: p.message })),
  };
  const human = [
    `site ${report.siteId}`,
    ...result.columns.map((c) => `  ${c.title} (${c.type}): ${c.items} items`),
    `  unsorted: ${result.unsorted}`,
    ...result.problems.map((p) => `  ! ${p.file}: ${p.code} — ${p.message}`),
  ].join('\n');
  io.print(result, human);
}

/** The summary as a person reads it: one line per column and item, then the contact block. */
function showText(summary: SiteSummary): string {
  const facts = (item: SiteSummary['columns'][number]['items'][number]) =>
    [
      item.model,
      item.price?.text,
      item.date,
      item.headcount !== null ? `${item.headcount}名` : null,
      item.pay,
      item.postKind === 'demand' ? '求购' : item.postKind === 'supply' ? '供应' : null,
      item.photos.length ? `photos: ${item.photos.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const c = summary.contact;
  return [
    ...summary.columns.flatMap((column) => [
      `${column.title} (${column.type}): ${column.items.length} items`,
      ...column.items.map((item) => `  ${item.title}${facts(item) ? `  — ${facts(item)}` : ''}`),
    ]),
    `contact: ${[c.address, c.postcode && `邮编 ${c.postcode}`, ...c.phones, c.fax && `传真 ${c.fax}`, c.person, c.mobile].filter(Boolean).join(' · ') || '(none)'}`,
    `logo: ${summary.logo ?? '(none)'}`,
    `unsorted: ${summary.unsorted}`,
  ].join('\n');
}

async function show(args: string[], io: CliIO): Promise<void> {
  const { positionals } = parse(args, {}, SHOW_USAGE);
  const [siteId] = positionals;
  if (!siteId || positionals.length > 1) throw new CliError('usage', `Usage: ecw ${SHOW_USAGE}`, 2);
  const site = io.unwrap(await io.transport().invoke('sites.get', { siteId }));
  const summary = siteSummary(site.content);
  io.print(summary, showText(summary));
}

async function build(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { out: { type: 'string' } }, BUILD_USAGE);
  const [siteId] = positionals;
  if (!siteId || !values.out || positionals.length > 1) throw new CliError('usage', `Usage: ecw ${BUILD_USAGE}`, 2);
  const outDir = path.resolve(values.out);
  const result = io.unwrap(await io.transport().invoke('sites.export', { siteId, outDir, force: true, zip: false }));
  const manifest = JSON.parse(readFileSync(path.join(result.dir, 'manifest.json'), 'utf8')) as unknown;
  const { errors, warnings } = result.report;
  io.print(manifest, `wrote ${result.files} files to ${result.dir} (${errors} errors, ${warnings} warnings; see manifest.json)`);
}

async function signoff(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { signer: { type: 'string' }, signature: { type: 'string' } }, SIGNOFF_USAGE);
  const siteId = singleId(positionals, SIGNOFF_USAGE);
  if (!values.signer || !values.signature) throw new CliError('usage', `Usage: ecw ${SIGNOFF_USAGE}`, 2);
  const input = { siteId, signerName: values.signer, signaturePngBase64: readSignaturePng(values.signature) };
  const { site, document } = io.unwrap(await io.transport().invoke('sites.signOff', input));
  io.print({ siteId: site.id, revision: site.revision }, `已确认 signed off revision ${site.revision} of ${site.id} (${document.title})`);
}

/** What the platform last reported (run `ecw sync` first for the newest). */
async function status(args: string[], io: CliIO): Promise<void> {
  const { positionals } = parse(args, {}, STATUS_USAGE);
  const p = io.unwrap(await io.transport().invoke('sites.publication', { siteId: singleId(positionals, STATUS_USAGE) }));
  const result = {
    siteId: p.siteId,
    localRevision: p.localRevision,
    liveRevision: p.liveRevision,
    publishedAt: p.publishedAt,
    urls: p.urls ?? { web: null, wap: null },
    host: p.host,
  };
  const human = [
    `site ${p.siteId}: ${p.status ?? 'not published'}; local revision ${p.localRevision}, live ${p.liveRevision ?? '-'}${p.publishedAt ? ` since ${p.publishedAt}` : ''}`,
    ...(p.urls ? [`  ${p.urls.web}`, `  ${p.urls.wap}`] : []),
    ...(p.failure ? [`  ! ${p.failure.code}: ${p.failure.message}`] : []),
  ].join('\n');
  io.print(result, human);
}

async function stats(args: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parse(args, { days: { type: 'string' } }, STATS_USAGE);
  const siteId = singleId(positionals, STATS_USAGE);
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    throw new CliError('usage', `--days must be a whole number of days.\nUsage: ecw ${STATS_USAGE}`, 2);
  const result = io.unwrap(await io.transport().invoke('sites.visitStats', { siteId, days }));
  const human = result.days.map((d) => `${d.date}  ${d.channel.padEnd(4)}  PV ${d.pv}  UV ${d.uv}`).join('\n') || 'no visits';
  io.print({ days: result.days.map((d) => ({ date: d.date, channel: d.channel, pv: d.pv, uv: d.uv })) }, human);
}

export const siteCommands: CliCommand[] = [
  { path: ['site', 'import'], usage: IMPORT_USAGE, run: importMaterials },
  { path: ['site', 'show'], usage: SHOW_USAGE, run: show },
  { path: ['site', 'build'], usage: BUILD_USAGE, run: build },
  { path: ['site', 'signoff'], usage: SIGNOFF_USAGE, run: signoff },
  { path: ['site', 'status'], usage: STATUS_USAGE, run: status },
  { path: ['site', 'stats'], usage: STATS_USAGE, run: stats },
];
