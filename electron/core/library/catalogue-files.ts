import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Episode } from '../../../shared/types.js';
import { shortHash } from '../feeds/stable-id.js';
import {
  lenientArray,
  openStore,
  type KeyValueStore,
  type Migrations,
  type OnDropped,
  type OpenedStore,
  type StoreFactory,
  type Versioned,
} from '../store.js';
import type { StoredFeed } from './catalogue.js';

/**
 * How the catalogue lies on disk: the list of shows in catalogue.json (small: one entry a show),
 * and each show's episodes in a file of its own, shows/<hash of the feed id>.json. A refresh of one
 * show rewrites that show's file and the short list, never the whole library: with 50 shows of
 * 1,000 episodes and their show notes the library is tens of MB, and conf rewrites (and fsyncs) a
 * whole file on every change. Version 1 kept every episode in catalogue.json; it is split on load.
 */
export interface FeedListData extends Versioned {
  feeds: StoredFeed[];
  /** Only in a list not split yet (version 1's episodes, brought to version 2 as they were). */
  episodes?: Episode[];
}

export interface ShowFileData extends Versioned {
  feedId: string;
  episodes: Episode[];
}

export const feedListDefaults: FeedListData = { schemaVersion: 2, feeds: [] };
const showDefaults = (feedId: string): ShowFileData => ({ schemaVersion: 1, feedId, episodes: [] });
export const SHOWS_FOLDER = 'shows';

const text = (max: number) => z.string().max(max);
const feedSchema = z.looseObject({
  id: text(200).min(1),
  url: text(4000).min(1),
  title: text(10_000),
  description: text(1_000_000),
});
const episodeSchema = z.looseObject({
  id: text(200).min(1),
  feedId: text(200).min(1),
  title: text(10_000),
  showNotesHtml: text(10_000_000),
  publishedAt: text(40).optional(),
  durationSeconds: z.number().min(0).optional(),
  enclosure: z.looseObject({ url: text(4000) }).optional(),
});

/** catalogue.json, either version: one unreadable show or episode is left out, not the library. */
const feedListShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    feeds: lenientArray(feedSchema, ['show', 'shows'], onDropped),
    episodes: lenientArray(episodeSchema, ['episode', 'episodes'], onDropped).optional(),
  });

/**
 * Migration N takes catalogue.json from schema N to N+1 (store.ts). 1 → 2 keeps the episodes in the
 * list as they are: CatalogueFiles splits a list that holds episodes into show files once it is
 * open (a split is more than one file's data, so it is no migration of its own).
 */
export const feedListMigrations: Migrations = { 1: (data) => data };
/** Migration N takes a show file from schema N to N+1; none yet. */
export const showFileMigrations: Migrations = {};

const showFileShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    feedId: text(200),
    episodes: lenientArray(episodeSchema, ['episode', 'episodes'], onDropped),
  });

export interface CatalogueFilesOptions {
  dataDir: string;
  storeFactory: StoreFactory;
  now: () => Date;
  /** A file had to be repaired or set aside: what happened, for the user. */
  onRepair: (message: string) => void;
}

/** The stores behind the catalogue; the Catalogue itself never touches a file name. */
export class CatalogueFiles {
  readonly feedList: KeyValueStore<FeedListData>;
  private readonly showsDir: string;
  private readonly shows = new Map<string, KeyValueStore<ShowFileData>>();

  constructor(private readonly options: CatalogueFilesOptions) {
    this.showsDir = path.join(options.dataDir, SHOWS_FOLDER);
    mkdirSync(this.showsDir, { recursive: true, mode: 0o700 });
    // A version-1 file is copied (catalogue.v1-<time>.json) by openStore before its migration rewrites it.
    const opened = this.open(
      'catalogue',
      feedListDefaults,
      feedListShape,
      feedListMigrations,
      'your list of shows',
      options.dataDir,
    );
    this.feedList = opened.store;
    // Episodes in the list: a version-1 file just migrated, or one whose split was cut short (a crash),
    // which is copied first like the show files the split rewrites.
    if (this.feedList.store.episodes) {
      if (opened.migratedFrom === undefined) {
        copyFileSync(
          this.feedList.path,
          path.join(options.dataDir, `catalogue.before-split-${stamp(options.now)}.json`),
        );
      }
      this.splitVersion1();
    }
  }

  /** Each show's episodes as stored (only shows in the list are read). */
  loadEpisodes(feedIds: readonly string[]): Map<string, Episode[]> {
    const episodes = new Map<string, Episode[]>();
    for (const feedId of feedIds) {
      const store = this.show(feedId);
      episodes.set(
        feedId,
        store.get('episodes').filter((episode) => episode.feedId === feedId),
      );
    }
    return episodes;
  }

  saveFeeds(feeds: StoredFeed[]): void {
    this.feedList.store = { schemaVersion: feedListDefaults.schemaVersion, feeds };
  }

  saveShow(feedId: string, episodes: Episode[]): void {
    this.show(feedId).store = { ...showDefaults(feedId), episodes };
  }

  /** Forgets a show's file (after it left the list). */
  removeShow(feedId: string): void {
    const store = this.shows.get(feedId);
    this.shows.delete(feedId);
    rmSync(store?.path ?? path.join(this.showsDir, `${showFileName(feedId)}.json`), { force: true });
  }

  private show(feedId: string): KeyValueStore<ShowFileData> {
    let store = this.shows.get(feedId);
    if (!store) {
      store = this.open(
        showFileName(feedId),
        showDefaults(feedId),
        showFileShape,
        showFileMigrations,
        'the episodes of a show',
        this.showsDir,
      ).store;
      this.shows.set(feedId, store);
    }
    return store;
  }

  /**
   * Version 1 → 2: each show's episodes to its own file first, then the list without them. A show
   * file already there (a version-2 Earmark ran before an older one did) keeps its episodes; the
   * version-1 file's copy of an episode, the newer, wins.
   */
  private splitVersion1(): void {
    const { feeds, episodes = [] } = this.feedList.store;
    for (const feed of feeds) {
      const file = path.join(this.showsDir, `${showFileName(feed.id)}.json`);
      if (existsSync(file)) {
        copyFileSync(
          file,
          path.join(this.showsDir, `${showFileName(feed.id)}.before-split-${stamp(this.options.now)}.json`),
        );
      }
    }
    const byFeed = new Map<string, Map<string, Episode>>(
      feeds.map((feed) => [
        feed.id,
        new Map(
          this.show(feed.id)
            .get('episodes')
            .map((e) => [e.id, e]),
        ),
      ]),
    );
    for (const episode of episodes) byFeed.get(episode.feedId)?.set(episode.id, episode);
    for (const [feedId, list] of byFeed) this.saveShow(feedId, [...list.values()]);
    this.saveFeeds(feeds);
  }

  private open<T extends Versioned>(
    name: string,
    defaults: T,
    shape: (onDropped: OnDropped) => z.ZodType,
    migrations: Migrations,
    label: string,
    cwd: string,
  ): OpenedStore<T> {
    const opened = openStore(
      this.options.storeFactory,
      { name, cwd, defaults, shape, migrations, label },
      this.options.now,
    );
    if (opened.repairMessage) this.options.onRepair(opened.repairMessage);
    return opened;
  }
}

const showFileName = (feedId: string) => shortHash(feedId);
const stamp = (now: () => Date) => now().toISOString().replace(/[:.]/g, '-');
