import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partFileName } from '../../../electron/core/downloads/media-names.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes, sha256 } from './serve-bytes.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Inside the repo so the bundle's bare imports (conf) resolve from node_modules.
const childBundle = path.resolve(here, `../../../out/test/download-child-${process.pid}.mjs`);

let server: FeedServer;
let h: Harness;
const file = makeFile(400 * 1024);

beforeAll(async () => {
  await build({
    entryPoints: [path.join(here, 'download-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: childBundle,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(childBundle, { force: true }));
eachTestServerAndHarness(
  (s, harness) => ((server = s), (h = harness)),
  (server) => {
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, file.data, { etag: '"e1"', bytesPerSecond: 400_000 }),
    );
  },
);

const partPath = (id: string) => path.join(h.dataDir, 'media', partFileName(id));

describe('resuming across restarts', () => {
  it('an app restart (close, new manager on the same data dir) continues from the .part with Range', async () => {
    const first = await h.manager();
    first.enqueue(episode('ep-1', server.url('/ep.mp3')));
    await h.waitFor(() => h.progress.find((p) => p.bytes > 100_000));
    await first.close();
    expect(first.get('ep-1')?.state).toBe('queued');
    const kept = statSync(partPath('ep-1')).size;
    expect(kept).toBeGreaterThan(100_000);
    expect(kept).toBeLessThan(file.data.length);

    const second = await h.manager();
    expect(await h.until(second, 'ep-1', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    const resumed = server.requestsTo('/ep.mp3')[1];
    expect(resumed?.headers.range).toBe(`bytes=${kept}-`);
    expect(resumed?.headers['if-range']).toBe('"e1"');
    expect(resumed?.bytesSent).toBe(file.data.length - kept);
    expect(sha256(readFileSync(second.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('a paused download stays paused across a restart until retried', async () => {
    const first = await h.manager();
    first.enqueue(episode('ep-1', server.url('/ep.mp3')));
    await h.waitFor(() => h.progress.find((p) => p.bytes > 50_000));
    expect((await first.pause('ep-1'))?.state).toBe('paused');
    await first.close();
    const second = await h.manager();
    expect(second.get('ep-1')?.state).toBe('paused');
    expect(server.requestsTo('/ep.mp3')).toHaveLength(1);
    second.retry('ep-1');
    expect(await h.until(second, 'ep-1', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    expect(sha256(readFileSync(second.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('a process killed mid-download (SIGKILL) is resumed by the next start', async () => {
    const child = spawn(process.execPath, [childBundle, h.dataDir, server.url('/ep.mp3'), 'ep-1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        if (/"bytes":(1\d{5}|[2-9]\d{5})/.test(buffered)) resolve(); // ≥ 100 000 bytes
      });
      child.once('exit', () => reject(new Error('child exited early')));
    });
    child.kill('SIGKILL');
    await exited;
    const kept = statSync(partPath('ep-1')).size;
    expect(kept).toBeGreaterThanOrEqual(100_000);
    expect(kept).toBeLessThan(file.data.length);

    const manager = await h.manager();
    expect(await h.until(manager, 'ep-1', ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    const requests = server.requestsTo('/ep.mp3');
    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers.range).toBe(`bytes=${kept}-`);
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
    expect(existsSync(partPath('ep-1'))).toBe(false);
  });

  it('marks a completed download whose file vanished as failed, and retry fetches it again', async () => {
    const first = await h.manager();
    first.enqueue(episode('ep-1', server.url('/ep.mp3')));
    await h.until(first, 'ep-1', ['completed']);
    rmSync(first.localFile('ep-1') as string);
    await first.close();
    const second = await h.manager();
    expect(second.get('ep-1')).toMatchObject({ state: 'failed', error: expect.stringContaining('missing') });
    expect(second.localFile('ep-1')).toBeUndefined();
    second.retry('ep-1');
    expect(await h.until(second, 'ep-1', ['completed'])).toMatchObject({ bytes: file.data.length });
  });
});
