import { EarmarkError } from '../dispatch.js';
import { dropUndefined } from '../objects.js';
import type { Episode, Feed } from '../../../shared/types.js';
import type { StoreFactory } from '../store.js';
import { CatalogueFiles } from './catalogue-files.js';

/** A feed plus what only the sync service needs (HTTP validators). Never sent to the renderer as is. */
export interface StoredFeed extends Feed {
  etag?: string;
  lastModified?: string;
}

export interface MergeCounts {
  added: number;
  updated: number;
  /** Ids of the added episodes, in feed order. */
  addedIds: string[];
}

export interface CatalogueOptions {
  dataDir: string;
  storeFactory: StoreFactory;
  now?: () => Date;
  /** A store file had to be repaired or set aside: what happened, for the user. */
  onRepair?: (message: string) => void;
}

/**
 * Newest first; undated episodes last, in the order they were added. ISO dates order as strings, so
 * a plain comparison does (localeCompare took half a second over 100,000 episodes).
 */
const newestFirst = (a: Episode, b: Episode) => {
  const [x, y] = [a.publishedAt ?? '', b.publishedAt ?? ''];
  return x === y ? 0 : x < y ? 1 : -1;
};

/**
 * Feeds and episodes, held in memory (reads never go to a store: conf re-reads a file on every
 * get) and written per show (catalogue-files.ts): a change to one show writes that show's episodes
 * and the short list of shows, so its cost follows the show, not the library.
 */
export class Catalogue {
  private readonly files: CatalogueFiles;
  private readonly feedsById = new Map<string, StoredFeed>();
  private readonly episodesById = new Map<string, Episode>();
  /** Episode ids per show, in the order they were added. */
  private readonly idsByFeed = new Map<string, Set<string>>();
  /** Sorted lists, made on first ask after a change (lists ask often; changes are rare). */
  private sortedAll: Episode[] | undefined;
  private readonly sortedByFeed = new Map<string, Episode[]>();
  private feedsPending = false;
  private readonly showsPending = new Set<string>();

  constructor(options: CatalogueOptions) {
    this.files = new CatalogueFiles({
      dataDir: options.dataDir,
      storeFactory: options.storeFactory,
      now: options.now ?? (() => new Date()),
      onRepair: options.onRepair ?? (() => {}),
    });
    for (const feed of this.files.feedList.get('feeds')) this.feedsById.set(feed.id, feed);
    for (const [feedId, episodes] of this.files.loadEpisodes([...this.feedsById.keys()])) {
      const ids = new Set<string>();
      for (const episode of episodes) {
        this.episodesById.set(episode.id, episode);
        ids.add(episode.id);
      }
      this.idsByFeed.set(feedId, ids);
    }
  }

  feeds(): StoredFeed[] {
    return [...this.feedsById.values()];
  }

  feed(id: string): StoredFeed | undefined {
    return this.feedsById.get(id);
  }

  /** Newest first; undated episodes last. The cached list itself (not copied per call): read-only. */
  episodes(feedId?: string): readonly Episode[] {
    if (feedId === undefined) {
      this.sortedAll ??= [...this.episodesById.values()].sort(newestFirst);
      return this.sortedAll;
    }
    let sorted = this.sortedByFeed.get(feedId);
    if (!sorted) {
      sorted = this.showEpisodes(feedId).sort(newestFirst);
      this.sortedByFeed.set(feedId, sorted);
    }
    return sorted;
  }

  episode(id: string): Episode | undefined {
    return this.episodesById.get(id);
  }

  /** The episode, or the error every method that names one answers when it is gone. */
  episodeOrThrow(id: string): Episode {
    const episode = this.episodesById.get(id);
    if (!episode) throw new EarmarkError('not-found', 'That episode is not in your library.');
    return episode;
  }

  addFeed(feed: StoredFeed): void {
    this.feedsById.set(feed.id, feed);
    this.idsByFeed.set(feed.id, this.idsByFeed.get(feed.id) ?? new Set());
    this.saveFeeds();
  }

  /**
   * Unsubscribes: forgets the feed and its episodes. Returns the episodes' ids so the caller can
   * tidy what hangs on them (queue, downloads); notes and listening state are kept, keyed by the
   * stable episode id, and come back if the show is subscribed again.
   */
  removeFeed(id: string): string[] | undefined {
    if (!this.feedsById.delete(id)) return undefined;
    const removed = [...(this.idsByFeed.get(id) ?? [])];
    for (const episodeId of removed) this.episodesById.delete(episodeId);
    this.idsByFeed.delete(id);
    this.changed(id);
    // The list first: a crash between the two leaves an unlisted file, never a show without episodes.
    this.showsPending.delete(id);
    this.saveFeeds();
    this.flush();
    this.files.removeShow(id);
    return removed;
  }

