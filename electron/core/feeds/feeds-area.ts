import path from 'node:path';
import type { SyncResult } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { Handlers } from '../dispatch.js';
import type { LibraryArea } from '../library/library-area.js';
import { ArtworkCache } from './artwork-cache.js';
import { FeedSync } from './feed-sync.js';
import { RefreshScheduler, type Timers } from './refresh-scheduler.js';
import { showHandlers } from './show-handlers.js';
import { publicFeed, subscribeToAddress } from './subscribe-address.js';

export const DEFAULT_FEED_URL = 'https://anchor.fm/s/1eb6d14/podcast/rss';

export interface FeedsOptions {
  /** Subscribed on a fresh data dir (default: The Backend Engineering Show). */
  defaultFeedUrl?: string;
  /** The offline snapshot of the default feed (RSS text), shown when its first sync fails. */
  loadSnapshot?: () => Promise<string>;
  /** Feed request timeout. */
  feedTimeoutMs?: number;
  /** Timers of the background refresh (tests fire them by hand). */
  refreshTimers?: Timers;
  /** Aborted at close: a quit must not wait for a feed server that never answers. */
  closing: AbortSignal;
}

/** What the feeds ask of the other areas. */
export interface FeedsLinks {
  removeDownload: (episodeId: string) => Promise<boolean>;
}

/**
 * Shows: subscribing (by feed, web page or OPML), syncing now and in the background, unsubscribing,
 * and each show's artwork kept in the data folder.
 */
export function feedsArea(context: AppContext, library: LibraryArea, links: FeedsLinks, options: FeedsOptions) {
  const { events, log } = context;
  const { catalogue } = library;
  const sync = new FeedSync({
    catalogue,
    events,
    fetch: context.fetch,
    now: context.now,
    timeoutMs: options.feedTimeoutMs ?? 30_000,
    closing: options.closing,
  });
  const refresher = new RefreshScheduler({
    intervalMinutes: () => library.settings.get().refreshIntervalMinutes,
    refresh: () => sync.refresh(),
    timers: options.refreshTimers,
    log,
  });
  const artwork = new ArtworkCache({
    dir: path.join(context.dataDir, 'artwork'),
    fetch: context.fetch,
    now: context.now,
    warn: (message) => log(message),
  });
  /** Keeps a show's picture for offline use; the feeds list names it once it is there. */
  const keepArtwork = (feedId: string) => {
    void artwork.refresh(feedId, catalogue.feed(feedId)?.artwork).then((stored) => {
      if (stored) events.emit('libraryChanged', { feedIds: [feedId] });
    });
  };
  events.subscribe((event, payload) => {
    if (event === 'syncResult' && (payload as SyncResult).ok) keepArtwork((payload as SyncResult).feedId);
  });

  const handlers = {
    listFeeds: () =>
      catalogue.feeds().map((feed) => {
        const localArtwork = artwork.pathFor(feed.id);
        return localArtwork ? { ...publicFeed(feed), localArtwork } : publicFeed(feed);
      }),
    subscribe: ({ url }) => subscribeToAddress(sync, url),
    refreshFeeds: ({ feedId }) => sync.refresh(feedId),
    ...showHandlers({
      catalogue,
      sync,
      removeDownload: links.removeDownload,
      events,
      now: context.now,
      onUnsubscribed: (feedId) => {
        void artwork.remove(feedId).catch(log);
        library.forgetShow(feedId);
      },
      onImportSynced: (results) => {
        const failed = results.filter((result) => !result.ok);
        if (failed.length === 0) return;
        const lines = failed.map((r) => `${catalogue.feed(r.feedId)?.url ?? r.feedId}: ${r.error ?? 'failed'}`);
        context.notices.add(
          'warning',
          `${failed.length} imported ${failed.length === 1 ? 'show' : 'shows'} could not be fetched. ${lines.join('; ')}`,
        );
      },
    }),
  } satisfies Partial<Handlers>;

  return {
    handlers,
    artwork,
    /** The refresh interval changed. */
    reschedule: () => refresher.reschedule(),
    /** Background refresh, and artwork of shows subscribed before it was kept (or whose picture failed). */
    start: () => {
      refresher.start();
      for (const feed of catalogue.feeds()) keepArtwork(feed.id);
    },
    /** A fresh data folder: subscribe to the default show; its snapshot when the network fails. */
    subscribeFirstShow: async () => {
      if (catalogue.feeds().length > 0) return;
      const { feed, result } = await sync.subscribe(options.defaultFeedUrl ?? DEFAULT_FEED_URL, {
        keepOnFailure: true,
      });
      if (result.ok || !options.loadSnapshot || options.closing.aborted) return;
      try {
        await sync.loadSnapshot(feed.id, await options.loadSnapshot());
      } catch (error) {
        log(error);
      }
    },
    stop: async () => {
      await refresher.stop();
      await sync.close();
    },
    /** Whether a feed URL is in the library (the directory marks those results). */
    inLibrary: (feedUrl: string) => sync.findByUrl(feedUrl) !== undefined,
  };
}

export type FeedsArea = ReturnType<typeof feedsArea>;
