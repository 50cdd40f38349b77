import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChapterService, type ChapterEpisode } from '../../../electron/core/chapters/chapter-service.js';
import { dedupeChapters, pickChapters } from '../../../electron/core/chapters/pick-chapters.js';
import type { Chapter } from '../../../shared/types.js';
import { FeedServer } from '../feeds/feed-server.js';
import { hasFfmpeg, makeAudioWithChapters } from './audio-files.js';

const JSON_CHAPTERS = {
  version: '1.2.0',
  chapters: [
    { startTime: 0, title: 'JSON intro' },
    { startTime: 98, title: 'JSON sockets', img: 'img/sockets.png' },
  ],
};
const PSC = [
  { start: 0, title: 'PSC intro' },
  { start: 60, title: 'PSC part' },
];
const ffmpeg = await hasFfmpeg();
const NOTES = '<p>0:00 Notes intro</p><p>1:38 Notes sockets</p>';

const titles = (chapters: Chapter[]) => chapters.map((c) => c.title);

describe('pickChapters', () => {
  const a: Chapter[] = [{ start: 0, title: 'A', source: 'podcast-chapters' }];
  const b: Chapter[] = [{ start: 0, title: 'B', source: 'psc' }];

  it('the first non-empty source wins whole; sources are not interleaved', () => {
    expect(pickChapters([[], b, a])).toEqual(b);
    expect(pickChapters([a, b])).toEqual(a);
    expect(pickChapters([[], []])).toEqual([]);
  });

  it('dedupes the same title starting within 1 s, keeps different titles and later repeats', () => {
    expect(
      dedupeChapters([
        { start: 60.4, title: 'Part one' },
        { start: 0, title: 'Intro' },
        { start: 60, title: 'part  ONE ' },
        { start: 60.2, title: 'Ad break' },
        { start: 300, title: 'Part one' },
      ]).map((c) => [c.start, c.title]),
    ).toEqual([
      [0, 'Intro'],
      [60, 'part  ONE '],
      [60.2, 'Ad break'],
      [300, 'Part one'],
    ]);
  });
});

