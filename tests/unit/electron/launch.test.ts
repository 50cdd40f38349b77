/**
 * The README's first command on a machine that can't download Electron (ours, and many corporate
 * networks): `npm install` still succeeds with one line about the desktop app, and `npm start`
 * opens Earmark in the browser instead of failing. Electron's own environment variables make the
 * binary "missing" and its download fail here, whatever the machine has installed or cached.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBundle } from '../../support/main-boot.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'earmark-launch-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A local address where nothing listens (a port that was free a moment ago). */
async function refusingUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

/** Electron's install and path lookups pointed at empty folders: no binary, no cached download. */
function withoutElectron(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-dist') };
  env.electron_config_cache = path.join(scratch, 'no-cache');
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return env;
}

describe('npm install (postinstall)', () => {
  it('carries on when the Electron download fails, with one line saying so and how to retry', async () => {
    const run = spawnSync(process.execPath, ['electron/install-binary.mjs'], {
      cwd: repoRoot,
      env: { ...withoutElectron(), ELECTRON_MIRROR: await refusingUrl() },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Earmark: couldn't download the Electron binary for the desktop app \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)\. Earmark still works in your browser: `npm start` opens it there\. To retry the desktop download: npm run install:electron$/,
    );
    expect(existsSync(path.join(scratch, 'no-dist'))).toBe(false);
  });

  it('says it skipped the download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const run = spawnSync(process.execPath, ['electron/install-binary.mjs'], {
      cwd: repoRoot,
      env: { ...withoutElectron(), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Earmark: skipped the Electron download \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)/);
  });

  it('is what npm runs after installing, while electron’s own script is not allowed to run', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    expect(pkg.scripts.postinstall).toBe('node electron/install-binary.mjs');
    expect(pkg.scripts['install:electron']).toBe('node electron/install-binary.mjs');
    expect(pkg.allowScripts.electron).toBe(false);
  });
});

describe('npm start without the Electron binary', () => {
  it('starts the browser host with the desktop app’s settings and says so in one line', async () => {
    assertFreshBundle();
    const server = new FeedServer();
    await server.start();
    server.routes.set('/feed.xml', (res) =>
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss([{ guid: 'a', title: 'Episode A' }])),
    );
    const dataDir = path.join(scratch, 'data');
    // CI: the host must not try to open a browser.
    const env = { ...withoutElectron(), CI: 'true', EARMARK_DATA_DIR: dataDir, EARMARK_FEED: server.url('/feed.xml') };
    const child = spawn(process.execPath, ['electron/launch.mjs'], { cwd: repoRoot, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const ready = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const url = /Earmark ready at (\S+)/.exec(stdout)?.[1];
          if (url) resolve(url);
        });
        child.on('exit', (code) => reject(new Error(`launch ended (${code}): ${stdout}${stderr}`)));
      });
      expect(stdout.split('\n')[0]).toBe(
        "Earmark: the desktop app isn't installed here (no Electron binary), so Earmark opens in your browser instead. `npm run install:electron` retries the desktop download.",
      );
      expect(ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      // The token is traded for a cookie, and the cookie opens the app.
      const exchange = await fetch(ready, { redirect: 'manual' });
      const cookie = exchange.headers.get('set-cookie')?.split(';')[0] ?? '';
      expect(cookie).not.toBe('');
      const page = await fetch(new URL('/', ready), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      expect(stderr).toContain(`Earmark: data in ${dataDir}`);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      await server.stop();
    }
  });
});
