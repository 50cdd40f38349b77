/**
 * Store files of the wrong shape: valid JSON that isn't what Earmark wrote (a hand edit, a downgrade,
 * a disk that lost a block). Earmark starts, answers every call, says which part was reset, and
 * keeps the file as it was (byte for byte) beside it, before anything rewrites it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName, MethodOutput } from '../../../shared/api.js';
import { defaultSettings } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { noteFileName } from '../../../electron/core/notes/note-file.js';
import { closedPortUrl } from '../feeds/feed-server.js';

let dataDir: string;
let app: EarmarkApp | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-shapes-'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<EarmarkApp> {
  app = createApp({ dataDir, storeFactory: confStoreFactory, defaultFeedUrl: await closedPortUrl(), log: () => {} });
  return app;
}

async function call<M extends MethodName>(method: M, input: object = {}): Promise<MethodOutput<M>> {
  const envelope = await app!.call(method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as MethodOutput<M>;
}

const notices = async () => (await call('listNotices')).map((notice) => notice.text);
/** Files beside name.json that keep an old copy (moved aside or copied before a repair). */
const keptCopies = (name: string, folder = dataDir) =>
  readdirSync(folder)
    .filter((file) => file.startsWith(`${name}.corrupt-`) || file.startsWith(`${name}.invalid-`))
    .map((file) => readFileSync(path.join(folder, file), 'utf8'));

/** Every call the library view and search make must answer, not "internal". */
async function expectServing(): Promise<void> {
  await call('listFeeds');
  await call('listEpisodes');
  await call('countEpisodes');
  await call('search', { query: 'anything' });
  await call('getQueue');
  await call('getSettings');
  await call('getSession');
  await call('listDownloads');
}

const feed = { id: 'f1', url: 'https://example.com/feed.xml', title: 'A show', description: '' };
const episode = { id: 'e1', feedId: 'f1', title: 'An episode', showNotesHtml: '<p>notes</p>' };

describe('a store file of the wrong shape', () => {
  const wrongCatalogues = [
    ['[1,2,3]', /holds a list, not Earmark's data/],
    ['null', /holds null/],
    ['"hello"', /holds a string/],
    ['{}', /not in the shape Earmark expects \(schemaVersion: /],
    ['{"schemaVersion":1,"feeds":null,"episodes":[]}', /not in the shape Earmark expects \(feeds: /],
    ['', /the file is empty/],
  ] as const;
  for (const [content, why] of wrongCatalogues) {
    it(`catalogue.json ${content || '(empty)'}: starts, serves, says so and keeps the file`, async () => {
      writeFileSync(path.join(dataDir, 'catalogue.json'), content);
      await open();
      await expectServing();
      expect(await notices()).toEqual([expect.stringMatching(why)]);
      expect((await notices())[0]).toContain('your list of shows');
      expect(keptCopies('catalogue')).toEqual([content]);
    });
  }

  it('catalogue.json with unreadable shows and episodes among good ones: the good ones stay, a copy is kept first', async () => {
    const content = JSON.stringify({
      schemaVersion: 1,
      feeds: [null, 1, 'x', {}, feed],
      episodes: [{ id: 'x' }, episode, { ...episode, id: 'e2', title: 42 }],
    });
    writeFileSync(path.join(dataDir, 'catalogue.json'), content);
    await open();
    await expectServing();
    expect((await call('listFeeds')).map((f) => f.id)).toEqual(['f1']);
    expect((await call('listEpisodes')).map((e) => e.id)).toEqual(['e1']);
    expect((await call('search', { query: 'notes' })).length).toBe(1);
    expect(await notices()).toEqual([expect.stringMatching(/left out \(4 shows, 2 episodes\)/)]);
    expect(keptCopies('catalogue')).toContain(content);
  });

  it('queue.json with a map for a list, listening-state.json with a bad position: each part starts over or drops the entry', async () => {
    const queue = '{"schemaVersion":1,"queue":{"a":1}}';
    const listening = JSON.stringify({
      schemaVersion: 1,
      states: {
        e1: { position: 'x', played: false, updatedAt: '' },
        e2: { position: 12, played: false, updatedAt: '' },
      },
    });
    writeFileSync(path.join(dataDir, 'queue.json'), queue);
    writeFileSync(path.join(dataDir, 'listening-state.json'), listening);
    await open();
    await expectServing();
    const texts = await notices();
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/could not use Up next: it is not in the shape Earmark expects/),
        expect.stringMatching(
          /where you stopped in each episode could not be read and were left out \(1 listening position\)/,
        ),
      ]),
    );
    expect(keptCopies('queue')).toEqual([queue]);
    expect(keptCopies('listening-state')).toEqual([listening]);
  });

  it('a note file of the wrong shape is moved aside before anything rewrites it', async () => {
    const folder = path.join(dataDir, 'notes');
    mkdirSync(folder, { recursive: true });
    const name = noteFileName('e1');
    const content = '{"schemaVersion":1,"episodeId":"e1","notes":{"a":1}}';
    writeFileSync(path.join(folder, `${name}.json`), content);
    await open();
    await expectServing();
    expect(keptCopies(name, folder)).toEqual([content]);
    expect(await notices()).toEqual([expect.stringMatching(/could not use the notes of an episode/)]);
  });
});

describe('settings on disk', () => {
  it('out-of-range values fall back to their defaults, the rest is kept, and a notice names them', async () => {
    const content = JSON.stringify({
      schemaVersion: 1,
      settings: {
        ...defaultSettings,
        theme: 'dark',
        downloadConcurrency: 500,
        playbackRate: 100,
        skipBackSeconds: 'abc',
        refreshIntervalMinutes: 0.001,
      },
    });
    writeFileSync(path.join(dataDir, 'settings.json'), content);
    await open();
    const settings = await call('getSettings');
    expect(settings).toMatchObject({
      theme: 'dark',
      downloadConcurrency: defaultSettings.downloadConcurrency,
      playbackRate: defaultSettings.playbackRate,
      skipBackSeconds: defaultSettings.skipBackSeconds,
      refreshIntervalMinutes: defaultSettings.refreshIntervalMinutes,
    });
    const [notice, ...others] = await notices();
    expect(others).toEqual([]);
    expect(notice).toMatch(
      /^Some entries in your settings could not be read and were left out \(.*: out of range, back to the default\)/,
    );
    for (const name of ['downloadConcurrency', 'playbackRate', 'skipBackSeconds', 'refreshIntervalMinutes']) {
      expect(notice).toContain(name);
    }
    expect(notice).not.toContain('theme');
    expect(keptCopies('settings')).toEqual([content]);
  });

  it('a key that is no setting is left out and said, even one named like an Object member (constructor)', async () => {
    const content =
      '{"schemaVersion":1,"settings":{"constructor":1,"unknownSetting":[],"__proto__":{"theme":"light"},"theme":"dark"}}';
    writeFileSync(path.join(dataDir, 'settings.json'), content);
    await open();
    const settings = await call('getSettings');
    expect(settings.theme).toBe('dark');
    expect(Object.keys(settings).sort()).toEqual(Object.keys(defaultSettings).sort());
    expect(await notices()).toEqual([
      expect.stringContaining('"constructor", "unknownSetting", "__proto__": not a setting'),
    ]);
    expect(keptCopies('settings')).toEqual([content]);
  });
});
