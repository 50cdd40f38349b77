import type { ChapterMark } from '../../../shared/note-groups.js';
import type { Download, Episode, EpisodeWithState, Settings } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { Handlers } from '../dispatch.js';
import { Catalogue } from './catalogue.js';
import { episodeHandlers } from './episode-handlers.js';
import { libraryTexts } from './library-texts.js';
import { ListeningState, listeningStateStore, type Schedule } from './listening-state.js';
import { Queue, queueStore } from './queue.js';
import { queueHandlers } from './queue-handlers.js';
import { SettingsService, settingsStore } from './settings.js';

/** What the library asks of the other areas; called only after every area exists. */
export interface LibraryLinks {
  downloadOf: (episodeId: string) => Download | undefined;
  /** Episode ids with at least one note. */
  episodesWithNotes: () => Iterable<string>;
  noteCount: (episodeId: string) => number;
  /** Chapter lists known in memory beyond the show notes, as stable arrays (for the filter). */
  chapterSourcesOf: (episode: Episode) => readonly (readonly Pick<ChapterMark, 'title'>[])[];
  /** The listener saved a position: the episode is in use. */
  onListening: (episodeId: string) => void;
  /** Settings changed (refresh interval, storage rules…). */
  onSettingsChanged: (patch: Partial<Settings>) => void;
}

export interface LibraryOptions {
  /** Delay for coalesced listening-state writes (tests control when they happen). */
  listeningWrites?: { delayMs?: number; schedule?: Schedule };
}

/**
 * The library: shows and episodes (catalogue), where the listener is in each (listening state), Up
 * next, the settings, and the words the filter and search look at. Tidies what hangs on a show
 * when it is unsubscribed.
 */
export function libraryArea(context: AppContext, links: LibraryLinks, options: LibraryOptions = {}) {
  const { events, now } = context;
  const catalogue = new Catalogue({
    dataDir: context.dataDir,
    storeFactory: context.storeFactory,
    now,
    onRepair: (message) => context.notices.add('warning', message),
  });
  const listening = new ListeningState(context.open(listeningStateStore), {
    writeDelayMs: options.listeningWrites?.delayMs,
    schedule: options.listeningWrites?.schedule,
  });
  const queue = new Queue(context.open(queueStore));
  const settings = new SettingsService(context.open(settingsStore));
  const texts = libraryTexts({ catalogue, events, chapterSourcesOf: (episode) => links.chapterSourcesOf(episode) });
  const queueChanged = () => events.emit('queueChanged', { episodeIds: queue.list() });
  events.subscribe((event) => {
    // Episodes can leave the library (unsubscribe, the snapshot replaced by the live feed).
    if (event === 'libraryChanged' && queue.retain((id) => catalogue.episode(id) !== undefined)) queueChanged();
  });

  const episodesWithNotes = () => new Set(links.episodesWithNotes());
  const withState = (episode: Episode, noted?: Set<string>): EpisodeWithState => {
    const hasNotes = noted ? noted.has(episode.id) : links.noteCount(episode.id) > 0;
    const listed: EpisodeWithState = { ...episode, state: listening.get(episode.id), hasNotes };
    const download = links.downloadOf(episode.id);
    if (download) listed.download = download;
    return listed;
  };

  const handlers = {
    getSettings: () => settings.get(),
    updateSettings: (patch) => {
      const updated = settings.update(patch as Partial<Settings>);
      links.onSettingsChanged(patch as Partial<Settings>);
      return updated;
    },
    ...episodeHandlers({
      catalogue,
      listening,
      settings: () => settings.get(),
      withState,
      episodesWithNotes,
      isDownloaded: (id) => links.downloadOf(id)?.state === 'completed',
      now,
      onListening: (id) => links.onListening(id),
      // Played is done with: like Pocket Casts, it leaves Up next (an ending episode is taken off by advanceQueue too).
      onPlayed: (id) => {
        if (queue.remove(id)) queueChanged();
      },
      hasWords: texts.hasWords,
    }),
    ...queueHandlers({ queue, catalogue, events, withState: (episode) => withState(episode) }),
  } satisfies Partial<Handlers>;

  return {
    handlers,
    catalogue,
    listening,
    settings,
    texts: texts.texts,
    /** What hangs on a show besides its episodes (per-show settings); Up next follows libraryChanged. */
    forgetShow(feedId: string): void {
      const { autoDownloadFeedIds, speedByFeed } = settings.get();
      if (autoDownloadFeedIds.includes(feedId) || feedId in speedByFeed) {
        const { [feedId]: _dropped, ...rest } = speedByFeed;
        settings.update({ autoDownloadFeedIds: autoDownloadFeedIds.filter((id) => id !== feedId), speedByFeed: rest });
      }
    },
    stop: () => {
      listening.close();
      catalogue.flush();
    },
    flush: () => {
      catalogue.flush();
      listening.close();
    },
  };
}

export type LibraryArea = ReturnType<typeof libraryArea>;
