import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, EpisodeWithState } from '../../../shared/types.js';
import { startHost, type RunningHost } from '../../../electron/host/host.js';
import { FeedServer } from '../feeds/feed-server.js';
import { callHost, send, tempDir } from './helpers.js';

// Downloaded episodes are served at /media/<id> with Range, behind the token: the browser host's
// half of "play offline" (Electron serves the same through earmark-media://).
const audio = randomBytes(300_000);
let server: FeedServer;
let host: RunningHost;
let cleanup: () => void;
let cookie: string;

const call = <T>(method: string, input: unknown = {}) => callHost<T>(host.port, cookie, method, input);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('timed out waiting');
}

beforeAll(async () => {
  server = new FeedServer();
  await server.start();
  server.routes.set('/audio.mp3', (res) =>
    res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(audio.length) }).end(audio),
  );
  server.routes.set('/feed', (res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Media Show</title>
<item><title>Offline one</title><guid>off-1</guid><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate>
<enclosure url="${server.url('/audio.mp3')}" length="${audio.length}" type="audio/mpeg"/></item>
</channel></rss>`),
  );
  const temp = tempDir('earmark-media-');
  cleanup = temp.remove;
  host = await startHost({
    dataDir: path.join(temp.dir, 'data'),
    rendererDir: path.join(temp.dir, 'renderer'),
    feedUrl: server.url('/feed'),
    log: () => {},
  });
  cookie = `earmark_token_${host.port}=${host.token}`;
});

afterAll(async () => {
  await host?.close();
  await server?.stop();
  cleanup?.();
});

describe('/media/<episode id>', () => {
  it('serves a completed download with Range, and only that', async () => {
    const [episode] = await until(
      () => call<EpisodeWithState[]>('listEpisodes'),
      (list) => list.length === 1,
    );
    const id = (episode as EpisodeWithState).id;
    expect((await send(host.port, { path: `/media/${id}`, headers: { Cookie: cookie } })).status).toBe(404);

    await call<Download>('downloadEpisode', { episodeId: id });
    await until(
      () => call<Download[]>('listDownloads'),
      (list) => list[0]?.state === 'completed',
    );
    const [listed] = await call<EpisodeWithState[]>('listEpisodes');
    expect(listed?.download).toMatchObject({ state: 'completed', bytes: audio.length });

    const part = await send(host.port, {
      path: `/media/${id}`,
      headers: { Cookie: cookie, Range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${audio.length}`);
    expect(part.headers['accept-ranges']).toBe('bytes');
    expect(part.headers['content-type']).toBe('audio/mpeg');
    expect(part.headers['content-length']).toBe('100');

    // The server can go away: the file is local now.
    await server.stop();
    const head = await send(host.port, { method: 'HEAD', path: `/media/${id}`, headers: { Cookie: cookie } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(audio.length));

    expect((await send(host.port, { path: `/media/${id}` })).status).toBe(401);
    for (const bad of ['..%2Fpackage.json', '%2e%2e', 'ffffffffffffffff', encodeURIComponent('/etc/passwd')]) {
      expect((await send(host.port, { path: `/media/${bad}`, headers: { Cookie: cookie } })).status).toBe(404);
    }
  });
});
