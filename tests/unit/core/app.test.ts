import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeWithState, Feed } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { closedPortUrl, FeedServer, rss } from '../feeds/feed-server.js';

const snapshotFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../assets/default-feed-snapshot.xml',
);

let dataDir: string;
let app: EarmarkApp | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-app-'));
});
afterEach(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const envelope = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

describe('first run without a network', () => {
  it('falls back to the offline snapshot and says why', async () => {
    const defaultFeedUrl = await closedPortUrl();
    app = createApp({
      dataDir,
      storeFactory: confStoreFactory,
      defaultFeedUrl,
      loadSnapshot: () => readFile(snapshotFile, 'utf8'),
      feedTimeoutMs: 2000,
      log: () => {},
    });
    await app.start();

    const feeds = await value<Feed[]>(app.call('listFeeds', {}));
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({
      url: defaultFeedUrl,
      title: 'The Backend Engineering Show with Hussein Nasser',
      snapshot: true,
      lastError: 'The feed server refused the connection (nothing is listening at that address).',
    });
    expect(feeds[0]).not.toHaveProperty('etag');

    const episodes = await value<EpisodeWithState[]>(app.call('listEpisodes', {}));
    expect(episodes).toHaveLength(10);
    expect(episodes[0]).toMatchObject({
      title: 'Sequential Scans in Postgres just got faster',
      publishedAt: '2025-04-18T12:00:00.000Z',
      durationSeconds: 28 * 60,
      state: { position: 0, played: false },
    });
    const cloudflare = episodes.find((e) => e.title.startsWith("Cloudflare's 150ms global cache purge"));
    expect(cloudflare?.durationSeconds).toBe(3720);
    const mysql = episodes.find((e) => e.title === 'MySQL is having a bumpy journey');
    expect(mysql?.showNotesHtml).toContain('<p>0:00 Intro</p><p>2:00 MySQL 8.0 vs 5.7 Performance</p>');

    // A second start on the same data dir does not subscribe again.
    await app.start();
    expect(await value<Feed[]>(app.call('listFeeds', {}))).toHaveLength(1);
  });
});

describe('when the live feed arrives after the snapshot', () => {
  it('replaces the snapshot episodes instead of listing both', async () => {
    const server = new FeedServer();
    await server.start();
    try {
      const defaultFeedUrl = server.url('/feed'); // no route yet: 404, as if the network were down
      app = createApp({
        dataDir,
        storeFactory: confStoreFactory,
        defaultFeedUrl,
        loadSnapshot: () => readFile(snapshotFile, 'utf8'),
        log: () => {},
      });
      await app.start();
      expect(await value<EpisodeWithState[]>(app.call('listEpisodes', {}))).toHaveLength(10);

      server.routes.set('/feed', (res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: 'live', title: 'Live one' }]));
      });
      await value(app.call('refreshFeeds', {}));
      const episodes = await value<EpisodeWithState[]>(app.call('listEpisodes', {}));
      expect(episodes.map((e) => e.title)).toEqual(['Live one']);
      const [feed] = await value<Feed[]>(app.call('listFeeds', {}));
      expect(feed).not.toHaveProperty('snapshot');
      expect(feed).not.toHaveProperty('lastError');
    } finally {
      await server.stop();
    }
  });
});
