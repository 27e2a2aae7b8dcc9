/**
 * `ecw site show SITE_ID --json` (issue 9): the structured content as scripts read it, in exactly the
 * documented shape; and the machinery maker's 16.8万元 lathe is 168,000 元 on the published site.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../shared/domain/creditCode';
import { tempDir } from '../../helpers/backend';
import { CORPUS_DIR, readExpected } from '../../helpers/corpus';
import { ecw } from '../cli/support';

const FOLDER = 'luzhong-machinery';

async function importedMachineryMaker(): Promise<{ dataDir: string; siteId: string }> {
  const dataDir = tempDir();
  const { enterprise } = readExpected(CORPUS_DIR, FOLDER);
  const first17 = '91370303MA3C1234X';
  const file = path.join(tempDir(), 'enterprise.json');
  writeFileSync(
    file,
    JSON.stringify({ ...enterprise, creditCode: first17 + creditCodeCheckChar(first17), plan: 'standard', openDate: '2026-11-16' }),
  );
  const created = await ecw('--data-dir', dataDir, 'enterprise', 'create', '--from', file, '--manager', '李经理', '--json');
  expect(created.code).toBe(0);
  const imported = await ecw(
    '--data-dir',
    dataDir,
    'site',
    'import',
    path.join(CORPUS_DIR, FOLDER),
    '--enterprise',
    (created.json as { id: string }).id,
    '--json',
  );
  expect(imported.code).toBe(0);
  return { dataDir, siteId: (imported.json as { siteId: string }).siteId };
}

describe('ecw site show', () => {
  it('prints the columns, items, contact block, logo and tray size in the documented shape', async () => {
    const { dataDir, siteId } = await importedMachineryMaker();
    const run = await ecw('--data-dir', dataDir, 'site', 'show', siteId, '--json');
    expect(run.code).toBe(0);
    const shown = run.json as {
      columns: { type: string; title: string; items: Record<string, unknown>[] }[];
      contact: Record<string, unknown>;
      logo: string;
      unsorted: number;
    };
    expect(Object.keys(shown)).toEqual(['columns', 'contact', 'logo', 'unsorted']);
    for (const column of shown.columns) {
      expect(Object.keys(column)).toEqual(['type', 'title', 'items']);
      for (const item of column.items)
        expect(Object.keys(item)).toEqual(['kind', 'title', 'model', 'price', 'date', 'headcount', 'pay', 'postKind', 'photos']);
    }
    const products = shown.columns.find((c) => c.type === 'products')!.items;
    expect(products[0]).toEqual({
      kind: 'product',
      title: '数控车床 CK6150',
      model: 'CK6150',
      price: { fen: 16_800_000, text: '168000元' },
      date: null,
      headcount: null,
      pay: null,
      postKind: null,
      photos: ['数控车床CK6150.jpg'],
    });
    expect(products[1]!.price).toEqual({ fen: null, text: '面议' });
    const jobs = shown.columns.find((c) => c.type === 'jobs')!.items;
    expect(jobs[0]).toMatchObject({ kind: 'job', title: '数控编程工程师', headcount: 2, pay: '月薪8000-12000元' });
    const posts = shown.columns.find((c) => c.type === 'supply')!.items;
    expect(posts.map((p) => p.postKind)).toEqual(['supply', 'supply', 'demand', 'demand']);
    expect(shown.contact).toEqual({
      address: '山东省淄博市张店区高新区柳泉路126号',
      postcode: '255000',
      phones: ['0533-3581234'],
      fax: '0533-3581235',
      person: '张经理',
      mobile: '13905331234',
    });
    expect(shown.logo).toBe('logo.png');
    expect(shown.unsorted).toBe(0);

    const human = await ecw('--data-dir', dataDir, 'site', 'show', siteId);
    expect(human.stdout).toContain('数控车床 CK6150  — CK6150 · 168000元');
  });

  it('publishes the 16.8万元 lathe at 168,000 元, not 16.80 元', async () => {
    const { dataDir, siteId } = await importedMachineryMaker();
    const out = path.join(tempDir(), 'site');
    expect((await ecw('--data-dir', dataDir, 'site', 'build', siteId, '--out', out, '--json')).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const pages = manifest.files
      .filter((f) => /^(web|wap2|wap1)\/.*\.(html|xhtml|wml)$/.test(f.path))
      .map((f) => readFileSync(path.join(out, f.path), 'utf8'));
    expect(pages.some((p) => p.includes('168000元'))).toBe(true);
    expect(pages.some((p) => /16\.80元|16\.8元/.test(p))).toBe(false);
  });

  it('answers a usage error with exit code 2 and an unknown site with its code', async () => {
    const dataDir = tempDir();
    expect((await ecw('--data-dir', dataDir, 'site', 'show', '--json')).code).toBe(2);
    const unknown = await ecw('--data-dir', dataDir, 'site', 'show', 'nope', '--json');
    expect(unknown.code).toBe(1);
  });
});
