import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EarmarkEvents, EventName, MethodName, MethodOutput } from '../../../shared/api.js';
import type { Download, EpisodeWithState, Feed, SubscribeAnswer, Subscribed } from '../../../shared/types.js';
import { isFeedChoice } from '../../../shared/feed-address.js';
import { createApp, type AppOptions, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import type { Timers } from '../../../electron/core/feeds/refresh-scheduler.js';
import { FeedServer } from '../feeds/feed-server.js';

let dataDir: string;
let server: FeedServer;
let app: EarmarkApp;
/** Every event the app emitted, in order. */
let seen: { event: EventName; payload: unknown }[];
/** The background refresh's timers, fired by hand. */
let refreshTimers: { fn: () => void; ms: number }[];

const AUDIO_BYTES = 20_000;

interface Item {
  guid: string;
  title: string;
  /** Days after 2025-01-01. */
  day: number;
}

/** An RSS feed whose enclosures are served by the test server. */
function show(title: string, items: Item[]): string {
  const body = items
    .map(
      (item) => `<item><title>${item.title}</title><guid>${item.guid}</guid>
        <pubDate>${new Date(Date.UTC(2025, 0, 1 + item.day)).toUTCString()}</pubDate>
        <enclosure url="${server.url(`/audio/${item.guid}.mp3`)}" length="${AUDIO_BYTES}" type="audio/mpeg"/>
        <itunes:duration>1800</itunes:duration></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
    <channel><title>${title}</title><link>https://${title.replace(/\W/g, '')}.example/</link><description>d</description>${body}</channel></rss>`;
}

function serveFeed(route: string, xml: () => string): void {
  server.routes.set(route, (res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml()));
}

async function call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
  const envelope = await app.call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value as MethodOutput<M>;
}

/** subscribe's answer when it subscribed (not a web page offering several feeds). */
function subscribed(answer: SubscribeAnswer): Subscribed {
  if (isFeedChoice(answer)) throw new Error(`subscribe offered feeds to pick from ${answer.pageUrl}`);
  return answer;
}

async function failure(method: MethodName, input: unknown): Promise<{ code: string; message: string }> {
  const envelope = await app.call(method, input);
  if (envelope.ok) throw new Error(`${method} succeeded`);
  return envelope.error;
}

function events<E extends EventName>(event: E): EarmarkEvents[E][] {
  return seen.filter((e) => e.event === event).map((e) => e.payload as EarmarkEvents[E]);
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function openApp(extra: Partial<AppOptions> = {}): Promise<void> {
  const timers: Timers = {
    set: (fn, ms) => refreshTimers.push({ fn, ms }),
    clear: (handle) => {
      const entry = refreshTimers[(handle as number) - 1];
      if (entry) entry.fn = () => {};
    },
  };
  app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl: server.url('/main'),
    log: () => {},
    refreshTimers: timers,
    ...extra,
  });
  app.events.subscribe((event, payload) => seen.push({ event, payload }));
  await app.start();
}

const mainItems: Item[] = [
  { guid: 'tcp', title: 'TCP Fast Open explained', day: 0 },
  { guid: 'pg', title: 'Postgres vacuum, finally', day: 1 },
  { guid: 'cafe', title: 'Café-grade caching', day: 2 },
];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-daily-'));
  seen = [];
  refreshTimers = [];
  server = new FeedServer();
  await server.start();
  serveFeed('/main', () => show('Main Show', mainItems));
  server.routes.set('/audio', () => {});
  for (const guid of ['tcp', 'pg', 'cafe', 'a1', 'a2', 'b1']) {
    server.routes.set(`/audio/${guid}.mp3`, (res) =>
      res
        .writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(AUDIO_BYTES) })
        .end(Buffer.alloc(AUDIO_BYTES, 7)),
    );
  }
  await openApp();
});

