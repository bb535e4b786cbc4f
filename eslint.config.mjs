// ESLint (flat config, typescript-eslint). Besides a few habits, it keeps the layers apart
// (see CONTRIBUTING.md):
// - server/src/core is pure: no Node APIs, no vscode*, nothing of the CLI (cli/, cli.ts),
//   the node layer (node/) or the LSP side (lsp/, server.ts);
// - server/src/node (reading and walking files, shared by both adapters) imports neither cli/
//   nor the LSP side;
// - the LSP side (server/src/lsp/) never imports cli/.
// `npm run lint` runs it; `npm test` runs it too, and test/unit/boundaries.test.ts checks that
// a deliberate violation fails.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/.]/g, '\\$&'));

/** `no-restricted-imports` patterns, by regular expression over the import path. */
const NODE_APIS = [
  { regex: '^node:', message: 'The core is pure (text in, results out): do the I/O in server/src/node/.' },
  { regex: `^(${builtins.join('|')})(/.*)?$`, message: 'The core is pure (text in, results out): do the I/O in server/src/node/.' },
];
const VSCODE = { regex: '^vscode', message: 'Editor and protocol types belong to the adapters (client/, server/src/lsp/), not here.' };
const CLI = { regex: '(^|/)cli(\\.ts)?(/|$)', message: 'The CLI is an adapter: move what both adapters need into server/src/core/ or server/src/node/.' };
const LSP = { regex: '(^|/)(lsp|server)(\\.ts)?(/|$)', message: 'The LSP side is an adapter: nothing below it imports it.' };
const NODE_LAYER = { regex: '(^|/)node(/|$)', message: 'The core is pure: the node layer (server/src/node/) is above it.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', '.cache/**', 'bench/corpus/**', 'test/e2e/screenshots/**', '**/*.gen.ts'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-control-regex': 'error',
      'no-debugger': 'error',
      'no-dupe-keys': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-unsafe-finally': 'error',
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all', ignoreReadBeforeAssign: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests and scripts match terminal escapes and control characters on purpose.
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NODE_APIS, VSCODE, CLI, LSP, NODE_LAYER] }] },
  },
  {
    files: ['server/src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VSCODE, CLI, LSP] }] },
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CLI] }] },
  },
);
