import { readdir } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TranscriptEpisode } from '../../../electron/core/transcripts/transcript-service.js';
import { transcriptFixture } from './fixtures.js';
import { serviceBench, type ServiceBench } from './service-support.js';

let bench: ServiceBench;
beforeEach(async () => {
  bench = await serviceBench();
});
afterEach(() => bench.end());

const MB = 1024 * 1024;

/** Streams `total` bytes of cue-like text in 64 KiB chunks, honouring backpressure; stops when the client goes. */
function streamBytes(total: number, declareLength: boolean) {
  return (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/vtt', ...(declareLength ? { 'content-length': total } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 'WEBVTT and more words ');
    let sent = 0;
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = total));
    pump();
  };
}

describe('TranscriptService: what servers really send', () => {
  it('a 50 MB body fails quickly as too large, without reading it all', async () => {
    bench.server.routes.set('/huge.vtt', streamBytes(50 * MB, false));
    bench.server.routes.set('/declared.vtt', streamBytes(50 * MB, true));
    const service = bench.service();
    const started = Date.now();
    const tooLarge = { status: 'failed', message: 'The transcript is too large to read (over 10 MB).' };
    expect(await service.transcriptFor(bench.episode('a', [{ path: '/huge.vtt' }]))).toEqual(tooLarge);
    expect(await service.transcriptFor(bench.episode('b', [{ path: '/declared.vtt' }]))).toEqual(tooLarge);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(() => bench.server.requestsTo('/huge.vtt')[0]?.bytesSent).toBeLessThan(30 * MB);
    expect(bench.server.requestsTo('/declared.vtt')[0]?.bytesSent).toBeLessThan(30 * MB);
  });

  it('a wrong content type breaks nothing: the bytes decide', async () => {
    bench.serveFixture('/octet.vtt', 'episode.vtt', 'application/octet-stream');
    bench.serveFixture('/labelled-html.vtt', 'episode.vtt', 'text/html');
    bench.serveFixture('/really-srt.json', 'episode.srt', 'application/json');
    const service = bench.service();
    for (const [id, where, type] of [
      ['a', '/octet.vtt', 'text/vtt'],
      ['b', '/labelled-html.vtt', 'text/vtt'],
    ] as const) {
      const result = await service.transcriptFor(bench.episode(id, [{ path: where, type }]));
      expect(result).toMatchObject({ status: 'ready', transcript: { format: 'vtt' } });
    }
    const srt = await service.transcriptFor(
      bench.episode('c', [{ path: '/really-srt.json', type: 'application/json' }]),
    );
    expect(srt).toMatchObject({ status: 'ready', transcript: { format: 'srt', timed: true } });
  });

  it('an error page answered with 200 where a VTT should be is a failure, not a transcript', async () => {
    bench.serve('/t.vtt', '<!doctype html><title>Sign in</title><p>Please sign in</p>', 'text/html');
    expect(await bench.service().transcriptFor(bench.episode('v', [{ path: '/t.vtt' }]))).toEqual({
      status: 'failed',
      message: 'The transcript could not be read: the server sent a web page, not the WebVTT file the feed names.',
    });
  });

  it('decodes the charset the server names', async () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nCafé crème, s’il vous plaît.\n';
    bench.server.routes.set('/latin1.srt', (res) =>
      res
        .writeHead(200, { 'content-type': 'text/srt; charset=windows-1252' })
        .end(Buffer.from(srt.replace('’', "'"), 'latin1')),
    );
    const result = await bench.service().transcriptFor(bench.episode('s', [{ path: '/latin1.srt', type: 'text/srt' }]));
    expect(result).toMatchObject({ status: 'ready', transcript: { cues: [{ text: "Café crème, s'il vous plaît." }] } });
  });
});

describe('TranscriptService: one fetch per URL, and prefetch', () => {
  it('concurrent calls for one URL share one fetch, and every episode that asked is told it is cached', async () => {
    bench.server.routes.set('/shared.vtt', (res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/vtt' }).end(transcriptFixture('episode.vtt')), 100);
    });
    const one = bench.episode('one', [{ path: '/shared.vtt' }]);
    const other = bench.episode('other', [{ path: '/shared.vtt' }]);
    const service = bench.service();
    const results = await Promise.all([
      service.transcriptFor(one),
      service.transcriptFor(other),
      service.transcriptFor(one),
    ]);
    expect(results.map((r) => r.status)).toEqual(['ready', 'ready', 'ready']);
    expect(bench.server.requestsTo('/shared.vtt')).toHaveLength(1);
    expect(bench.cached.sort()).toEqual(['one', 'other']);
  });

  /** 25 dated episodes, each with its own VTT answered after `delayMs`; tracks how many run at once. */
  const show = (delayMs: number) => {
    let running = 0;
    const seen = { maxRunning: 0 };
    const episodes: TranscriptEpisode[] = [];
    for (let day = 1; day <= 25; day++) {
      const where = `/day-${day}.vtt`;
      bench.server.routes.set(where, (res) => {
        running++;
        seen.maxRunning = Math.max(seen.maxRunning, running);
        setTimeout(() => {
          running--;
          res.writeHead(200, { 'content-type': 'text/vtt' }).end(transcriptFixture('overlapping.vtt'));
        }, delayMs);
      });
      const publishedAt = new Date(Date.UTC(2025, 0, day)).toISOString();
      episodes.push(bench.episode(`day-${day}`, [{ path: where }], { publishedAt }));
    }
    // Not in date order: the newest comes last.
    episodes.reverse().push(episodes.shift()!);
    return { episodes, seen };
  };

  it('prefetch fetches the newest 20 episodes’ transcripts, 2 at a time, and only once', async () => {
    const { episodes, seen } = show(20);
    const service = bench.service();
    await service.prefetch(episodes);
    const asked = bench.server.requests.map((r) => Number(r.path.match(/\d+/)![0])).sort((a, b) => a - b);
    expect(asked).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
    expect(seen.maxRunning).toBe(2);
    expect((await service.cachedEpisodeIds()).length).toBe(20);
    await bench.service().prefetch(episodes);
    expect(bench.server.requests).toHaveLength(20);
  });

  it('prefetch skips episodes that left the feed and recent failures', async () => {
    bench.serve('/broken.vtt', 'nope', 'text/plain', 500);
    const gone = bench.episode('gone', [{ path: '/gone.vtt' }], {
      goneFromFeed: true,
      publishedAt: '2025-02-01T00:00:00Z',
    });
    const broken = bench.episode('broken', [{ path: '/broken.vtt' }], { publishedAt: '2025-01-01T00:00:00Z' });
    const service = bench.service();
    await service.prefetch([gone, broken]);
    await service.prefetch([gone, broken]);
    expect(bench.server.requests.map((r) => r.path)).toEqual(['/broken.vtt']);
  });

  it('close stops prefetch: no new request and nothing written after it', async () => {
    const { episodes } = show(150);
    const service = bench.service();
    const prefetching = service.prefetch(episodes);
    await expect.poll(() => bench.server.requests.length).toBe(2);
    await service.close();
    await prefetching;
    const files = await readdir(path.join(bench.dataDir, 'transcripts')).catch(() => []);
    expect(files).toEqual([]);
    expect(bench.server.requests).toHaveLength(2);
    expect(bench.cached).toEqual([]);
  });
});