afterEach(async () => {
  await app.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const episodeNamed = async (title: string) =>
  (await call('listEpisodes', {})).find((e) => e.title === title) as EpisodeWithState;

async function downloadAndWait(episodeId: string): Promise<void> {
  await call('downloadEpisode', { episodeId });
  await until(
    async () => (await call('listDownloads', {})).some((d) => d.episodeId === episodeId && d.state === 'completed'),
    `download of ${episodeId}`,
  );
}

describe('position and played through the contract', () => {
  it('marks played with playedAt at the end, and reopens the last episode after a restart', async () => {
    const pg = await episodeNamed('Postgres vacuum, finally');
    const tcp = await episodeNamed('TCP Fast Open explained');
    await call('setEpisodeState', { id: tcp.id, position: 300 });
    await call('setEpisodeState', { id: pg.id, position: 1234 });
    await call('setEpisodeState', { id: tcp.id, played: true }); // from the list: not "listening"
    const ended = await call('setEpisodeState', { id: pg.id, position: 1790 });
    expect(ended).toMatchObject({ played: true, playedAt: expect.any(String) });

    await app.close();
    await openApp();
    expect((await call('getSession', {})).lastEpisode).toMatchObject({
      id: pg.id,
      state: { position: 1790, played: true },
    });
    expect((await episodeNamed('TCP Fast Open explained')).state).toMatchObject({ position: 300, played: true });
  });

  it('keeps played off at the end when markPlayedAtEnd is off', async () => {
    const pg = await episodeNamed('Postgres vacuum, finally');
    await call('updateSettings', { markPlayedAtEnd: false });
    expect(await call('setEpisodeState', { id: pg.id, ended: true })).toMatchObject({ played: false });
  });

  it('has no session on a fresh install', async () => {
    expect(await call('getSession', {})).toEqual({ lastEpisode: null });
  });
});

describe('listEpisodes filters', () => {
  it('filters by title words, state, show; sorts; pages; counts', async () => {
    const [cafe, pg, tcp] = (await call('listEpisodes', {})) as [EpisodeWithState, EpisodeWithState, EpisodeWithState];
    expect([cafe.title, pg.title, tcp.title]).toEqual([
      'Café-grade caching',
      'Postgres vacuum, finally',
      'TCP Fast Open explained',
    ]);
    expect(cafe.hasNotes).toBe(false);

    await call('setEpisodeState', { id: tcp.id, position: 200 });
    await call('setEpisodeState', { id: pg.id, played: true });
    await call('addNote', { episodeId: cafe.id, at: 10, text: 'cache stampede' });
    await downloadAndWait(tcp.id);

    const titles = async (input: object) => (await call('listEpisodes', input)).map((e) => e.title);
    expect(await titles({ text: 'cafe' })).toEqual(['Café-grade caching']);
    expect(await titles({ text: 'VACUUM postgres' })).toEqual(['Postgres vacuum, finally']);
    expect(await titles({ text: 'postgres tcp' })).toEqual([]);
    expect(await titles({ state: 'unplayed' })).toEqual(['Café-grade caching', 'TCP Fast Open explained']);
    expect(await titles({ state: 'in-progress' })).toEqual(['TCP Fast Open explained']);
    expect(await titles({ state: 'has-notes' })).toEqual(['Café-grade caching']);
    expect(await titles({ state: 'downloaded' })).toEqual(['TCP Fast Open explained']);
    expect(await titles({ hidePlayed: true, sort: 'oldest' })).toEqual([
      'TCP Fast Open explained',
      'Café-grade caching',
    ]);
    expect(await titles({ sort: 'oldest', offset: 1, limit: 1 })).toEqual(['Postgres vacuum, finally']);
    expect(await titles({ feedId: 'no-such-feed' })).toEqual([]);
    // The Downloads view names its episodes; ids no longer in the library are left out.
    expect(await titles({ ids: [pg.id, 'gone', tcp.id] })).toEqual([
      'Postgres vacuum, finally',
      'TCP Fast Open explained',
    ]);
    expect(await call('countEpisodes', { ids: [pg.id, 'gone'] })).toBe(1);
    expect((await call('listEpisodes', {})).find((e) => e.id === cafe.id)?.hasNotes).toBe(true);
    expect((await call('getEpisode', { id: cafe.id })).hasNotes).toBe(true);

    expect(await call('countEpisodes', {})).toBe(3);
    expect(await call('countEpisodes', { state: 'unplayed' })).toBe(2);
    expect(await call('countEpisodes', { feedId: cafe.feedId, text: 'caching' })).toBe(1);
  });
});

describe('queue through the contract', () => {
  it('adds, reorders, advances, and announces each change', async () => {
    const [cafe, pg, tcp] = (await call('listEpisodes', {})) as EpisodeWithState[];
    const ids = (list: EpisodeWithState[]) => list.map((e) => e.id);
    await call('addToQueue', { episodeId: cafe!.id });
    await call('addToQueue', { episodeId: pg!.id });
    expect(ids(await call('addToQueue', { episodeId: tcp!.id, position: 'next' }))).toEqual([
      tcp!.id,
      cafe!.id,
      pg!.id,
    ]);
    expect(ids(await call('moveInQueue', { episodeId: pg!.id, toIndex: 0 }))).toEqual([pg!.id, tcp!.id, cafe!.id]);
    expect(ids(await call('removeFromQueue', { episodeId: tcp!.id }))).toEqual([pg!.id, cafe!.id]);
    expect((await failure('addToQueue', { episodeId: 'nope' })).code).toBe('not-found');
    expect((await failure('moveInQueue', { episodeId: tcp!.id, toIndex: 0 })).code).toBe('not-found');

    const next = await call('advanceQueue', { finishedEpisodeId: tcp!.id });
    expect(next?.id).toBe(pg!.id);
    expect(ids(await call('getQueue', {}))).toEqual([cafe!.id]);
    expect((await call('advanceQueue', {}))?.id).toBe(cafe!.id);
    expect(await call('advanceQueue', {})).toBeNull();
    expect(events('queueChanged').map((e) => e.episodeIds.length)).toEqual([1, 2, 3, 3, 2, 1, 0]);
  });

  it('takes an episode off Up next when it is marked played, and only then', async () => {
    const [cafe, pg, tcp] = (await call('listEpisodes', {})) as EpisodeWithState[];
    const ids = (list: EpisodeWithState[]) => list.map((e) => e.id);
    for (const episode of [cafe!, pg!, tcp!]) await call('addToQueue', { episodeId: episode.id });
    await call('setEpisodeState', { id: pg!.id, position: 30 });
    expect(ids(await call('getQueue', {}))).toEqual([cafe!.id, pg!.id, tcp!.id]);

    await call('setEpisodeState', { id: pg!.id, played: true });
    expect(ids(await call('getQueue', {}))).toEqual([cafe!.id, tcp!.id]);
    expect(events('queueChanged').at(-1)?.episodeIds).toEqual([cafe!.id, tcp!.id]);
    // Played again, or unplayed: nothing more leaves.
    await call('setEpisodeState', { id: pg!.id, played: true });
    await call('setEpisodeState', { id: pg!.id, played: false });
    expect(ids(await call('getQueue', {}))).toEqual([cafe!.id, tcp!.id]);
    // Played by reaching the end too.
    await call('setEpisodeState', { id: tcp!.id, ended: true });
    expect(ids(await call('getQueue', {}))).toEqual([cafe!.id]);
  });
});

describe('shows: subscribe', () => {
  it('fails a new feed with the bare reason, once (the form adds "Couldn\'t subscribe")', async () => {
    server.routes.set('/missing', (res) => res.writeHead(404).end());
    const { code, message } = await failure('subscribe', { url: server.url('/missing') });
    expect({ code, message }).toEqual({ code: 'failed', message: 'The feed server answered 404 Not Found.' });
    expect((await call('listFeeds', {})).map((f: Feed) => f.title)).toEqual(['Main Show']);
  });

  it('answers with the show already subscribed, even when this refresh of it fails', async () => {
    const [main] = await call('listFeeds', {});
    server.routes.set('/main', (res) => res.writeHead(503).end());
    const { feed, result, alreadySubscribed } = subscribed(await call('subscribe', { url: server.url('/main') }));
    expect(feed.id).toBe(main!.id);
    expect(alreadySubscribed).toBe(true);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/503/) });
  });
});

