import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Episode, EpisodeWithState, Settings, SyncResult } from '../../shared/types.js';
import { dispatch, EarmarkError, type Handlers } from './dispatch.js';
import { EventBus } from './events.js';
import { ArtworkCache } from './feeds/artwork-cache.js';
import { FeedSync } from './feeds/feed-sync.js';
import { Catalogue } from './library/catalogue.js';
import { episodeHandlers } from './library/episode-handlers.js';
import { libraryTexts } from './library/library-texts.js';
import { ListeningState, listeningStateStore, type Schedule } from './library/listening-state.js';
import { Queue, queueStore } from './library/queue.js';
import { queueHandlers } from './library/queue-handlers.js';
import { RefreshScheduler, type Timers } from './feeds/refresh-scheduler.js';
import { showHandlers } from './feeds/shows-handlers.js';
import { publicFeed, subscribeToAddress } from './feeds/subscribe-address.js';
import { directoryHandlers } from './directory/directory-handlers.js';
import { SettingsService, settingsStore } from './library/settings.js';
import { ChapterService } from './chapters/chapter-service.js';
import { downloadHandlers, storageRulesOf } from './downloads/download-handlers.js';
import { DownloadManager } from './downloads/download-manager.js';
import { downloadsStore } from './downloads/download-store.js';
import { notesHandlers } from './notes/notes-handlers.js';
import { NotesService } from './notes/notes-service.js';
import { Notices } from './notices.js';
import { lockDataFolder } from './data-lock.js';
import { openStore, PRIVATE_FOLDER_MODE, type StoreFactory, type StoreSpec, type Versioned } from './store.js';

export const DEFAULT_FEED_URL = 'https://anchor.fm/s/1eb6d14/podcast/rss';

export interface AppOptions {
  dataDir: string;
  /** Who holds the data folder, in the words another Earmark shows ("the browser host"). */
  appName?: string;
  storeFactory: StoreFactory;
  /** Subscribed on a fresh data dir (default: The Backend Engineering Show). */
  defaultFeedUrl?: string;
  /** The offline snapshot of the default feed (RSS text), shown when its first sync fails. */
  loadSnapshot?: () => Promise<string>;
  /**
   * The one HTTP client for feeds, chapters files and downloads (Electron: its net stack, for the
   * system proxy and certificate store). Default: Node's fetch, and node:http for downloads.
   */
  fetch?: typeof fetch;
  now?: () => Date;
  /** Feed request timeout. */
  feedTimeoutMs?: number;
  /** The podcast directory's search endpoint (default: Apple's iTunes Search API). */
  directoryUrl?: string;
  /** Directory search timeout (default 15 s). */
  directoryTimeoutMs?: number;
  log?: (error: unknown) => void;
  /** Timers of the background refresh (tests fire them by hand). */
  refreshTimers?: Timers;
  /** Delay for coalesced listening-state writes (tests control when they happen). */
  listeningWrites?: { delayMs?: number; schedule?: Schedule };
}

export interface EarmarkApp {
  events: EventBus;
  handlers: Handlers;
  /** Transport-free entry point for both adapters. */
  call(method: unknown, input: unknown): ReturnType<typeof dispatch>;
  /** First-run subscription and sync; resolves when it is done (callers need not wait). */
  start(): Promise<void>;
  /** Downloaded files, for the media adapters (earmark-media:// and the host's /media/<id>). */
  downloads: DownloadManager;
  /** Shows' artwork kept in the data folder, for the adapters' /artwork/<feed id>. */
  artwork: ArtworkCache;
  /**
   * Stops background work: requests in flight are aborted (a closing app records no failure for
   * them), downloads pause to resume at the next start, and pending writes reach disk.
   */
  close(): Promise<void>;
  /** Writes coalesced state (the listening position) now; synchronous, safe after close(). */
  flush(): void;
}

