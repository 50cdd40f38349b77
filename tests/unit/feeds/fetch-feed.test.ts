import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../electron/core/feeds/fetch-feed.js';
import { FeedServer } from './feed-server.js';

let server: FeedServer;
beforeEach(async () => {
  server = new FeedServer();
  await server.start();
});
afterEach(() => server.stop());

describe('fetchFeed size limit', () => {
  it('refuses a body past the limit, declared or streamed', async () => {
    const big = 'x'.repeat(5000);
    server.routes.set('/declared', (res) => res.writeHead(200, { 'content-length': String(big.length) }).end(big));
    server.routes.set('/streamed', (res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      res.write(big);
      res.end(big);
    });
    for (const route of ['/declared', '/streamed']) {
      const outcome = await fetchFeed(server.url(route), { fetch, timeoutMs: 2000, maxBytes: 4096 });
      expect(outcome).toEqual({ kind: 'failed', message: expect.stringMatching(/too big to be a podcast feed/) });
    }
  });

  it('reads a body under the limit whole', async () => {
    server.routes.set('/small', (res) => res.writeHead(200).end('<rss/>'));
    const outcome = await fetchFeed(server.url('/small'), { fetch, timeoutMs: 2000, maxBytes: 4096 });
    expect(outcome.kind).toBe('ok');
    if (outcome.kind === 'ok') expect(new TextDecoder().decode(outcome.body)).toBe('<rss/>');
  });
});

describe('fetchFeed network failures in words', () => {
  it('names a port fetch refuses to use instead of saying "bad port"', async () => {
    const outcome = await fetchFeed('http://127.0.0.1:1/feed.xml', { fetch, timeoutMs: 2000 });
    expect(outcome).toEqual({
      kind: 'failed',
      message: 'Earmark can’t fetch feeds from port 1: it is reserved for other kinds of service. Check the address.',
    });
  });

  it('keeps an unknown cause as detail after a plain sentence', async () => {
    const failing = (() =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('odd thing') }))) as typeof fetch;
    const outcome = await fetchFeed('https://example.com/feed', { fetch: failing, timeoutMs: 2000 });
    expect(outcome).toEqual({ kind: 'failed', message: 'The feed could not be downloaded (odd thing).' });
  });
});