describe('shows: unsubscribe', () => {
  it('removes the show and its episodes, keeps notes and listening state, keeps downloads unless asked', async () => {
    serveFeed('/a', () =>
      show('Show A', [
        { guid: 'a1', title: 'A one', day: 5 },
        { guid: 'a2', title: 'A two', day: 6 },
      ]),
    );
    const { feed, alreadySubscribed } = subscribed(await call('subscribe', { url: server.url('/a') }));
    expect(alreadySubscribed).toBe(false);
    const a1 = await episodeNamed('A one');
    const a2 = await episodeNamed('A two');
    const note = await call('addNote', { episodeId: a1.id, at: 42, text: 'keep me' });
    await call('setEpisodeState', { id: a1.id, position: 420 });
    await call('addToQueue', { episodeId: a2.id });
    await call('updateSettings', { speedByFeed: { [feed.id]: 1.5 }, autoDownloadFeedIds: [feed.id] });
    await downloadAndWait(a1.id);

    expect(await call('unsubscribe', { feedId: feed.id, deleteDownloads: false })).toEqual({
      removedEpisodes: 2,
      removedDownloads: 0,
    });
    expect((await call('listFeeds', {})).map((f: Feed) => f.title)).toEqual(['Main Show']);
    expect((await call('listEpisodes', {})).some((e) => e.feedId === feed.id)).toBe(false);
    expect(await call('listNotes', { episodeId: a1.id })).toEqual([note]);
    expect((await call('listDownloads', {})).map((d: Download) => d.episodeId)).toContain(a1.id);
    expect(await call('getQueue', {})).toEqual([]);
    expect(events('queueChanged').at(-1)).toEqual({ episodeIds: [] });
    expect(await call('getSettings', {})).toMatchObject({ speedByFeed: {}, autoDownloadFeedIds: [] });
    expect((await failure('unsubscribe', { feedId: feed.id, deleteDownloads: true })).code).toBe('not-found');

    // Subscribing again brings back the same episodes, with their position and notes.
    await call('subscribe', { url: server.url('/a') });
    expect((await episodeNamed('A one')).state.position).toBe(420);
    expect((await episodeNamed('A one')).hasNotes).toBe(true);
  });

  it('deletes the show’s downloads and their files when asked', async () => {
    serveFeed('/b', () => show('Show B', [{ guid: 'b1', title: 'B one', day: 5 }]));
    const { feed } = subscribed(await call('subscribe', { url: server.url('/b') }));
    const b1 = await episodeNamed('B one');
    const main = await episodeNamed('TCP Fast Open explained');
    await downloadAndWait(b1.id);
    await downloadAndWait(main.id);
    const file = app.downloads.localFile(b1.id);
    expect(file && existsSync(file)).toBe(true);

    expect(await call('unsubscribe', { feedId: feed.id, deleteDownloads: true })).toEqual({
      removedEpisodes: 1,
      removedDownloads: 1,
    });
    expect((await call('listDownloads', {})).map((d: Download) => d.episodeId)).toEqual([main.id]);
    expect(existsSync(file as string)).toBe(false);
    expect(events('downloadRemoved')).toEqual([{ episodeId: b1.id }]);
  });
});

