// Lint: TypeScript's recommended rules plus the layering of ARCHITECTURE.md as an allow-list per
// layer (eslint-plugin-boundaries), where SQL may be written, thin handlers and no import cycles.
// test/unit/layering/layering.test.ts holds a failing example of every rule.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import { noImportCycles } from './scripts/eslint/noImportCycles.mjs';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'];

/* ---------- the layers ---------- */

/** Every linted file belongs to one layer (a folder, matched from the repository root). */
const LAYERS = [
  { type: 'shared-domain', pattern: 'shared/domain' },
  { type: 'shared-sites', pattern: 'shared/sites' },
  { type: 'shared-platform-api', pattern: 'shared/platform-api' },
  { type: 'shared-api', pattern: 'shared/api' },
  { type: 'shared-types', pattern: 'shared/types' },
  // Declarations of untyped Node libraries (declare module …): they import nothing.
  { type: 'backend-types', pattern: 'electron/backend/types' },
  { type: 'backend-app', pattern: 'electron/backend/app' },
  { type: 'backend-domain', pattern: 'electron/backend/domains/*', capture: ['domain'] },
  { type: 'backend-infra', pattern: 'electron/backend/infra' },
  { type: 'backend-transport', pattern: 'electron/backend/transports' },
  { type: 'backend-entry', pattern: 'electron/backend/entries' },
  { type: 'shell-main', pattern: 'electron/main' },
  { type: 'shell-preload', pattern: 'electron/preload' },
  { type: 'renderer-feature', pattern: 'renderer/src/features/*', capture: ['feature'] },
  { type: 'renderer-ui', pattern: 'renderer/src/ui' },
  { type: 'renderer-api', pattern: 'renderer/src/api' },
  { type: 'renderer-i18n', pattern: 'renderer/src/i18n' },
  // app/ and the start-up file beside it (the first matching layer wins: this one comes after the others).
  { type: 'renderer-app', pattern: 'renderer/src' },
  { type: 'platform-test', pattern: 'platform/test' },
  { type: 'platform', pattern: 'platform' },
  { type: 'test', pattern: 'test' },
  { type: 'tooling', pattern: 'scripts' },
].map((layer) => ({ ...layer, partialMatch: false }));

/** Where SQL lives: a domain's repository and db/ folder, the connection and migrations. */
const SQL_HOMES = ['electron/backend/domains/*/repository.ts', 'electron/backend/domains/*/db/**', 'electron/backend/infra/db/**'];
const HANDLERS = ['electron/backend/domains/*/handlers.ts'];

/** Files with a role inside their layer. */
const FILE_ROLES = [
  { category: 'sql-home', pattern: SQL_HOMES },
  { category: 'handlers', pattern: HANDLERS },
  // What a renderer feature offers the others: its index.ts (routes, navigation, lazy parts).
  { category: 'feature-entry', pattern: 'renderer/src/features/*/index.ts' },
  { category: 'locales', pattern: 'renderer/src/**/locales/*.json' },
  { category: 'manifest', pattern: 'package.json' },
];

const SHARED = ['shared-domain', 'shared-sites', 'shared-platform-api', 'shared-api'];
const BACKEND = ['backend-app', 'backend-domain', 'backend-infra', 'backend-transport', 'backend-entry'];
const RENDERER = ['renderer-app', 'renderer-feature', 'renderer-ui', 'renderer-api', 'renderer-i18n'];

const layer = (...types) => ({ element: { types } });
const modules = (...source) => ({ module: { source } });

/**
 * Who may import whom (local code). Anything not listed is refused. A renderer feature reaches
 * another only through its index.ts; files of one layer (one feature, one domain) import each
 * other freely.
 */
const LOCAL_POLICIES = [
  { allow: { dependency: { relationship: { to: 'internal' } } } },
  { from: layer('shared-domain'), allow: { to: layer('shared-domain') } },
  { from: layer('shared-sites'), allow: { to: layer('shared-domain', 'shared-sites') } },
  { from: layer('shared-platform-api'), allow: { to: layer('shared-domain', 'shared-sites', 'shared-platform-api') } },
  { from: layer('shared-api'), allow: { to: layer(...SHARED) } },
  { from: layer('backend-infra'), allow: { to: [layer(...SHARED, 'backend-infra'), { file: { categories: 'manifest' } }] } },
  { from: layer('backend-domain'), allow: { to: layer(...SHARED, 'backend-app', 'backend-infra', 'backend-domain') } },
  { from: layer('backend-app'), allow: { to: layer(...SHARED, 'backend-app', 'backend-infra', 'backend-domain') } },
  { from: layer('backend-transport'), allow: { to: layer('shared-api', 'backend-app', 'backend-infra', 'backend-transport') } },
  { from: layer('backend-entry'), allow: { to: layer(...SHARED, ...BACKEND) } },
  { from: layer('shell-main'), allow: { to: layer('shared-api', 'shell-main') } },
  // The shell relays: it knows the backend's message shapes, never its code.
  { from: layer('shell-main', 'shell-preload'), allow: { to: layer('backend-transport', 'backend-domain'), dependency: { kind: 'type' } } },
  { from: layer('renderer-api'), allow: { to: layer('shared-api', 'shared-domain', 'renderer-api') } },
  { from: layer('renderer-i18n'), allow: { to: [layer('shared-api', 'renderer-i18n'), { file: { categories: 'locales' } }] } },
  { from: layer('renderer-ui'), allow: { to: layer(...SHARED, 'renderer-ui', 'renderer-api', 'renderer-i18n') } },
  { from: layer('renderer-feature', 'renderer-app'), allow: { to: layer(...SHARED, 'renderer-ui', 'renderer-api', 'renderer-i18n') } },
  {
    from: layer('renderer-feature', 'renderer-app'),
    allow: { to: { element: { types: 'renderer-feature' }, file: { categories: 'feature-entry' } } },
  },
  { from: layer('renderer-app'), allow: { to: layer('renderer-app') } },
  { from: layer('platform'), allow: { to: layer(...SHARED, 'platform') } },
  { from: layer('test', 'platform-test', 'tooling'), allow: { to: { module: { origin: 'local' } } } },
];

