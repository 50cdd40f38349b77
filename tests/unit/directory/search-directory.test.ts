/**
 * searchDirectory through a real app on a temp data dir, against a directory endpoint served on
 * 127.0.0.1 that answers like Apple's iTunes Search API (text/javascript, resultCount, results[]).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectorySearch } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { closedPortUrl, rss } from '../feeds/feed-server.js';

let dataDir: string;
let server: FixtureServer;
/** The query strings the directory was asked with. */
let asked: URLSearchParams[];
let app: EarmarkApp | undefined;

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-directory-'));
  server = await startFixtureServer();
  asked = [];
  server.text('/feed.xml', rss([]), 'application/rss+xml');
});

afterEach(async () => {
  await app?.close();
  app = undefined;
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function open(directoryUrl: string, directoryTimeoutMs = 2000): EarmarkApp {
  app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl: server.url('/feed.xml'),
    directoryUrl,
    directoryTimeoutMs,
    feedTimeoutMs: 2000,
    log: () => {},
  });
  return app;
}

/** The path part of what the server saw, e.g. /search?media=podcast&… */
const searchRoute = '/search';

function answer(body: unknown, contentType = 'text/javascript; charset=utf-8') {
  return (res: ServerResponse) =>
    res.writeHead(200, { 'content-type': contentType }).end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Answers /search (whatever the query) with `handler`, noting each query. */
function serveSearch(handler: (res: ServerResponse) => void): void {
  server.route(searchRoute, (req: IncomingMessage, res) => {
    asked.push(new URL(req.url ?? '/', 'http://x').searchParams);
    handler(res);
  });
}

async function search(term: string, limit?: number): Promise<DirectorySearch> {
  const envelope = await app!.call('searchDirectory', limit === undefined ? { term } : { term, limit });
  if (!envelope.ok) throw new Error(`searchDirectory failed: ${envelope.error.message}`);
  return envelope.value as DirectorySearch;
}

async function searchError(term: string): Promise<{ code: string; message: string }> {
  const envelope = await app!.call('searchDirectory', { term });
  if (envelope.ok) throw new Error('searchDirectory succeeded');
  return envelope.error;
}

const itunesResults = (feedUrl: (n: string) => string) => ({
  resultCount: 4,
  results: [
    {
      wrapperType: 'track',
      kind: 'podcast',
      collectionId: 1001,
      collectionName: 'Backend Banter',
      artistName: 'Lane Wagner',
      feedUrl: feedUrl('banter'),
      artworkUrl600: 'https://is1.example/banter/600x600bb.jpg',
      artworkUrl100: 'https://is1.example/banter/100x100bb.jpg',
      trackCount: 120,
      primaryGenreName: 'Technology',
    },
    // No feed (Apple lists some shows it only streams): nothing to subscribe to.
    { collectionId: 1002, collectionName: 'Apple Only', artistName: 'Someone', trackCount: 3 },
    // Odd fields are dropped one by one; the show stays.
    {
      collectionId: 1003,
      collectionName: 'The Odd One',
      artistName: 42,
      feedUrl: feedUrl('odd'),
      artworkUrl600: 'javascript:alert(1)',
      trackCount: 'many',
    },
    // Not a web address: left out.
    { collectionId: 1004, collectionName: 'File Feed', feedUrl: 'file:///etc/passwd' },
  ],
});

describe('searchDirectory', () => {
  it('asks the endpoint for podcasts by name and answers the shows that have a feed', async () => {
    serveSearch(answer(itunesResults((name) => `https://feeds.example/${name}.xml`)));
    open(server.url(searchRoute));
    const found = await search('backend banter', 10);
    expect(found).toEqual({
      term: 'backend banter',
      shows: [
        {
          id: '1001',
          title: 'Backend Banter',
          author: 'Lane Wagner',
          feedUrl: 'https://feeds.example/banter.xml',
          artwork: 'https://is1.example/banter/600x600bb.jpg',
          episodeCount: 120,
          inLibrary: false,
        },
        { id: '1003', title: 'The Odd One', feedUrl: 'https://feeds.example/odd.xml', inLibrary: false },
      ],
    });
    expect(asked).toHaveLength(1);
    expect(Object.fromEntries(asked[0]!)).toEqual({
      media: 'podcast',
      entity: 'podcast',
      term: 'backend banter',
      limit: '10',
    });
  });

  it('keeps the endpoint’s own query parameters and marks shows already in the library', async () => {
    open(`${server.url(searchRoute)}?country=gb`);
    await app!.start();
    serveSearch(
      answer(itunesResults((name) => (name === 'banter' ? server.url('/feed.xml') : `https://x.example/${name}`))),
    );
    const found = await search('banter');
    expect(found.shows.map((show) => [show.title, show.inLibrary])).toEqual([
      ['Backend Banter', true],
      ['The Odd One', false],
    ]);
    expect(asked.at(-1)?.get('country')).toBe('gb');
  });

  it('answers no shows when nothing matches', async () => {
    serveSearch(answer({ resultCount: 0, results: [] }, 'application/json'));
    open(server.url(searchRoute));
    expect(await search('zzzz no such show')).toEqual({ term: 'zzzz no such show', shows: [] });
  });

  it('says so in words when the directory fails, answers garbage, or never answers', async () => {
    open(server.url(searchRoute), 300);
    serveSearch((res) => res.writeHead(500).end('oops'));
    expect(await searchError('a')).toEqual({
      code: 'failed',
      message: "Couldn't reach the podcast directory: it answered 500 Internal Server Error.",
    });
    serveSearch(answer('<html>Service unavailable</html>', 'text/html'));
    expect((await searchError('a')).message).toBe(
      'The podcast directory answered with something other than search results (not JSON).',
    );
    serveSearch(answer({ errorMessage: 'Invalid value(s) for key(s): [term]' }));
    expect((await searchError('a')).message).toBe(
      'The podcast directory answered with something other than search results (no list of results).',
    );
    serveSearch((res) => res.writeHead(200, { 'content-type': 'text/javascript' }).write('{"resultCount":'));
    expect((await searchError('a')).message).toBe(
      "Couldn't reach the podcast directory: it did not answer within 0.3 seconds.",
    );
  });

  it('says the directory can’t be reached when nothing listens there', async () => {
    open(await closedPortUrl());
    expect(await searchError('a')).toEqual({
      code: 'failed',
      message: "Couldn't reach the podcast directory: the connection was refused.",
    });
  });

  it('refuses an empty or overlong search before asking anyone', async () => {
    serveSearch(answer({ resultCount: 0, results: [] }));
    open(server.url(searchRoute));
    for (const input of [
      { term: '   ' },
      { term: 'x'.repeat(201) },
      { term: 'a', limit: 0 },
      { term: 'a', extra: 1 },
    ]) {
      expect((await app!.call('searchDirectory', input)).ok).toBe(false);
    }
    expect(asked).toEqual([]);
  });
});
