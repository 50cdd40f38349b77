import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import type { MethodName, MethodOutput } from '../../../shared/api.js';
import type { EpisodeWithState, TranscriptResult } from '../../../shared/types.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { transcriptFixture } from './fixtures.js';

/** The whole app on the fixture feed: a sync prefetches transcripts, getTranscript answers through the contract. */
describe('transcripts through the contract', () => {
  let dataDir = '';
  let server: FixtureServer;
  let app: EarmarkApp;

  const call = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const envelope = await app.call(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
    return envelope.value as MethodOutput<M>;
  };
  const transcriptOf = async (title: string): Promise<TranscriptResult> => {
    const episodes = (await call('listEpisodes', {})) as EpisodeWithState[];
    const episode = episodes.find((e) => e.title === title);
    if (!episode) throw new Error(`no episode ${title}`);
    return call('getTranscript', { episodeId: episode.id });
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earmark-app-transcripts-'));
    server = await startFixtureServer();
    server.text('/show/feed.xml', transcriptFixture('feed.xml'), 'application/rss+xml');
    server.text('/show/episode.vtt', transcriptFixture('episode.vtt'), 'text/vtt');
    server.text('/show/episode.srt', transcriptFixture('episode.srt'), 'application/x-subrip');
    server.text('/show/episode.json', transcriptFixture('episode.json'), 'application/json');
    server.text('/show/episode.html', transcriptFixture('episode.html'), 'text/html');
    server.text('/show/overlapping.vtt', transcriptFixture('overlapping.vtt'), 'text/vtt');
    server.text('/show/lighthouse.en.srt', transcriptFixture('episode.srt'), 'application/srt');
    server.text('/show/nur-deutsch.json', transcriptFixture('episode.json'), 'application/json');
    app = createApp({
      dataDir,
      storeFactory: confStoreFactory,
      defaultFeedUrl: server.url('/show/feed.xml'),
      log: () => {},
    });
    await app.start();
  });
  afterEach(async () => {
    await app.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a sync fetches the transcripts in the background; the show’s language and the best format win', async () => {
    // Seven episodes offer a transcript Earmark reads (the Spanish VTT is passed over for the English SRT).
    await expect.poll(async () => (await readdir(path.join(dataDir, 'transcripts')).catch(() => [])).length).toBe(7);
    const asked = server.requests.map((r) => r.path).filter((p) => !p.endsWith('feed.xml'));
    expect(asked.sort()).toEqual([
      '/show/episode.html',
      '/show/episode.json',
      '/show/episode.srt',
      '/show/episode.vtt',
      '/show/lighthouse.en.srt',
      '/show/nur-deutsch.json',
      '/show/overlapping.vtt',
    ]);

    expect(await transcriptOf('Queues at the bakery')).toMatchObject({
      status: 'ready',
      transcript: {
        format: 'vtt',
        language: 'en',
        cues: expect.arrayContaining([expect.objectContaining({ speaker: 'Maya Chen' })]),
      },
    });
    expect(await transcriptOf('Comets, in two formats')).toMatchObject({
      status: 'ready',
      transcript: { format: 'vtt', url: server.url('/show/overlapping.vtt') },
    });
    expect(await transcriptOf('Lighthouses, also in Spanish')).toMatchObject({
      status: 'ready',
      transcript: { format: 'srt', language: 'en-GB' },
    });
    expect(await transcriptOf('Only in German')).toMatchObject({ status: 'ready', transcript: { language: 'de' } });
    expect(await transcriptOf("The clockmaker's apprentice")).toMatchObject({
      status: 'ready',
      transcript: { format: 'html', timed: false, language: 'en-us' },
    });
    expect(await transcriptOf('Nothing usable')).toEqual({ status: 'none' });
  });

  it('a note quotes the cached transcript at its moment (offline too); an untimed transcript quotes nothing', async () => {
    await expect.poll(async () => (await readdir(path.join(dataDir, 'transcripts')).catch(() => [])).length).toBe(7);
    await server.stop();
    const episodes = (await call('listEpisodes', {})) as EpisodeWithState[];
    const idOf = (title: string) => episodes.find((e) => e.title === title)!.id;
    const note = await call('addNote', { episodeId: idOf('Queues at the bakery'), at: 11, text: '' });
    expect(note.quote).toBe('Backpressure is what the bakery does when it stops taking orders.');
    const selected = await call('addNote', {
      episodeId: idOf('Queues at the bakery'),
      at: 11,
      text: '',
      quote: 'my words',
    });
    expect(selected.quote).toBe('my words');
    const untimed = await call('addNote', { episodeId: idOf("The clockmaker's apprentice"), at: 1, text: 'x' });
    expect(untimed).not.toHaveProperty('quote');
  });

  it("the next run's search finds the words of transcripts cached before, offline, and says when it knows more", async () => {
    await expect.poll(async () => (await readdir(path.join(dataDir, 'transcripts')).catch(() => [])).length).toBe(7);
    await app.close();
    await server.stop();
    app = createApp({
      dataDir,
      storeFactory: confStoreFactory,
      defaultFeedUrl: server.url('/show/feed.xml'),
      log: () => {},
    });
    let changed = 0;
    app.events.subscribe((event) => {
      if (event === 'searchChanged') changed += 1;
    });
    const transcriptHits = async () =>
      (await call('search', { query: 'forty-two people ahead' })).flatMap((group) =>
        group.hits.filter((hit) => hit.kind === 'transcript'),
      );
    // The first search starts reading the cache; the search box is told to ask again once it is read.
    await transcriptHits();
    await expect.poll(() => changed).toBe(1);
    expect(await transcriptHits()).toEqual([expect.objectContaining({ at: 4.2 })]);
  });

  it('answers from the cache with the server gone; an unknown episode is not-found', async () => {
    await expect.poll(async () => (await readdir(path.join(dataDir, 'transcripts')).catch(() => [])).length).toBe(7);
    await server.stop();
    expect(await transcriptOf('Tide pools')).toMatchObject({ status: 'ready', transcript: { format: 'json' } });
    const envelope = await app.call('getTranscript', { episodeId: 'no-such-episode' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
