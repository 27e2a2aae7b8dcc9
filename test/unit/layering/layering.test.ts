/**
 * The layering of ARCHITECTURE.md is enforced by the lint config (eslint.config.js): each case lints
 * a small file placed (virtually) in a layer, through ESLint's own Node API and the repository's
 * config, and expects exactly the one error of the rule it shows — or none for the clean examples.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/paths';

/** The real files the type-aware samples stand in for. */
const TYPED_SAMPLE_FILES = ['electron/backend/app/backend.ts', 'platform/src/server.ts'];
/**
 * The whole config, its type-aware rules reading a TypeScript program of just the sample files: the repository's own
 * programs (every file of the tree, twice) took 40 s to build, and the lint check (`eslint .`) builds them anyway.
 */
const sampleProgramDir = mkdtempSync(path.join(tmpdir(), 'ecw-layering-'));
afterAll(() => rmSync(sampleProgramDir, { recursive: true, force: true }));
function eslintWithSampleProgram(dir = sampleProgramDir): ESLint {
  const tsconfig = path.join(dir, 'tsconfig.json');
  const compilerOptions = { strict: true, target: 'ES2023', lib: ['ES2023'], types: [], noEmit: true, skipLibCheck: true };
  const files = TYPED_SAMPLE_FILES.map((file) => path.join(REPO_ROOT, file));
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions, files }));
  return new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: {
      languageOptions: {
        // Under CI=true typescript-eslint would otherwise build its programs once from the files on disk, and the
        // type-aware rules would check the real file instead of the sample text.
        parserOptions: { projectService: false, project: tsconfig, tsconfigRootDir: dir, disallowAutomaticSingleRunInference: true },
      },
    },
  });
}
const eslint = eslintWithSampleProgram();
const TYPED_RULES = [
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
  '@typescript-eslint/await-thenable',
];
/** The config without `rules` and without the type-aware parser, which needs the sample to be a file of the TypeScript project. */
const eslintWithout = (rules: string[]) =>
  new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: Object.fromEntries(rules.map((rule) => [rule, 'off'])),
    },
  });
/** Most samples exist only here: no type-aware rules, and no cycle rule (it walks the whole import graph of each sample: slow). */
const eslintNoCycles = eslintWithout(['ecw/no-import-cycles', ...TYPED_RULES]);
/** The cycle samples need the import graph, not the types. */
const eslintCycles = eslintWithout(TYPED_RULES);

const LAYERS = 'boundaries/dependencies';
const SYNTAX = 'no-restricted-syntax';
const CYCLE = 'ecw/no-import-cycles';
const UNKNOWN_FILE = 'boundaries/no-unknown-files';

interface LintError {
  rule: string | null;
  message: string;
}

/** Lints `code` as if it were the file at `file` (repository-relative); returns every error. */
async function errorsIn(file: string, code: string, linter = eslintNoCycles): Promise<LintError[]> {
  const [result] = await linter.lintText(code, { filePath: path.join(REPO_ROOT, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message }));
}

/** Expects exactly one error, of `rule`, whose message contains `says`. */
async function expectOnly(file: string, code: string, rule: string, says: string, linter = eslintNoCycles): Promise<void> {
  const errors = await errorsIn(file, code, linter);
  expect(errors, `${file}: ${code}`).toEqual([{ rule, message: expect.stringContaining(says) }]);
}

const importing = (specifier: string, typeOnly = false) =>
  typeOnly
    ? `import type { Thing } from '${specifier}';\nexport type Copy = Thing;\n`
    : `import * as thing from '${specifier}';\nexport const copy = thing;\n`;
const loading = (specifier: string) => `export const load = () => import('${specifier}');\n`;

