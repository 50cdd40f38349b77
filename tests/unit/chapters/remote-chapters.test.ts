import { readFile, mkdtemp, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChapterService, type ChapterEpisode } from '../../../electron/core/chapters/chapter-service.js';
import { readRemoteEmbeddedChapters } from '../../../electron/core/chapters/embedded-chapters.js';
import { RemoteAudioUnavailable } from '../../../electron/core/chapters/remote-audio.js';
import type { Chapter } from '../../../shared/types.js';
import { parseRange, startFixtureServer, type FixtureServer } from '../../support/fixture-server.js';
import { hasFfmpeg, makeAudioWithChapters, type FileChapter } from './audio-files.js';

const ffmpeg = await hasFfmpeg();
if (!ffmpeg) console.warn('ffmpeg not found: reading embedded chapters over HTTP is not tested');

const CHAPTERS: FileChapter[] = [
  { start: 0, end: 20, title: 'Cold open' },
  { start: 20, end: 45.5, title: 'Kernel bypass' },
  { start: 45.5, end: 60, title: 'Wrap-up' },
];
const NOTES = '<p>0:00 Notes intro</p><p>0:30 Notes middle</p>';
const LIMITS = { timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024, chunkBytes: 16 * 1024 };

const titles = (chapters: readonly Chapter[]) => chapters.map((c) => c.title);
const expectFileChapters = (chapters: readonly Chapter[]) => {
  expect(titles(chapters)).toEqual(CHAPTERS.map((c) => c.title));
  chapters.forEach((c, i) => expect(c.start).toBeCloseTo(CHAPTERS[i]!.start, 1));
  expect(chapters.every((c) => c.source === 'embedded')).toBe(true);
};

/** Bytes the Range headers of these requests asked for (every file route here answers them exactly). */
function bytesAskedFor(server: FixtureServer, route: string, size: number): number {
  return server.requests
    .filter((r) => r.path === route)
    .reduce((sum, r) => {
      const range = parseRange(r.range, size);
      return sum + (range && range !== 'unsatisfiable' ? range.end - range.start + 1 : size);
    }, 0);
}

/** Whole file, 200, Range ignored: what some hosts and proxies do. */
function ignoringRange(bytes: Buffer, type: string) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length });
    res.end(bytes);
  };
}

/**
 * Answers the first `healthy` requests properly, then dies a few hundred bytes into each answer.
 * `seen.answered` counts both kinds (the fixture server logs only answers that finish).
 */
function dyingAfter(bytes: Buffer, type: string, healthy: number, seen = { answered: 0 }) {
  return (req: { headers: { range?: string } }, res: ServerResponse) => {
    const range = parseRange(req.headers.range, bytes.length);
    const { start, end } = range && range !== 'unsatisfiable' ? range : { start: 0, end: bytes.length - 1 };
    res.writeHead(206, {
      'Content-Type': type,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
    });
    seen.answered += 1;
    if (seen.answered <= healthy) {
      res.end(bytes.subarray(start, end + 1));
      return;
    }
    res.write(bytes.subarray(start, Math.min(end + 1, start + 300)));
    setImmediate(() => res.destroy());
  };
}

