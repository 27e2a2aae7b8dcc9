/** `ecw roster import` and `ecw roster list`: the shapes scripts rely on (issue 12), on a real data directory. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestBackend, tempDir } from '../../helpers/backend';
import { csvText, people, rosterXlsx } from '../../helpers/rosterFiles';
import { setUp } from '../orders/support';
import { ecw } from './support';

let dataDir: string;
let enterpriseId: string;
beforeEach(async () => {
  dataDir = tempDir();
  const t = createTestBackend({ dataDir });
  enterpriseId = await setUp(t);
  t.cleanup();
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe('ecw roster', () => {
  it('imports a workbook and prints {added, changed, refused, members}; list prints each member in its fixed shape', async () => {
    const staff = people(3, 21);
    staff[0]!.extension = '8001';
    const file = write(
      '名单.xlsx',
      await rosterXlsx([...staff, { name: '李娜', mobile: '18612345678', department: '财务部', title: '会计' }]),
    );
    const run = await ecw('--data-dir', dataDir, 'roster', 'import', file, '--enterprise', enterpriseId, '--first-digit', '8', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({
      added: 3,
      changed: 0,
      refused: [{ row: 5, code: 'roster.not_china_mobile', message: expect.stringContaining('China Mobile') }],
      members: 3,
    });

    const list = await ecw('--data-dir', dataDir, 'roster', 'list', '--enterprise', enterpriseId, '--json');
    expect(list.code).toBe(0);
    const rows = list.json as Record<string, unknown>[];
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(['name', 'mobile', 'shortNumber', 'department', 'title', 'extension', 'chinaMobile']);
    expect(rows.find((r) => r.mobile === staff[0]!.mobile)).toEqual({
      name: staff[0]!.name,
      mobile: staff[0]!.mobile,
      shortNumber: expect.stringMatching(/^8\d{5}$/),
      department: staff[0]!.department,
      title: staff[0]!.title,
      extension: '8001',
      chinaMobile: true,
    });
  });

  it('counts a second import of the same people as changes, not additions', async () => {
    const staff = people(2, 22);
    await ecw('--data-dir', dataDir, 'roster', 'import', write('a.csv', csvText(staff)), '--enterprise', enterpriseId, '--json');
    const again = await ecw(
      '--data-dir',
      dataDir,
      'roster',
      'import',
      write('b.csv', csvText(staff.map((p) => ({ ...p, title: '董事长' })))),
      '--enterprise',
      enterpriseId,
      '--json',
    );
    expect(again.json).toEqual({ added: 0, changed: 2, refused: [], members: 2 });
  });

  it('fails with a stable code for a file that is no roster, and with exit code 2 for a bad --first-digit', async () => {
    const run = await ecw(
      '--data-dir',
      dataDir,
      'roster',
      'import',
      write('x.xlsx', 'not a workbook'),
      '--enterprise',
      enterpriseId,
      '--json',
    );
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ error: { code: 'roster.file_unreadable' } });
    const usage = await ecw(
      '--data-dir',
      dataDir,
      'roster',
      'import',
      write('a.csv', 'x'),
      '--enterprise',
      enterpriseId,
      '--first-digit',
      '1',
      '--json',
    );
    expect(usage.code).toBe(2);
    const missing = await ecw(
      '--data-dir',
      dataDir,
      'roster',
      'import',
      path.join(tempDir(), 'none.xlsx'),
      '--enterprise',
      enterpriseId,
      '--json',
    );
    expect(missing.json).toMatchObject({ error: { code: 'roster.file_not_found' } });
  });
});
