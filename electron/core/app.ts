import { mkdirSync } from 'node:fs';
import type { Settings } from '../../shared/types.js';
import type { AppContext } from './area.js';
import { chaptersArea } from './chapters/chapters-area.js';
import { lockDataFolder } from './data-lock.js';
import { directoryHandlers } from './directory/directory-handlers.js';
import { dispatch, type Handlers } from './dispatch.js';
import { downloadsArea } from './downloads/downloads-area.js';
import type { ArtworkCache } from './feeds/artwork-cache.js';
import { feedsArea } from './feeds/feeds-area.js';
import type { DownloadManager } from './downloads/download-manager.js';
import { EventBus } from './events.js';
import type { Timers } from './feeds/refresh-scheduler.js';
import { libraryArea } from './library/library-area.js';
import type { Schedule } from './library/listening-state.js';
import { notesArea } from './notes/notes-area.js';
import { Notices } from './notices.js';
import { openStore, PRIVATE_FOLDER_MODE, type StoreFactory } from './store.js';
import { transcriptsArea } from './transcripts/transcripts-area.js';

export { DEFAULT_FEED_URL } from './feeds/feeds-area.js';

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
   * The one HTTP client for feeds, chapters files, transcripts and downloads (Electron: its net stack, for the
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
  // Aborted by close(): a quit must not wait for a feed server that never answers.
  const lifetime = new AbortController();
  const context: AppContext = {
    dataDir: options.dataDir,
    storeFactory: options.storeFactory,
    now,
    log,
    events,
    notices,
    open: (store) => {
      const opened = openStore(options.storeFactory, { ...store, cwd: options.dataDir }, now);
      if (opened.repairMessage) notices.add('warning', opened.repairMessage);
      return opened.store;
    },
    fetch: untilAborted(options.fetch ?? fetch, lifetime.signal),
    plainFetch: options.fetch,
  };

  // The areas, each with its share of the contract. Links between them are functions, called only
  // once every area exists (the library lists downloads and notes; downloads need the library).
  const library = libraryArea(
    context,
    {
      downloadOf: (id) => downloads.downloads.get(id),
      episodesWithNotes: () => notes.notes.episodeIds(),
      noteCount: (id) => notes.notes.list(id).length,
      chapterSourcesOf: (episode) => chapters.chapters.knownChapterSources(episode),
      onListening: (id) => downloads.policy.listening(id),
      onSettingsChanged: (patch: Partial<Settings>) => {
        if (patch.refreshIntervalMinutes !== undefined) feeds.reschedule();
        void downloads.policy.applyStorageRules();
      },
    },
    { listeningWrites: options.listeningWrites },
  );
  const downloads = downloadsArea(context, library);
  const localFile = (episodeId: string) => downloads.downloads.localFile(episodeId);
  const feeds = feedsArea(
    context,
    library,
    { removeDownload: (id) => downloads.downloads.remove(id) },
    {
      defaultFeedUrl: options.defaultFeedUrl,
      loadSnapshot: options.loadSnapshot,
      feedTimeoutMs: options.feedTimeoutMs,
      refreshTimers: options.refreshTimers,
      closing: lifetime.signal,
    },
  );
  const chapters = chaptersArea(context, library, { localFile });
  const transcripts = transcriptsArea(context, library);
  const notes = notesArea(context, library, chapters, localFile, transcripts);
  const directory = directoryHandlers({
    fetch: context.fetch,
    ...(options.directoryUrl !== undefined ? { endpoint: options.directoryUrl } : {}),
    ...(options.directoryTimeoutMs !== undefined ? { timeoutMs: options.directoryTimeoutMs } : {}),
    inLibrary: feeds.inLibrary,
  });

  const handlers = {
    listNotices: () => notices.list(),
    dismissNotice: ({ id }) => {
      notices.dismiss(id);
      return null;
    },
    ...library.handlers,
    ...feeds.handlers,
    ...downloads.handlers,
    ...chapters.handlers,
    ...transcripts.handlers,
    ...notes.handlers,
    ...directory,
  } satisfies Handlers;

  return {
    events,
    handlers,
    call: (method, input) => dispatch(handlers, method, input, log),
    start: async () => {
      feeds.start();
      await downloads.start();
      await feeds.subscribeFirstShow();
    },
    downloads: downloads.downloads,
    artwork: feeds.artwork,
    close: async () => {
      lifetime.abort();
      library.listening.close();
      await feeds.stop();
      await downloads.stop();
      await chapters.stop();
      await transcripts.stop();
      library.stop();
      unlock();
    },
    flush: () => library.flush(),
  };
}
