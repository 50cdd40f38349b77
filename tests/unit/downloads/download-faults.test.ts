import type { ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DownloadManagerOptions } from '../../../electron/core/downloads/download-manager.js';
import { fileStem } from '../../../electron/core/downloads/media-names.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes, sha256 } from './serve-bytes.js';

let server: FeedServer;
let h: Harness;
const file = makeFile(300 * 1024);

eachTestServerAndHarness((s, harness) => ((server = s), (h = harness)));

const finished = ['completed', 'failed', 'cancelled'] as const;

function onDisk(id: string): string | undefined {
  return readdirSync(path.join(h.dataDir, 'media')).find((name) => name.startsWith(fileStem(id)));
}

// Both HTTP clients: node:http(s) (the default) and an injected fetch (Electron's net.fetch in the app).
describe.each([
  ['node:http', {}],
  ['fetch', { fetch }],
])('DownloadManager (%s) against a faulty server', (_client, transport: Partial<DownloadManagerOptions>) => {
  const make = (options: Partial<DownloadManagerOptions> = {}) => h.manager({ ...transport, ...options });

  it('streams a file to <hash>.<ext>, announces states and progress, and leaves no .part', async () => {
    server.routes.set('/ep.m4a', (res, headers) => serveBytes(res, headers, file.data, { contentType: 'audio/x-m4a' }));
    let progressBeforeCompleted = -1;
    const manager = await make({
      onChange: ({ state }) => state === 'completed' && (progressBeforeCompleted = h.progress.length),
    });
    manager.enqueue(episode('ep-1', server.url('/ep.m4a')));
    const done = await h.until(manager, 'ep-1', [...finished]);
    expect(done).toMatchObject({ state: 'completed', bytes: file.data.length, total: file.data.length });
    const local = manager.localFile('ep-1');
    expect(local).toBe(path.join(h.dataDir, 'media', `${fileStem('ep-1')}.m4a`));
    expect(sha256(readFileSync(local as string))).toBe(file.sha256);
    expect(onDisk('ep-1')).toBe(`${fileStem('ep-1')}.m4a`);
    expect(h.changes.map((c) => c.state)).toEqual(['queued', 'downloading', 'completed']);
    expect(h.progress.at(-1)).toMatchObject({ episodeId: 'ep-1', bytes: file.data.length, etaSeconds: 0 });
    // "completed" is the last word: no progress event after it.
    expect(progressBeforeCompleted).toBe(h.progress.length);
  });

  it('resumes a connection dropped mid-body with Range + If-Range; the bytes are identical', async () => {
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, file.data, { etag: '"v1"', cutAfter: n++ === 0 ? 100_000 : undefined }),
    );
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({ state: 'completed' });
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
    const [first, second] = server.requestsTo('/ep.mp3');
    expect(first?.headers.range).toBeUndefined();
    // Resumes from what reached the disk: at most the 100 000 bytes sent, and (flushed on error) nearly all.
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(second?.headers.range ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(50_000);
    expect(resumedAt).toBeLessThanOrEqual(100_000);
    expect(second?.headers['if-range']).toBe('"v1"');
    expect(second?.bytesSent).toBe(file.data.length - resumedAt);
  });

  it('never marks a truncated transfer with a lying Content-Length complete', async () => {
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, file.data, { claimLength: file.data.length + 50_000, ignoreRange: true }),
    );
    const manager = await make({ maxRetries: 2 });
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    const done = await h.until(manager, 'ep-1', [...finished]);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/broke off|closed the connection|stopped sending/);
    expect(done.error).toContain('Gave up after 3 tries');
    expect(manager.localFile('ep-1')).toBeUndefined();
    expect(onDisk('ep-1')).toMatch(/\.part$/);
  });

  it('restarts cleanly when the server ignores Range', async () => {
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, file.data, { cutAfter: n++ === 0 ? 120_000 : undefined, ignoreRange: true }),
    );
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/ep.mp3')[1]?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('restarts when the validator changed between attempts (If-Range answered with the new file)', async () => {
    const changed = makeFile(280 * 1024);
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) => {
      if (n++ === 0)
        serveBytes(res, headers, file.data, { lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', cutAfter: 90_000 });
      else serveBytes(res, headers, changed.data, { lastModified: 'Tue, 02 Jan 2024 00:00:00 GMT' });
    });
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({
      state: 'completed',
      bytes: changed.data.length,
    });
    expect(server.requestsTo('/ep.mp3')[1]?.headers['if-range']).toBe('Mon, 01 Jan 2024 00:00:00 GMT');
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(changed.sha256);
  });

  it('retries a 500 and then succeeds', async () => {
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) => {
      if (n++ === 0) res.writeHead(500).end('oops');
      else serveBytes(res, headers, file.data);
    });
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/ep.mp3')).toHaveLength(2);
  });

  it('gives up on a server that keeps failing, in words', async () => {
    server.routes.set('/ep.mp3', (res) => res.writeHead(503).end());
    const manager = await make({ maxRetries: 2 });
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    const done = await h.until(manager, 'ep-1', [...finished]);
    expect(done.error).toBe(
      'The server had a problem sending the file (503 Service Unavailable). Gave up after 3 tries.',
    );
    expect(server.requestsTo('/ep.mp3')).toHaveLength(3);
  });

  it('follows a redirect chain (as Anchor does to its CDN) and refuses a loop and too many hops', async () => {
    const hop = (to: string) => (res: ServerResponse) => res.writeHead(302, { location: to }).end();
    server.routes.set('/a', hop('/b'));
    server.routes.set('/b', hop(server.url('/c')));
    server.routes.set('/c', (res, headers) => serveBytes(res, headers, file.data));
    server.routes.set('/loop1', hop('/loop2'));
    server.routes.set('/loop2', hop('/loop1'));
    for (let i = 0; i < 5; i++) server.routes.set(`/far${i}`, hop(`/far${i + 1}`));
    server.routes.set('/far5', (res, headers) => serveBytes(res, headers, file.data));
    const manager = await make({ maxRedirects: 3 });
    manager.enqueue(episode('chain', server.url('/a')));
    manager.enqueue(episode('loop', server.url('/loop1')));
    manager.enqueue(episode('far', server.url('/far0')));
    expect(await h.until(manager, 'chain', [...finished])).toMatchObject({ state: 'completed' });
    expect(await h.until(manager, 'loop', [...finished])).toMatchObject({
      state: 'failed',
      error: 'The download address redirects in a loop.',
    });
    expect(await h.until(manager, 'far', [...finished])).toMatchObject({
      state: 'failed',
      error: 'The download address redirected more than 3 times.',
    });
    expect(server.requestsTo('/loop1')).toHaveLength(1);
  });

  it('fails at once, in words, on 404, 410 and a web page instead of audio', async () => {
    server.routes.set('/gone', (res) => res.writeHead(410).end());
    server.routes.set('/page', (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>'),
    );
    const manager = await make();
    manager.enqueue(episode('missing', server.url('/missing')));
    manager.enqueue(episode('gone', server.url('/gone')));
    manager.enqueue(episode('page', server.url('/page')));
    expect((await h.until(manager, 'missing', [...finished])).error).toBe(
      'The episode’s audio file is not on the server (404 Not Found).',
    );
    expect((await h.until(manager, 'gone', [...finished])).error).toBe(
      'The podcast removed this episode’s audio file from the server (410 Gone).',
    );
    expect((await h.until(manager, 'page', [...finished])).error).toMatch(
      /^The download address returned a web page \(text\/html; charset=utf-8\), not audio\./,
    );
    expect(server.requestsTo('/missing')).toHaveLength(1);
    expect(server.requestsTo('/gone')).toHaveLength(1);
    expect(onDisk('page')).toBeUndefined();
  });

  it('cancels a slow download: the connection closes and nothing is left on disk', async () => {
    server.routes.set('/slow', (res, headers) => serveBytes(res, headers, file.data, { bytesPerSecond: 100_000 }));
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/slow')));
    await h.waitFor(() => h.progress.find((p) => p.bytes > 0));
    const cancelled = await manager.cancel('ep-1');
    expect(cancelled).toMatchObject({ state: 'cancelled', bytes: 0 });
    expect(onDisk('ep-1')).toBeUndefined();
    expect(server.requestsTo('/slow')[0]?.bytesSent).toBeLessThan(file.data.length);
    // It can be queued again afterwards.
    expect(manager.retry('ep-1')?.state).toMatch(/queued|downloading/);
  });

  it('retries a stalled connection (idle timeout) and completes', async () => {
    let n = 0;
    server.routes.set('/stall', (res, headers) => {
      if (n++ > 0) return serveBytes(res, headers, file.data, { etag: '"s"' });
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(file.data.length), etag: '"s"' });
      res.write(file.data.subarray(0, 50_000)); // then silence, connection open
    });
    const manager = await make({ stallTimeoutMs: 300 });
    manager.enqueue(episode('ep-1', server.url('/stall')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/stall')[1]?.headers.range).toMatch(/^bytes=\d+-$/);
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('checks free space before asking the server, with a clear message', async () => {
    server.routes.set('/ep.mp3', (res, headers) => serveBytes(res, headers, file.data));
    const manager = await make({ freeSpace: async () => 12 * 1048576 });
    manager.enqueue(episode('ep-1', server.url('/ep.mp3'), { length: 48 * 1048576 }));
    const done = await h.until(manager, 'ep-1', [...finished]);
    expect(done.error).toBe('Not enough disk space: this episode needs 48 MB, 12 MB free.');
    expect(server.requestsTo('/ep.mp3')).toHaveLength(0);
  });

  it('checks the size the server states before writing a byte', async () => {
    server.routes.set('/ep.mp3', (res, headers) => serveBytes(res, headers, file.data));
    const manager = await make({ freeSpace: async () => 100 * 1024, freeSpaceMargin: 0 });
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    const done = await h.until(manager, 'ep-1', [...finished]);
    expect(done.error).toBe('Not enough disk space: this episode needs 300 KB, 100 KB free.');
    expect(onDisk('ep-1')).toBeUndefined();
  });

  it('without a stated length, asks once more when the feed announced more bytes (416 = it really ends)', async () => {
    server.routes.set('/open', (res, headers) => serveBytes(res, headers, file.data, { closeDelimited: true }));
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/open'), { length: file.data.length + 200_000 }));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({
      state: 'completed',
      bytes: file.data.length,
    });
    expect(server.requestsTo('/open').map((r) => r.headers.range)).toEqual([undefined, `bytes=${file.data.length}-`]);
  });

  it('takes a chunked body that ended cleanly as whole (its end is framed), without asking again', async () => {
    server.routes.set('/chunked', (res, headers) => serveBytes(res, headers, file.data, { chunked: true }));
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/chunked'), { length: file.data.length + 200_000 }));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({
      state: 'completed',
      bytes: file.data.length,
    });
    expect(server.requestsTo('/chunked').map((r) => r.headers.range)).toEqual([undefined]);
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('retries a chunked body cut short instead of calling it whole', async () => {
    let n = 0;
    server.routes.set('/chunked', (res, headers) =>
      serveBytes(res, headers, file.data, { chunked: true, cutAfter: n++ === 0 ? 100_000 : undefined }),
    );
    const manager = await make();
    manager.enqueue(episode('ep-1', server.url('/chunked')));
    expect(await h.until(manager, 'ep-1', [...finished])).toMatchObject({ state: 'completed' });
    expect(server.requestsTo('/chunked')).toHaveLength(2);
    expect(sha256(readFileSync(manager.localFile('ep-1') as string))).toBe(file.sha256);
  });

  it('runs at most `concurrency` downloads at once, in queue order', async () => {
    server.routes.set('/slow', (res, headers) => serveBytes(res, headers, file.data, { bytesPerSecond: 1_000_000 }));
    let peak = 0;
    const manager = await make({
      concurrency: () => 2,
      onChange: () => (peak = Math.max(peak, manager.list().filter((d) => d.state === 'downloading').length)),
    });
    for (const id of ['a', 'b', 'c', 'd']) manager.enqueue(episode(id, server.url('/slow')));
    expect(manager.list().map((d) => d.episodeId)).toEqual(['a', 'b', 'c', 'd']);
    for (const id of ['a', 'b', 'c', 'd']) await h.until(manager, id, ['completed']);
    expect(peak).toBe(2);
    expect(manager.usage()).toEqual({ totalBytes: 4 * file.data.length, byFeed: { 'feed-1': 4 * file.data.length } });
  });

  it('sends progress at most four times a second, with speed and ETA', async () => {
    server.routes.set('/slow', (res, headers) => serveBytes(res, headers, file.data, { bytesPerSecond: 250_000 }));
    const manager = await make({ progressIntervalMs: 250 });
    manager.enqueue(episode('ep-1', server.url('/slow')));
    const start = Date.now();
    await h.until(manager, 'ep-1', ['completed']);
    const seconds = (Date.now() - start) / 1000;
    const running = h.progress.filter((p) => p.bytes < file.data.length);
    expect(running.length).toBeGreaterThan(1);
    expect(running.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1);
    const last = running.at(-1);
    expect(last?.speed).toBeGreaterThan(100_000);
    expect(last?.speed).toBeLessThan(600_000);
    expect(last?.etaSeconds).toBeGreaterThanOrEqual(0);
    expect(last?.total).toBe(file.data.length);
    expect(running.every((p, i) => i === 0 || p.bytes >= (running[i - 1]?.bytes ?? 0))).toBe(true);
  });

  it('removes a download and its file; resume() deletes files no download owns', async () => {
    server.routes.set('/ep.mp3', (res, headers) => serveBytes(res, headers, file.data));
    const removed: string[] = [];
    const manager = await make({ onRemoved: (id) => removed.push(id) });
    manager.enqueue(episode('ep-1', server.url('/ep.mp3')));
    await h.until(manager, 'ep-1', ['completed']);
    expect(manager.enqueue(episode('ep-1', server.url('/ep.mp3'))).state).toBe('completed');
    const local = manager.localFile('ep-1') as string;
    expect(await manager.remove('ep-1')).toBe(true);
    expect(existsSync(local)).toBe(false);
    expect(manager.get('ep-1')).toBeUndefined();
    expect(removed).toEqual(['ep-1']);
    expect(await manager.remove('ep-1')).toBe(false);
  });
});
