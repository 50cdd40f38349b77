// The earmark/layers rule (eslint-rules/layers.js) as eslint.config.js sets it up: every forbidden
// direction between folders is reported, the allowed ones are not. The files named here don't exist;
// lintText lints the text as if it were that file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function messages(file: string, code: string, ruleId = 'earmark/layers'): Promise<string[]> {
  const filePath = path.join(root, file);
  // An allowed import must be one the rule looked at, not a file the config leaves out.
  const config = (await eslint.calculateConfigForFile(filePath)) as { rules?: Record<string, unknown> } | undefined;
  expect(config?.rules?.['earmark/layers']).toBeDefined();
  const results = await eslint.lintText(code, { filePath });
  return results
    .flatMap((result) => result.messages)
    .filter((m) => m.ruleId === ruleId)
    .map((m) => m.message);
}

const forbidden: [file: string, specifier: string, says: string][] = [
  ['shared/probe.ts', '../electron/core/app.js', 'shared/ may not import electron/core/'],
  ['shared/probe.ts', '../renderer/api', 'shared/ may not import renderer/'],
  ['electron/core/probe.ts', '../host/host.js', 'electron/core/ may not import electron/host/'],
  ['electron/core/probe.ts', '../common/static-files.js', 'electron/core/ may not import electron/common/'],
  ['electron/core/feeds/probe.ts', '../../main-log.js', 'electron/core/ may not import electron/'],
  ['electron/core/probe.ts', '../../renderer/api', 'electron/core/ may not import renderer/'],
  ['electron/common/probe.ts', '../host/auth.js', 'electron/common/ may not import electron/host/'],
  ['electron/common/probe.ts', '../window.js', 'electron/common/ may not import electron/'],
  ['electron/host/probe.ts', '../content-security-policy.js', 'electron/host/ may not import electron/'],
  ['electron/host/probe.ts', '../app-origin.js', 'electron/host/ may not import electron/'],
  ['electron/host/probe.ts', '../../renderer/api', 'electron/host/ may not import renderer/'],
  ['electron/probe.ts', './host/static-files.js', 'electron/ may not import electron/host/'],
  ['electron/probe.ts', '../renderer/api', 'electron/ may not import renderer/'],
  ['renderer/probe.ts', '../electron/core/app', 'renderer/ may not import electron/core/'],
  [
    'renderer/app/probe.ts',
    '../../electron/common/content-security-policy',
    'renderer/ may not import electron/common/',
  ],
  ['renderer/features/player/probe.ts', '../../../electron/app-origin', 'renderer/ may not import electron/'],
];

const allowed: [file: string, specifier: string][] = [
  ['shared/probe.ts', './types.js'],
  ['electron/core/feeds/probe.ts', '../media/range.js'],
  ['electron/core/probe.ts', '../../shared/api.js'],
  ['electron/common/probe.ts', '../core/media/range.js'],
  ['electron/common/probe.ts', '../../shared/types.js'],
  ['electron/host/probe.ts', '../core/app.js'],
  ['electron/host/probe.ts', '../common/content-security-policy.js'],
  ['electron/host/probe.ts', './auth.js'],
  ['electron/host/probe.ts', '../../shared/api.js'],
  ['electron/probe.ts', './core/app.js'],
  ['electron/probe.ts', './common/static-files.js'],
  ['electron/probe.ts', './app-origin.js'],
  ['electron/probe.ts', '../shared/deep-link.js'],
  ['renderer/probe.ts', './api'],
  ['renderer/app/probe.ts', '../features/player/use-player'],
  ['renderer/features/notes/probe.ts', '../../components/icons'],
  ['renderer/features/notes/probe.ts', '../../../shared/time'],
  ['renderer/features/notes/probe.ts', './use-notes'],
];

