/**
 * The layering table of ARCHITECTURE.md is enforced by the lint config: each case lints a small
 * file placed (virtually) in a layer, through ESLint's own Node API and the repository's config.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths';

const eslint = new ESLint({ cwd: REPO_ROOT });
const RULE = '@typescript-eslint/no-restricted-imports';

/** Lints `code` as if it were the file at `file` (repository-relative); returns the layering errors. */
async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  const problems = result!.messages;
  const other = problems.filter((m) => m.ruleId !== RULE && m.severity === 2);
  expect(other, `unrelated lint errors in the sample for ${file}`).toEqual([]);
  return problems.filter((m) => m.ruleId === RULE && m.severity === 2).map((m) => m.message);
}

const importing = (specifier: string, typeOnly = false) =>
  typeOnly ? `import type { Thing } from '${specifier}';\nexport type Copy = Thing;\n` : `import * as thing from '${specifier}';\nexport const copy = thing;\n`;

describe('layering lint rule', () => {
  it.each([
    ['node:fs'],
    ['fs'],
    ['node:path'],
    ['better-sqlite3'],
    ['electron'],
    ['react'],
    ['../../electron/backend/enterprises/service'],
    ['../../renderer/src/api/client'],
  ])('refuses %s in shared/', async (specifier) => {
    const errors = await layeringErrors('shared/domain/sample.ts', importing(specifier));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('shared/ is pure TypeScript');
  });

  it.each([['electron'], ['../../main/security'], ['../../preload/index'], ['../../../renderer/src/api/client']])(
    'refuses %s in electron/backend/',
    async (specifier) => {
      const errors = await layeringErrors('electron/backend/enterprises/sample.ts', importing(specifier));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('The backend is plain Node');
    },
  );

  it.each([['../../../../electron/backend/enterprises/service'], ['electron'], ['node:fs'], ['better-sqlite3']])(
    'refuses %s in renderer/',
    async (specifier) => {
      const errors = await layeringErrors('renderer/src/features/enterprises/Sample.tsx', importing(specifier));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('The renderer knows only the API client');
    },
  );

  it.each([['electron/main/sample.ts'], ['electron/preload/sample.ts']])('refuses backend code in %s, allowing its types', async (file) => {
    const errors = await layeringErrors(file, importing('../backend/enterprises/service'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('The shell relays');
    expect(await layeringErrors(file, importing('../backend/transports/utilityProcess', true))).toEqual([]);
  });

  it.each([
    ['shared/domain/sample.ts', ['zod', './creditCode']],
    ['electron/backend/enterprises/sample.ts', ['node:fs', 'better-sqlite3', '../../../shared/api', '../db/database']],
    ['renderer/src/features/enterprises/Sample.tsx', ['react', 'antd', '../../../../shared/api', '../../api/client']],
    ['electron/main/sample.ts', ['electron', 'node:path', '../../shared/api/result', './appProtocol']],
  ])('lets clean files in %s pass', async (file, specifiers) => {
    for (const specifier of specifiers) expect(await layeringErrors(file, importing(specifier)), specifier).toEqual([]);
  });

  it('passes on the real files of each layer', async () => {
    const results = await eslint.lintFiles(['shared/domain/enterprise.ts', 'electron/backend/app/backend.ts', 'electron/main/backendHost.ts', 'renderer/src/api/transports.ts']);
    expect(results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE))).toEqual([]);
  });
});
