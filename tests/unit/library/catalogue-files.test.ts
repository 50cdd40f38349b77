/**
 * The catalogue on disk: a short list of shows plus one file of episodes per show. A change to one
 * show writes that show's file and the list, never another show's file; a version-1 library (every
 * episode in catalogue.json) is split on the first start, with the old file kept.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../../shared/api.js';
import { isFeedChoice } from '../../../shared/feed-address.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { shortHash } from '../../../electron/core/feeds/stable-id.js';
import { FeedServer, rss } from '../feeds/feed-server.js';

let dataDir: string;
let server: FeedServer;
let app: EarmarkApp | undefined;
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-catalogue-'));
  server = new FeedServer();
  await server.start();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function open(): EarmarkApp {
  app = createApp({ dataDir, storeFactory: confStoreFactory, defaultFeedUrl: server.url('/a.xml'), log: () => {} });
  return app;
}

async function call<M extends MethodName>(method: M, input: object = {}): Promise<MethodOutput<M>> {
  const envelope = await app!.call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as MethodOutput<M>;
}

function serve(route: string, titles: string[]): void {
  const xml = rss(titles.map((title, i) => ({ guid: `${route}-${i}`, title })));
  server.routes.set(route, (res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(xml));
}

/** Each file in the data folder and shows/ with its inode: conf writes atomically, so a write gives a new inode. */
function snapshot(): Map<string, number> {
  const files = new Map<string, number>();
  for (const folder of [dataDir, path.join(dataDir, 'shows')]) {
    for (const name of readdirSync(folder)) {
      const stats = statSync(path.join(folder, name));
      if (stats.isFile()) files.set(path.relative(dataDir, path.join(folder, name)), stats.ino);
    }
  }
  return files;
}

const written = (before: Map<string, number>, after: Map<string, number>) =>
  [...after]
    .filter(([name, ino]) => before.get(name) !== ino)
    .map(([name]) => name)
    .sort();

describe('the catalogue on disk', () => {
  it('a refresh of one show writes that show’s episodes and the list of shows, nothing else', async () => {
    serve('/a.xml', ['A one', 'A two']);
    serve('/b.xml', ['B one']);
    open();
    await app!.start();
    const answer = await call('subscribe', { url: server.url('/b.xml') });
    if (isFeedChoice(answer)) throw new Error('subscribe offered feeds to pick from');
    const b = answer.feed;
    await new Promise((resolve) => setImmediate(resolve));
    const before = snapshot();
    const showFiles = [...before.keys()].filter((name) => name.startsWith('shows/'));
    expect(showFiles).toHaveLength(2);

    serve('/b.xml', ['B one', 'B two']);
    const [result] = await call('refreshFeeds', { feedId: b.id });
    expect(result).toMatchObject({ ok: true, added: 1 });
    await new Promise((resolve) => setImmediate(resolve)); // a show's episodes are written in a task of their own
    const changed = written(before, snapshot());
    expect(changed).toHaveLength(2);
    expect(changed).toContain('catalogue.json');
    expect(changed.filter((name) => name.startsWith('shows/'))).toHaveLength(1);

    // Unsubscribing removes that show's file and keeps the other.
    await call('unsubscribe', { feedId: b.id, deleteDownloads: false });
    expect(readdirSync(path.join(dataDir, 'shows'))).toHaveLength(1);
    expect((await call('listEpisodes')).map((e) => e.title).sort()).toEqual(['A one', 'A two']);
  });

  it('splits a version-1 catalogue.json into per-show files on first start, keeping the old file', async () => {
    const v1 = JSON.stringify({
      schemaVersion: 1,
      feeds: [
        { id: 'f1', url: server.url('/a.xml'), title: 'Show one', description: '' },
        { id: 'f2', url: server.url('/b.xml'), title: 'Show two', description: '' },
      ],
      episodes: [
        { id: 'e1', feedId: 'f1', title: 'One', showNotesHtml: '', publishedAt: '2025-01-02T00:00:00.000Z' },
        { id: 'e2', feedId: 'f2', title: 'Two', showNotesHtml: '', publishedAt: '2025-01-03T00:00:00.000Z' },
        { id: 'e3', feedId: 'f1', title: 'Three', showNotesHtml: '', publishedAt: '2025-01-01T00:00:00.000Z' },
      ],
    });
    writeFileSync(path.join(dataDir, 'catalogue.json'), v1);
    open();
    expect((await call('listEpisodes')).map((e) => e.id)).toEqual(['e2', 'e1', 'e3']);
    expect((await call('listEpisodes', { feedId: 'f1' })).map((e) => e.id)).toEqual(['e1', 'e3']);
    const list = JSON.parse(readFileSync(path.join(dataDir, 'catalogue.json'), 'utf8')) as Record<string, unknown>;
    expect(list).toMatchObject({ schemaVersion: 2, feeds: [{ id: 'f1' }, { id: 'f2' }] });
    expect(list).not.toHaveProperty('episodes');
    expect(readdirSync(path.join(dataDir, 'shows'))).toHaveLength(2);
    const backups = readdirSync(dataDir).filter((name) => name.startsWith('catalogue.v1-'));
    expect(backups.map((name) => readFileSync(path.join(dataDir, name), 'utf8'))).toEqual([v1]);
    expect(await call('listNotices')).toEqual([]);

    // And the split library opens again as it is.
    await app!.close();
    open();
    expect((await call('listEpisodes')).map((e) => e.id)).toEqual(['e2', 'e1', 'e3']);
  });

  it('a version-1 catalogue next to a show file already there keeps both files’ episodes, and a copy of the file', async () => {
    const showsDir = path.join(dataDir, 'shows');
    mkdirSync(showsDir, { recursive: true });
    const existing = JSON.stringify({
      schemaVersion: 1,
      feedId: 'f1',
      episodes: [{ id: 'only-here', feedId: 'f1', title: 'Only in the show file', showNotesHtml: '' }],
    });
    const name = `${shortHash('f1')}.json`;
    writeFileSync(path.join(showsDir, name), existing);
    writeFileSync(
      path.join(dataDir, 'catalogue.json'),
      JSON.stringify({
        schemaVersion: 1,
        feeds: [{ id: 'f1', url: server.url('/a.xml'), title: 'Show one', description: '' }],
        episodes: [{ id: 'e1', feedId: 'f1', title: 'One', showNotesHtml: '' }],
      }),
    );
    open();
    expect((await call('listEpisodes')).map((e) => e.id).sort()).toEqual(['e1', 'only-here']);
    const copies = readdirSync(showsDir).filter((file) => file.includes('.before-split-'));
    expect(copies.map((file) => readFileSync(path.join(showsDir, file), 'utf8'))).toEqual([existing]);
  });
});
