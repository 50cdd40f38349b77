import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  TranscriptService,
  type TranscriptEpisode,
  type TranscriptServiceOptions,
} from '../../../electron/core/transcripts/transcript-service.js';
import type { TranscriptLink } from '../../../shared/types.js';
import { FeedServer } from '../feeds/feed-server.js';
import { transcriptFixture } from './fixtures.js';

/** A data folder, a real HTTP server on 127.0.0.1 and a clock the test moves; torn down by `end`. */
export async function serviceBench() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'earmark-transcripts-'));
  const server = new FeedServer();
  await server.start();
  let time = Date.parse('2026-01-01T12:00:00Z');
  const warnings: string[] = [];
  const episodes = new Map<string, TranscriptEpisode>();
  const cached: string[] = [];
  const services: TranscriptService[] = [];

  const bench = {
    dataDir,
    server,
    warnings,
    cached,
    episodes,
    advance: (ms: number) => {
      time += ms;
    },
    service(options: Partial<TranscriptServiceOptions> = {}) {
      const service = new TranscriptService({
        dataDir,
        now: () => new Date(time),
        warn: (message) => warnings.push(message),
        showLanguage: () => 'en-us',
        episode: (id) => episodes.get(id),
        episodes: () => episodes.values(),
        onCached: (id) => cached.push(id),
        ...options,
      });
      services.push(service);
      return service;
    },
    /** An episode offering these links (paths on the server, or full URLs), known to the service's library. */
    episode(
      id: string,
      links: (Partial<TranscriptLink> & { path: string })[],
      fields: Partial<TranscriptEpisode> = {},
    ) {
      const episode: TranscriptEpisode = {
        id,
        feedId: 'show',
        transcripts: links.map(({ path: where, type = 'text/vtt', ...rest }) => ({
          url: where.startsWith('http') ? where : server.url(where),
          type,
          ...rest,
        })),
        ...fields,
      };
      episodes.set(id, episode);
      return episode;
    },
    /** Serves a fixture (or any text) at a path with a content type. */
    serve(where: string, body: string, contentType = 'text/plain', status = 200) {
      server.routes.set(where, (res) => res.writeHead(status, { 'content-type': contentType }).end(body));
    },
    serveFixture(where: string, name: string, contentType: string) {
      bench.serve(where, transcriptFixture(name), contentType);
    },
    async end() {
      await Promise.all(services.map((service) => service.close()));
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return bench;
}

export type ServiceBench = Awaited<ReturnType<typeof serviceBench>>;
