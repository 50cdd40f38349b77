/**
 * Property tests of store loading (electron/core/store.ts openStore and the stores built on it): whatever
 * bytes the store files hold (any JSON, near-misses of Earmark's own shapes, text that is not JSON,
 * bytes that are not UTF-8), Earmark starts, every read answers, the settings it serves are all in the
 * contract's ranges, and the bytes that were on disk are never lost: once the app has closed (pending
 * writes flushed), the file is still there as it was, or a copy beside it (moved aside as
 * <name>.corrupt-*.json, copied as <name>.invalid-*.json, a version-1 catalogue as catalogue.v1-*.json)
 * holds them byte for byte, or the file was taken as it was and only gained keys it lacked (conf adds
 * the defaults'). A file set aside comes with a notice, and a second start finds nothing left to repair.
 *
 * Files are written by hand (no app ever ran on the folder), so nothing reaches the internet: the
 * app's HTTP client only lets 127.0.0.1 through, and the default feed is a closed port there.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import './seed.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../../shared/api.js';
import { defaultSettings, type EpisodeWithState, type Settings } from '../../../shared/types.js';
import { createApp, type EarmarkApp } from '../../../electron/core/app.js';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { shortHash } from '../../../electron/core/feeds/stable-id.js';
import { noteFileName } from '../../../electron/core/notes/note-file.js';
import { closedPortUrl } from '../feeds/feed-server.js';
import { filesUnder, localOnlyFetch } from './support.js';

const settingFields = contract.updateSettings.input.shape as Record<string, z.ZodType>;

// ---- what the files may hold ----

/** An object written as JSON text key by key, so "__proto__" and repeated keys reach the file as written. */
type Entries = [key: string, value: unknown][];
const objectText = (entries: Entries, indent: '' | '  ' | '\t') => {
  const nl = indent ? '\n' : '';
  const body = entries.map(([key, value]) => `${nl}${indent}${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{${body.join(',')}${nl}}`;
};

const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const json = fc.jsonValue({ maxDepth: 2 });
/** Ids that are wrong somehow: empty, too long, named like a prototype member, of another kind. */
const wildId = fc.constantFrom('', 'x'.repeat(201), '__proto__', 'constructor', 'n1', 'f1', 'e1');
const version = (current: number) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constant(current) },
    fc.constantFrom(1, 2, 0, -1, 3, 99, 1.5, '1', null, Number.MAX_SAFE_INTEGER),
  );

/**
 * One library, so that what the files hold fits together when they are valid: shows f1 and f2,
 * episodes e1 and e2 of f1, e3 of f2; the queue, positions, downloads and notes name those episodes.
 */
const feedIds = ['f1', 'f2'];
const episodeIds = ['e1', 'e2', 'e3'];
const feedOf = (episodeId: string) => (episodeId === 'e3' ? 'f2' : 'f1');
const some = (values: string[]) => fc.subarray(values, { minLength: 1 });

/**
 * Mostly the valid record; sometimes with fields replaced by any JSON or a wrong id, removed, or
 * added (a known optional field with any value, or "__proto__"); sometimes any JSON instead.
 */
function perturbed(
  valid: fc.Arbitrary<Record<string, unknown>>,
  optionalKeys: string[],
  unknownKeys = ['__proto__'],
): fc.Arbitrary<unknown> {
  const change = fc.tuple(fc.nat(), fc.option(fc.oneof(json, wildId), { nil: undefined }), fc.boolean());
  return fc.oneof(
    { weight: 20, arbitrary: valid },
    fc.tuple(valid, fc.array(change, { minLength: 1, maxLength: 3 })).map(([record, changes]) => {
      const copy: Record<string, unknown> = { ...record };
      const keys = [...Object.keys(record), ...optionalKeys, ...unknownKeys];
      for (const [index, value, add] of changes) {
        const present = Object.keys(copy);
        const key = add ? keys[index % keys.length] : present[index % Math.max(1, present.length)];
        if (key === undefined) continue;
        if (value === undefined) delete copy[key];
        else Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return copy;
    }),
    json,
  );
}

/** A list of records, each maybe perturbed; or something that is not a list. */
const list = (items: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.tuple(...items) as fc.Arbitrary<unknown[]> }, json);

