import { mkdtempSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EarmarkEvents, EventName } from '../../../shared/api.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { EventBus } from '../../../electron/core/events.js';
import { FeedSync } from '../../../electron/core/feeds/feed-sync.js';
import { feedIdFor } from '../../../electron/core/feeds/stable-id.js';
import { Catalogue } from '../../../electron/core/library/catalogue.js';
import { closedPortUrl, FeedServer, rss } from './feed-server.js';
import { fixtureBytes } from './fixtures.js';

const v1 = [
  { guid: 'a', title: 'Episode A' },
  { guid: 'b', title: 'Episode B' },
  { guid: 'c', title: 'Episode C' },
];

let dataDir: string;
let server: FeedServer;
let events: EventBus;
let seen: { event: EventName; payload: unknown }[];
let catalogue: Catalogue;
let sync: FeedSync;
let clock: number;

function build(timeoutMs = 2000): void {
  catalogue = new Catalogue({ dataDir, storeFactory: confStoreFactory });
  sync = new FeedSync({ catalogue, events, fetch, now: () => new Date(clock), timeoutMs });
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-sync-'));
  server = new FeedServer();
  await server.start();
  events = new EventBus();
  seen = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  clock = Date.UTC(2025, 5, 1);
  build();
});

afterEach(async () => {
  await sync.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const serveXml = (xml: string, headers: Record<string, string> = {}) => {
  return (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers }).end(xml);
  };
};

/** Library state minus lastError, which is the only thing a failed sync may change. */
const snapshotLibrary = () => ({
  feeds: catalogue.feeds().map(({ lastError: _lastError, ...feed }) => feed),
  episodes: catalogue.episodes(),
});

async function subscribeToGoodFeed() {
  server.routes.set('/feed', serveXml(rss(v1)));
  const { feed, result } = await sync.subscribe(server.url('/feed'));
  expect(result).toMatchObject({ ok: true, added: 3, updated: 0 });
  return feed;
}

describe('subscribe', () => {
  it('adds the feed with a stable id, stores episodes, and persists them', async () => {
    const feed = await subscribeToGoodFeed();
    expect(feed.id).toBe(feedIdFor(server.url('/feed')));
    expect(feed).toMatchObject({
      title: 'Fixture Show',
      url: server.url('/feed'),
      lastSyncedAt: new Date(clock).toISOString(),
    });
    expect(feed.lastError).toBeUndefined();
    expect(catalogue.episodes(feed.id).map((e) => e.title)).toEqual(['Episode C', 'Episode B', 'Episode A']);

    build(); // a fresh Catalogue reads the same conf file
    expect(catalogue.episodes(feed.id)).toHaveLength(3);
  });

  it('returns the same feed when the URL is subscribed again, and syncs it', async () => {
    const feed = await subscribeToGoodFeed();
    const again = await sync.subscribe(server.url('/feed'));
    expect(again.feed.id).toBe(feed.id);
    expect(catalogue.feeds()).toHaveLength(1);
    expect(server.requestsTo('/feed')).toHaveLength(2);
  });

  it('drops a new feed whose first sync fails, leaving the library as it was', async () => {
    await subscribeToGoodFeed();
    const before = catalogue.feeds();
    const { result } = await sync.subscribe(server.url('/missing'));
    expect(result).toMatchObject({ ok: false, error: 'The feed server answered 404 Not Found.' });
    expect(catalogue.feeds()).toEqual(before);
    build(); // and on disk
    expect(catalogue.feeds()).toEqual(before);
  });

  it('keeps the subscription with the reason when asked to (the default show on first run)', async () => {
    const { feed, result } = await sync.subscribe(server.url('/missing'), { keepOnFailure: true });
    expect(result).toMatchObject({ ok: false, error: 'The feed server answered 404 Not Found.' });
    expect(catalogue.feed(feed.id)).toMatchObject({ lastError: 'The feed server answered 404 Not Found.' });
    expect(catalogue.episodes(feed.id)).toEqual([]);
  });

  it('reports progress, the result and the library change as events', async () => {
    const feed = await subscribeToGoodFeed();
    const phases = seen
      .filter((s) => s.event === 'syncProgress')
      .map((s) => (s.payload as EarmarkEvents['syncProgress']).phase);
    expect(phases).toEqual(['fetching', 'parsing', 'saving']);
    expect(seen.find((s) => s.event === 'syncResult')?.payload).toMatchObject({ feedId: feed.id, ok: true, added: 3 });
    expect(seen.at(-1)?.event).toBe('syncResult');
    expect(seen.some((s) => s.event === 'libraryChanged')).toBe(true);
  });
});

