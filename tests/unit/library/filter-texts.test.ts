import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Episode } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { filterEpisodes } from '../../../electron/core/library/episode-filter.js';
import { EpisodeTexts } from '../../../electron/core/library/episode-texts.js';
import { libraryTexts } from '../../../electron/core/library/library-texts.js';
import type { Catalogue } from '../../../electron/core/library/catalogue.js';
import { EventBus } from '../../../electron/core/events.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

// The library's filter matches show notes and chapter titles, not titles only (issue 12, 3.7); the
// words beyond titles are derived in the background, so a big library's first minute never blocks.
let dataDir: string;
let server: FeedServer;
let app: EarmarkApp;

const feed = rss([
  { guid: 'a', title: 'Sockets', notes: '0:00 Intro<br>4:10 The kernel accept queue<br>9:00 Questions' },
  { guid: 'b', title: 'Pooling', notes: 'We talk about PgBouncer and Café latency.' },
  { guid: 'c', title: 'Indexes', notes: 'B-trees, mostly.' },
])
  .replace(
    // One item carries Podlove chapters whose titles appear nowhere else.
    '<guid isPermaLink="false">c</guid>',
    '<guid isPermaLink="false">c</guid><psc:chapters version="1.2"><psc:chapter start="00:00:00" title="Vacuum full"/></psc:chapters>',
  )
  .replace('<rss version="2.0"', '<rss version="2.0" xmlns:psc="http://podlove.org/simple-chapters"');

async function titles(text: string): Promise<string[]> {
  const envelope = await app.call('listEpisodes', { text });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return (envelope.value as Episode[]).map((episode) => episode.title);
}

async function eventually(text: string, expected: string[]): Promise<void> {
  const deadline = Date.now() + 5000;
  while (JSON.stringify(await titles(text)) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) expect(await titles(text)).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-filter-'));
  server = new FeedServer();
  await server.start();
  server.routes.set('/feed', (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed));
  app = createApp({ dataDir, storeFactory: confStoreFactory, defaultFeedUrl: server.url('/feed'), log: () => {} });
  await app.start();
});
afterEach(async () => {
  await app.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the library filter', () => {
  it('matches words in the show notes, in chapter titles, and across title and notes', async () => {
    await eventually('accept queue', ['Sockets']);
    await eventually('cafe pgbouncer', ['Pooling']);
    await eventually('vacuum', ['Indexes']);
    await eventually('pooling latency', ['Pooling']); // one word in the title, one in the notes
    expect(await titles('pooling kernel')).toEqual([]);
    const count = await app.call('countEpisodes', { text: 'b-trees' });
    expect(count.ok && count.value).toBe(1);
  });

  it('answers a filter asked before the texts are derived again once they are (libraryChanged)', async () => {
    const episodes: Episode[] = [
      { id: 'a', feedId: 'f', title: 'Sockets', showNotesHtml: '<p>4:10 The kernel accept queue</p>' },
      { id: 'b', feedId: 'f', title: 'Pooling', showNotesHtml: '<p>PgBouncer</p>' },
    ];
    const events = new EventBus();
    const changes: unknown[] = [];
    events.subscribe((event, payload) => event === 'libraryChanged' && changes.push(payload));
    const catalogue = { episodes: () => episodes } as unknown as Catalogue;
    const texts = libraryTexts({ catalogue, events, chapterSourcesOf: () => [] });
    const facts = () => ({ played: false, position: 0, downloaded: false, hasNotes: false });
    // Asked in the same turn as the start: nothing is derived yet, and the answer says so.
    expect(filterEpisodes(episodes, { text: 'accept' }, facts, texts.hasWords)).toEqual([]);
    await vi.waitFor(() => expect(changes).toEqual([{ feedIds: [] }]));
    const later = filterEpisodes(episodes, { text: 'accept' }, facts, texts.hasWords);
    expect(later.map((episode) => episode.title)).toEqual(['Sockets']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changes).toHaveLength(1); // complete answers ask for nothing more
  });

  it('derives texts in slices that let other work run in between', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({
      id: `e${i}`,
      feedId: 'f',
      title: `Episode ${i}`,
      showNotesHtml: `<p>${'Words about sockets and queues. '.repeat(60)}</p><p>0:00 Intro<br>5:00 Middle</p>`,
    }));
    let slices = 0;
    const texts = new EpisodeTexts({
      sliceMs: 1,
      yieldToOthers: () => new Promise((resolve) => setImmediate(() => (slices++, resolve()))),
    });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    await texts.warm(() => many);
    clearInterval(ticker);
    expect(many.every((episode) => texts.peek(episode) !== undefined)).toBe(true);
    expect(slices).toBeGreaterThan(2);
    expect(ticks).toBeGreaterThan(0);
  });
});