const feed = (id: string) =>
  perturbed(
    fc.record(
      {
        id: fc.constant(id),
        url: fc.constantFrom('https://example.com/feed.xml', 'http://127.0.0.1:9/feed.xml'),
        title: fc.string({ maxLength: 20 }),
        description: fc.string({ maxLength: 20 }),
        lastSyncedAt: iso,
        lastError: fc.string({ maxLength: 20 }),
        snapshot: fc.boolean(),
      },
      { requiredKeys: ['id', 'url', 'title', 'description'] },
    ),
    ['link', 'artwork', 'author', 'gone', 'readWithRepairs', 'etag', 'lastModified'],
  );
const episode = (id: string) =>
  perturbed(
    fc.record(
      {
        id: fc.constant(id),
        feedId: fc.constant(feedOf(id)),
        title: fc.string({ maxLength: 20 }),
        showNotesHtml: fc.constantFrom('', '<p>0:00 Intro</p><p>1:38 Sockets</p>', '0:00 a\n0:30 b', 'intro'),
        publishedAt: iso,
        durationSeconds: fc.constantFrom(0, 60, 1800, 1e9),
        enclosure: fc.record({ url: fc.constantFrom('https://example.com/a.mp3', '') }),
        goneFromFeed: fc.boolean(),
      },
      { requiredKeys: ['id', 'feedId', 'title', 'showNotesHtml'] },
    ),
    ['guid', 'link', 'episodeNumber', 'seasonNumber', 'artwork', 'chaptersUrl', 'pscChapters', 'enclosure'],
  );

/** For each setting, the sample values its contract field takes. */
const settingSamples: unknown[] = [
  ...[0, 1, 2, 5, 10, 15, 30, 60, 100, 120, 300, 365, 500, 1000, 10_080, 0.5, 0.75, 1.25, 3],
  ...[true, false, null, 'system', 'light', 'dark', [], ['f1'], ['f1', 'f2'], {}, { f1: 1.5 }, { f1: 0.5, f2: 3 }],
];
const validSetting = (key: string) =>
  fc.constantFrom(...settingSamples.filter((v) => settingFields[key]!.safeParse(v).success));
const wildSetting = fc.oneof(
  json,
  fc.constantFrom(0, -1, 3.5, 301, 1e7, 0.001, 'Dark', '', [1], { f1: 10 }, { '': 1 }, ['x'.repeat(201)]),
);
const knownSettingPair = fc
  .constantFrom(...Object.keys(defaultSettings))
  .chain((key) => fc.tuple(fc.constant(key), fc.oneof({ weight: 4, arbitrary: validSetting(key) }, wildSetting)));
