import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../../../shared/types.js';
import { startHost, type RunningHost } from '../../../electron/host/host.js';
import { startFeedServer, type FeedServer } from '../../support/fixture-feed.js';
import { callHost, send, tempDir } from './helpers.js';

// A show's artwork is kept in the data folder after a sync and served at /artwork/<feed id>, so the
// library shows it with the network gone (Electron answers the same path on app://earmark).
let feeds: FeedServer;
let host: RunningHost;
let cleanup: () => void;
let cookie: string;

const call = <T>(method: string, input: unknown = {}) => callHost<T>(host.port, cookie, method, input);

async function keptArtworkOf(): Promise<Feed> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [feed] = await call<Feed[]>('listFeeds');
    if (feed?.localArtwork) return feed;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the artwork was never kept');
}

beforeAll(async () => {
  feeds = await startFeedServer();
  const temp = tempDir('earmark-artwork-route-');
  cleanup = temp.remove;
  host = await startHost({
    dataDir: path.join(temp.dir, 'data'),
    rendererDir: path.join(temp.dir, 'renderer'),
    feedUrl: feeds.feedUrl,
    log: () => {},
  });
  cookie = `earmark_token_${host.port}=${host.token}`;
});

afterAll(async () => {
  await host?.close();
  await feeds?.server.stop();
  cleanup?.();
});

describe('/artwork/<feed id>', () => {
  it('serves the kept picture once the feed has synced, behind the token', async () => {
    const feed = await keptArtworkOf();
    expect(feed.localArtwork).toMatch(new RegExp(`^/artwork/${feed.id}\\?v=`));
    const reply = await send(host.port, { path: feed.localArtwork ?? '', headers: { Cookie: cookie } });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('image/png');
    expect(Number(reply.headers['content-length'])).toBeGreaterThan(100);
    expect((await send(host.port, { path: feed.localArtwork ?? '' })).status).toBe(401);
    expect((await send(host.port, { path: '/artwork/0000000000000000', headers: { Cookie: cookie } })).status).toBe(
      404,
    );
    expect(
      (await send(host.port, { path: '/artwork/..%2F..%2Fsettings.json', headers: { Cookie: cookie } })).status,
    ).toBe(404);
  });

  it('is still served with the feed server gone, and goes away with the show', async () => {
    const feed = await keptArtworkOf();
    await feeds.server.stop();
    expect((await send(host.port, { path: feed.localArtwork ?? '', headers: { Cookie: cookie } })).status).toBe(200);
    await call('unsubscribe', { feedId: feed.id, deleteDownloads: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await send(host.port, { path: feed.localArtwork ?? '', headers: { Cookie: cookie } })).status).toBe(404);
  });
});