  /** Forgets a feed that never synced (a failed subscribe), so the library is as it was. */
  removeNewFeed(id: string): void {
    if ((this.idsByFeed.get(id)?.size ?? 0) > 0) return;
    if (!this.feedsById.delete(id)) return;
    this.idsByFeed.delete(id);
    this.saveFeeds();
    this.flush();
    this.files.removeShow(id);
  }

  updateFeed(id: string, patch: Partial<StoredFeed>): StoredFeed | undefined {
    const feed = this.feedsById.get(id);
    if (!feed) return undefined;
    const next = dropUndefined({ ...feed, ...patch });
    this.feedsById.set(id, next);
    this.saveFeeds();
    return next;
  }

  /**
   * Merges a freshly parsed feed: new episodes are added, changed ones updated, and episodes no
   * longer in the feed are kept (marked goneFromFeed) because notes and downloads hang on them.
   * With dropMissing they are removed instead: used when live data replaces the offline snapshot,
   * whose placeholder episodes can hold no downloads and would otherwise show twice.
   * Writes this show's episodes and the list of shows, nothing else.
   */
  mergeEpisodes(
    feedId: string,
    fresh: Episode[],
    feedPatch: Partial<StoredFeed>,
    { dropMissing = false }: { dropMissing?: boolean } = {},
  ): MergeCounts {
    const counts: MergeCounts = { added: 0, updated: 0, addedIds: [] };
    // A sync that finishes after its feed was unsubscribed must not bring the episodes back.
    const feed = this.feedsById.get(feedId);
    if (!feed) return counts;
    const ids = this.idsByFeed.get(feedId) ?? new Set<string>();
    this.idsByFeed.set(feedId, ids);
    const seen = new Set<string>();
    for (const episode of fresh) {
      if (seen.has(episode.id)) continue; // a feed listing one GUID twice: first wins
      seen.add(episode.id);
      const old = this.episodesById.get(episode.id);
      if (!old) {
        counts.added++;
        counts.addedIds.push(episode.id);
      } else if (JSON.stringify(old) !== JSON.stringify(episode)) counts.updated++;
      this.episodesById.set(episode.id, episode);
      ids.add(episode.id);
    }
    for (const id of [...ids]) {
      if (seen.has(id)) continue;
      const episode = this.episodesById.get(id);
      if (!episode) continue;
      if (dropMissing) {
        this.episodesById.delete(id);
        ids.delete(id);
      } else if (!episode.goneFromFeed) this.episodesById.set(id, { ...episode, goneFromFeed: true });
    }
    this.feedsById.set(feedId, dropUndefined({ ...feed, ...feedPatch }));
    this.changed(feedId);
    this.saveShow(feedId);
    this.saveFeeds();
    return counts;
  }

  /** Writes a show's episodes a moment later, in a task of its own, once however often it changed meanwhile. */
  private saveShow(feedId: string): void {
    if (this.showsPending.has(feedId)) return;
    this.showsPending.add(feedId);
    setImmediate(() => this.flushShow(feedId));
  }

  private flushShow(feedId: string): void {
    if (!this.showsPending.delete(feedId) || !this.feedsById.has(feedId)) return;
    this.files.saveShow(feedId, this.showEpisodes(feedId));
  }

  private showEpisodes(feedId: string): Episode[] {
    const episodes: Episode[] = [];
    for (const id of this.idsByFeed.get(feedId) ?? []) {
      const episode = this.episodesById.get(id);
      if (episode) episodes.push(episode);
    }
    return episodes;
  }

  private changed(feedId: string): void {
    this.sortedAll = undefined;
    this.sortedByFeed.delete(feedId);
  }

  /**
   * Writes the list of shows once for everything changed in this turn of the event loop: an OPML
   * import adds 200 shows in one loop, and 200 rewrites (each fsynced) stalled every other call.
   */
  private saveFeeds(): void {
    if (this.feedsPending) return;
    this.feedsPending = true;
    queueMicrotask(() => this.flush());
  }

  /** Writes pending changes now: the shows' episodes, then the list of shows (close() calls this). */
  flush(): void {
    for (const feedId of [...this.showsPending]) this.flushShow(feedId);
    if (!this.feedsPending) return;
    this.feedsPending = false;
    this.files.saveFeeds([...this.feedsById.values()]);
  }
}
