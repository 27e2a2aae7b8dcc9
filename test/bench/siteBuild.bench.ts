/**
 * Building a generated site of 1,000 items and 200 photos (derived sizes cached), and — same run,
 * same machine — Hugo (Debian `hugo`) building the same 1,000 pages from markdown with the same
 * pictures, process start included. The HTML work compared: ours with every column switched to WEB
 * only (a cold compile through the public `compile()`, then writing the pages and pictures) against
 * Hugo. Target: ours / Hugo ≤ 1.5. The full four-channel build (WEB, WAP 2.0, WAP 1.0, SMS) is
 * printed too. Run alone: `npx tsx test/bench/siteBuild.bench.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { derivedImagePath } from '../../shared/sites/assets';
import { createCompiler } from '../../shared/sites/compile';
import { itemTitle, sortedColumns, type Block, type Item, type Run, type SiteContent } from '../../shared/sites/model';
import { templateFor } from '../../shared/sites/templates/catalog';
import { prepareAssets } from '../../electron/backend/domains/sites/build';
import { writeBuild } from '../../electron/backend/domains/sites/exportSite';
import { emitSummary, ms, printTable, ratio, stats, tempDir } from './benchUtil';
import { benchSite } from './siteFixture';

const ROUNDS = 5;
const TARGET_RATIO = 1.5;

/* ---------- the same content as a Hugo site ---------- */

const md = (runs: Run[]) =>
  runs
    .map((r) => {
      const text = r.text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
      const marked = r.strong ? `**${text}**` : r.em ? `*${text}*` : text;
      return r.href ? `[${marked}](${r.href})` : marked;
    })
    .join('');

function blocksToMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  const list = (items: { runs: Run[]; children?: { runs: Run[] }[] }[], ordered: boolean, depth: number): void => {
    items.forEach((item, i) => {
      out.push(`${'   '.repeat(depth)}${ordered ? `${i + 1}.` : '-'} ${md(item.runs)}`);
      if (item.children) list(item.children, ordered, depth + 1);
    });
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(md(b.runs), '');
    else if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${md(b.runs)}`, '');
    else if (b.type === 'list') {
      list(b.items, b.ordered, 0);
      out.push('');
    } else if (b.type === 'table') {
      const [head, ...rows] = b.rows;
      out.push(
        `| ${head!.map(md).join(' | ')} |`,
        `|${head!.map(() => ' --- |').join('')}`,
        ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
        '',
      );
    } else out.push(`![${b.image.alt}](/${derivedImagePath(b.image.sha256, 'web480')})`, '');
  }
  return out.join('\n');
}

function itemMarkdown(item: Item): string {
  const front = [`title: ${JSON.stringify(itemTitle(item))}`];
  let body: Block[] = [];
  const images: string[] = [];
  if (item.kind === 'product') {
    body = item.description;
    front.push(
      `price: ${JSON.stringify(item.price?.kind === 'amount' ? item.price.fen / 100 : '面议')}`,
      `spec: ${JSON.stringify(item.spec ?? '')}`,
    );
    images.push(...item.images.map((i) => i.sha256));
  } else if (item.kind === 'article') {
    body = item.body;
    if (item.date) front.push(`date: ${item.date}`);
    images.push(...item.images.map((i) => i.sha256));
  } else if (item.kind === 'job') body = item.requirements;
  else if (item.kind === 'post') body = item.text;
  else if (item.photo) images.push(item.photo.sha256);
  front.push(`images: ${JSON.stringify(images.map((s) => `/${derivedImagePath(s, 'web480')}`))}`);
  return `---\n${front.join('\n')}\n---\n\n${blocksToMarkdown(body)}\n`;
}

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - {{ .Site.Title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><header><h1><a href="/">{{ .Site.Title }}</a></h1><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav></header><main>{{ block "main" . }}{{ end }}</main><footer>{{ .Site.Params.address }}</footer></body></html>`,
  '_default/single.html': `{{ define "main" }}<article><h2>{{ .Title }}</h2>{{ with .Params.price }}<p class="price">{{ . }}</p>{{ end }}{{ with .Params.spec }}<p>{{ . }}</p>{{ end }}{{ range .Params.images }}<img src="{{ . }}" alt="{{ $.Title }}" width="480" height="360">{{ end }}{{ .Content }}</article>{{ end }}`,
  '_default/list.html': `{{ define "main" }}<h2>{{ .Title }}</h2><ul>{{ $p := .Paginate .Pages }}{{ range $p.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 60 }}</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}{{ end }}`,
  'index.html': `{{ define "main" }}{{ range .Site.Sections }}<section><h2>{{ .Title }}</h2><ul>{{ range first 5 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}{{ end }}`,
};

