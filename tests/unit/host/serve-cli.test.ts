import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { send, tempDir, unusedPort } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const temp = tempDir('earmark-serve-');

beforeAll(() => {
  // The real bundle, as `npm run serve` runs it.
  execFileSync('npm', ['run', 'build:node', '--silent'], { cwd: root, stdio: 'ignore' });
}, 60_000);

afterAll(() => temp.remove());

it('prints exactly one ready line, serves, and exits 0 on SIGTERM', async () => {
  const feed = `http://127.0.0.1:${await unusedPort()}/feed.xml`;
  const child = spawn(
    process.execPath,
    [path.join(root, 'out/main/serve.js'), '--port', '0', '--data-dir', path.join(temp.dir, 'data'), '--feed', feed],
    { cwd: root, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  await expect.poll(() => stdout, { timeout: 10_000 }).toContain('\n');
  const match = /^Earmark ready at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))\n$/.exec(stdout);
  expect(match, stdout).not.toBeNull();
  const port = Number(match![2]);

  const reply = await send(port, { path: `/?token=${match![3]}` });
  expect(reply.status).toBe(302);

  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(stderr).toContain('Earmark stopped');
  expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
});

// Linux: a stand-in xdg-open on PATH records its arguments, i.e. what `ps` would show other users.
it.runIf(process.platform === 'linux')(
  'opens the browser through a private launch file, never the token in argv, and deletes it on exit',
  async () => {
    const bin = path.join(temp.dir, 'bin');
    const record = path.join(temp.dir, 'opener-argv.txt');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    delete env.CI;
    const child = spawn(
      process.execPath,
      [
        path.join(root, 'out/main/serve.js'),
        ...['--port', '0', '--data-dir', path.join(temp.dir, 'data-open')],
        ...['--feed', `http://127.0.0.1:${await unusedPort()}/feed.xml`],
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => existsSync(record) && readFileSync(record, 'utf8'), { timeout: 10_000 }).toBeTruthy();
      const token = /\?token=([A-Za-z0-9_-]{43})\n$/.exec(stdout)?.[1];
      expect(token, stdout).toBeDefined();
      const argv = readFileSync(record, 'utf8').split('\n').filter(Boolean);
      expect(argv).toHaveLength(1);
      const file = argv[0]!;
      expect(argv.join(' ')).not.toContain(token);
      expect(file).toMatch(/\.html$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(readFileSync(file, 'utf8')).toContain(`content="0;url=http://127.0.0.1:`);
      expect(readFileSync(file, 'utf8')).toContain(`token=${token}`);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(file)).toBe(false);
      expect(existsSync(path.dirname(file))).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  },
);

it('rejects a bad --port with a usage message', () => {
  let status = 0;
  let stderr = '';
  try {
    execFileSync(process.execPath, [path.join(root, 'out/main/serve.js'), '--port', 'abc'], {
      cwd: root,
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failed = error as { status: number; stderr: Buffer };
    status = failed.status;
    stderr = failed.stderr.toString();
  }
  expect(status).toBe(2);
  expect(stderr).toContain('--port must be a whole number');
});

it('bundles the preload as CommonJS that requires only electron and carries no zod', () => {
  const preload = readFileSync(path.join(root, 'out/preload/preload.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect(new Set(required)).toEqual(new Set(['electron']));
  expect(preload).not.toMatch(/zod|safeParse/);
  expect(preload).toContain('exposeInMainWorld("earmark"');
});