describe('ChapterService', () => {
  let dataDir = '';
  let server: FeedServer;
  let warnings: string[];
  const service = (options: Partial<ConstructorParameters<typeof ChapterService>[0]> = {}) =>
    new ChapterService({ dataDir, warn: (m) => warnings.push(m), ...options });
  const serveJson = (route: string, body: string, status = 200) =>
    server.routes.set(route, (res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'earmark-chapter-service-'));
    server = new FeedServer();
    await server.start();
    warnings = [];
  });
  afterEach(async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const episode = (fields: Partial<ChapterEpisode> = {}): ChapterEpisode => ({
    showNotesHtml: NOTES,
    durationSeconds: 1800,
    ...fields,
  });

  it('precedence: podcast:chapters JSON > psc > show notes', async () => {
    serveJson('/ch.json', JSON.stringify(JSON_CHAPTERS));
    const chapters = service();
    const all = episode({ chaptersUrl: server.url('/ch.json'), pscChapters: PSC });
    const result = await chapters.chaptersFor(all);
    expect(titles(result)).toEqual(['JSON intro', 'JSON sockets']);
    expect(result[1]).toEqual({
      start: 98,
      title: 'JSON sockets',
      image: server.url('/img/sockets.png'),
      source: 'podcast-chapters',
    });
    expect(titles(await chapters.chaptersFor(episode({ pscChapters: PSC })))).toEqual(['PSC intro', 'PSC part']);
    const fromNotes = await chapters.chaptersFor(episode());
    expect(fromNotes.map((c) => [c.start, c.title, c.source])).toEqual([
      [0, 'Notes intro', 'show-notes'],
      [98, 'Notes sockets', 'show-notes'],
    ]);
    expect(await chapters.chaptersFor(episode({ showNotesHtml: 'No timestamps here.' }))).toEqual([]);
  });

  it('an empty or broken JSON file falls through to the next source, with a warning', async () => {
    serveJson('/empty.json', '{"version":"1.2.0","chapters":[{"startTime":0,"title":"x","toc":false}]}');
    serveJson('/broken.json', '{"version":"1.2.0","chapters":[');
    const chapters = service();
    expect(
      titles(await chapters.chaptersFor(episode({ chaptersUrl: server.url('/empty.json'), pscChapters: PSC }))),
    ).toEqual(['PSC intro', 'PSC part']);
    expect(titles(await chapters.chaptersFor(episode({ chaptersUrl: server.url('/broken.json') })))).toEqual([
      'Notes intro',
      'Notes sockets',
    ]);
    expect(warnings).toEqual([expect.stringContaining('not JSON')]);
  });

  it('fetches the JSON once, caches it on disk (atomically), and serves it offline to a fresh service', async () => {
    serveJson('/ch.json', JSON.stringify(JSON_CHAPTERS));
    const url = server.url('/ch.json');
    const first = service();
    await Promise.all([
      first.prefetch([{ chaptersUrl: url }, { chaptersUrl: url }, {}]),
      first.chaptersFor(episode({ chaptersUrl: url })),
    ]);
    expect(server.requestsTo('/ch.json')).toHaveLength(1);
    const files = await readdir(path.join(dataDir, 'chapters'));
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.json$/)]);
    expect(JSON.parse(await readFile(path.join(dataDir, 'chapters', files[0]!), 'utf8'))).toMatchObject({ url });

    await server.stop();
    const offline = service({ fetch: () => Promise.reject(new Error('offline')) });
    expect(titles(await offline.chaptersFor(episode({ chaptersUrl: url })))).toEqual(['JSON intro', 'JSON sockets']);
    expect(warnings).toEqual([]);
    server = new FeedServer();
    await server.start();
  });

  it('offline with nothing cached: falls back now and fetches again after retryAfterMs', async () => {
    let now = 0;
    let online = false;
    serveJson('/ch.json', JSON.stringify(JSON_CHAPTERS));
    const chapters = service({
      now: () => new Date(now),
      retryAfterMs: 60_000,
      fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new Error('offline'))),
    });
    const ep = episode({ chaptersUrl: server.url('/ch.json'), pscChapters: PSC });
    expect(titles(await chapters.chaptersFor(ep))).toEqual(['PSC intro', 'PSC part']);
    online = true;
    expect(titles(await chapters.chaptersFor(ep))).toEqual(['PSC intro', 'PSC part']); // not asked again yet
    now = 61_000;
    expect(titles(await chapters.chaptersFor(ep))).toEqual(['JSON intro', 'JSON sockets']);
    expect(warnings).toEqual([expect.stringContaining('offline')]);
  });

  it('refuses non-web URLs, HTTP errors, slow servers and oversized files', async () => {
    server.routes.set('/slow.json', () => {}); // never answers
    serveJson('/missing.json', 'nope', 404);
    serveJson('/big.json', JSON.stringify({ version: '1', chapters: [], pad: 'x'.repeat(5_000) }));
    server.routes.set('/big-chunked.json', (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"version":"1","chapters":[],"pad":"');
      res.end(`${'x'.repeat(5_000)}"}`);
    });
    const chapters = service({ timeoutMs: 300, maxBytes: 1_000 });
    for (const url of [
      'file:///etc/passwd',
      server.url('/slow.json'),
      server.url('/missing.json'),
      server.url('/big.json'),
      server.url('/big-chunked.json'),
    ]) {
      expect(titles(await chapters.chaptersFor(episode({ chaptersUrl: url, pscChapters: PSC }))), url).toEqual([
        'PSC intro',
        'PSC part',
      ]);
    }
    expect(warnings).toHaveLength(5);
    expect(warnings.join('\n')).toMatch(
      /not a web address[\s\S]*(timeout|abort)[\s\S]*HTTP 404[\s\S]*too large[\s\S]*too large/i,
    );
    await expect(readdir(path.join(dataDir, 'chapters'))).rejects.toThrow();
  });

  it('embedded chapters rank below psc and above show notes, cached per path + size + mtime', async () => {
    const file = path.join(dataDir, 'episode.mp3');
    await writeFile(file, 'audio');
    let reads = 0;
    const chapters = service({
      readEmbedded: async () => {
        reads += 1;
        return [
          { start: 0, title: `File intro ${reads}`, source: 'embedded' },
          { start: 0.5, title: `File intro ${reads}`, source: 'embedded' },
          { start: 30, title: 'File part', source: 'embedded' },
        ];
      },
    });
    expect(titles(await chapters.chaptersFor(episode({ pscChapters: PSC }), file))).toEqual(['PSC intro', 'PSC part']);
    expect(reads).toBe(0); // a higher source won: the file is not parsed at all
    expect(titles(await chapters.chaptersFor(episode(), file))).toEqual(['File intro 1', 'File part']);
    expect(titles(await chapters.chaptersFor(episode(), file))).toEqual(['File intro 1', 'File part']);
    expect(reads).toBe(1);
    await utimes(file, new Date(), new Date(Date.now() + 10_000));
    expect(titles(await chapters.chaptersFor(episode(), file))).toEqual(['File intro 2', 'File part']);
    // A download that vanished is no error for the listener: the next source answers.
    expect(titles(await chapters.chaptersFor(episode(), path.join(dataDir, 'gone.mp3')))).toEqual([
      'Notes intro',
      'Notes sockets',
    ]);
  });

  it.skipIf(!ffmpeg)('reads a real MP3 with CHAP frames when feed sources are empty', async () => {
    const file = await makeAudioWithChapters(dataDir, 'real.mp3', [
      { start: 0, end: 12, title: 'Cold open' },
      { start: 12, end: 30, title: 'Main' },
    ]);
    const result = await service().chaptersFor(episode(), file);
    expect(result.map((c) => [c.start, c.title, c.source])).toEqual([
      [0, 'Cold open', 'embedded'],
      [12, 'Main', 'embedded'],
    ]);
  });
});
