/** `ecw login`, `ecw sync`, `ecw sync status` as real processes against a real platform (issue 4, CLI). */
import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { FIXTURES_DIR, REPO_ROOT } from '../../helpers/paths';
import { bundledEntryArgs } from '../../helpers/processBundle';
import { useSyncRig } from '../../helpers/syncRig';
import { ecw as ecwInProcess } from '../cli/support';

const rig = useSyncRig({ proxy: false });

function ecw(
  dataDir: string,
  args: string[],
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...bundledEntryArgs('ecw'), '--data-dir', dataDir, '--json', ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
      } catch {
        /* not JSON */
      }
      resolve({ code: code ?? -1, stdout, stderr, json });
    });
    child.stdin.end(stdin ?? '');
  });
}

describe('ecw login / sync / sync status', () => {
  it('signs in with the password from stdin, syncs, and reports status in the documented shapes', async () => {
    const dir = tempDir('ecw-cli-sync-');
    const { password } = rig.platform.login('jn.manager');

    const wrong = await ecw(dir, ['login', '--server', rig.platform.url, '--user', 'jn.manager', '--password-stdin'], 'not-the-password\n');
    expect(wrong.code).toBe(1);
    expect(wrong.json).toMatchObject({ error: { code: 'sync.invalid_credentials' } });

    const login = await ecw(dir, ['login', '--server', rig.platform.url, '--user', 'jn.manager', '--password-stdin'], `${password}\n`);
    expect(login.code, login.stderr).toBe(0);
    expect(login.json).toMatchObject({
      mode: 'online',
      account: { login: 'jn.manager', server: rig.platform.url, role: 'customer_manager' },
    });
    expect(statSync(path.join(dir, 'platform-tokens.json')).mode & 0o777).toBe(0o600);

    const created = await ecwInProcess(
      '--data-dir',
      dir,
      '--json',
      'enterprise',
      'create',
      '--from',
      path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json'),
      '--manager',
      '李经理',
    );
    expect(created.code, created.stdout).toBe(0);

    const sync = await ecw(dir, ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(Object.keys(sync.json).sort()).toEqual(['conflicts', 'pending', 'pulled', 'pushed', 'uploadedBytes']);
    expect(sync.json).toMatchObject({ pushed: 1, conflicts: 0, pending: 0 });
    expect(sync.json.pulled).toBeGreaterThanOrEqual(1);

    const status = await ecw(dir, ['sync', 'status']);
    expect(status.code).toBe(0);
    expect(status.json).toMatchObject({
      state: 'up_to_date',
      signedIn: true,
      server: rig.platform.url,
      user: 'jn.manager',
      pendingOps: 0,
      pendingUploads: 0,
      conflicts: 0,
    });
    expect(typeof status.json.lastSyncAt).toBe('string');

    // A second device gets the enterprise.
    const other = tempDir('ecw-cli-sync-');
    await ecw(other, ['login', '--server', rig.platform.url, '--user', 'jn.manager', '--password-stdin'], password);
    const pulled = await ecwInProcess('--data-dir', other, '--json', 'sync');
    expect(pulled.json).toMatchObject({ pushed: 0, conflicts: 0, pending: 0 });
    expect((pulled.json as { pulled: number }).pulled).toBeGreaterThanOrEqual(1);
    const list = await ecwInProcess('--data-dir', other, '--json', 'enterprise', 'list', '--query', '泉城茶业');
    expect(list.stdout).toContain('济南泉城茶业有限公司');

    // Signed out, the queue stays and sync says why it did nothing.
    expect((await ecwInProcess('--data-dir', dir, '--json', 'logout')).code).toBe(0);
    const refused = await ecwInProcess('--data-dir', dir, '--json', 'sync');
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ error: { code: 'signed_out' } });
  }, 120_000);

  it('makes the signed-in customer manager the manager of an enterprise created from a file, unless --manager says otherwise (issue 8 item 16)', async () => {
    const dir = tempDir('ecw-cli-manager-');
    const fixture = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'materials', 'quancheng-tea', 'enterprise.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = (changes: Record<string, unknown>) => {
      const out = path.join(tempDir('ecw-cli-manager-file-'), 'enterprise.json');
      writeFileSync(out, JSON.stringify({ ...fixture, ...changes }));
      return out;
    };
    const login = await ecw(
      dir,
      ['login', '--server', rig.platform.url, '--user', 'jn.manager', '--password-stdin'],
      `${rig.platform.login('jn.manager').password}\n`,
    );
    expect(login.code, login.stderr).toBe(0);

    const signedIn = await ecwInProcess('--data-dir', dir, '--json', 'enterprise', 'create', '--from', file({}));
    expect(signedIn.code, signedIn.stdout).toBe(0);
    const overridden = await ecwInProcess(
      '--data-dir',
      dir,
      '--json',
      'enterprise',
      'create',
      '--from',
      file({ name: '济南另一家茶业有限公司', creditCode: '91110108551385082Q' }),
      '--manager',
      '李经理',
    );
    expect(overridden.code, overridden.stdout).toBe(0);

    const listed = await ecwInProcess('--data-dir', dir, '--json', 'enterprise', 'list');
    const managers = Object.fromEntries((listed.json as { name: string; manager: string }[]).map((e) => [e.name, e.manager]));
    expect(managers).toEqual({ 济南泉城茶业有限公司: '王建国', 济南另一家茶业有限公司: '李经理' });
  }, 120_000);
});
