import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mediaFileFor } from '../../../electron/core/media/media-file.js';
import type { FeedServer } from '../feeds/feed-server.js';
import { eachTestServerAndHarness, episode, type Harness } from './harness.js';
import { makeFile, serveBytes } from './serve-bytes.js';

let server: FeedServer;
let h: Harness;
const file = makeFile(64 * 1024);

eachTestServerAndHarness(
  (s, harness) => ((server = s), (h = harness)),
  (server) => {
    server.routes.set('/ep.mp3', (res, headers) => serveBytes(res, headers, file.data));
    server.routes.set('/slow.mp3', (res, headers) => serveBytes(res, headers, file.data, { bytesPerSecond: 20_000 }));
  },
);

describe('DownloadManager with the rest of the app', () => {
  it('applies storage rules to completed downloads, sparing protected episodes, and deletes the files', async () => {
    const manager = await h.manager();
    for (const id of ['e1', 'e2', 'e3', 'e4']) manager.enqueue(episode(id, server.url('/ep.mp3')));
    for (const id of ['e1', 'e2', 'e3', 'e4']) await h.until(manager, id, ['completed']);
    const files = ['e1', 'e2', 'e3', 'e4'].map((id) => manager.localFile(id) as string);
    const facts = (id: string) => ({
      publishedAt: `2025-01-0${id.slice(1)}T00:00:00Z`,
      played: id === 'e1',
      playedAt: id === 'e1' ? '2025-01-10T00:00:00Z' : undefined,
    });
    const evicted = await manager.applyStorageRules({ keepNewestPerShow: 2 }, facts, new Set(['e1']));
    expect(evicted.map((e) => e.episodeId)).toEqual(['e2']);
    expect(existsSync(files[1] as string)).toBe(false);
    expect(existsSync(files[0] as string)).toBe(true);
    expect(manager.list().map((d) => d.episodeId)).toEqual(['e1', 'e3', 'e4']);
    expect(manager.usage().totalBytes).toBe(3 * file.data.length);
  });

  it('resolves media only for completed downloads', async () => {
    const manager = await h.manager();
    manager.enqueue(episode('done', server.url('/ep.mp3')));
    manager.enqueue(episode('running', server.url('/slow.mp3')));
    await h.until(manager, 'done', ['completed']);
    expect(mediaFileFor(manager, 'done')).toMatchObject({ size: file.data.length, contentType: 'audio/mpeg' });
    expect(manager.get('running')?.state).toBe('downloading');
    expect(mediaFileFor(manager, 'running')).toBeUndefined();
    expect(mediaFileFor(manager, 'never-heard-of')).toBeUndefined();
  });
});
