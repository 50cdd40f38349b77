import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Import directions (docs/architecture.md, "Import directions"), enforced here and by the three tsconfigs.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const restrict = (paths, patterns, message) => [
  'error',
  { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'tests/**/*.ts', '*.config.ts', '*.config.js', 'electron/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'react', 'react-dom'],
        ['node:*', 'electron/*', '../electron/*', '../renderer/*'],
        'shared/ is pure: no Node, no DOM, no Electron.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron'],
        ['electron/*', '../../renderer/*', '../../../renderer/*'],
        'Services and the browser host must run without Electron.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron'],
        ['node:*', '../electron/*', '../../electron/*', '../../../electron/*'],
        'The renderer reaches services only through shared/api.ts (renderer/api.ts).',
      ),
    },
  },
);