describe('shows: OPML', () => {
  it('imports new feeds without waiting for their syncs, syncs them, and reports what failed in words', async () => {
    let releaseSlow: () => void = () => {};
    const slowAnswered = new Promise<void>((resolve) => (releaseSlow = resolve));
    serveFeed('/good', () => show('Good Show', [{ guid: 'g1', title: 'Good one', day: 9 }]));
    server.routes.set('/slow', (res) => {
      void slowAnswered.then(() =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(show('Slow Show', [{ guid: 's1', title: 'Slow one', day: 8 }])),
      );
    });
    const opml = `<?xml version="1.0"?><opml version="1.0"><head><title>Mine</title></head><body>
      <outline text="Tech">
        <outline text="Good &amp; Co" xmlUrl="${server.url('/good')}"/>
        <outline text="Slow" url="${server.url('/slow')}"/>
      </outline>
      <outline text="Main again" type="rss" xmlUrl="${server.url('/main')}"/>
      <outline text="Good twice" xmlUrl="${server.url('/good')}"/>
      <outline text="Missing" xmlUrl="${server.url('/missing')}"/>
      <outline text="FTP" xmlUrl="ftp://example.com/feed.rss"/>
    </body></opml>`;

    const result = await call('importOpml', { content: opml });
    expect(result).toEqual({
      added: 3,
      skipped: 2,
      failed: [
        { url: 'ftp://example.com/feed.rss', error: 'Only http and https feeds are supported (this one is ftp).' },
      ],
    });
    // Answered while the slow feed is still being fetched; imported feeds show their OPML titles meanwhile.
    expect((await call('listFeeds', {})).map((f) => f.title)).toEqual(['Main Show', 'Good & Co', 'Slow', 'Missing']);

    releaseSlow();
    await until(() => events('syncResult').length >= 4, 'the imported feeds to sync'); // main + 3
    await until(() => events('notice').length > 0, 'the failure notice');
    const feeds = await call('listFeeds', {});
    expect(feeds.map((f) => f.title)).toEqual(['Main Show', 'Good Show', 'Slow Show', 'Missing']);
    expect(feeds.find((f) => f.title === 'Missing')?.lastError).toMatch(/404/);
    expect((await call('listEpisodes', {})).map((e) => e.title)).toEqual(
      expect.arrayContaining(['Good one', 'Slow one']),
    );
    const [notice] = events('notice');
    expect(notice).toMatchObject({ level: 'warning' });
    expect(notice?.text).toContain('1 imported show could not be fetched');
    expect(notice?.text).toContain(server.url('/missing'));
  });

  it('says in words when the file is not OPML', async () => {
    expect(await failure('importOpml', { content: '<rss/>' })).toEqual({
      code: 'failed',
      message: 'This file is not an OPML subscription list (no <opml> element).',
    });
  });

  it('exports every subscription, and the export imports back as already subscribed', async () => {
    serveFeed('/amp', () => show('Tom &amp; Jerry', [{ guid: 'a1', title: 'x', day: 1 }]));
    await call('subscribe', { url: server.url('/amp') });
    const exported = await call('exportOpml', {});
    expect(exported).toMatchObject({ fileName: 'earmark-subscriptions.opml', mimeType: 'text/x-opml' });
    expect(exported.content).toContain(
      `<outline type="rss" text="Tom &amp; Jerry" title="Tom &amp; Jerry" xmlUrl="${server.url('/amp')}"`,
    );
    expect(exported.content).toContain(`xmlUrl="${server.url('/main')}" htmlUrl="https://mainshow.example/"`);
    expect(await call('importOpml', { content: exported.content })).toEqual({ added: 0, skipped: 2, failed: [] });
  });
});