describe('conditional GET', () => {
  it('sends the stored validators and treats 304 as nothing to do (no body transferred)', async () => {
    const xml = rss(v1);
    server.routes.set('/feed', (res, headers) => {
      if (headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      serveXml(xml, { etag: '"v1"', 'last-modified': 'Sun, 01 Jun 2025 00:00:00 GMT' })(res);
    });
    const { feed } = await sync.subscribe(server.url('/feed'));
    expect(catalogue.feed(feed.id)).toMatchObject({ etag: '"v1"', lastModified: 'Sun, 01 Jun 2025 00:00:00 GMT' });
    const before = catalogue.episodes();

    clock += 60_000;
    const [result] = await sync.refresh(feed.id);
    expect(result).toEqual({ feedId: feed.id, ok: true, notModified: true, added: 0, updated: 0 });
    const [first, second] = server.requestsTo('/feed');
    expect(first?.headers['if-none-match']).toBeUndefined();
    expect(second?.headers['if-none-match']).toBe('"v1"');
    expect(second?.headers['if-modified-since']).toBe('Sun, 01 Jun 2025 00:00:00 GMT');
    expect(first?.bytesSent).toBeGreaterThan(500);
    expect(second?.bytesSent).toBe(0);
    expect(catalogue.feed(feed.id)?.lastSyncedAt).toBe(new Date(clock).toISOString());
    expect(catalogue.episodes()).toEqual(before);
  });

  it('asks for gzip and reads a gzip-encoded answer', async () => {
    server.routes.set('/feed', (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(rss(v1)));
    });
    const { result } = await sync.subscribe(server.url('/feed'));
    expect(result).toMatchObject({ ok: true, added: 3 });
    expect(server.requestsTo('/feed')[0]?.headers['accept-encoding']).toContain('gzip');
  });
});

describe('redirects and moved feeds', () => {
  const redirect = (status: number, to: string) => (res: ServerResponse) =>
    void res.writeHead(status, { location: to }).end();

  it.each([301, 308])('%i stores the new URL', async (status) => {
    server.routes.set('/old', redirect(status, '/new'));
    server.routes.set('/new', serveXml(rss(v1)));
    const { feed, result } = await sync.subscribe(server.url('/old'));
    expect(result.ok).toBe(true);
    expect(feed.url).toBe(server.url('/new'));
    expect(feed.id).toBe(feedIdFor(server.url('/old'))); // the id never changes
    await sync.refresh(feed.id);
    expect(server.requestsTo('/old')).toHaveLength(1);
    expect(server.requestsTo('/new')).toHaveLength(2);
  });

  it.each([302, 307])('%i keeps the old URL', async (status) => {
    server.routes.set('/old', redirect(status, '/new'));
    server.routes.set('/new', serveXml(rss(v1)));
    const { feed, result } = await sync.subscribe(server.url('/old'));
    expect(result).toMatchObject({ ok: true, added: 3 });
    expect(feed.url).toBe(server.url('/old'));
  });

  it('a temporary hop before a permanent one keeps the old URL', async () => {
    server.routes.set('/old', redirect(302, '/middle'));
    server.routes.set('/middle', redirect(301, '/new'));
    server.routes.set('/new', serveXml(rss(v1)));
    const { feed } = await sync.subscribe(server.url('/old'));
    expect(feed.url).toBe(server.url('/old'));
  });

  it('follows itunes:new-feed-url', async () => {
    const moved = server.url('/moved');
    server.routes.set('/feed', serveXml(rss(v1, `\n    <itunes:new-feed-url>${moved}</itunes:new-feed-url>`)));
    server.routes.set('/moved', serveXml(rss(v1)));
    const { feed } = await sync.subscribe(server.url('/feed'));
    expect(feed.url).toBe(moved);
    await sync.refresh();
    expect(server.requestsTo('/moved')).toHaveLength(1);
  });

  it('410 marks the feed gone and refreshing all skips it', async () => {
    const feed = await subscribeToGoodFeed();
    server.routes.set('/feed', (res) => void res.writeHead(410).end());
    const [result] = await sync.refresh();
    expect(result?.ok).toBe(false);
    expect(result?.error).toMatch(/^The feed server answered 410 Gone\..*stopped checking/);
    expect(catalogue.feed(feed.id)).toMatchObject({ gone: true });
    expect(catalogue.episodes(feed.id)).toHaveLength(3);
    const requests = server.requestsTo('/feed').length;
    expect(await sync.refresh()).toEqual([]);
    expect(server.requestsTo('/feed')).toHaveLength(requests);
  });
});

