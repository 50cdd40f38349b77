import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DownloadManagerOptions } from '../../../electron/core/downloads/download-manager.js';
import { partFileName } from '../../../electron/core/downloads/media-names.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes, sha256 } from './serve-bytes.js';

let server: FeedServer;
let h: Harness;
/** The numbers: 1,048,576 bytes announced, a body that stops after 300,000. */
const whole = makeFile(1_048_576);
const cut = 300_000;
const finished = ['completed', 'failed', 'cancelled'] as const;

eachTestServerAndHarness((s, harness) => ((server = s), (h = harness)));

/** Ranges asked for, in order (undefined: a plain GET). */
const ranges = (route: string) => server.requestsTo(route).map((r) => r.headers.range);

// Both HTTP clients read a close-delimited body to the connection's close and call that the end.
describe.each([
  ['node:http', {}],
  ['fetch', { fetch }],
])('a body without a stated length (%s)', (_client, transport: Partial<DownloadManagerOptions>) => {
  const make = (options: Partial<DownloadManagerOptions> = {}) => h.manager({ ...transport, ...options });

  it('is not complete when the connection closes early: a Range probe fetches the rest', async () => {
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, whole.data, { closeDelimited: true, cutAfter: n++ === 0 ? cut : undefined }),
    );
    const manager = await make();
    // No usable length in the feed ("0"), so only the server can say where the file ends.
    manager.enqueue(episode('ep', server.url('/ep.mp3'), { length: 0 }));
    expect(await h.until(manager, 'ep', [...finished])).toMatchObject({ state: 'completed', bytes: whole.data.length });
    expect(ranges('/ep.mp3')).toEqual([undefined, `bytes=${cut}-`]);
    expect(sha256(readFileSync(manager.localFile('ep') as string))).toBe(whole.sha256);
  });

  it('is complete when the probe is answered 416 "bytes */<received>", with a note on the size the feed announces', async () => {
    const short = makeFile(cut);
    server.routes.set('/ep.mp3', (res, headers) => serveBytes(res, headers, short.data, { closeDelimited: true }));
    const manager = await make();
    manager.enqueue(episode('ep', server.url('/ep.mp3'), { length: whole.data.length }));
    const done = await h.until(manager, 'ep', [...finished]);
    expect(done).toMatchObject({ state: 'completed', bytes: cut });
    expect(done.note).toBe(
      'This file is 293 KB, but the feed announces 1 MB. It may be cut short or a different version of the episode; if it stops early, remove the download and download it again.',
    );
    expect(ranges('/ep.mp3')).toEqual([undefined, `bytes=${cut}-`]);
  });

  it('is complete when the probe is answered 206 with nothing more', async () => {
    const short = makeFile(cut);
    server.routes.set('/ep.mp3', (res, headers) => {
      if (!headers.range) return serveBytes(res, headers, short.data, { closeDelimited: true });
      res.writeHead(206, { 'content-type': 'audio/mpeg', 'content-range': `bytes */${cut}`, 'content-length': '0' });
      res.end();
    });
    const manager = await make();
    manager.enqueue(episode('ep', server.url('/ep.mp3'), { length: cut }));
    // The feed agrees with what came: no probe needed.
    expect(await h.until(manager, 'ep', [...finished])).toMatchObject({ state: 'completed', bytes: cut });
    expect(ranges('/ep.mp3')).toEqual([undefined]);

    manager.enqueue(episode('other', server.url('/ep.mp3')));
    const done = await h.until(manager, 'other', [...finished]);
    expect(done).toMatchObject({ state: 'completed', bytes: cut });
    expect(done.note).toBeUndefined();
    expect(ranges('/ep.mp3')).toEqual([undefined, undefined, `bytes=${cut}-`]);
  });

  it('from a server that ignores Range, believes only an end that repeats or matches the feed', async () => {
    // Cut at 300,000, then at 500,000, then whole: each answer starts from 0 again.
    const cuts = [cut, 500_000, undefined];
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, whole.data, { closeDelimited: true, ignoreRange: true, cutAfter: cuts[n++] }),
    );
    const manager = await make();
    manager.enqueue(episode('ep', server.url('/ep.mp3'), { length: whole.data.length }));
    const done = await h.until(manager, 'ep', [...finished]);
    expect(done).toMatchObject({ state: 'completed', bytes: whole.data.length });
    expect(done.note).toBeUndefined();
    expect(ranges('/ep.mp3')).toEqual([undefined, `bytes=${cut}-`, `bytes=500000-`]);
    expect(sha256(readFileSync(manager.localFile('ep') as string))).toBe(whole.sha256);
  });

  it('from a server that ignores Range and always stops at the same byte, completes with a note', async () => {
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, whole.data, { closeDelimited: true, ignoreRange: true, cutAfter: cut }),
    );
    const manager = await make();
    manager.enqueue(episode('ep', server.url('/ep.mp3'), { length: whole.data.length }));
    const done = await h.until(manager, 'ep', [...finished]);
    expect(done).toMatchObject({ state: 'completed', bytes: cut, note: expect.stringContaining('announces 1 MB') });
    expect(ranges('/ep.mp3')).toEqual([undefined, `bytes=${cut}-`]);
  });

  it('fails in words, keeping what it has, when the end can never be confirmed', async () => {
    const cuts = [500_000, 400_000, 350_000, cut];
    let n = 0;
    server.routes.set('/ep.mp3', (res, headers) =>
      serveBytes(res, headers, whole.data, { closeDelimited: true, ignoreRange: true, cutAfter: cuts[n++] ?? cut }),
    );
    const manager = await make();
    manager.enqueue(episode('ep', server.url('/ep.mp3')));
    const done = await h.until(manager, 'ep', [...finished]);
    expect(done.state).toBe('failed');
    expect(done.error).toBe(
      'The server did not say how long the file is, and Earmark could not confirm that it ends after 293 KB. What was downloaded is kept: Retry to ask again.',
    );
    expect(server.requestsTo('/ep.mp3')).toHaveLength(4);
    expect(existsSync(path.join(h.dataDir, 'media', partFileName('ep')))).toBe(true);
  });
});

describe('the size the feed announces', () => {
  it('a complete file far from it gets a note; a near one and a re-download do not', async () => {
    const short = makeFile(cut);
    server.routes.set('/short.mp3', (res, headers) => serveBytes(res, headers, short.data));
    const manager = await h.manager();
    manager.enqueue(episode('far', server.url('/short.mp3'), { length: whole.data.length }));
    manager.enqueue(episode('near', server.url('/short.mp3'), { length: cut + 60_000 }));
    expect(await h.until(manager, 'far', ['completed'])).toMatchObject({
      note: expect.stringMatching(/^This file is 293 KB, but the feed announces 1 MB\./),
    });
    expect((await h.until(manager, 'near', ['completed'])).note).toBeUndefined();
    // The note belongs to that file: removing it and downloading again starts without one.
    await manager.remove('far');
    manager.enqueue(episode('far', server.url('/short.mp3'), { length: cut }));
    expect((await h.until(manager, 'far', ['completed'])).note).toBeUndefined();
  });
});
