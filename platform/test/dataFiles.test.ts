/** The platform's files hold password hashes, tokens and customers' data: only its own user may read them (issue 8, item 8). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestPlatform, tempDir } from './helpers';

const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe('data files', () => {
  it('keeps the data dir 0700 (tightened if it was open) and the database and its WAL 0600', async () => {
    const dir = await tempDir();
    await fs.chmod(dir, 0o755);
    const t = await startTestPlatform({ dataDir: dir });
    try {
      await t.api.device('jn.manager'); // writes, so the WAL exists
      expect((await modeOf(dir)).toString(8)).toBe('700');
      for (const file of ['platform.sqlite', 'platform.sqlite-wal', 'token-secret', 'demo-logins.json']) {
        expect([file, (await modeOf(path.join(dir, file))).toString(8)]).toEqual([file, '600']);
      }
      for (const sub of ['blobs', 'uploads']) expect([sub, (await modeOf(path.join(dir, sub))).toString(8)]).toEqual([sub, '700']);
    } finally {
      await t.close();
    }
  });
});
