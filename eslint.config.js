import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import earmark from './eslint-rules/layers.js';

// Import directions (docs/architecture.md, "Import directions"), enforced here and by the three tsconfigs.
// Between folders: the local rule earmark/layers (eslint-rules/layers.js). Each layer lists what it may
// import (itself included); a file belongs to the longest folder that holds it.
const layerOptions = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  layers: {
    shared: ['shared'],
    'electron/core': ['electron/core', 'shared'],
    // What both adapters use and the services do not (the CSP, the built renderer's files).
    'electron/common': ['electron/common', 'electron/core', 'shared'],
    'electron/host': ['electron/host', 'electron/common', 'electron/core', 'shared'],
    // The Electron shell (files directly in electron/): never the browser host.
    electron: ['electron', 'electron/common', 'electron/core', 'shared'],
    renderer: ['renderer', 'shared'],
  },
  // renderer/features/<a>/ may import renderer/features/<b>/ only for these edges.
  features: {
    folder: 'renderer/features',
    allow: {
      chapters: ['notes', 'player'], // note markers on the seek bar are labelled as notes are; chapter steps drive the Player
      episode: ['chapters', 'downloads', 'notes', 'player', 'queue', 'transcript'], // the episode page puts them together, its Transcript section too
      library: ['directory', 'downloads', 'notes', 'player'], // Find podcasts, row badges, notes export/import, a row's playing state
      player: ['chapters', 'queue', 'settings'], // chapter markers and steps in the bar; Next plays from Up next; skip lengths from the settings
      queue: ['player'], // Play now, and a row's playing state
      settings: ['player'], // the speed choices
    },
  },
};
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
    files: [
      'electron/**/*.ts',
      'tests/**/*.ts',
      '*.config.ts',
      '*.config.js',
      'electron/**/*.mjs',
      'tests/**/*.mjs',
      'eslint-rules/**/*.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.{ts,mjs}', 'renderer/**/*.{ts,tsx}'],
    plugins: { earmark },
    rules: { 'earmark/layers': ['error', layerOptions] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'react', 'react-dom'],
        ['node:*', 'electron/*'],
        'shared/ is pure: no Node, no DOM, no Electron.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/common/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron'],
        ['electron/*'],
        'Services, electron/common and the browser host must run without Electron.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron'],
        ['node:*'],
        'The renderer reaches services only through shared/api.ts (renderer/api.ts).',
      ),
    },
  },
);
