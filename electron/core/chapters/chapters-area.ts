import type { Download, SyncResult } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { Handlers } from '../dispatch.js';
import type { LibraryArea } from '../library/library-area.js';
import { ChapterService } from './chapter-service.js';

/** What the chapters ask of the other areas. */
export interface ChaptersLinks {
  /** The finished file of an episode's download, else undefined. */
  localFile: (episodeId: string) => string | undefined;
}

/**
 * Chapters from every source: files fetched right after a sync (so they are there offline), Podlove
 * in the feed, the audio's own (read from the download, or from the web with Range) and show notes.
 */
export function chaptersArea(context: AppContext, library: LibraryArea, links: ChaptersLinks) {
  const { events } = context;
  const { catalogue } = library;
  const chapters = new ChapterService({
    dataDir: context.dataDir,
    fetch: context.fetch,
    now: context.now,
    warn: (message) => context.log(message),
    onChanged: (episodeId) => events.emit('chaptersChanged', { episodeId }),
  });
  /** A download that completed or went away changes where embedded chapters come from. */
  const downloadedChaptersChanged = (episodeId: string) => {
    const episode = catalogue.episode(episodeId);
    if (!episode) return;
    // Reading the new file first puts its chapters in the cache (and search) before the page asks.
    void chapters
      .chaptersFor(episode, links.localFile(episodeId), { readRemote: false })
      .then(() => events.emit('chaptersChanged', { episodeId }));
  };
  events.subscribe((event, payload) => {
    if (event === 'syncResult' && (payload as SyncResult).ok) {
      // Chapters files are fetched right after a sync, so they are there before playback and offline.
      void chapters.prefetch(catalogue.episodes((payload as SyncResult).feedId));
    }
    if (event === 'downloadChanged' && (payload as Download).state === 'completed') {
      downloadedChaptersChanged((payload as Download).episodeId);
    }
    if (event === 'downloadRemoved') downloadedChaptersChanged((payload as { episodeId: string }).episodeId);
  });
  void chapters.loadCache();

  const handlers = {
    getChapters: ({ episodeId }) =>
      chapters.chaptersFor(catalogue.episodeOrThrow(episodeId), links.localFile(episodeId)),
  } satisfies Partial<Handlers>;

  return { handlers, chapters, stop: () => chapters.close() };
}

export type ChaptersArea = ReturnType<typeof chaptersArea>;