describe('earmark/layers', () => {
  it.each(forbidden)('%s importing %s is reported', async (file, specifier, says) => {
    const found = await messages(file, `import { x } from '${specifier}';\nexport { x };\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });

  it.each(allowed)('%s importing %s is allowed', async (file, specifier) => {
    expect(await messages(file, `import { x } from '${specifier}';\nexport { x };\n`)).toEqual([]);
  });

  it('checks every way of naming a module: re-exports, type imports, import(), import types and require', async () => {
    const code = [
      "export * from '../main.js';",
      "export { a } from '../ipc.js';",
      "import type { B } from '../window.js';",
      "const c = await import('../menu.js');",
      'const d = await import(`../tray.js`);',
      "let e: import('../quit.js').E;",
      "const f = require('../preload.js');",
      "import '../system-fetch.js';",
    ].join('\n');
    const found = await messages('electron/host/probe.ts', code);
    expect(found).toHaveLength(8);
    for (const message of found) expect(message).toContain('electron/host/ may not import electron/');
  });

  it('reports an import that lands in no layer (assets, tests, the project root or outside it)', async () => {
    for (const specifier of [
      '../../assets/icons/icon.png',
      '../../tests/support/x.js',
      '../../package.json',
      '../../../x.js',
    ]) {
      const found = await messages('electron/core/probe.ts', `import x from '${specifier}';\nexport { x };\n`);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain('which is in no layer');
    }
  });

  it("reads a directory import and Vite's ?url suffix by the path they name", async () => {
    expect(await messages('shared/probe.ts', "import x from '../electron/core';\nexport { x };\n")).toHaveLength(1);
    expect(await messages('renderer/probe.ts', "import x from './assets/icon.svg?url';\nexport { x };\n")).toEqual([]);
    expect(
      await messages('renderer/probe.ts', "import x from '../assets/icon.svg?url';\nexport { x };\n"),
    ).toHaveLength(1);
  });

  it('leaves package imports to no-restricted-imports', async () => {
    expect(await messages('electron/host/probe.ts', "import { app } from 'electron';\nexport { app };\n")).toEqual([]);
    const restricted = await messages(
      'electron/common/probe.ts',
      "import { app } from 'electron';\nexport { app };\n",
      'no-restricted-imports',
    );
    expect(restricted).toHaveLength(1);
  });

  describe('between renderer features', () => {
    it('allows the edges in the allow-list', async () => {
      const edges = [
        ['episode', 'notes'],
        ['library', 'directory'],
        ['player', 'queue'],
        ['queue', 'player'],
        ['settings', 'player'],
      ];
      for (const [from, to] of edges) {
        const code = `import { x } from '../${to}/probe';\nexport { x };\n`;
        expect(await messages(`renderer/features/${from}/probe.tsx`, code)).toEqual([]);
      }
    });

    it('reports an edge that is not in the list, including a feature the list does not name', async () => {
      const edges = [
        ['directory', 'library'],
        ['notes', 'episode'],
        ['player', 'library'],
        ['search', 'episode'],
        ['newfeature', 'player'],
      ];
      for (const [from, to] of edges) {
        const code = `import { x } from '../${to}/probe';\nexport { x };\n`;
        const found = await messages(`renderer/features/${from}/probe.tsx`, code);
        expect(found).toEqual([
          `renderer/features/${from}/ may not import renderer/features/${to}/ ('../${to}/probe'): that edge is not in the feature allow-list of the earmark/layers rule (eslint.config.js).`,
        ]);
      }
      // a directory import of another feature counts too
      expect(
        await messages('renderer/features/notes/probe.ts', "import x from '../episode';\nexport { x };\n"),
      ).toHaveLength(1);
    });
  });

  it('reports the old hole if it comes back: host.ts importing a file of the Electron shell', async () => {
    const file = 'electron/host/host.ts';
    const source = readFileSync(path.join(root, file), 'utf8');
    expect(await messages(file, source)).toEqual([]);
    const found = await messages(file, `import { mainLog } from '../main-log.js';\nvoid mainLog;\n${source}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain("electron/host/ may not import electron/ ('../main-log.js')");
  });
});
