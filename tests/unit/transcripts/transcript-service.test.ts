import { readFile, stat, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TranscriptCache } from '../../../electron/core/transcripts/transcript-cache.js';
import type { TranscriptResult } from '../../../shared/types.js';
import { closedPortUrl } from '../feeds/feed-server.js';
import { serviceBench, type ServiceBench } from './service-support.js';

let bench: ServiceBench;
beforeEach(async () => {
  bench = await serviceBench();
});
afterEach(() => bench.end());

const ready = (result: TranscriptResult) => {
  if (result.status !== 'ready') throw new Error(`expected a transcript, got ${JSON.stringify(result)}`);
  return result.transcript;
};

describe('TranscriptService: fetch, parse, cache', () => {
  it('reads each format it chose, with the link’s language (else the show’s)', async () => {
    bench.serveFixture('/t.vtt', 'episode.vtt', 'text/vtt');
    bench.serveFixture('/t.srt', 'episode.srt', 'application/x-subrip');
    bench.serveFixture('/t.json', 'episode.json', 'application/json');
    bench.serveFixture('/t.html', 'episode.html', 'text/html; charset=utf-8');
    const service = bench.service();
    const vtt = ready(await service.transcriptFor(bench.episode('v', [{ path: '/t.vtt', language: 'en-GB' }])));
    expect(vtt).toMatchObject({ format: 'vtt', timed: true, language: 'en-GB', url: bench.server.url('/t.vtt') });
    expect(vtt.cues[0]).toMatchObject({ speaker: 'Maya Chen', start: 0 });
    const srt = ready(await service.transcriptFor(bench.episode('s', [{ path: '/t.srt', type: 'application/srt' }])));
    expect(srt).toMatchObject({ format: 'srt', language: 'en-us' });
    const json = ready(
      await service.transcriptFor(bench.episode('j', [{ path: '/t.json', type: 'application/json' }])),
    );
    expect(json.cues.map((c) => c.speaker)).toEqual(['Priya', 'Owen', undefined, 'Priya']);
    const html = ready(await service.transcriptFor(bench.episode('h', [{ path: '/t.html', type: 'text/html' }])));
    expect(html).toMatchObject({ format: 'html', timed: false });
  });

  it('none when the episode offers no transcript Earmark reads, without a request', async () => {
    const service = bench.service();
    expect(await service.transcriptFor(bench.episode('a', []))).toEqual({ status: 'none' });
    expect(await service.transcriptFor(bench.episode('b', [{ path: '/t.txt', type: 'text/plain' }]))).toEqual({
      status: 'none',
    });
    expect(await service.transcriptFor({ id: 'c', feedId: 'show' })).toEqual({ status: 'none' });
    expect(bench.server.requests).toEqual([]);
  });

  it('caches the parsed transcript in transcripts/<hash>.json (0600) and answers from it offline', async () => {
    bench.serveFixture('/t.vtt', 'episode.vtt', 'text/vtt');
    const episode = bench.episode('v', [{ path: '/t.vtt' }]);
    const first = ready(await bench.service().transcriptFor(episode));
    const file = new TranscriptCache(bench.dataDir).fileFor(bench.server.url('/t.vtt'));
    expect(file).toMatch(/transcripts\/[0-9a-f]{32}\.json$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, transcript: first });
    expect(bench.cached).toEqual(['v']);

    await bench.server.stop();
    // A new start (nothing in memory), the server gone, the episode gone from the feed: still there.
    const offline = bench.service();
    expect(ready(await offline.transcriptFor({ ...episode, goneFromFeed: true }))).toEqual(first);
    expect(await offline.cachedTranscript('v')).toEqual(first);
  });

  it('asks the server once: later calls come from memory or the disk', async () => {
    bench.serveFixture('/t.srt', 'episode.srt', 'text/srt');
    const episode = bench.episode('s', [{ path: '/t.srt', type: 'text/srt' }]);
    const service = bench.service();
    await service.transcriptFor(episode);
    await service.transcriptFor(episode);
    await bench.service().transcriptFor(episode);
    expect(bench.server.requestsTo('/t.srt')).toHaveLength(1);
  });

  it('a damaged cache file is fetched again', async () => {
    bench.serveFixture('/t.vtt', 'episode.vtt', 'text/vtt');
    const episode = bench.episode('v', [{ path: '/t.vtt' }]);
    await bench.service().transcriptFor(episode);
    const cache = new TranscriptCache(bench.dataDir);
    await writeFile(cache.fileFor(bench.server.url('/t.vtt')), '{"version":1,"cues":"no"}');
    expect(ready(await bench.service().transcriptFor(episode)).format).toBe('vtt');
    expect(bench.server.requestsTo('/t.vtt')).toHaveLength(2);
  });

  it('cachedTranscript and cachedEpisodeIds never use the network', async () => {
    bench.serveFixture('/a.vtt', 'episode.vtt', 'text/vtt');
    bench.serveFixture('/b.vtt', 'overlapping.vtt', 'text/vtt');
    const service = bench.service();
    await service.transcriptFor(bench.episode('a', [{ path: '/a.vtt' }]));
    bench.episode('b', [{ path: '/b.vtt' }]);
    bench.episode('none', []);
    expect(await service.cachedTranscript('b')).toBeUndefined();
    expect(await service.cachedTranscript('none')).toBeUndefined();
    expect(await service.cachedTranscript('unknown')).toBeUndefined();
    expect(await bench.service().cachedEpisodeIds()).toEqual(['a']);
    expect(bench.server.requestsTo('/b.vtt')).toEqual([]);
  });
});

