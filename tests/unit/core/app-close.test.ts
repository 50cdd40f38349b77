/**
 * Closing the app (what a Quit does): requests in flight are aborted instead of waited for, a sync
 * cut short by closing is not recorded as the feed's failure, and a position saved even after
 * close() reaches disk with flush().
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../../shared/api.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

let dataDir: string;
let server: FeedServer;
const apps: EarmarkApp[] = [];
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-close-'));
  server = new FeedServer();
  await server.start();
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function openApp(defaultFeedUrl = server.url('/feed.xml'), writeDelayMs = 60_000): EarmarkApp {
  // A long write delay: only close() and flush() can put a saved position on disk in time.
  const app = createApp({
    dataDir,
    storeFactory: confStoreFactory,
    defaultFeedUrl,
    feedTimeoutMs: 60_000,
    log: () => {},
    listeningWrites: { delayMs: writeDelayMs },
  });
  apps.push(app);
  return app;
}

async function call<M extends MethodName>(app: EarmarkApp, method: M, input: object): Promise<MethodOutput<M>> {
  const envelope = await app.call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as MethodOutput<M>;
}

/** A route that takes the request and never answers, like a stalled server. */
function silentRoute(): { answered: Promise<void> } {
  let seen: () => void = () => {};
  const answered = new Promise<void>((resolve) => (seen = resolve));
  server.routes.set('/feed.xml', () => seen());
  return { answered };
}

const feedXml = rss([{ title: 'Episode one', guid: 'e1' }]);

describe('close', () => {
  it('aborts a first-run sync that never gets an answer, and the next start begins the first run again', async () => {
    const { answered } = silentRoute();
    const app = openApp();
    const started = app.start();
    await answered;
    await app.close();
    await started;
    expect(await call(app, 'listFeeds', {})).toEqual([]);

    server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedXml));
    const next = openApp();
    await next.start();
    const feeds = await call(next, 'listFeeds', {});
    expect(feeds.map((feed) => [feed.url, feed.lastError])).toEqual([[server.url('/feed.xml'), undefined]]);
  });

  it('does not record a refresh cut short by closing as the feed failing', async () => {
    server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedXml));
    const app = openApp();
    await app.start();
    const { answered } = silentRoute();
    const refreshing = call(app, 'refreshFeeds', {});
    await answered;
    await app.close();
    const [result] = await refreshing;
    expect(result).toMatchObject({ ok: false });

    const reopened = openApp();
    const [feed] = await call(reopened, 'listFeeds', {});
    expect(feed?.lastError).toBeUndefined();
    expect(await call(reopened, 'listEpisodes', {})).toHaveLength(1);
  });

  it('writes a position that arrives after close() when flush() is called', async () => {
    server.routes.set('/feed.xml', (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedXml));
    const app = openApp();
    await app.start();
    const [episode] = await call(app, 'listEpisodes', {});
    await call(app, 'setEpisodeState', { id: episode!.id, position: 98 });
    await app.close();
    // The window's last save comes in while it closes, after the services stopped.
    await call(app, 'setEpisodeState', { id: episode!.id, position: 123 });
    app.flush();

    const onDisk = JSON.parse(readFileSync(path.join(dataDir, 'listening-state.json'), 'utf8')) as {
      states: Record<string, { position: number }>;
    };
    expect(onDisk.states[episode!.id]?.position).toBe(123);
  });
});
