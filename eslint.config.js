// Lint: TypeScript's recommended rules plus the layering table of ARCHITECTURE.md, which CI enforces.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Bare builtin names are matched exactly (paths); `node:` specifiers by pattern.
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'events', 'zlib'];
const NATIVE_AND_SERVER = ['better-sqlite3', 'sharp', 'pdfkit', 'mammoth', 'kysely', 'hono', '@hono/node-server'];

/** A layer's forbidden imports; `import type` stays allowed where a layer only needs a shape. */
const restrict = (message, { paths = [], patterns = [] }, allowTypeImports = false) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message, allowTypeImports })),
      patterns: [{ group: patterns, message, allowTypeImports }],
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'renderer/dist/**', 'platform/dist/**', 'test-results/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: restrict('shared/ is pure TypeScript for every side: no Node, no DOM libraries, no electron, no backend or renderer code.', {
      paths: ['electron', 'react', 'react-dom', 'antd', ...NODE_BUILTINS, ...NATIVE_AND_SERVER],
      patterns: ['node:*', '**/electron/**', '**/renderer/**', '**/platform/**'],
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      ...restrict('The renderer knows only the API client and shared/: no electron, no Node, no backend.', {
        paths: ['electron', ...NODE_BUILTINS, ...NATIVE_AND_SERVER],
        patterns: ['node:*', '**/electron/**', '**/platform/**'],
      }),
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: restrict('The backend is plain Node: it never imports electron, the shell or the renderer.', {
      paths: ['electron'],
      patterns: ['**/electron/main/**', '**/electron/preload/**', '**/main/**', '**/preload/**', '**/renderer/**', '**/platform/src/**'],
    }),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict(
      'The shell relays; it does not import backend or renderer code (types only).',
      { patterns: ['**/backend/**', '**/renderer/**', '**/platform/**'] },
      true,
    ),
  },
  {
    files: ['platform/**/*.ts'],
    rules: restrict('The platform shares only shared/ with the desktop app.', {
      paths: ['electron'],
      patterns: ['**/electron/**', '**/renderer/**'],
    }),
  },
);
