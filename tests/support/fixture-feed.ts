/**
 * The fixture show: tests/fixtures/e2e/feed.xml served by a fixture server whose enclosures and
 * artwork point back at that same server, so a test never touches the network.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureFixtureArtwork, ensureFixtureAudio, type FixtureAudio } from './fixture-media.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/e2e/${name}`, import.meta.url));
const feedTemplatePath = fixturePath('feed.xml');

/** Episode titles in feed order (newest first), exactly as the UI must name them. */
export const fixtureEpisodes = {
  sockets: 'Sockets, Connections and the Accept Queue',
  hostileNotes: 'Show Notes That Bite',
  pooling: 'Connection Pooling Explained',
  queues: 'Queues & Back-pressure',
} as const;
export const fixtureEpisodeTitles: readonly string[] = Object.values(fixtureEpisodes);
export const fixtureShowTitle = 'The Fixture Engineering Show';

/** The feed XML with its placeholders filled in for a server at origin. */
export function fixtureFeedXml(origin: string, audioBytes: number): string {
  return readFileSync(feedTemplatePath, 'utf8')
    .replaceAll('{{origin}}', origin)
    .replaceAll('{{audioBytes}}', String(audioBytes));
}

export interface FeedServer {
  server: FixtureServer;
  audio: FixtureAudio;
  /** The fixture feed's URL on this server. */
  feedUrl: string;
  /** A URL on this server that answers 404. */
  missingFeedUrl: string;
}

/**
 * Starts a fixture server that serves the fixture show: /feed.xml, /audio/*.mp3, /artwork.png and the
 * last episode's transcripts (/transcripts/queues.vtt, .html).
 */
export async function startFeedServer(): Promise<FeedServer> {
  const audio = ensureFixtureAudio();
  const artwork = ensureFixtureArtwork();
  const server = await startFixtureServer();
  const xml = fixtureFeedXml(server.origin, audio.bytes);
  server.text('/feed.xml', xml, 'application/rss+xml; charset=utf-8');
  for (const name of ['sockets', 'bite', 'pooling', 'queues']) {
    server.file(`/audio/${name}.mp3`, audio.path, 'audio/mpeg');
  }
  server.file('/artwork.png', artwork, 'image/png');
  // The last episode offers a transcript as HTML and as WebVTT (WebVTT wins).
  server.file('/transcripts/queues.vtt', fixturePath('queues.vtt'), 'text/vtt; charset=utf-8');
  server.file('/transcripts/queues.html', fixturePath('queues-transcript.html'), 'text/html; charset=utf-8');
  return { server, audio, feedUrl: server.url('/feed.xml'), missingFeedUrl: server.url('/missing/feed.xml') };
}