describe.skipIf(!ffmpeg)('chapters embedded in audio on the web', () => {
  let dir = '';
  let mp3 = '';
  let m4aFirst = '';
  let m4aLast = '';
  let plainMp3 = '';
  let server: FixtureServer;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'earmark-remote-chapters-'));
    mp3 = await makeAudioWithChapters(dir, 'chapters.mp3', CHAPTERS, { seconds: 60 });
    m4aFirst = await makeAudioWithChapters(dir, 'first.m4a', CHAPTERS, { seconds: 60 });
    m4aLast = await makeAudioWithChapters(dir, 'last.m4a', CHAPTERS, { seconds: 60, moov: 'last' });
    plainMp3 = await makeAudioWithChapters(dir, 'plain.mp3', [], { seconds: 60 });
  }, 60_000); // four ffmpeg runs: a busy machine needs more than the default 10 s
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    server = await startFixtureServer();
    server.file('/chapters.mp3', mp3, 'audio/mpeg');
    server.file('/first.m4a', m4aFirst, 'audio/mp4');
    server.file('/last.m4a', m4aLast, 'audio/mp4');
    server.file('/plain.mp3', plainMp3, 'audio/mpeg');
  });
  afterEach(async () => {
    await server.stop();
  });

  it('the M4A fixture really has its moov after the audio (so reading it means reading the end)', async () => {
    const bytes = await readFile(m4aLast);
    expect(bytes.indexOf('moov')).toBeGreaterThan(bytes.indexOf('mdat'));
    const first = await readFile(m4aFirst);
    expect(first.indexOf('moov')).toBeLessThan(first.indexOf('mdat'));
  });

  it.each([
    ['MP3 with ID3 CHAP frames', '/chapters.mp3', () => mp3],
    ['M4A with moov first', '/first.m4a', () => m4aFirst],
    ['M4A with moov at the end', '/last.m4a', () => m4aLast],
  ])('%s: read with Range requests, a small part of the file', async (_what, route, file) => {
    const chapters = await readRemoteEmbeddedChapters(server.url(route), { fetch, ...LIMITS });
    expectFileChapters(chapters);
    const { size } = await stat(file());
    const requests = server.requests.filter((r) => r.path === route);
    expect(requests.every((r) => r.range?.startsWith('bytes='))).toBe(true);
    expect(bytesAskedFor(server, route, size)).toBeLessThan(size / 4);
  });

  it('the moov at the end is asked for by a range near the end of the file', async () => {
    const { size } = await stat(m4aLast);
    await readRemoteEmbeddedChapters(server.url('/last.m4a'), { fetch, ...LIMITS });
    const starts = server.requests
      .filter((r) => r.path === '/last.m4a')
      .map((r) => parseRange(r.range, size))
      .map((range) => (range && range !== 'unsatisfiable' ? range.start : 0));
    expect(Math.max(...starts)).toBeGreaterThan(size / 2);
  });

  it('a file without chapters has none', async () => {
    expect(await readRemoteEmbeddedChapters(server.url('/plain.mp3'), { fetch, ...LIMITS })).toEqual([]);
  });

  it('more than maxBytes of tags: none, without an error (the same read with room finds them)', async () => {
    const tight = { ...LIMITS, maxBytes: 2_000, chunkBytes: 1_024 };
    expect(await readRemoteEmbeddedChapters(server.url('/last.m4a'), { fetch, ...tight })).toEqual([]);
    expectFileChapters(await readRemoteEmbeddedChapters(server.url('/last.m4a'), { fetch, ...LIMITS }));
  });

  it('a server that ignores Range: the ID3 tags at the start are read from a bounded prefix', async () => {
    server.route('/whole.mp3', ignoringRange(await readFile(mp3), 'audio/mpeg'));
    expectFileChapters(await readRemoteEmbeddedChapters(server.url('/whole.mp3'), { fetch, ...LIMITS }));
    expect(server.requests.filter((r) => r.path === '/whole.mp3')).toHaveLength(1);
  });

  it('a server that ignores Range: a moov at the end is past the prefix, so no chapters and no error', async () => {
    const bytes = await readFile(m4aLast);
    server.route('/whole.m4a', ignoringRange(bytes, 'audio/mp4'));
    const prefix = { ...LIMITS, maxBytes: Math.floor(bytes.length / 2) };
    expect(await readRemoteEmbeddedChapters(server.url('/whole.m4a'), { fetch, ...prefix })).toEqual([]);
    expect(server.requests.filter((r) => r.path === '/whole.m4a')).toHaveLength(1);
  });

  it('a server that dies mid-way: rejects as unavailable (try again later), at the first or a later request', async () => {
    const bytes = await readFile(m4aLast);
    server.route('/dies-at-once.m4a', dyingAfter(bytes, 'audio/mp4', 0));
    const later = { answered: 0 };
    server.route('/dies-later.m4a', dyingAfter(bytes, 'audio/mp4', 1, later));
    for (const route of ['/dies-at-once.m4a', '/dies-later.m4a']) {
      await expect(readRemoteEmbeddedChapters(server.url(route), { fetch, ...LIMITS }), route).rejects.toBeInstanceOf(
        RemoteAudioUnavailable,
      );
    }
    expect(later.answered).toBeGreaterThan(1);
  });

  it('a server that never answers, an error status, a non-web address: unavailable', async () => {
    server.route('/silent.mp3', () => {});
    server.route('/gone.mp3', (_req, res) => void res.writeHead(404).end());
    const cases = [server.url('/silent.mp3'), server.url('/gone.mp3'), 'file:///etc/hosts'];
    for (const url of cases) {
      await expect(readRemoteEmbeddedChapters(url, { fetch, ...LIMITS, timeoutMs: 300 }), url).rejects.toBeInstanceOf(
        RemoteAudioUnavailable,
      );
    }
  });

  describe('ChapterService', () => {
    let dataDir = '';
    let warnings: string[];
    let changed: string[];
    const service = (options: Partial<ConstructorParameters<typeof ChapterService>[0]> = {}) =>
      new ChapterService({
        dataDir,
        warn: (m) => warnings.push(m),
        onChanged: (id) => changed.push(id),
        remote: { ...LIMITS, waitMs: 60_000 },
        ...options,
      });
    const episode = (route: string, fields: Partial<ChapterEpisode> = {}): ChapterEpisode => ({
      id: `episode${route}`,
      showNotesHtml: NOTES,
      durationSeconds: 60,
      enclosure: { url: server.url(route), type: 'audio/mpeg' },
      ...fields,
    });
    const notesTitles = ['Notes intro', 'Notes middle'];

    beforeEach(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), 'earmark-remote-service-'));
      warnings = [];
      changed = [];
    });
    afterEach(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('embedded chapters of the audio on the web win over show notes, are read once and cached on disk', async () => {
      const chapters = service();
      expectFileChapters(await chapters.chaptersFor(episode('/last.m4a')));
      const asked = server.requests.length;
      expectFileChapters(await chapters.chaptersFor(episode('/last.m4a')));
      expect(server.requests.length).toBe(asked);

      await server.stop();
      const restarted = service({ fetch: () => Promise.reject(new Error('offline')) });
      expectFileChapters(await restarted.chaptersFor(episode('/last.m4a')));
      // Search asks without reading: after loadCache a fresh service knows them too.
      const fresh = service();
      expect(titles(fresh.knownChapters(episode('/last.m4a'), () => []))).toEqual([]);
      await fresh.loadCache();
      expectFileChapters(fresh.knownChapters(episode('/last.m4a'), () => []));
      expect(warnings).toEqual([]);
    });

    it('precedence: psc (and JSON) still win over embedded chapters, and then the audio is not read', async () => {
      const psc = [{ start: 0, title: 'PSC intro' }];
      expect(titles(await service().chaptersFor(episode('/chapters.mp3', { pscChapters: psc })))).toEqual([
        'PSC intro',
      ]);
      expect(server.requests).toEqual([]);
    });

    it('a read that outlasts waitMs: answers from show notes now, then tells onChanged and answers the file', async () => {
      const bytes = await readFile(mp3);
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      server.route('/held.mp3', async (req, res) => {
        await held;
        server.file('/held.mp3', mp3, 'audio/mpeg');
        const range = parseRange(req.headers.range, bytes.length);
        const { start, end } = range && range !== 'unsatisfiable' ? range : { start: 0, end: bytes.length - 1 };
        res.writeHead(206, {
          'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
          'Content-Length': end - start + 1,
        });
        res.end(bytes.subarray(start, end + 1));
      });
      const chapters = service({ remote: { ...LIMITS, waitMs: 0 } });
      const ep = episode('/held.mp3');
      expect(titles(await chapters.chaptersFor(ep))).toEqual(notesTitles);
      expect(changed).toEqual([]);
      release();
      await expect.poll(() => changed).toEqual([ep.id]);
      expectFileChapters(await chapters.chaptersFor(ep));
    });

    it('a late read that finds no chapters tells nobody', async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const plain = await readFile(plainMp3);
      server.route('/held-plain.mp3', async (_req, res) => {
        await held;
        ignoringRange(plain, 'audio/mpeg')(undefined, res);
      });
      const chapters = service({ remote: { ...LIMITS, waitMs: 0 } });
      expect(titles(await chapters.chaptersFor(episode('/held-plain.mp3')))).toEqual(notesTitles);
      release();
      await expect.poll(() => server.requests.some((r) => r.path === '/held-plain.mp3')).toBe(true);
      // The answer was cached as "no chapters": the next call reads nothing and still says show notes.
      await expect
        .poll(async () => titles(await chapters.chaptersFor(episode('/held-plain.mp3'))))
        .toEqual(notesTitles);
      expect(server.requests.filter((r) => r.path === '/held-plain.mp3')).toHaveLength(1);
      expect(changed).toEqual([]);
    });

    it('a server that dies mid-way: show notes now, one warning, nothing cached, read again after retryAfterMs', async () => {
      let now = 0;
      const bytes = await readFile(m4aLast);
      server.route('/flaky.m4a', dyingAfter(bytes, 'audio/mp4', 1));
      const chapters = service({ now: () => new Date(now), retryAfterMs: 60_000 });
      const ep = episode('/flaky.m4a');
      expect(titles(await chapters.chaptersFor(ep))).toEqual(notesTitles);
      expect(warnings).toEqual([expect.stringContaining('Could not read chapters from')]);
      const asked = server.requests.length;
      expect(titles(await chapters.chaptersFor(ep))).toEqual(notesTitles);
      expect(server.requests.length).toBe(asked); // not asked again yet
      server.file('/flaky.m4a', m4aLast, 'audio/mp4');
      now = 61_000;
      expectFileChapters(await chapters.chaptersFor(ep));
    });

    it('a server that ignores Range and has the moov at the end: show notes, quietly, asked once', async () => {
      const bytes = await readFile(m4aLast);
      server.route('/whole.m4a', ignoringRange(bytes, 'audio/mp4'));
      const chapters = service({ remote: { ...LIMITS, maxBytes: Math.floor(bytes.length / 2), waitMs: 60_000 } });
      expect(titles(await chapters.chaptersFor(episode('/whole.m4a')))).toEqual(notesTitles);
      expect(titles(await chapters.chaptersFor(episode('/whole.m4a')))).toEqual(notesTitles);
      expect(server.requests.filter((r) => r.path === '/whole.m4a')).toHaveLength(1);
      expect(warnings).toEqual([]);
    });

    it('a downloaded file replaces reading the web, and what it holds is what search knows', async () => {
      const local = await makeAudioWithChapters(dataDir, 'local.mp3', [
        { start: 0, end: 30, title: 'Downloaded cut' },
        { start: 30, end: 60, title: 'Downloaded end' },
      ]);
      const chapters = service();
      const ep = episode('/chapters.mp3');
      expect(titles(await chapters.chaptersFor(ep, local))).toEqual(['Downloaded cut', 'Downloaded end']);
      expect(server.requests).toEqual([]);
      expect(titles(chapters.knownChapters(ep, () => []))).toEqual(['Downloaded cut', 'Downloaded end']);
    });

    it('readRemote: false reads nothing on the web', async () => {
      expect(titles(await service().chaptersFor(episode('/chapters.mp3'), undefined, { readRemote: false }))).toEqual(
        notesTitles,
      );
      expect(server.requests).toEqual([]);
    });

    it('reads a few files at a time (concurrency), the rest wait their turn', async () => {
      const bytes = await readFile(mp3);
      const releases: (() => void)[] = [];
      for (const name of ['a', 'b', 'c']) {
        server.route(`/${name}.mp3`, async (req, res) => {
          await new Promise<void>((resolve) => releases.push(resolve));
          const range = parseRange(req.headers.range, bytes.length);
          const { start, end } = range && range !== 'unsatisfiable' ? range : { start: 0, end: bytes.length - 1 };
          res.writeHead(206, {
            'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
            'Content-Length': end - start + 1,
          });
          res.end(bytes.subarray(start, end + 1));
        });
      }
      const fetched: string[] = [];
      const counting: typeof fetch = (input, init) => {
        fetched.push(new URL(String(input)).pathname);
        return fetch(input, init);
      };
      const chapters = service({ fetch: counting, remote: { ...LIMITS, concurrency: 2, waitMs: 0 } });
      for (const name of ['a', 'b', 'c']) await chapters.chaptersFor(episode(`/${name}.mp3`));
      expect(new Set(fetched)).toEqual(new Set(['/a.mp3', '/b.mp3']));
      // Let every request through until all three files were read; the third starts when a slot frees.
      await expect
        .poll(() => {
          releases.splice(0).forEach((release) => release());
          return changed.length;
        })
        .toBe(3);
      expect(new Set(fetched)).toEqual(new Set(['/a.mp3', '/b.mp3', '/c.mp3']));
    });
  });
});