describe('a failed sync leaves the library exactly as it was, except lastError', () => {
  const failures: [string, (res: ServerResponse) => void, RegExp | string][] = [
    ['404', (res) => void res.writeHead(404).end('nope'), 'The feed server answered 404 Not Found.'],
    ['500', (res) => void res.writeHead(500).end('boom'), 'The feed server answered 500 Internal Server Error.'],
    [
      'malformed XML',
      serveXml('<rss version="2.0"><channel><item></channel></rss>'),
      /^The feed's XML is broken on line 1, column 44: a closing tag does not match/,
    ],
    [
      'an HTML page',
      (res) =>
        void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!DOCTYPE html><html><body>Welcome</body></html>'),
      /web page \(HTML\), not a podcast feed/,
    ],
    [
      'XML that is no feed',
      serveXml('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      'The address gives XML, but not an RSS or Atom feed.',
    ],
    ['an empty body', serveXml(''), 'The feed server sent an empty answer instead of a feed.'],
    [
      'a redirect loop',
      (res) => void res.writeHead(302, { location: '/loop' }).end(),
      /^The feed redirects in a loop \(.*\/feed → .*\/loop → .*\/loop\)\.$/,
    ],
  ];

  it.each(failures)('%s', async (_name, route, message) => {
    server.routes.set('/loop', (res) => void res.writeHead(302, { location: '/loop' }).end());
    const feed = await subscribeToGoodFeed();
    const before = snapshotLibrary();
    server.routes.set('/feed', route);
    const [result] = await sync.refresh(feed.id);
    expect(result?.ok).toBe(false);
    expect(result?.error).toMatch(message);
    expect(catalogue.feed(feed.id)?.lastError).toBe(result?.error);
    expect(snapshotLibrary()).toEqual(before);

    // And the next good sync clears the error.
    server.routes.set('/feed', serveXml(rss(v1)));
    const [recovered] = await sync.refresh(feed.id);
    expect(recovered).toMatchObject({ ok: true, added: 0, updated: 0 });
    expect(catalogue.feed(feed.id)?.lastError).toBeUndefined();
  });

  it('too many redirects', async () => {
    const feed = await subscribeToGoodFeed();
    const before = snapshotLibrary();
    for (let hop = 0; hop < 7; hop++)
      server.routes.set(`/hop${hop}`, (res) => void res.writeHead(307, { location: `/hop${hop + 1}` }).end());
    server.routes.set('/feed', (res) => void res.writeHead(307, { location: '/hop0' }).end());
    const [result] = await sync.refresh(feed.id);
    expect(result?.error).toBe('The feed redirected more than 5 times.');
    expect(snapshotLibrary()).toEqual(before);
  });

  it('a server that never answers times out', async () => {
    await sync.close();
    build(300);
    const feed = await subscribeToGoodFeed();
    const before = snapshotLibrary();
    server.routes.set('/feed', () => {
      /* never answers */
    });
    const started = Date.now();
    const [result] = await sync.refresh(feed.id);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result?.error).toBe('The feed server did not answer within 0.3 seconds.');
    expect(snapshotLibrary()).toEqual(before);
  });

  it('a refused connection is named in words', async () => {
    const feed = await subscribeToGoodFeed();
    catalogue.updateFeed(feed.id, { url: await closedPortUrl() });
    const before = snapshotLibrary();
    const [result] = await sync.refresh(feed.id);
    expect(result?.error).toBe('The feed server refused the connection (nothing is listening at that address).');
    expect(snapshotLibrary()).toEqual(before);
  });
});