describe('layering lint rules', () => {
  describe('shared/ is pure TypeScript for every side', () => {
    it.each([
      ['node:fs', 'node:fs'],
      ['fs', 'fs'],
      ['node:path', 'node:path'],
      ['tls', 'tls'],
      ['buffer', 'buffer'],
      ['better-sqlite3', 'better-sqlite3'],
      ['electron', 'electron'],
      ['react', 'react'],
      ['../../electron/backend/domains/enterprises/service', 'backend-domain'],
      ['../../renderer/src/api/client', 'renderer-api'],
      ['../../test/helpers/backend', 'test'],
    ])('refuses %s', (specifier, named) =>
      expectOnly('shared/domain/sample.ts', importing(specifier), LAYERS, `shared-domain may not import ${named}`),
    );

    it.each([
      ['shared/domain/sample.ts', '../api/enterprises', 'shared-domain may not import shared-api'],
      ['shared/domain/sample.ts', '../sites/model', 'shared-domain may not import shared-sites'],
      ['shared/sites/sample.ts', '../api/sites', 'shared-sites may not import shared-api'],
      ['shared/platform-api/sample.ts', '../api/sync', 'shared-platform-api may not import shared-api'],
    ])('keeps its inner layers: %s importing %s', (file, specifier, says) => expectOnly(file, importing(specifier), LAYERS, says));
  });

  describe('the backend is plain Node', () => {
    it.each([
      ['electron', 'never imports electron'],
      ['react', 'never imports electron or the libraries of the browser page'],
      ['../../../main/security', 'backend-domain may not import shell-main'],
      ['../../../preload/index', 'backend-domain may not import shell-preload'],
      ['../../../../renderer/src/api/client', 'backend-domain may not import renderer-api'],
      ['../../../../platform/src/app', 'backend-domain may not import platform'],
    ])('refuses %s in a domain', (specifier, says) =>
      expectOnly('electron/backend/domains/enterprises/sample.ts', importing(specifier), LAYERS, says),
    );

    it.each([
      ['electron/backend/domains/enterprises/sample.ts', '../../transports/http', 'backend-domain may not import backend-transport'],
      ['electron/backend/domains/enterprises/sample.ts', '../../entries/cli/io', 'backend-domain may not import backend-entry'],
      ['electron/backend/infra/sample.ts', '../domains/enterprises/service', 'backend-infra may not import backend-domain'],
      ['electron/backend/infra/sample.ts', '../app/errors', 'backend-infra may not import backend-app'],
      ['electron/backend/transports/sample.ts', '../domains/sites/service', 'backend-transport may not import backend-domain'],
    ])('keeps its inner layers: %s importing %s', (file, specifier, says) => expectOnly(file, importing(specifier), LAYERS, says));

    it('imports the SQL drivers as values only where SQL lives', async () => {
      await expectOnly('electron/backend/domains/sites/service.ts', importing('better-sqlite3'), LAYERS, 'imported only where SQL lives');
      expect(await errorsIn('electron/backend/domains/sites/service.ts', importing('better-sqlite3', true))).toEqual([]);
      expect(await errorsIn('electron/backend/domains/sites/repository.ts', importing('better-sqlite3'))).toEqual([]);
    });

    it('writes SQL only in repository.ts files and db/ folders', async () => {
      const sql = `export const count = (db: { prepare(sql: string): { get(): unknown } }) => db.prepare('SELECT count(*) FROM site').get();\n`;
      await expectOnly('electron/backend/domains/sites/service.ts', sql, SYNTAX, 'SQL is written only in a repository.ts or a db/ folder');
      await expectOnly(
        'electron/backend/domains/sites/service.ts',
        `export const run = (db: { exec(sql: string): void }) => db.exec(\`DELETE FROM site\`);\n`,
        SYNTAX,
        'SQL is written only',
      );
      await expectOnly(
        'electron/backend/app/sample.ts',
        `export const q = (db: { selectFrom(t: string): unknown }) => db.selectFrom('site');\n`,
        SYNTAX,
        '(kysely)',
      );
      for (const home of [
        'electron/backend/domains/sites/repository.ts',
        'electron/backend/domains/sync/db/sample.ts',
        'electron/backend/infra/db/sample.ts',
      ])
        expect(await errorsIn(home, sql), home).toEqual([]);
      // A regular expression's exec is not SQL.
      expect(await errorsIn('electron/backend/domains/sites/service.ts', `export const m = (s: string) => /a(b)/.exec(s);\n`)).toEqual([]);
    });

    it('keeps handlers to one line into their service', async () => {
      const handlers = 'electron/backend/domains/drafts/handlers.ts';
      const table = (body: string) =>
        `import { defineHandlers } from '../../app/handlerTypes';\nimport { getDraft } from './service';\nexport const h = defineHandlers({\n  'drafts.get': ${body},\n});\n`;
      expect(await errorsIn(handlers, table('({ key }, ctx) => getDraft(ctx, key)'))).toEqual([]);
      await expectOnly(
        handlers,
        table('({ key }, ctx) => {\n    const found = getDraft(ctx, key);\n    return found;\n  }'),
        SYNTAX,
        'A handler is one expression',
      );
      await expectOnly(handlers, importing('./repository'), LAYERS, 'A handler calls its service');
      await expectOnly(handlers, importing('node:fs'), LAYERS, 'A handler calls its service');
    });

    it('keeps every file in a layer', async () => {
      await expectOnly('electron/backend/loose.ts', 'export const x = 1;\n', UNKNOWN_FILE, 'does not belong to any known element');
    });
  });

  describe('the renderer knows only the API client and shared/', () => {
    it.each([
      ['../../../../electron/backend/domains/enterprises/service', 'renderer-feature may not import backend-domain'],
      ['electron', 'renderer-feature may not import electron'],
      ['node:fs', 'renderer-feature may not import node:fs'],
      ['tls', 'renderer-feature may not import tls'],
      ['buffer', 'renderer-feature may not import buffer'],
      ['worker_threads', 'renderer-feature may not import worker_threads'],
      ['better-sqlite3', 'renderer-feature may not import better-sqlite3'],
      ['sharp', 'renderer-feature may not import sharp'],
    ])('refuses %s', (specifier, says) => expectOnly('renderer/src/features/enterprises/Sample.tsx', importing(specifier), LAYERS, says));

    it('lets a feature reach another only through its index.ts', async () => {
      const file = 'renderer/src/features/enterprises/Sample.tsx';
      await expectOnly(file, importing('../sites/state/siteStore'), LAYERS, 'renderer-feature may not import renderer-feature');
      expect(await errorsIn(file, importing('../sites'))).toEqual([]);
      expect(await errorsIn(file, importing('../sites/index'))).toEqual([]);
    });

    it('checks dynamic import() like import', async () => {
      const file = 'renderer/src/features/enterprises/Sample.tsx';
      await expectOnly(file, loading('../sync/centre/SyncCentrePage'), LAYERS, 'renderer-feature may not import renderer-feature');
      await expectOnly(file, loading('node:fs'), LAYERS, 'renderer-feature may not import node:fs');
      await expectOnly(
        'shared/api/sample.ts',
        loading('../../electron/backend/app/backend'),
        LAYERS,
        'shared-api may not import backend-app',
      );
      expect(await errorsIn(file, loading('./list/EnterpriseListPage'))).toEqual([]);
    });

    it.each([
      ['renderer/src/ui/Sample.tsx', '../features/sites', 'renderer-ui may not import renderer-feature'],
      ['renderer/src/api/sample.ts', '../ui/apiErrors', 'renderer-api may not import renderer-ui'],
      ['renderer/src/api/sample.ts', '../features/sync', 'renderer-api may not import renderer-feature'],
      ['renderer/src/i18n/sample.ts', '../features/sync/index', 'renderer-i18n may not import renderer-feature'],
      ['renderer/src/features/sync/Sample.tsx', '../../app/App', 'renderer-feature may not import renderer-app'],
    ])('keeps its inner layers: %s importing %s', (file, specifier, says) => expectOnly(file, importing(specifier), LAYERS, says));
  });

  it.each([['electron/main/sample.ts'], ['electron/preload/sample.ts']])('refuses backend code in %s, allowing its types', async (file) => {
    await expectOnly(file, importing('../backend/domains/enterprises/service'), LAYERS, 'may not import backend-domain');
    expect(await errorsIn(file, importing('../backend/transports/utilityProcess', true))).toEqual([]);
  });

  it('keeps the platform to shared/', async () => {
    await expectOnly(
      'platform/src/sample.ts',
      importing('../../electron/backend/app/backend'),
      LAYERS,
      'platform may not import backend-app',
    );
    await expectOnly('platform/src/sample.ts', importing('electron'), LAYERS, 'never imports electron');
  });

  it('refuses import cycles', async () => {
    // hooks.ts imports client.ts: client.ts importing hooks.ts back closes a cycle.
    await expectOnly(
      'renderer/src/api/client.ts',
      `import { useApiQuery } from './hooks';\nexport const q = useApiQuery;\n`,
      CYCLE,
      'Dependency cycle',
      eslintCycles,
    );
    // A type-only import back is a cycle too: the two modules could not be read or moved apart.
    await expectOnly(
      'renderer/src/api/client.ts',
      `import type { ApiQueryOptions } from './hooks';\nexport type Q = ApiQueryOptions;\n`,
      CYCLE,
      'Dependency cycle',
      eslintCycles,
    );
    // So is one through `export … from` and a dynamic import().
    await expectOnly('renderer/src/api/client.ts', `export { useApiQuery } from './hooks';\n`, CYCLE, 'Dependency cycle', eslintCycles);
    await expectOnly(
      'renderer/src/api/client.ts',
      `export const load = () => import('./hooks');\n`,
      CYCLE,
      'Dependency cycle',
      eslintCycles,
    );
    // An import that leads nowhere back is fine.
    expect(
      await errorsIn(
        'renderer/src/api/client.ts',
        `import type { ApiError } from '../../../shared/api';\nexport type Q = ApiError;\n`,
        eslintCycles,
      ),
    ).toEqual([]);
  });

  it('refuses a promise nobody waits for, where a forgotten save would be lost (type-aware)', async () => {
    const save = 'async function save(): Promise<void> {}\n';
    await expectOnly(
      'electron/backend/app/backend.ts',
      `${save}export function run(): void {\n  save();\n}\n`,
      '@typescript-eslint/no-floating-promises',
      'Promises must be awaited',
      eslint,
    );
    await expectOnly(
      'platform/src/server.ts',
      `${save}export function runAll(): void {\n  [1].forEach(async () => save());\n}\n`,
      '@typescript-eslint/no-misused-promises',
      'Promise',
      eslint,
    );
    expect(await errorsIn('electron/backend/app/backend.ts', `${save}export function run(): void {\n  void save();\n}\n`, eslint)).toEqual(
      [],
    );
  });

  it.each([
    ['shared/domain/sample.ts', ['zod', './creditCode']],
    ['shared/api/sample.ts', ['zod', '../domain/enterprise', '../sites/model', '../platform-api/sync']],
    [
      'electron/backend/domains/enterprises/sample.ts',
      ['node:fs', 'sharp', '../../../../shared/api', '../../infra/db/database', '../../app/errors', '../sites/service'],
    ],
    ['electron/backend/domains/enterprises/repository.ts', ['better-sqlite3', '../../infra/db/handles']],
    ['electron/backend/entries/sample.ts', ['node:http', '../transports/http', '../app/backend']],
    [
      'renderer/src/features/enterprises/Sample.tsx',
      ['react', 'antd', '../../../../shared/api', '../../api/client', '../../ui/apiErrors', '../orders'],
    ],
    ['renderer/src/ui/Sample.tsx', ['react', '../api/hooks', '../../../shared/api']],
    ['electron/main/sample.ts', ['electron', 'node:path', '../../shared/api/result', './appProtocol']],
    ['test/unit/sample.ts', ['node:fs', 'vitest', '../../electron/backend/app/backend', '../../renderer/src/api/client']],
  ])('lets clean files in %s pass', async (file, specifiers) => {
    for (const specifier of specifiers) expect(await errorsIn(file, importing(specifier)), specifier).toEqual([]);
  });

  // The layering rules (and the cycle rule) only: the type-aware rules would build the TypeScript program of the whole
  // tree for these files (15 s), and the lint check (`eslint .`) already runs the whole config over every real file.
  it('passes on the real files of each layer', async () => {
    const files = [
      'shared/domain/enterprise.ts',
      'shared/api/index.ts',
      'electron/backend/app/backend.ts',
      'electron/backend/domains/sites/handlers.ts',
      'electron/main/backendHost.ts',
      'electron/preload/index.ts',
      'renderer/src/api/transports.ts',
      'renderer/src/app/AppRouter.tsx',
      'renderer/src/i18n/index.ts',
    ];
    const results = await eslintCycles.lintFiles(files);
    expect(
      results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
  });
});
