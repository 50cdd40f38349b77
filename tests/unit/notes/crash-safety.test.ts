import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
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

/** Runs the child until it has acknowledged `killAfter` notes, SIGKILLs it, returns every id it acknowledged. */
function burstAndKill(dataDir: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

      const folder = path.join(dir, 'notes');
      const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
      expect(files).toHaveLength(3);
      for (const file of files) expect(() => JSON.parse(readFileSync(path.join(folder, file), 'utf8'))).not.toThrow();

      const notes = new NotesService({ dataDir: dir, storeFactory: confStoreFactory, now: () => new Date() });
      expect(notes.load()).toEqual([]);
      const present = new Set(notes.all().map((n) => n.id));
      expect(acked.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      remove();
    }
  });
});