describe('re-sync merge', () => {
  it('adds new episodes, updates changed ones, keeps removed ones marked goneFromFeed', async () => {
    const feed = await subscribeToGoodFeed();
    const oldC = catalogue.episodes(feed.id).find((e) => e.guid === 'c');
    server.routes.set(
      '/feed',
      serveXml(
        rss([
          { guid: 'a', title: 'Episode A (remastered)' },
          { guid: 'b', title: 'Episode B' },
          { guid: 'd', title: 'Episode D' },
        ]),
      ),
    );
    seen.length = 0;
    const [result] = await sync.refresh(feed.id);
    expect(result).toEqual({ feedId: feed.id, ok: true, added: 1, updated: 1 });
    const byGuid = new Map(catalogue.episodes(feed.id).map((e) => [e.guid, e]));
    expect(byGuid.get('a')?.title).toBe('Episode A (remastered)');
    expect(byGuid.get('d')?.title).toBe('Episode D');
    expect(byGuid.get('c')).toEqual({ ...oldC, goneFromFeed: true });
    expect(byGuid.get('b')?.goneFromFeed).toBeUndefined();
    expect(seen.some((s) => s.event === 'libraryChanged')).toBe(true);
  });

  it('an episode that comes back is no longer marked gone', async () => {
    const feed = await subscribeToGoodFeed();
    server.routes.set('/feed', serveXml(rss(v1.slice(0, 2))));
    await sync.refresh(feed.id);
    server.routes.set('/feed', serveXml(rss(v1)));
    const [result] = await sync.refresh(feed.id);
    expect(result).toMatchObject({ ok: true, added: 0, updated: 1 });
    expect(catalogue.episodes(feed.id).every((e) => !e.goneFromFeed)).toBe(true);
  });
});

describe('a feed that is not well-formed XML but readable', () => {
  it('is stored whole with readWithRepairs in words, kept on disk, and cleared when the publisher fixes it', async () => {
    const broken = new TextDecoder().decode(fixtureBytes('undefined-entity.xml'));
    server.routes.set('/feed', serveXml(broken));
    const { feed, result } = await sync.subscribe(server.url('/feed'));
    expect(result).toMatchObject({ ok: true, added: 29 });
    expect(catalogue.feed(feed.id)).toMatchObject({
      title: 'No Agenda Show',
      readWithRepairs: "The feed's XML has an undefined entity (&gtgt; on line 39, kept as text).",
    });
    expect(catalogue.feed(feed.id)).not.toHaveProperty('lastError');

    build(); // a fresh Catalogue reads the same files
    expect(catalogue.feed(feed.id)?.readWithRepairs).toContain('&gtgt;');
    expect(catalogue.episodes(feed.id)).toHaveLength(29);

    server.routes.set('/feed', serveXml(broken.replaceAll('&gtgt;', '&gt;&gt;')));
    const [fixed] = await sync.refresh(feed.id);
    expect(fixed).toMatchObject({ ok: true, added: 0, updated: 1 });
    expect(catalogue.feed(feed.id)).not.toHaveProperty('readWithRepairs');
  });
});
