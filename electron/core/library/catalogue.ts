import { dropUndefined } from '../objects.js';
import type { Episode, Feed } from '../../../shared/types.js';
import type { KeyValueStore, Versioned } from '../store.js';

/** A feed plus what only the sync service needs (HTTP validators). Never sent to the renderer as is. */
export interface StoredFeed extends Feed {
  etag?: string;
  lastModified?: string;
}

export interface CatalogueData extends Versioned {
  feeds: StoredFeed[];
  episodes: Episode[];
}

export const catalogueDefaults: CatalogueData = { schemaVersion: 1, feeds: [], episodes: [] };

export interface MergeCounts {
  added: number;
  updated: number;
  /** Ids of the added episodes, in feed order. */
  addedIds: string[];
}

/**
 * Feeds and episodes, held in memory and written back as one small JSON store after each change
 * (conf re-reads the file on every get, so reads never go to the store).
 */
export class Catalogue {
  private readonly feedsById = new Map<string, StoredFeed>();
  private readonly episodesById = new Map<string, Episode>();

  constructor(private readonly store: KeyValueStore<CatalogueData>) {
    for (const feed of store.get('feeds')) this.feedsById.set(feed.id, feed);
    for (const episode of store.get('episodes')) this.episodesById.set(episode.id, episode);
  }

  feeds(): StoredFeed[] {
    return [...this.feedsById.values()];
  }

  feed(id: string): StoredFeed | undefined {
    return this.feedsById.get(id);
  }

  /** Newest first; undated episodes last, in feed order. */
  episodes(feedId?: string): Episode[] {
    const all = [...this.episodesById.values()].filter((e) => !feedId || e.feedId === feedId);
    return all.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  }

  episode(id: string): Episode | undefined {
    return this.episodesById.get(id);
  }

  addFeed(feed: StoredFeed): void {
    this.feedsById.set(feed.id, feed);
    this.save();
  }

  /**
   * Unsubscribes: forgets the feed and its episodes, in one write. Returns the episodes' ids so the
   * caller can tidy what hangs on them (queue, downloads); notes and listening state are kept, keyed
   * by the stable episode id, and come back if the show is subscribed again.
   */
  removeFeed(id: string): string[] | undefined {
    if (!this.feedsById.delete(id)) return undefined;
    const removed: string[] = [];
    for (const episode of this.episodesById.values()) {
      if (episode.feedId !== id) continue;
      removed.push(episode.id);
      this.episodesById.delete(episode.id);
    }
    this.save();
    return removed;
  }

  /** Forgets a feed that never synced (a failed subscribe), so the library is as it was. */
  removeNewFeed(id: string): void {
    if ([...this.episodesById.values()].some((episode) => episode.feedId === id)) return;
    if (this.feedsById.delete(id)) this.save();
  }

  updateFeed(id: string, patch: Partial<StoredFeed>): StoredFeed | undefined {
    const feed = this.feedsById.get(id);
    if (!feed) return undefined;
    const next = dropUndefined({ ...feed, ...patch });
    this.feedsById.set(id, next);
    this.save();
    return next;
  }

  /**
   * Merges a freshly parsed feed: new episodes are added, changed ones updated, and episodes no
   * longer in the feed are kept (marked goneFromFeed) because notes and downloads hang on them.
   * With dropMissing they are removed instead: used when live data replaces the offline snapshot,
   * whose placeholder episodes can hold no downloads and would otherwise show twice.
   * One write for the whole merge.
   */
  mergeEpisodes(
    feedId: string,
    fresh: Episode[],
    feedPatch: Partial<StoredFeed>,
    { dropMissing = false }: { dropMissing?: boolean } = {},
  ): MergeCounts {
    const counts: MergeCounts = { added: 0, updated: 0, addedIds: [] };
    // A sync that finishes after its feed was unsubscribed must not bring the episodes back.
    if (!this.feedsById.has(feedId)) return counts;
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
    }
    for (const episode of this.episodesById.values()) {
      if (episode.feedId !== feedId || seen.has(episode.id)) continue;
      if (dropMissing) this.episodesById.delete(episode.id);
      else if (!episode.goneFromFeed) this.episodesById.set(episode.id, { ...episode, goneFromFeed: true });
    }
    const feed = this.feedsById.get(feedId);
    if (feed) this.feedsById.set(feedId, dropUndefined({ ...feed, ...feedPatch }));
    this.save();
    return counts;
  }

  private save(): void {
    this.store.store = {
      schemaVersion: catalogueDefaults.schemaVersion,
      feeds: [...this.feedsById.values()],
      episodes: [...this.episodesById.values()],
    };
  }
}
