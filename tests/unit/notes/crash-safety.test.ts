import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { NotesService } from '../../../electron/core/notes/notes-service.js';
import { tempDataDir } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../../..');
// Inside the repo (out/ is ignored), so the bundle's bare imports (conf, zod) resolve from node_modules.
const bundleDir = path.join(root, 'out', 'test', `notes-crash-${process.pid}`);
const bundle = path.join(bundleDir, 'crash-child.mjs');

beforeAll(async () => {
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: [path.join(import.meta.dirname, 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const faults = path.join(import.meta.dirname, 'crash-faults.mjs');

/**
 * Runs the child until it has acknowledged `killAfter` notes (or kills itself: `crash`, see
 * crash-faults.mjs), SIGKILLs it, and returns every id it acknowledged.
 */
function burstAndKill(dataDir: string, killAfter: number, crash = ''): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(faults).href, bundle, dataDir], {
      cwd: root,
      env: { ...process.env, EARMARK_CRASH: crash },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let partial = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      acked.push(...lines);
      if (acked.length >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended without being killed: ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('crash safety', () => {
  it('a child killed with SIGKILL mid-burst leaves parseable files holding every acknowledged note', async () => {
    const { dir, remove } = tempDataDir();
    try {
      const acked: string[] = [];
      for (const killAfter of [40, 90, 150]) acked.push(...(await burstAndKill(dir, killAfter)));
      expect(acked.length).toBeGreaterThanOrEqual(280);

      expectIntact(dir, acked);
    } finally {
      remove();
    }
  });

  // Deterministic worst cases: killed inside a save, where a plain writeFileSync would leave a torn file.
  it.each([
    ['half-way through writing the file', 'write:25'],
    ['after writing, just before the rename', 'rename:25'],
  ])('a child killed %s keeps every acknowledged note', async (_when, crash) => {
    const { dir, remove } = tempDataDir();
    try {
      const acked = await burstAndKill(dir, Infinity, crash);
      expect(acked.length).toBeGreaterThan(5);
      // The torn write is a temp file beside the store, ignored on load.
      expect(readdirSync(path.join(dir, 'notes')).some((f) => f.includes('.tmp-'))).toBe(true);
      expectIntact(dir, acked);
    } finally {
      remove();
    }
  });
});

/** Every note file parses, opening needs no repair, and every acknowledged note is there. */
function expectIntact(dataDir: string, acked: string[]): void {
  const folder = path.join(dataDir, 'notes');
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(3);
  for (const file of files) expect(() => JSON.parse(readFileSync(path.join(folder, file), 'utf8'))).not.toThrow();
  const notes = new NotesService({ dataDir, storeFactory: confStoreFactory, now: () => new Date() });
  expect(notes.load()).toEqual([]);
  const present = new Set(notes.all().map((n) => n.id));
  expect(acked.filter((id) => !present.has(id))).toEqual([]);
}