/* ---------- libraries and Node ---------- */

/** shared/ runs everywhere (renderer, backend, platform): pure libraries only. */
const SHARED_LIBRARIES = ['zod', 'tldts', 'tr46', 'libphonenumber-js'];
/** The renderer runs in a sandboxed browser page: these and nothing of Node. */
const RENDERER_LIBRARIES = [
  'react',
  'react-dom',
  'antd',
  '@ant-design/icons',
  'react-i18next',
  'i18next',
  'react-router',
  'dayjs',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  'react-hook-form',
  '@hookform/resolvers',
  'zustand',
  'signature_pad',
  'echarts',
  'pdfjs-dist',
  ...SHARED_LIBRARIES,
];
/** Libraries of the browser page or of Electron's main process: never in plain Node code. */
const NOT_IN_NODE = [
  'electron',
  'react',
  'react-dom',
  'antd',
  '@ant-design/*',
  'react-i18next',
  'react-router',
  'zustand',
  '@tanstack/react-*',
  'signature_pad',
  'echarts',
];
/** SQL drivers: imported (as values) only where SQL may be written. */
const SQL_DRIVERS = ['better-sqlite3', 'kysely'];

const LIBRARY_POLICIES = [
  { from: layer(...SHARED), allow: { to: modules(...SHARED_LIBRARIES) } },
  // The site compiler draws staff cards' QR codes with qrcode's encoder (`create`: pure, no canvas or files).
  { from: layer('shared-sites'), allow: { to: modules('qrcode') } },
  { from: layer(...RENDERER), allow: { to: modules(...RENDERER_LIBRARIES) } },
  // Node's builtins (all of them: the module list, not a hand list) and npm libraries for Node code.
  {
    from: layer(...BACKEND, 'platform', 'platform-test', 'shell-main', 'test', 'tooling'),
    allow: { to: { module: { origin: ['core', 'external'] } } },
  },
  {
    from: layer(...BACKEND, 'platform'),
    disallow: { to: modules(...NOT_IN_NODE) },
    message: 'Node code (the backend, the platform) never imports electron or the libraries of the browser page.',
  },
  { from: layer('shell-main', 'shell-preload'), allow: { to: modules('electron') } },
  {
    from: layer(...BACKEND),
    disallow: { to: modules(...SQL_DRIVERS) },
    dependency: { kind: 'value' },
    message: 'The SQL drivers are imported only where SQL lives (a repository.ts, a db/ folder); elsewhere `import type` only.',
  },
  { from: { element: { types: BACKEND }, file: { categories: 'sql-home' } }, allow: { to: modules(...SQL_DRIVERS) } },
  // A handler is a line into its service: no repository, no SQL driver, no Node.
  {
    from: { file: { categories: 'handlers' } },
    disallow: { to: [{ file: { categories: 'sql-home' } }, { module: { origin: 'core' } }] },
    message: 'A handler calls its service: handlers.ts imports no repository, no db/ file and nothing of Node.',
  },
];

/* ---------- SQL and handlers ---------- */

const SQL_ELSEWHERE = 'SQL is written only in a repository.ts or a db/ folder (DEVELOPING.md, “Data”).';
const SQL_CALLS = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]', message: SQL_ELSEWHERE },
  // With a string: a regular expression's exec is not SQL.
  { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: SQL_ELSEWHERE },
  {
    selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)$/]',
    message: `${SQL_ELSEWHERE} (kysely)`,
  },
];
const FAT_HANDLERS = [
  {
    selector:
      "CallExpression[callee.name='defineHandlers'] > ObjectExpression > Property > :matches(ArrowFunctionExpression, FunctionExpression) > BlockStatement",
    message: 'A handler is one expression: the call into its service (the work lives in the service).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'renderer/dist/**',
      'platform/dist/**',
      'test-results/**',
      'release/**',
      '.test-build/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['{shared,electron,renderer,platform,test,scripts}/**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { boundaries, ecw: { rules: { 'no-import-cycles': noImportCycles } } },
    settings: {
      'boundaries/elements': LAYERS,
      'boundaries/files': FILE_ROLES,
      'boundaries/dependency-nodes': ['import', 'dynamic-import', 'export', 'require'],
      'boundaries/legacy-templates': false,
      'boundaries/legacy-warnings': false,
      'import/resolver': { node: { extensions: EXTENSIONS } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          checkInternals: true,
          message:
            '{{from.element.type}} may not import {{#if to.module.source}}{{to.module.source}}{{else if to.element.type}}{{to.element.type}}{{else}}{{to.file.path}}{{/if}} (the layering table of ARCHITECTURE.md).',
          policies: [...LOCAL_POLICIES, ...LIBRARY_POLICIES],
        },
      ],
      'boundaries/no-unknown-files': 'error',
      'ecw/no-import-cycles': 'error',
    },
  },
  {
    // Type-aware checks where a forgotten promise loses a save or hides an error: the backend, the platform, shared
    // code and the renderer. Tests and scripts are left out to keep lint affordable.
    files: ['{shared,electron,platform/src,renderer/src}/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    ignores: SQL_HOMES,
    rules: { 'no-restricted-syntax': ['error', ...SQL_CALLS] },
  },
  {
    files: HANDLERS,
    rules: { 'no-restricted-syntax': ['error', ...SQL_CALLS, ...FAT_HANDLERS] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
    },
  },
);
