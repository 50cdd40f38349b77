/**
 * The data folder is private (0700 folders, 0600 files: notes are the listener's alone) and has one
 * writer: a second Earmark on it is refused with a sentence that says who holds it, a lock left by
 * a process that died is taken over at once.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { DataFolderInUseError, LOCK_FILE } from '../../../electron/core/data-lock.js';
import { assertFreshBundle } from '../../support/main-boot.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let parent: string;
let dataDir: string;
let server: FeedServer;
const apps: EarmarkApp[] = [];
beforeEach(async () => {
  parent = mkdtempSync(path.join(tmpdir(), 'earmark-folder-'));
  dataDir = path.join(parent, 'data');
  server = new FeedServer();
  await server.start();
  const xml = rss([{ guid: 'g1', title: 'One' }]);
  server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(xml));
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server.stop();
  rmSync(parent, { recursive: true, force: true });
});

function open(appName?: string): EarmarkApp {
  const app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl: server.url('/feed.xml'),
    log: () => {},
    ...(appName ? { appName } : {}),
  });
  apps.push(app);
  return app;
}

const mode = (file: string) => statSync(file).mode & 0o777;

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? [full, ...filesUnder(full)] : [full];
  });
}

describe('a private data folder', () => {
  it('is created 0700, with every folder 0700 and every file 0600', async () => {
    const app = open();
    await app.start();
    const listed = await app.call('listEpisodes', {});
    if (!listed.ok) throw new Error('listEpisodes failed');
    const id = (listed.value as { id: string }[])[0]!.id;
    await app.call('addNote', { episodeId: id, at: 3, text: 'private thought' });
    await app.call('updateSettings', { theme: 'dark' });
    await app.call('setEpisodeState', { id, position: 10 });
    await app.close();

    expect(mode(dataDir)).toBe(0o700);
    const entries = filesUnder(dataDir);
    expect(entries.some((file) => file.includes(`${path.sep}notes${path.sep}`))).toBe(true);
    expect(entries.some((file) => file.includes(`${path.sep}shows${path.sep}`))).toBe(true);
    for (const entry of entries) {
      expect([entry, mode(entry)]).toEqual([entry, statSync(entry).isDirectory() ? 0o700 : 0o600]);
    }
  });
});

describe('one Earmark per data folder', () => {
  it('refuses a second one while the first runs, saying who holds it, and lets it in once the first closes', () => {
    const first = open('the browser host');
    expect(() => open('the desktop app')).toThrow(DataFolderInUseError);
    expect(() => open('the desktop app')).toThrow(
      new RegExp(
        `^Another Earmark \\(the browser host, process ${process.pid}\\) is using the data folder ${dataDir}\\.`,
      ),
    );
    apps.splice(apps.indexOf(first), 1);
    return first.close().then(() => {
      expect(() => open()).not.toThrow();
    });
  });

  it('takes over a lock left by a process that died', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await open().close();
    apps.length = 0;
    const left = JSON.stringify({ pid: Number(dead.stdout), host: hostname(), app: 'the desktop app' });
    writeFileSync(path.join(dataDir, LOCK_FILE), left);
    expect(() => open()).not.toThrow();
  });

  it('refuses a lock held on another machine (a shared folder) and says how to clear a stale one', async () => {
    await open().close();
    apps.length = 0;
    const elsewhere = JSON.stringify({ pid: 1, host: `not-${hostname()}`, app: 'the desktop app' });
    writeFileSync(path.join(dataDir, LOCK_FILE), elsewhere);
    expect(() => open()).toThrow(`If it is not running any more, delete ${path.join(dataDir, LOCK_FILE)}.`);
  });

  it('a second browser host on the folder says so in one line and exits 1', async () => {
    assertFreshBundle();
    const serve = path.join(repoRoot, 'out/main/serve.js');
    const args = [serve, '--port', '0', '--data-dir', dataDir, '--feed', server.url('/feed.xml'), '--no-open'];
    const first = spawn(process.execPath, args, { stdio: 'pipe', env: { ...process.env, CI: 'true' } });
    try {
      await new Promise<void>((resolve, reject) => {
        first.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Earmark ready at') && resolve());
        first.on('exit', (code) => reject(new Error(`the first host ended (${code})`)));
      });
      const second = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
      expect(second.status).toBe(1);
      expect(second.stdout).toBe('');
      expect(second.stderr.trim()).toMatch(
        new RegExp(`^Earmark: Another Earmark \\(the browser host, process ${first.pid}\\) is using the data folder`),
      );
    } finally {
      const exited = new Promise((resolve) => first.on('exit', resolve));
      first.kill('SIGTERM');
      await exited;
    }
  });
});