function writeHugoSite(root: string, content: SiteContent, webImages: Map<string, string>): number {
  rmSync(root, { recursive: true, force: true });
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  write(
    'config.toml',
    `baseURL = "https://quanchengtea.ec.example.cn/"\ntitle = ${JSON.stringify(content.profile.name)}\nlanguageCode = "zh-CN"\npaginate = 12\ndisableKinds = ["taxonomy", "term", "RSS"]\n[params]\naddress = ${JSON.stringify(content.profile.contact.address)}\n`,
  );
  for (const [file, text] of Object.entries(LAYOUTS)) write(`layouts/${file}`, text);
  write('static/style.css', 'body{font-family:sans-serif}');
  let pages = 0;
  for (const column of sortedColumns(content)) {
    write(`content/${column.id}/_index.md`, `---\ntitle: ${JSON.stringify(column.title)}\n---\n\n${blocksToMarkdown(column.body)}\n`);
    for (const item of column.items) {
      write(`content/${column.id}/${item.id}.md`, itemMarkdown(item));
      pages++;
    }
  }
  for (const [relative, from] of webImages) {
    mkdirSync(path.dirname(path.join(root, 'static', relative)), { recursive: true });
    copyFileSync(from, path.join(root, 'static', relative));
  }
  return pages;
}

function hugoRound(root: string): number {
  rmSync(path.join(root, 'public'), { recursive: true, force: true });
  const started = performance.now();
  execFileSync('hugo', ['--quiet', '--source', root, '--destination', 'public'], { stdio: 'inherit' });
  return performance.now() - started;
}

async function main() {
  if (spawnSync('sh', ['-c', 'command -v hugo'], { stdio: 'ignore' }).status !== 0)
    throw new Error('hugo (Debian package) is needed as the reference.');
  const site = await benchSite(1000, 200);
  console.log(`set up a site of 1,000 items and 200 photos (derived sizes cached) in ${(site.setupMs / 1000).toFixed(1)} s`);

  const assets = await prepareAssets(site.ctx, site.content);
  const webImages = new Map([...assets.byPath].filter(([p]) => /-web(480|1200)\./.test(p)).map(([p, d]) => [p, d.file]));
  const hugoRoot = path.join(tempDir('ecw-hugo-'), 'site');
  const hugoPages = writeHugoSite(hugoRoot, site.content, webImages);
  const out = path.join(tempDir('ecw-build-bench-'), 'out');

  const webOnly: SiteContent = {
    ...site.content,
    columns: site.content.columns.map((c) => ({ ...c, channels: { web: true, wap2: false, wap1: false, sms: false } })),
  };
  const buildOnce = async (content: SiteContent) => {
    rmSync(out, { recursive: true, force: true });
    const t0 = performance.now();
    const prepared = await prepareAssets(site.ctx, content);
    const t1 = performance.now();
    const result = createCompiler().compile(content, templateFor(content), prepared.resolver);
    const t2 = performance.now();
    const manifest = await writeBuild({ result, assets: prepared }, out);
    const t3 = performance.now();
    return {
      prepare: t1 - t0,
      compile: t2 - t1,
      write: t3 - t2,
      total: t3 - t0,
      files: manifest.files.length,
      web: result.report.summary.pagesPerChannel.web,
    };
  };

  const hugo: number[] = [];
  const web: Awaited<ReturnType<typeof buildOnce>>[] = [];
  const all: Awaited<ReturnType<typeof buildOnce>>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    hugo.push(hugoRound(hugoRoot));
    web.push(await buildOnce(webOnly));
    if (round < 3) all.push(await buildOnce(site.content));
  }
  const p50 = (v: number[]) => stats(v).p50;
  const row = (what: string, runs: typeof web) => ({
    what,
    'resolve pictures': ms(p50(runs.map((r) => r.prepare))),
    compile: ms(p50(runs.map((r) => r.compile))),
    write: ms(p50(runs.map((r) => r.write))),
    total: ms(p50(runs.map((r) => r.total))),
    files: runs[0]!.files,
  });
  printTable(`Site of 1,000 items, 200 photos (p50 ms; ${ROUNDS} rounds, four-channel build 3 rounds)`, [
    row(`ours, WEB only (${web[0]!.web} pages)`, web),
    {
      what: `Hugo, same items as markdown (${hugoPages} item pages + lists)`,
      'resolve pictures': '',
      compile: '',
      write: '',
      total: ms(p50(hugo)),
      files: '',
    },
    row('ours, all four channels (information)', all),
  ]);
  const r = p50(web.map((w) => w.total)) / p50(hugo);
  console.log(
    `\nHTML work: ours / Hugo = ${ratio(p50(web.map((w) => w.total)), p50(hugo))} (target ≤ ${TARGET_RATIO}) ${r <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
  );
  console.log(
    `all four channels / Hugo = ${ratio(p50(all.map((a) => a.total)), p50(hugo))} (WAP 1.0 decks are compiled to WBXML to check their size)`,
  );
  emitSummary('siteBuild', [
    { metric: 'build 1,000 items WEB (HTML work)', value: p50(web.map((w) => w.total)), referenceName: 'hugo', reference: p50(hugo) },
    { metric: 'build 1,000 items, all 4 channels', value: p50(all.map((a) => a.total)) },
  ]);
  site.backend.close();
}

await main();
