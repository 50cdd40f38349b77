import type { SyncResult } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { Handlers } from '../dispatch.js';
import type { LibraryArea } from '../library/library-area.js';
import { TranscriptService } from './transcript-service.js';

/** What the transcripts tell the other areas. */
export interface TranscriptsLinks {
  /** An episode's transcript was just cached (the search index reads it with cachedTranscript). */
  onCached?: (episodeId: string) => void;
}

/**
 * Transcripts (issue 14): each episode's <podcast:transcript>, the best one for the show's language
 * fetched once, parsed and kept on disk. The newest episodes' are fetched right after a sync, so they
 * are there offline; the notes area quotes them (cachedTranscript) and search indexes them.
 */
export function transcriptsArea(context: AppContext, library: LibraryArea, links: TranscriptsLinks = {}) {
  const { events } = context;
  const { catalogue } = library;
  const transcripts = new TranscriptService({
    dataDir: context.dataDir,
    fetch: context.fetch,
    now: context.now,
    warn: (message) => context.log(message),
    showLanguage: (feedId) => catalogue.feed(feedId)?.language,
    episode: (episodeId) => catalogue.episode(episodeId),
    episodes: () => catalogue.episodes(),
    onCached: (episodeId) => links.onCached?.(episodeId),
  });
  events.subscribe((event, payload) => {
    if (event === 'syncResult' && (payload as SyncResult).ok) {
      void transcripts.prefetch(catalogue.episodes((payload as SyncResult).feedId));
    }
  });

  const handlers = {
    getTranscript: ({ episodeId }) => transcripts.transcriptFor(catalogue.episodeOrThrow(episodeId)),
  } satisfies Partial<Handlers>;

  return { handlers, transcripts, stop: () => transcripts.close() };
}

export type TranscriptsArea = ReturnType<typeof transcriptsArea>;