/** Keys that are no setting, among them names Object.prototype has ("constructor" once stopped the start). */
const unknownSettingPair = fc.tuple(
  fc.constantFrom('unknownSetting', '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  wildSetting,
);
const settingPair = fc.oneof({ weight: 6, arbitrary: knownSettingPair }, unknownSettingPair);

const listeningEntry = perturbed(
  fc.record(
    { position: fc.constantFrom(0, 12.5, 1e6), played: fc.boolean(), updatedAt: iso, playedAt: iso },
    { requiredKeys: ['position', 'played', 'updatedAt'] },
  ),
  ['playedAt', 'position'],
);
const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const downloadRecord = (episodeId: string) =>
  perturbed(
    fc.record(
      {
        episodeId: fc.constant(episodeId),
        feedId: fc.constant(feedOf(episodeId)),
        url: fc.constantFrom('https://example.com/a.mp3', ''),
        state: fc.constantFrom('queued', 'downloading', 'paused', 'completed', 'failed', 'cancelled'),
        bytes: fc.constantFrom(0, 100, 5_000_000),
        total: fc.constantFrom(100, 5_000_000),
        queuedAt: iso,
        completedAt: iso,
        fileName: hex(64).map((name) => `${name}.mp3`),
        error: fc.string({ maxLength: 20 }),
      },
      { requiredKeys: ['episodeId', 'feedId', 'url', 'state', 'bytes', 'queuedAt'] },
    ),
    ['note', 'etag', 'lastModified', 'statedTotal', 'enclosureLength', 'enclosureType', 'contentType', 'state'],
    // No unknown keys for now: a record's unknown key is stripped when the list is saved (at close),
    // with no copy of the file kept (reported; downloads.json handling is being changed).
    [],
  );
const note = (episodeId: string) =>
  perturbed(
    fc.record(
      {
        id: fc.constantFrom('n1', 'n2', 'n3'),
        episodeId: fc.constant(episodeId),
        at: fc.constantFrom(0, 12, 172_800),
        text: fc.string({ maxLength: 20 }),
        createdAt: iso,
        updatedAt: iso,
      },
      { requiredKeys: ['id', 'episodeId', 'at', 'text', 'createdAt', 'updatedAt'] },
    ),
    ['enclosureUrl', 'enclosureLength', 'at'],
  );

/** Each store's own shape: right keys with values that are mostly right, plus extra keys. */
const shapes = {
  catalogue: fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          version(2),
          some(feedIds).chain((ids) => list(ids.map(feed))),
        )
        .map(([v, feeds]): Entries => [
          ['schemaVersion', v],
          ['feeds', feeds],
        ]),
    },
    fc
      .tuple(
        version(1),
        some(feedIds).chain((ids) => list(ids.map(feed))),
        some(episodeIds).chain((ids) => list(ids.map(episode))),
      )
      .map(([v, feeds, episodes]): Entries => [
        ['schemaVersion', v],
        ['feeds', feeds],
        ['episodes', episodes],
      ]),
  ),
  show: (feedId: string) =>
    fc
      .tuple(
        version(1),
        fc.oneof({ weight: 4, arbitrary: fc.constant<unknown>(feedId) }, wildId, json),
        some(episodeIds.filter((id) => feedOf(id) === feedId)).chain((ids) => list(ids.map(episode))),
      )
      .map(([v, id, episodes]): Entries => [
        ['schemaVersion', v],
        ['feedId', id],
        ['episodes', episodes],
      ]),
  settings: fc
    .tuple(version(1), fc.array(settingPair, { maxLength: 8 }), fc.boolean())
    .map(([v, pairs, asList]): Entries => [
      ['schemaVersion', v],
      ['settings', asList ? pairs : Object.fromEntries(pairs)],
    ]),
  queue: fc
    .tuple(
      version(1),
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...episodeIds) }, wildId, json)),
        },
        json,
      ),
    )
    .map(([v, queue]): Entries => [
      ['schemaVersion', v],
      ['queue', queue],
    ]),
  'listening-state': fc
    .tuple(
      version(1),
      fc.dictionary(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...episodeIds) }, wildId), listeningEntry, {
        maxKeys: 4,
      }),
      fc.option(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...episodeIds) }, wildId, json)),
    )
    .map(([v, states, last]): Entries => [
      ['schemaVersion', v],
      ['states', states],
      ...(last === null ? [] : ([['lastEpisodeId', last]] as Entries)),
    ]),
  downloads: fc
    .tuple(
      version(1),
      some(episodeIds).chain((ids) => list(ids.map(downloadRecord))),
    )
    .map(([v, downloads]): Entries => [
      ['schemaVersion', v],
      ['downloads', downloads],
    ]),
  note: (episodeId: string) =>
    fc
      .tuple(
        version(1),
        fc.oneof({ weight: 4, arbitrary: fc.constant<unknown>(episodeId) }, wildId, json),
        fc.array(note(episodeId), { maxLength: 3 }),
      )
      .map(([v, id, notes]): Entries => [
        ['schemaVersion', v],
        ['episodeId', id],
        ['notes', notes],
      ]),
};

