// The boundaries of the code, enforced: layer imports (docs/architecture.md), promises that are awaited or handled,
// and regular expressions that cannot backtrack super-linearly over untrusted text. `npm run lint`; `npm test` runs it.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

/** The server's layers, lowest first; a layer may import its own and lower ranks only. */
const LAYERS = [
  ['syntax'],
  ['model'],
  ['analysis'],
  ['rules'],
  ['render', 'import', 'scaffold'],
  ['features'],
  ['languageService'],
  ['lsp', 'cli'],
];
/** Node's modules, by every name they can be imported under. */
const NODE_MODULES = builtinModules.filter((name) => !name.startsWith('_'));
const LSP_PACKAGES_BUT_TYPES = '^vscode-languageserver(?:-protocol|-textdocument)?(?:/.*)?$';

/** The relative import of a server folder named `name`; `./name` only from languageService.ts, at the root of server/src. */
function folder(name, fromRoot) {
  return fromRoot ? `^\\./${name}(?:/|$)` : `^(?:\\.\\./)+${name}(?:/|$)`;
}

const ARCHITECTURE = 'a layer imports only its own and lower layers (docs/architecture.md).';
const NODE_BELOW_FEATURES = 'Node modules are used from the features layer up only; disk access goes through server/src/node.';

/** `no-restricted-imports` options: `paths` forbids exact names, `patterns` by regex, each with why. */
function restrictions({ node, lsp, folders = [], fromRoot = false, others = [] }) {
  const patterns = [];
  if (folders.length > 0) patterns.push({ regex: folders.map((name) => folder(name, fromRoot)).join('|'), message: ARCHITECTURE });
  if (node) patterns.push({ regex: '^node:', message: NODE_BELOW_FEATURES });
  if (lsp === 'none') patterns.push({ regex: '^vscode-languageserver', message: 'LSP packages are used from the features layer up only.' });
  if (lsp === 'types') {
    patterns.push({ regex: LSP_PACKAGES_BUT_TYPES, message: 'only the adapter (lsp/) knows the connection; features return vscode-languageserver-types.' });
  }
  patterns.push(...others);
  const paths = node ? NODE_MODULES.map((name) => ({ name, message: NODE_BELOW_FEATURES })) : [];
  return ['error', { paths, patterns }];
}

const GRAY_MATTER_ROOT = {
  regex: '^gray-matter$',
  message: "gray-matter's entry point requires fs: syntax/frontmatter.ts hands the block it split to gray-matter/lib/parse.",
};
const PROTOCOL_BELOW_FEATURES = {
  regex: '(?:^|/)shared/src/protocol$',
  message: 'the protocol is LSP messages: it is used from the features layer up only.',
};
const SHARED_FROM_SYNTAX = { regex: '(?:^|/)shared/', message: 'syntax/ sees one note and nothing else.' };
const FEATURES_RANK = LAYERS.findIndex((rank) => rank.includes('features'));

function layerConfigs() {
  const configs = LAYERS.flatMap((rank, index) => rank.map((name) => {
    const adapter = name === 'lsp' || name === 'cli';
    const fromRoot = name === 'languageService';
    // Higher layers, and layers of the same rank (render, import and scaffold; lsp and cli) do not import each other either.
    const folders = [...LAYERS.slice(index + 1).flat(), ...rank.filter((other) => other !== name), ...(adapter ? [] : ['node'])];
    return {
      name: `layer ${name}`,
      files: [fromRoot ? 'server/src/languageService.ts' : `server/src/${name}/**/*.ts`],
      rules: {
        'no-restricted-imports': restrictions({
          node: index < FEATURES_RANK,
          lsp: index < FEATURES_RANK ? 'none' : adapter ? undefined : 'types',
          folders,
          fromRoot,
          others: [GRAY_MATTER_ROOT, ...(index < FEATURES_RANK ? [PROTOCOL_BELOW_FEATURES] : []), ...(name === 'syntax' ? [SHARED_FROM_SYNTAX] : [])],
        }),
      },
    };
  }));
  configs.push({
    name: 'node: disk access, used by lsp and cli only',
    files: ['server/src/node/**/*.ts'],
    rules: { 'no-restricted-imports': restrictions({ node: false, lsp: 'none', folders: ['features', 'languageService', 'lsp', 'cli'] }) },
  });
  return configs;
}

const typeChecked = tseslint.configs.recommendedTypeChecked.map((config) => ({
  ...config,
  files: ['server/src/**/*.ts', 'shared/src/**/*.ts', 'client/src/**/*.ts'],
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**', 'bench/workspaces/**', 'bench/.cache/**', '**/*.generated.ts'] },
  {
    name: 'regular expressions (all code)',
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    plugins: { regexp },
    rules: {
      ...regexp.configs['flat/recommended'].rules,
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
      'regexp/no-misleading-unicode-character': 'error',
      'regexp/no-unused-capturing-group': ['error', { fixable: true }],
    },
  },
  {
    name: 'TypeScript (all code)',
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  ...typeChecked,
  {
    name: 'sources: type-aware rules',
    files: ['server/src/**/*.ts', 'shared/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  ...layerConfigs(),
  {
    name: 'shared: neither server nor client, no Node',
    files: ['shared/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restrictions({
        node: true,
        others: [{ regex: '(?:^|/)(?:server|client)/', message: 'shared/ is imported by the server and the client and imports neither.' }],
      }),
    },
  },
  {
    name: 'client: only shared/ and its own files',
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(?:^|/)server/', message: 'the client imports only shared/ and its own files.' }] }],
    },
  },
  {
    name: 'the claim matrix page script (runs in a webview or a browser)',
    files: ['shared/src/claimMatrix/webview.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2019,
      sourceType: 'script',
      globals: {
        window: 'readonly', document: 'readonly', acquireVsCodeApi: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly',
        HTMLElement: 'readonly', requestAnimationFrame: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
  },
  {
    name: 'tests, benchmarks and scripts: syntax-level rules only (fast)',
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
