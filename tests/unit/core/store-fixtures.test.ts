/**
 * Every store file Earmark ever wrote still loads: tests/fixtures/stores/<store>/v<N>.json holds the
 * same data at each schema the store has had. Each one is put in a fresh data folder and opened the
 * way the app opens it; afterwards the file holds the current fixture (an older one was migrated and
 * written back, and kept as <name>.v<N>-<time>.json), nothing was repaired, and the service reads the
 * data. Bumping a store's schema means adding its migration and its v<N+1>.json; the old ones stay.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { downloadsStore } from '../../../electron/core/downloads/download-store.js';
import { shortHash } from '../../../electron/core/feeds/stable-id.js';
import {
  CatalogueFiles,
  feedListDefaults,
  feedListMigrations,
  showFileMigrations,
  SHOWS_FOLDER,
} from '../../../electron/core/library/catalogue-files.js';
import { listeningStateStore } from '../../../electron/core/library/listening-state.js';
import { queueStore } from '../../../electron/core/library/queue.js';
import { settingsStore } from '../../../electron/core/library/settings.js';
import {
  NOTES_FOLDER,
  noteFileDefaults,
  noteFileMigrations,
  noteFileName,
} from '../../../electron/core/notes/note-file.js';
import { NotesService } from '../../../electron/core/notes/notes-service.js';
import { openStore, type Migrations, type StoreSpec, type Versioned } from '../../../electron/core/store.js';

const fixtures = path.join(import.meta.dirname, '../../fixtures/stores');
const now = () => new Date('2025-06-01T12:00:00.000Z');
const fixture = (store: string, version: number) =>
  readFileSync(path.join(fixtures, store, `v${version}.json`), 'utf8');
const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

interface StoreUnderTest {
  current: number;
  migrations: Migrations;
  /** The file in the data folder. */
  file: string;
  /** Opens it as the app does: the data the service reads, and what it was told was repaired. */
  open(dataDir: string): { data: unknown; repairs: string[] };
  /** The part of the current fixture the service reads. */
  expected(current: Record<string, unknown>): unknown;
}

/** queue, settings, listening state and downloads: openStore with the app's own options. */
const plain = <T extends Versioned>(spec: StoreSpec<T>): StoreUnderTest => ({
  current: spec.defaults.schemaVersion,
  migrations: spec.migrations ?? {},
  file: `${spec.name}.json`,
  open(dataDir) {
    const opened = openStore(confStoreFactory, { ...spec, cwd: dataDir }, now);
    return { data: opened.store.store, repairs: opened.repairMessage ? [opened.repairMessage] : [] };
  },
  expected: (current) => current,
});

const FEED = 'feed-1';
const EPISODE = 'ep-1';
const catalogueFiles = (dataDir: string, repairs: string[]) =>
  new CatalogueFiles({ dataDir, storeFactory: confStoreFactory, now, onRepair: (m) => repairs.push(m) });

const stores: Record<string, StoreUnderTest> = {
  catalogue: {
    current: feedListDefaults.schemaVersion,
    migrations: feedListMigrations,
    file: 'catalogue.json',
    open(dataDir) {
      const repairs: string[] = [];
      return { data: catalogueFiles(dataDir, repairs).feedList.store, repairs };
    },
    expected: (current) => current,
  },
  show: {
    current: 1,
    migrations: showFileMigrations,
    file: `${SHOWS_FOLDER}/${shortHash(FEED)}.json`,
    open(dataDir) {
      writeFileSync(path.join(dataDir, 'catalogue.json'), fixture('catalogue', feedListDefaults.schemaVersion));
      const repairs: string[] = [];
      return { data: catalogueFiles(dataDir, repairs).loadEpisodes([FEED]).get(FEED), repairs };
    },
    expected: (current) => current.episodes,
  },
  'listening-state': plain(listeningStateStore),
  queue: plain(queueStore),
  settings: plain(settingsStore),
  downloads: plain(downloadsStore),
  note: {
    current: noteFileDefaults('').schemaVersion,
    migrations: noteFileMigrations,
    file: `${NOTES_FOLDER}/${noteFileName(EPISODE)}.json`,
    open(dataDir) {
      const notes = new NotesService({ dataDir, storeFactory: confStoreFactory, now });
      const repairs = notes.load();
      return { data: notes.list(EPISODE), repairs };
    },
    expected: (current) => current.notes,
  },
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'earmark-fixtures-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('every store folder under tests/fixtures/stores is tested here', () => {
  expect(readdirSync(fixtures).sort()).toEqual(Object.keys(stores).sort());
});

describe.each(Object.entries(stores))('%s', (store, spec) => {
  const versions = Array.from({ length: spec.current }, (_, i) => i + 1);

  it('has a fixture for every schema up to the current one, and a migration out of every older one', () => {
    expect(readdirSync(path.join(fixtures, store)).sort()).toEqual(versions.map((v) => `v${v}.json`).sort());
    expect(Object.keys(spec.migrations).map(Number)).toEqual(versions.slice(0, -1));
  });

  it.each(versions)('loads v%i.json as the current schema, and again as it is', (version) => {
    const file = path.join(dataDir, spec.file);
    const original = fixture(store, version);
    const current = json(fixture(store, spec.current));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, original);

    const first = spec.open(dataDir);
    expect(first.repairs).toEqual([]);
    expect(first.data).toEqual(spec.expected(current));
    expect(json(readFileSync(file, 'utf8'))).toEqual(current);
    const name = path.basename(spec.file, '.json');
    const copies = () => readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${name}.v`));
    expect(copies().map((f) => readFileSync(path.join(path.dirname(file), f), 'utf8'))).toEqual(
      version < spec.current ? [original] : [],
    );

    const again = spec.open(dataDir);
    expect(again).toEqual(first);
    expect(copies()).toHaveLength(version < spec.current ? 1 : 0);
  });
});

it('a version-1 catalogue’s episodes reach their show’s file', () => {
  writeFileSync(path.join(dataDir, 'catalogue.json'), fixture('catalogue', 1));
  const repairs: string[] = [];
  const files = catalogueFiles(dataDir, repairs);
  expect(files.loadEpisodes([FEED]).get(FEED)).toEqual(json(fixture('catalogue', 1)).episodes);
  expect(json(readFileSync(path.join(dataDir, stores.show!.file), 'utf8'))).toEqual(json(fixture('show', 1)));
  expect(repairs).toEqual([]);
  expect(existsSync(path.join(dataDir, 'catalogue.json'))).toBe(true);
});