describe('TranscriptService: failures in words, remembered', () => {
  it('an HTTP error is a failure remembered for an hour, then asked again', async () => {
    bench.serve('/t.vtt', 'gone', 'text/plain', 404);
    const episode = bench.episode('v', [{ path: '/t.vtt' }]);
    const service = bench.service();
    const failed = { status: 'failed', message: 'The transcript could not be fetched: the server answered HTTP 404.' };
    expect(await service.transcriptFor(episode)).toEqual(failed);
    bench.advance(59 * 60_000);
    expect(await service.transcriptFor(episode)).toEqual(failed);
    expect(bench.server.requestsTo('/t.vtt')).toHaveLength(1);
    bench.serveFixture('/t.vtt', 'episode.vtt', 'text/vtt');
    bench.advance(2 * 60_000);
    expect((await service.transcriptFor(episode)).status).toBe('ready');
    expect(bench.server.requestsTo('/t.vtt')).toHaveLength(2);
    expect(bench.warnings.join('\n')).toContain('HTTP 404');
  });

  it('an unparseable file is a failure saying why, remembered, and not cached', async () => {
    bench.serve('/t.json', '{"segments": [', 'application/json');
    const episode = bench.episode('j', [{ path: '/t.json', type: 'application/json' }]);
    const service = bench.service();
    expect(await service.transcriptFor(episode)).toEqual({
      status: 'failed',
      message: 'The transcript could not be read: the JSON file is broken (it is not well-formed JSON).',
    });
    await service.transcriptFor(episode);
    expect(bench.server.requestsTo('/t.json')).toHaveLength(1);
    expect(await service.cachedEpisodeIds()).toEqual([]);
    expect(bench.cached).toEqual([]);
  });

  it('a server that cannot be reached is a failure asked again after 5 minutes', async () => {
    const url = await closedPortUrl();
    const episode = bench.episode('v', [{ path: url.replace('feed.xml', 't.vtt') }]);
    const service = bench.service();
    const result = await service.transcriptFor(episode);
    expect(result).toEqual({
      status: 'failed',
      message: 'The transcript could not be fetched: the server could not be reached (ECONNREFUSED).',
    });
    let calls = 0;
    const counting = bench.service({
      fetch: (...args) => {
        calls++;
        return fetch(...args);
      },
    });
    await counting.transcriptFor(episode);
    await counting.transcriptFor(episode);
    expect(calls).toBe(1);
    bench.advance(5 * 60_000 + 1);
    await counting.transcriptFor(episode);
    expect(calls).toBe(2);
  });

  it('a server that does not answer in time is a failure', async () => {
    bench.server.routes.set('/slow.vtt', () => {});
    const result = await bench.service({ timeoutMs: 1000 }).transcriptFor(bench.episode('v', [{ path: '/slow.vtt' }]));
    expect(result).toEqual({
      status: 'failed',
      message: 'The transcript could not be fetched: the server did not answer within a second.',
    });
  });
});
