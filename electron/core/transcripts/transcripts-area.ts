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
 * built from the cache at the first search, told of each transcript as it is cached).
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

  // The transcripts earlier runs cached are indexed when search is first used, not at start-up: reading
  // them back costs seconds of (sliced) work that a listener who never searches should not pay for.
  // New ones join as they are cached; the search box asks again when the build is done.
  let built: Promise<void> | undefined;
  const buildOnce = async () => {
    const ids = await transcripts.cachedEpisodeIds();
    await index.buildFrom(ids);
    if (ids.length > 0) events.emit('searchChanged', {});
  };
  const search = {
    search: (query: string, limit: number) => {
      built ??= buildOnce();
      return index.search(query, limit);
    },
  };

  const handlers = {
    getTranscript: ({ episodeId }) => transcripts.transcriptFor(catalogue.episodeOrThrow(episodeId)),
  } satisfies Partial<Handlers>;

  return {
    handlers,
    transcripts,
    /** Transcript words for the notes area's search. */
    index: search,
    stop: () => {
      index.close();
      return transcripts.close();
    },
  };
}

export type TranscriptsArea = ReturnType<typeof transcriptsArea>;