describe('background refresh and new-episode news', () => {
  it('refreshes on the interval setting and emits newEpisodes only for episodes new since the last sync', async () => {
    expect(refreshTimers.map((t) => t.ms)).toEqual([60 * 60_000]);
    expect(events('newEpisodes')).toEqual([]); // the first sync's back catalogue is no news

    mainItems.push({ guid: 'quic', title: 'QUIC in practice', day: 20 });
    try {
      const before = server.requestsTo('/main').length;
      refreshTimers[0]?.fn();
      await until(() => events('newEpisodes').length > 0, 'the background refresh');
      expect(server.requestsTo('/main').length).toBe(before + 1);
      const quic = await episodeNamed('QUIC in practice');
      expect(events('newEpisodes')).toEqual([
        { feedId: quic.feedId, feedTitle: 'Main Show', episodes: [{ id: quic.id, title: 'QUIC in practice' }] },
      ]);
      await until(() => refreshTimers.length === 2, 'the next refresh to be scheduled');

      await call('updateSettings', { refreshIntervalMinutes: 0 });
      const live = refreshTimers.length;
      await call('updateSettings', { refreshIntervalMinutes: 15 });
      expect(refreshTimers.slice(live).map((t) => t.ms)).toEqual([15 * 60_000]);
    } finally {
      mainItems.pop();
    }
  });

  it('has defaults for every new setting and bounds them', async () => {
    expect(await call('getSettings', {})).toMatchObject({
      markPlayedAtEnd: true,
      refreshIntervalMinutes: 60,
      notifyNewEpisodes: false,
      speedByFeed: {},
      hidePlayed: false,
      autoPlayNext: true,
    });
    expect((await failure('updateSettings', { speedByFeed: { f: 0.25 } })).code).toBe('invalid-input');
    expect(
      await call('updateSettings', { hidePlayed: true, autoPlayNext: false, notifyNewEpisodes: true }),
    ).toMatchObject({
      hidePlayed: true,
      autoPlayNext: false,
      notifyNewEpisodes: true,
    });
  });
});