/** Any bytes for a store file: its shape (as written, cut short, with a BOM, with a bad byte), any JSON, any text, any bytes. */
const content = (shape: fc.Arbitrary<Entries>): fc.Arbitrary<Buffer> => {
  const near = fc
    .tuple(shape, fc.constantFrom<'' | '  ' | '\t'>('', '  ', '\t'))
    .map(([entries, indent]) => objectText(entries, indent));
  return fc.oneof(
    { weight: 60, arbitrary: near.map((text) => Buffer.from(text)) },
    near.chain((text) => fc.nat(text.length).map((cut) => Buffer.from(text.slice(0, cut)))),
    near.map((text) => Buffer.from(`\ufeff${text}`)),
    near.map((text) => Buffer.concat([Buffer.from(text.slice(0, -2)), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
    fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value))),
    fc.string().map((text) => Buffer.from(text)),
    fc.string({ unit: 'binary' }).map((text) => Buffer.from(text)),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  );
};

/** Present in 1 - 1/n of the runs. */
const usually = <T>(arbitrary: fc.Arbitrary<T>, n: number) => fc.option(arbitrary, { nil: undefined, freq: n });

/** A data folder: some of the store files (the catalogue and show files most often), each with any content. */
const dataFolder = fc
  .record({
    'catalogue.json': usually(content(shapes.catalogue), 5),
    'settings.json': usually(content(shapes.settings), 2),
    'queue.json': usually(content(shapes.queue), 2),
    'listening-state.json': usually(content(shapes['listening-state']), 2),
    'downloads.json': usually(content(shapes.downloads), 2),
    notes: fc.array(
      fc
        .oneof({ weight: 3, arbitrary: fc.constantFrom(...episodeIds) }, hex(16))
        .chain((episodeId) =>
          content(shapes.note(episodeId)).map(
            (bytes) => [/^e\d$/.test(episodeId) ? noteFileName(episodeId) : episodeId, bytes] as const,
          ),
        ),
      { maxLength: 2 },
    ),
    shows: fc.uniqueArray(
      fc
        .constantFrom(...feedIds)
        .chain((feedId) => content(shapes.show(feedId)).map((bytes) => [shortHash(feedId), bytes] as const)),
      { maxLength: 2, selector: ([name]) => name },
    ),
  })
  .map(({ notes, shows, ...stores }) => {
    const files = new Map<string, Buffer>();
    for (const [name, bytes] of Object.entries(stores)) if (bytes) files.set(name, bytes);
    for (const [name, bytes] of notes) files.set(path.join('notes', `${name}.json`), bytes);
    for (const [name, bytes] of shows) files.set(path.join('shows', `${name}.json`), bytes);
    return files;
  })
  .filter((files) => files.size > 0);

// ---- the property ----

/** The reads the library, search, queue, downloads and settings views make on start. */
const reads: [MethodName, object][] = [
  ['listFeeds', {}],
  ['listEpisodes', {}],
  ['listEpisodes', { sort: 'oldest', state: 'in-progress' }],
  ['countEpisodes', {}],
  ['search', { query: 'a' }],
  ['search', { query: 'intro' }],
  ['getQueue', {}],
  ['getSettings', {}],
  ['getSession', {}],
  ['listDownloads', {}],
  ['getStorageUsage', {}],
  ['listNotices', {}],
  ['exportNotes', { format: 'json' }],
  ['exportNotes', { format: 'markdown' }],
  ['exportOpml', {}],
];

async function expectEveryReadAnswers(app: EarmarkApp, when: string): Promise<void> {
  for (const [method, input] of reads) {
    const envelope = await app.call(method, input);
    expect(envelope, `${method}(${JSON.stringify(input)}) ${when}`).toMatchObject({ ok: true });
  }
  // The episodes the files brought: each one opens, with its chapters and notes.
  const listed = await app.call('listEpisodes', {});
  const episodes = listed.ok ? (listed.value as EpisodeWithState[]) : [];
  for (const { id } of episodes.slice(0, 4)) {
    for (const method of ['getEpisode', 'getChapters', 'listNotes'] as const) {
      const input = method === 'getEpisode' ? { id } : { episodeId: id };
      const envelope = await app.call(method, input);
      expect(envelope, `${method}(${JSON.stringify(input)}) ${when}`).toMatchObject({ ok: true });
    }
  }
}

