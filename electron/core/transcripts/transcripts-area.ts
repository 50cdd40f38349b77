import type { SyncResult } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { Handlers } from '../dispatch.js';
import type { LibraryArea } from '../library/library-area.js';
import { TranscriptIndex } from './transcript-index.js';
import { TranscriptService } from './transcript-service.js';

/**
 * Transcripts (issue 14): each episode's <podcast:transcript>, the best one for the show's language
 * fetched once, parsed and kept on disk. The newest episodes' are fetched right after a sync, so they
 * are there offline; the notes area quotes them (cachedTranscript) and searches their words (index:
 * built from the cache at start, told of each transcript as it is cached).
 */
export function transcriptsArea(context: AppContext, library: LibraryArea) {
  const { events } = context;
  const { catalogue } = library;
  const index = new TranscriptIndex({
    load: (episodeId) => transcripts.cachedTranscript(episodeId),
    // Transcripts a search had no time to read are in memory now: the search box asks again.
    onWarm: () => events.emit('searchChanged', {}),
  });
  const transcripts = new TranscriptService({
    dataDir: context.dataDir,
    fetch: context.fetch,
    now: context.now,
    warn: (message) => context.log(message),
    showLanguage: (feedId) => catalogue.feed(feedId)?.language,
    episode: (episodeId) => catalogue.episode(episodeId),
    episodes: () => catalogue.episodes(),
    onCached: (episodeId, transcript) => void index.add(episodeId, transcript),
  });
  events.subscribe((event, payload) => {
    if (event === 'syncResult' && (payload as SyncResult).ok) {
      void transcripts.prefetch(catalogue.episodes((payload as SyncResult).feedId));
    }
  });

  const handlers = {
    getTranscript: ({ episodeId }) => transcripts.transcriptFor(catalogue.episodeOrThrow(episodeId)),
  } satisfies Partial<Handlers>;

  return {
    handlers,
    transcripts,
    index,
    /** Indexes what earlier runs cached, in the background (search finds more as it goes). */
    start: async () => index.buildFrom(await transcripts.cachedEpisodeIds()),
    stop: () => {
      index.close();
      return transcripts.close();
    },
  };
}

export type TranscriptsArea = ReturnType<typeof transcriptsArea>;