/** fetchImpl, with every request also aborted when `signal` is. */
function untilAborted(fetchImpl: typeof fetch, signal: AbortSignal): typeof fetch {
  return (input, init) =>
    fetchImpl(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

/**
 * Builds every service from a data dir and a store factory. The only place that wires them. Takes
 * the data folder's lock first (data-lock.ts): a second Earmark on the same folder gets a
 * DataFolderInUseError that says who holds it.
 */
export function createApp(options: AppOptions): EarmarkApp {
  mkdirSync(options.dataDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const unlock = lockDataFolder(options.dataDir, options.appName ?? 'Earmark');
  try {
    return assemble(options, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

function assemble(options: AppOptions, unlock: () => void): EarmarkApp {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console.error;
  const events = new EventBus();
  const notices = new Notices(events, now);
  const repaired = (message: string) => notices.add('warning', message);
  const open = <T extends Versioned>(store: StoreSpec<T>) => {
    const opened = openStore(options.storeFactory, { ...store, cwd: options.dataDir }, now);
    if (opened.repairMessage) repaired(opened.repairMessage);
    return opened.store;
  };
  const catalogue = new Catalogue({
    dataDir: options.dataDir,
    storeFactory: options.storeFactory,
    now,
    onRepair: repaired,
  });
  const listening = new ListeningState(open(listeningStateStore), {
    writeDelayMs: options.listeningWrites?.delayMs,
    schedule: options.listeningWrites?.schedule,
  });
  const queue = new Queue(open(queueStore));
  const settings = new SettingsService(open(settingsStore));
  // Aborted by close(): a quit must not wait for a feed server that never answers.
  const lifetime = new AbortController();
  const networkFetch = untilAborted(options.fetch ?? fetch, lifetime.signal);
  const sync = new FeedSync({
    catalogue,
    events,
    fetch: networkFetch,
    now,
    timeoutMs: options.feedTimeoutMs ?? 30_000,
    closing: lifetime.signal,
  });

  const artwork = new ArtworkCache({
    dir: path.join(options.dataDir, 'artwork'),
    fetch: networkFetch,
    now,
    warn: (message) => log(message),
  });
  /** Keeps a show's picture for offline use; the feeds list names it once it is there. */
  const keepArtwork = (feedId: string) => {
    void artwork.refresh(feedId, catalogue.feed(feedId)?.artwork).then((stored) => {
      if (stored) events.emit('libraryChanged', { feedIds: [feedId] });
    });
  };

  const notes = new NotesService({ dataDir: options.dataDir, storeFactory: options.storeFactory, now });
  for (const repair of notes.load()) notices.add('warning', repair);
  const chapters = new ChapterService({
    dataDir: options.dataDir,
    fetch: networkFetch,
    now,
    warn: (message) => log(message),
    onChanged: (episodeId) => events.emit('chaptersChanged', { episodeId }),
  });
  void chapters.loadCache();
  /** A download that completed or went away changes where embedded chapters come from. */
  const downloadedChaptersChanged = (episodeId: string) => {
    const episode = catalogue.episode(episodeId);
    if (!episode) return;
    // Reading the new file first puts its chapters in the cache (and search) before the page asks.
    void chapters
      .chaptersFor(episode, downloads.localFile(episodeId), { readRemote: false })
      .then(() => events.emit('chaptersChanged', { episodeId }));
  };
  const downloads = new DownloadManager({
    dataDir: options.dataDir,
    store: open(downloadsStore),
    // Files whose records were lost are matched back to their episodes (media-sweep.ts).
    knownEpisodes: () => catalogue.episodes(),
    onNotice: (text) => repaired(text),
    // Downloads stop themselves on close (paused, to resume), so they get the plain client.
    ...(options.fetch ? { fetch: options.fetch } : {}),
    now,
    concurrency: () => settings.get().downloadConcurrency,
    onChange: (download) => {
      events.emit('downloadChanged', download);
      if (download.state === 'completed') {
        downloadedChaptersChanged(download.episodeId);
        void applyStorageRules();
      }
    },
    onProgress: (progress) => events.emit('downloadProgress', progress),
    onRemoved: (episodeId) => {
      events.emit('downloadRemoved', { episodeId });
      downloadedChaptersChanged(episodeId);
    },
  });
  // The episode being listened to is never evicted by a storage rule.
  let activeEpisode: { id: string; at: number } | undefined;
  const applyStorageRules = () =>
    downloads
      .applyStorageRules(
        storageRulesOf(settings.get()),
        (id) => {
          const episode = catalogue.episode(id);
          const state = listening.get(id);
          return {
            publishedAt: episode?.publishedAt,
            played: state.played,
            playedAt: state.played ? (state.playedAt ?? state.updatedAt) : undefined,
          };
        },
        new Set(activeEpisode && now().getTime() - activeEpisode.at < 30 * 60_000 ? [activeEpisode.id] : []),
      )
      .catch(log);
  /** New episodes of shows set to download by themselves, newest first. */
  const autoDownload = (result: SyncResult) => {
    if (result.added === 0 || !settings.get().autoDownloadFeedIds.includes(result.feedId)) return;
    for (const episode of catalogue.episodes(result.feedId).slice(0, result.added)) {
      if (episode.enclosure && !downloads.get(episode.id)) {
        downloads.enqueue({ id: episode.id, feedId: episode.feedId, enclosure: episode.enclosure });
      }
    }
  };
  const refresher = new RefreshScheduler({
    intervalMinutes: () => settings.get().refreshIntervalMinutes,
    refresh: () => sync.refresh(),
    timers: options.refreshTimers,
    log,
  });
  events.subscribe((event) => {
    // Episodes can leave the library (unsubscribe, the snapshot replaced by the live feed).
    if (event === 'libraryChanged' && queue.retain((id) => catalogue.episode(id) !== undefined)) {
      events.emit('queueChanged', { episodeIds: queue.list() });
    }
  });
  events.subscribe((event, payload) => {
    if (event !== 'syncResult' || !(payload as SyncResult).ok) return;
    const result = payload as SyncResult;
    // Chapters files are fetched right after a sync, so they are there before playback and offline.
    void chapters.prefetch(catalogue.episodes(result.feedId));
    keepArtwork(result.feedId);
    autoDownload(result);
    void applyStorageRules();
  });
  const episodeOrThrow = (id: string) => {
    const episode = catalogue.episode(id);
    if (!episode) throw new EarmarkError('not-found', 'That episode is not in your library.');
    return episode;
  };

  const texts = libraryTexts({
    catalogue,
    events,
    chapterSourcesOf: (episode) => chapters.knownChapterSources(episode),
  });

  const episodesWithNotes = () => new Set(notes.episodeIds());
  const withState = (episode: Episode, noted?: Set<string>): EpisodeWithState => {
    const hasNotes = noted ? noted.has(episode.id) : notes.list(episode.id).length > 0;
    const listed: EpisodeWithState = { ...episode, state: listening.get(episode.id), hasNotes };
    const download = downloads.get(episode.id);
    if (download) listed.download = download;
    return listed;
  };

  const handlers: Handlers = {
    listFeeds: () =>
      catalogue.feeds().map((feed) => {
        const localArtwork = artwork.pathFor(feed.id);
        return localArtwork ? { ...publicFeed(feed), localArtwork } : publicFeed(feed);
      }),
    subscribe: ({ url }) => subscribeToAddress(sync, url),
    refreshFeeds: ({ feedId }) => sync.refresh(feedId),
    getSettings: () => settings.get(),
    updateSettings: (patch) => {
      const updated = settings.update(patch as Partial<Settings>);
      if (patch.refreshIntervalMinutes !== undefined) refresher.reschedule();
      void applyStorageRules();
      return updated;
    },
    listNotices: () => notices.list(),
    dismissNotice: ({ id }) => {
      notices.dismiss(id);
      return null;
    },
    getChapters: ({ episodeId }) => chapters.chaptersFor(episodeOrThrow(episodeId), downloads.localFile(episodeId)),
    ...episodeHandlers({
      catalogue,
      listening,
      settings: () => settings.get(),
      withState,
      episodesWithNotes,
      isDownloaded: (id) => downloads.get(id)?.state === 'completed',
      now,
      onListening: (id) => (activeEpisode = { id, at: now().getTime() }),
      // Played is done with: like Pocket Casts, it leaves Up next (an ending episode is taken off by advanceQueue too).
      onPlayed: (id) => {
        if (queue.remove(id)) events.emit('queueChanged', { episodeIds: queue.list() });
      },
      hasWords: texts.hasWords,
    }),
    ...queueHandlers({ queue, catalogue, events, withState: (episode) => withState(episode) }),
    ...showHandlers({
      catalogue,
      sync,
      downloads,
      events,
      now,
      onUnsubscribed: (feedId) => {
        void artwork.remove(feedId).catch(log);
        // Per-show settings would otherwise name a show that is gone.
        const { autoDownloadFeedIds, speedByFeed } = settings.get();
        if (autoDownloadFeedIds.includes(feedId) || feedId in speedByFeed) {
          const { [feedId]: _dropped, ...rest } = speedByFeed;
          settings.update({
            autoDownloadFeedIds: autoDownloadFeedIds.filter((id) => id !== feedId),
            speedByFeed: rest,
          });
        }
      },
      onImportSynced: (results) => {
        const failed = results.filter((result) => !result.ok);
        if (failed.length === 0) return;
        const lines = failed.map((r) => `${catalogue.feed(r.feedId)?.url ?? r.feedId}: ${r.error ?? 'failed'}`);
        notices.add(
          'warning',
          `${failed.length} imported ${failed.length === 1 ? 'show' : 'shows'} could not be fetched. ${lines.join('; ')}`,
        );
      },
    }),
    ...downloadHandlers(downloads, catalogue),
    ...directoryHandlers({
      fetch: networkFetch,
      ...(options.directoryUrl !== undefined ? { endpoint: options.directoryUrl } : {}),
      ...(options.directoryTimeoutMs !== undefined ? { timeoutMs: options.directoryTimeoutMs } : {}),
      inLibrary: (feedUrl) => sync.findByUrl(feedUrl) !== undefined,
    }),
    ...notesHandlers({
      notes,
      catalogue,
      events,
      texts: texts.texts,
      // Exports read no audio on the web: they use the download and what earlier reads cached.
      chaptersOf: (episode) => chapters.chaptersFor(episode, downloads.localFile(episode.id), { readRemote: false }),
      searchChaptersOf: (episode, fromShowNotes) => chapters.knownChapters(episode, fromShowNotes),
    }),
  };

  async function start(): Promise<void> {
    refresher.start();
    // Shows subscribed before artwork was kept, or whose picture failed to arrive last time.
    for (const feed of catalogue.feeds()) keepArtwork(feed.id);
    await downloads.resume();
    if (catalogue.feeds().length > 0) return;
    const { feed, result } = await sync.subscribe(options.defaultFeedUrl ?? DEFAULT_FEED_URL, { keepOnFailure: true });
    if (result.ok || !options.loadSnapshot || lifetime.signal.aborted) return;
    try {
      await sync.loadSnapshot(feed.id, await options.loadSnapshot());
    } catch (error) {
      log(error);
    }
  }

  return {
    events,
    handlers,
    call: (method, input) => dispatch(handlers, method, input, log),
    start,
    downloads,
    artwork,
    close: async () => {
      lifetime.abort();
      listening.close();
      await refresher.stop();
      await downloads.close();
      await sync.close();
      catalogue.flush();
      unlock();
    },
    flush: () => {
      catalogue.flush();
      listening.close();
    },
  };
}
