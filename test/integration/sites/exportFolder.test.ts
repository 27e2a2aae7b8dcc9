/**
 * Export never deletes what the app did not write (issue 8 item 1): a non-empty folder that is not
 * a previous export of ours is refused, a previous export is replaced in one step, and anything its
 * manifest did not list stays where it is.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { ecw } from '../cli/support';
import { columnOf, MATERIALS, useImportedTeaSites } from './support';
import { editSite } from '../../helpers/siteEdits';

const imported = useImportedTeaSites();

interface ManifestOnDisk {
  files: { path: string; bytes: number }[];
}
const manifestIn = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ManifestOnDisk;

/** Every file under `dir`, as relative paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe('ecw site build --out into a folder of the user', () => {
  it('refuses a non-empty folder that is not an export of ours, and leaves its files alone', async () => {
    const dataDir = tempDir();
    const created = await ecw(
      '--data-dir',
      dataDir,
      'enterprise',
      'create',
      '--from',
      path.join(MATERIALS, 'enterprise.json'),
      '--manager',
      '李经理',
      '--json',
    );
    const { id } = created.json as { id: string };
    const { siteId } = (await ecw('--data-dir', dataDir, 'site', 'import', MATERIALS, '--enterprise', id, '--json')).json as {
      siteId: string;
    };

    const out = path.join(tempDir(), 'U');
    mkdirSync(path.join(out, 'web'), { recursive: true });
    writeFileSync(path.join(out, 'web', 'notes.txt'), 'notes\n');
    const run = await ecw('--data-dir', dataDir, 'site', 'build', siteId, '--out', out, '--json');
    expect(run.code).toBe(1);
    expect((run.json as { error: { code: string } }).error.code).toBe('site.export_folder_not_ours');
    expect(filesUnder(out)).toEqual(['web/notes.txt']);
    expect(readFileSync(path.join(out, 'web', 'notes.txt'), 'utf8')).toBe('notes\n');

    // An empty folder (or none) is fine.
    const empty = path.join(tempDir(), 'empty');
    mkdirSync(empty);
    expect((await ecw('--data-dir', dataDir, 'site', 'build', siteId, '--out', empty, '--json')).code).toBe(0);
    expect(existsSync(path.join(empty, 'manifest.json'))).toBe(true);
  });
});

describe('exporting again into a previous export', () => {
  it('keeps what the user added, removes only files the previous manifest listed, and writes the new export', async () => {
    const { backend, site } = await imported();
    const out = path.join(tempDir(), 'site');
    await backend.call('sites.export', { siteId: site.id, outDir: out, zip: false });
    const jobs = columnOf(site, 'jobs');
    const jobPages = manifestIn(out)
      .files.map((f) => f.path)
      .filter((p) => p.includes(jobs.id));
    expect(jobPages.length).toBeGreaterThan(0);

    writeFileSync(path.join(out, 'web', 'notes.txt'), 'notes\n');
    mkdirSync(path.join(out, '.git'));
    writeFileSync(path.join(out, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(path.join(out, 'README.txt'), '上传到服务器前先看这里\n');

    await backend.call('sites.removeColumn', { siteId: site.id, columnId: jobs.id, discard: true });
    await backend.call('sites.export', { siteId: site.id, outDir: out, zip: false });

    const manifest = manifestIn(out);
    expect(manifest.files.some((f) => f.path.includes(jobs.id))).toBe(false);
    for (const page of jobPages) expect(existsSync(path.join(out, page)), page).toBe(false);
    for (const f of manifest.files) expect(readFileSync(path.join(out, f.path)).byteLength, f.path).toBe(f.bytes);
    expect(readFileSync(path.join(out, 'web', 'notes.txt'), 'utf8')).toBe('notes\n');
    expect(readFileSync(path.join(out, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(readFileSync(path.join(out, 'README.txt'), 'utf8')).toBe('上传到服务器前先看这里\n');
    expect(filesUnder(out)).toEqual(
      [...manifest.files.map((f) => f.path), 'manifest.json', '.git/HEAD', 'README.txt', 'web/notes.txt'].sort(),
    );
    // Nothing is left beside the folder.
    expect(readdirSync(path.dirname(out))).toEqual(['site']);
  });

  it('refuses, changing nothing, when a file of the user stands where the new export writes one', async () => {
    const { backend, site } = await imported();
    const out = path.join(tempDir(), 'site');
    await backend.call('sites.export', { siteId: site.id, outDir: out, zip: false });
    const before = filesUnder(out);
    // A page column: an empty list column (news …) is a check error, which refuses the export before the folder is looked at.
    const changed = await editSite(backend, 'sites.addColumn', { siteId: site.id, type: 'custom', title: '活动预告' });
    const added = changed.content.columns.find((c) => c.title === '活动预告')!;
    const newPage = (await backend.call('sites.build', { siteId: site.id })).files
      .map((f) => f.path)
      .find((p) => p.startsWith('web/') && p.includes(added.id))!;
    writeFileSync(path.join(out, newPage), '<p>我自己写的页面</p>');

    const refused = await backend.transport.invoke('sites.export', { siteId: site.id, outDir: out, zip: false });
    expect(refused.ok || refused.error.code).toBe('site.export_folder_conflict');
    expect(refused.ok || refused.error.details).toMatchObject({ paths: [newPage] });
    expect(readFileSync(path.join(out, newPage), 'utf8')).toBe('<p>我自己写的页面</p>');
    expect(filesUnder(out)).toEqual([...before, newPage].sort());
    expect(readdirSync(path.dirname(out))).toEqual(['site']);
  });

  it('replaces the previous export in one step: a reader never sees a manifest whose files are missing', async () => {
    const { backend, site } = await imported();
    const out = path.join(tempDir(), 'site');
    await backend.call('sites.export', { siteId: site.id, outDir: out, zip: false });
    await backend.call('sites.removeColumn', { siteId: site.id, columnId: columnOf(site, 'jobs').id, discard: true });

    let done = false;
    const torn: string[] = [];
    let looks = 0;
    const reader = (async () => {
      while (!done) {
        looks++;
        const before = await readFile(path.join(out, 'manifest.json'), 'utf8').catch(() => null);
        if (before) {
          const missing = (JSON.parse(before) as ManifestOnDisk).files
            .filter((f) => !existsSync(path.join(out, f.path)))
            .map((f) => f.path);
          const after = await readFile(path.join(out, 'manifest.json'), 'utf8').catch(() => null);
          if (missing.length && after === before) torn.push(...missing);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await backend.call('sites.export', { siteId: site.id, outDir: out, zip: false });
    done = true;
    await reader;
    expect(looks).toBeGreaterThan(1);
    expect(torn).toEqual([]);
  });

  it('refuses to overwrite a zip of the same name that it did not write', async () => {
    const { backend, site } = await imported();
    const out = path.join(tempDir(), 'site');
    writeFileSync(`${out}.zip`, 'the customer’s own archive');
    const refused = await backend.transport.invoke('sites.export', { siteId: site.id, outDir: out, zip: true });
    expect(refused.ok || refused.error.code).toBe('site.export_zip_not_ours');
    expect(readFileSync(`${out}.zip`, 'utf8')).toBe('the customer’s own archive');
    expect(existsSync(out)).toBe(false);

    // Beside a previous export of ours, the zip is replaced with the folder.
    const ours = path.join(tempDir(), 'site');
    const first = await backend.call('sites.export', { siteId: site.id, outDir: ours, zip: true });
    const second = await backend.call('sites.export', { siteId: site.id, outDir: ours, zip: true });
    expect(second.zipPath).toBe(first.zipPath);
    expect(readFileSync(second.zipPath!).byteLength).toBe(second.zipBytes);
  });
});