/** Files moved or copied aside (<name>.corrupt-*.json, <name>.invalid-*.json), sorted. */
const setAsideIn = (dir: string) =>
  [...filesUnder(dir).keys()].filter((name) => /\.(corrupt|invalid)-/.test(name)).sort();

/** The file now holds every key the original JSON object held, with the same value, and maybe more. */
function onlyGainedKeys(original: Buffer, now: Buffer | undefined): boolean {
  if (!now) return false;
  try {
    const before = JSON.parse(original.toString('utf8')) as unknown;
    const after = JSON.parse(now.toString('utf8')) as unknown;
    if (!isObject(before) || !isObject(after)) return false;
    return Object.keys(before).every((key) => Object.hasOwn(after, key) && isDeepStrictEqual(before[key], after[key]));
  } catch {
    return false;
  }
}
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function expectSettingsInRange(settings: Settings): void {
  expect(Object.keys(settings).sort()).toEqual(Object.keys(defaultSettings).sort());
  for (const [key, value] of Object.entries(settings)) {
    const field = settingFields[key];
    expect(field, `setting ${key} is not in the contract`).toBeDefined();
    expect(field!.safeParse(value).success, `setting ${key} = ${JSON.stringify(value)}`).toBe(true);
  }
}

describe('store loading', () => {
  let base: string;
  let defaultFeedUrl: string;
  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'earmark-prop-stores-'));
    defaultFeedUrl = await closedPortUrl();
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  let run = 0;
  it('any bytes in the store files: Earmark starts, answers every read, serves settings in range and keeps the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(dataFolder, async (written) => {
        const dataDir = path.join(base, `run-${run++}`);
        mkdirSync(dataDir);
        for (const [name, bytes] of written) {
          mkdirSync(path.dirname(path.join(dataDir, name)), { recursive: true });
          writeFileSync(path.join(dataDir, name), bytes);
        }
        const logged: unknown[] = [];
        let app: EarmarkApp | undefined;
        const open = () =>
          createApp({
            dataDir,
            storeFactory: confStoreFactory,
            defaultFeedUrl,
            fetch: localOnlyFetch,
            feedTimeoutMs: 2000,
            log: (error) => logged.push(error),
          });
        try {
          app = open();
          await expectEveryReadAnswers(app, 'after opening');
          const settings = await app.call('getSettings', {});
          expectSettingsInRange((settings as { value: Settings }).value);
          const notices = await app.call('listNotices', {});
          await app.close(); // pending (coalesced) writes reach the disk
          app = undefined;

          // Nothing written is lost: each file's bytes are still somewhere in the data folder, or the
          // file was taken as it was and only gained what was missing (conf adds the defaults' keys).
          const now = filesUnder(dataDir);
          const everyFile = [...now.values()];
          for (const [name, bytes] of written) {
            expect(
              everyFile.some((kept) => kept.equals(bytes)) || onlyGainedKeys(bytes, now.get(name)),
              `the bytes written as ${name} are gone (${JSON.stringify(bytes.toString('utf8'))}); now: ${[...now.keys()].join(', ')}`,
            ).toBe(true);
          }
          // A file set aside or copied is told about.
          const setAside = setAsideIn(dataDir);
          if (setAside.length > 0) {
            expect(
              notices.ok && (notices.value as unknown[]).length,
              `no notice for ${setAside.join(', ')}`,
            ).toBeTruthy();
          }

          // Opened again, the repaired folder has nothing left to repair; starting (resuming downloads,
          // the first-run subscription to a closed port) keeps every read answering.
          app = open();
          const again = await app.call('listNotices', {});
          expect(again, 'notices on the second start').toEqual({ ok: true, value: [] });
          expect(setAsideIn(dataDir), 'files set aside on the second start').toEqual(setAside);
          await app.start();
          await expectEveryReadAnswers(app, 'after start()');
        } catch (error) {
          if (logged.length) throw new Error(`${String(error)}\nlogged: ${logged.map(String).join('\n')}`);
          throw error;
        } finally {
          await app?.close();
          rmSync(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
