import { nextEpisodeState } from '../../../shared/listening-rules.js';
import type { Episode, EpisodeWithState, Settings } from '../../../shared/types.js';
import type { Handlers } from '../dispatch.js';
import type { Catalogue } from './catalogue.js';
import { filterEpisodes, type EpisodeQuery, type WordsMatcher } from './episode-filter.js';
import type { ListeningState } from './listening-state.js';

export interface EpisodeHandlerDeps {
  catalogue: Catalogue;
  listening: ListeningState;
  settings: () => Settings;
  /** Adds listening state, download and hasNotes; `hasNotes` is the set of episodes with notes when known. */
  withState: (episode: Episode, hasNotes?: Set<string>) => EpisodeWithState;
  /** Episode ids with at least one note, computed once per list. */
  episodesWithNotes: () => Set<string>;
  /** Whether an episode's download is complete (for the "downloaded" filter). */
  isDownloaded: (episodeId: string) => boolean;
  now: () => Date;
  /** The listener saved a position: the episode is in use (storage rules spare it). */
  onListening: (episodeId: string) => void;
  /** The episode became played (it leaves Up next). */
  onPlayed: (episodeId: string) => void;
  /** Where the filter's words are looked for (default: titles). */
  hasWords?: WordsMatcher<Episode>;
}

/** Episodes as lists see them, listening state saves and the session to reopen. */
export function episodeHandlers(deps: EpisodeHandlerDeps) {
  const { catalogue, listening, withState } = deps;
  const episodeOrThrow = (id: string) => catalogue.episodeOrThrow(id);
  /** The matching episodes, without their state yet (a big library is filtered, then paged). */
  const matching = (query: EpisodeQuery, noted: Set<string>) =>
    filterEpisodes(
      catalogue.episodes(query.feedId),
      query,
      (episode) => {
        const state = listening.get(episode.id);
        return {
          played: state.played,
          position: state.position,
          downloaded: deps.isDownloaded(episode.id),
          hasNotes: noted.has(episode.id),
        };
      },
      deps.hasWords,
    );

  return {
    listEpisodes: ({ offset = 0, limit, ...query }) => {
      const noted = deps.episodesWithNotes();
      const found = matching(query, noted);
      const page =
        offset === 0 && limit === undefined
          ? found
          : found.slice(offset, limit === undefined ? undefined : offset + limit);
      return page.map((episode) => withState(episode, noted));
    },
    countEpisodes: (query) => matching(query, deps.episodesWithNotes()).length,
    getEpisode: ({ id }) => withState(episodeOrThrow(id)),
    setEpisodeState: ({ id, position, played, ended }) => {
      const episode = episodeOrThrow(id);
      const before = listening.get(id);
      const next = nextEpisodeState(
        before,
        { position, played, ended },
        {
          durationSeconds: episode.durationSeconds,
          markPlayedAtEnd: deps.settings().markPlayedAtEnd,
          now: deps.now().toISOString(),
        },
      );
      // Only the player saves positions; "mark played" from a list must not change what reopens.
      const isPlaying = position !== undefined || ended === true;
      if (isPlaying) deps.onListening(id);
      const saved = listening.put(id, next, { listening: isPlaying });
      if (saved.played && !before.played) deps.onPlayed(id);
      return saved;
    },
    getSession: () => {
      const id = listening.lastEpisode();
      const episode = id === undefined ? undefined : catalogue.episode(id);
      return { lastEpisode: episode ? withState(episode) : null };
    },
  } satisfies Partial<Handlers>;
}
