import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EarmarkEvents, MethodName, MethodOutput } from '../../../shared/api.js';
import type { EpisodeWithState } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { hasFfmpeg, makeAudioWithChapters } from './audio-files.js';

const ffmpeg = await hasFfmpeg();

/**
 * The app as a whole: getChapters reads the chapters embedded in the audio on the web, search finds
 * their titles, and a download completing tells an open page (chaptersChanged) to ask again.
 */
describe.skipIf(!ffmpeg)('embedded chapters through the contract', () => {
  let audioDir = '';
  let onTheWeb = '';
  let downloaded = '';
  let dataDir = '';
  let server: FixtureServer;
  let app: EarmarkApp;
  let changed: EarmarkEvents['chaptersChanged'][];

  const call = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const envelope = await app.call(method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
    return envelope.value as MethodOutput<M>;
  };
  const titles = (chapters: { title: string }[]) => chapters.map((c) => c.title);

  beforeAll(async () => {
    audioDir = await mkdtemp(path.join(tmpdir(), 'earmark-app-chapters-audio-'));
    onTheWeb = await makeAudioWithChapters(audioDir, 'web.mp3', [
      { start: 0, end: 15, title: 'Cold open' },
      { start: 15, end: 30, title: 'Kernel bypass with io_uring' },
    ]);
    downloaded = await makeAudioWithChapters(
      audioDir,
      'download.m4a',
      [
        { start: 0, end: 15, title: 'Opening' },
        { start: 15, end: 30, title: 'Zero-copy sendfile' },
      ],
      { moov: 'last' },
    );
  });
  afterAll(async () => {
    await rm(audioDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earmark-app-chapters-'));
    server = await startFixtureServer();
    server.file('/web.mp3', onTheWeb, 'audio/mpeg');
    // This host answers downloads (no Range) but refuses range requests: its chapters come only with the file.
    const bytes = await readFile(downloaded);
    server.route('/download.m4a', (req, res) => {
      if (req.headers.range) {
        res.writeHead(403).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'audio/mp4', 'Content-Length': bytes.length }).end(bytes);
    });
    const item = (guid: string, file: string, type: string, length: number) => `<item><title>${guid}</title>
      <guid>${guid}</guid><description><![CDATA[<p>0:00 Notes intro</p><p>0:20 Notes end</p>]]></description>
      <enclosure url="${server.url(file)}" length="${length}" type="${type}"/><itunes:duration>30</itunes:duration></item>`;
    server.text(
      '/feed.xml',
      `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
        <title>Fixture</title><description>d</description>
        ${item('web', '/web.mp3', 'audio/mpeg', 1000)}${item('download', '/download.m4a', 'audio/mp4', bytes.length)}
      </channel></rss>`,
      'application/rss+xml',
    );
    app = createApp({
      dataDir,
      storeFactory: confStoreFactory,
      defaultFeedUrl: server.url('/feed.xml'),
      log: () => {},
    });
    changed = [];
    app.events.subscribe((event, payload) => {
      if (event === 'chaptersChanged') changed.push(payload as EarmarkEvents['chaptersChanged']);
    });
    await app.start();
  });
  afterEach(async () => {
    await app.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const episodeTitled = async (title: string) =>
    ((await call('listEpisodes', {})) as EpisodeWithState[]).find((e) => e.title === title)!;

  it('getChapters reads the audio on the web, and search finds those chapter titles', async () => {
    const episode = await episodeTitled('web');
    expect(titles(await call('getChapters', { episodeId: episode.id }))).toEqual([
      'Cold open',
      'Kernel bypass with io_uring',
    ]);
    const [group] = await call('search', { query: 'io_uring' });
    expect(group).toMatchObject({ episodeId: episode.id, hits: [{ kind: 'chapter', at: 15 }] });
  });

  it('a download completing sends chaptersChanged, and the downloaded file’s chapters replace the show notes', async () => {
    const episode = await episodeTitled('download');
    expect(titles(await call('getChapters', { episodeId: episode.id }))).toEqual(['Notes intro', 'Notes end']);
    expect(await call('search', { query: 'sendfile' })).toEqual([]);
    await call('downloadEpisode', { episodeId: episode.id });
    await expect.poll(() => changed).toEqual([{ episodeId: episode.id }]);
    expect(titles(await call('getChapters', { episodeId: episode.id }))).toEqual(['Opening', 'Zero-copy sendfile']);
    const [group] = await call('search', { query: 'sendfile' });
    expect(group).toMatchObject({ episodeId: episode.id, hits: [{ kind: 'chapter', at: 15 }] });

    await call('removeDownload', { episodeId: episode.id });
    await expect.poll(() => changed).toHaveLength(2);
    // What the file held stays known for its enclosure URL: the chapters don't vanish with the file.
    expect(titles(await call('getChapters', { episodeId: episode.id }))).toEqual(['Opening', 'Zero-copy sendfile']);
  });
});
