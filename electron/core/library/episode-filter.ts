import type { EpisodeStateFilter, EpisodeWithState } from '../../../shared/types.js';
import { normalizeText, queryTerms } from '../notes/search-text.js';

export interface EpisodeQuery {
  feedId?: string;
  /** Every word must appear in the title (case and accents ignored). */
  text?: string;
  state?: EpisodeStateFilter;
  /** Leave out played episodes (the hidePlayed setting), on top of `state`. */
  hidePlayed?: boolean;
  sort?: 'newest' | 'oldest';
}

/** The episodes matching a query, in its order. Input is newest first (the catalogue's order). */
export function filterEpisodes(newestFirst: EpisodeWithState[], query: EpisodeQuery): EpisodeWithState[] {
  const { words } = queryTerms(query.text ?? '');
  const matches = (episode: EpisodeWithState): boolean => {
    if (query.feedId !== undefined && episode.feedId !== query.feedId) return false;
    if (query.hidePlayed && episode.state.played) return false;
    if (query.state && !inState(episode, query.state)) return false;
    if (words.length === 0) return true;
    const title = normalizeText(episode.title);
    return words.every((word) => title.includes(word));
  };
  const found = newestFirst.filter(matches);
  if (query.sort !== 'oldest') return found;
  // Oldest first, undated episodes still last: they are usually the odd trailer, not the oldest.
  const dated = found.filter((e) => e.publishedAt !== undefined).reverse();
  return [...dated, ...found.filter((e) => e.publishedAt === undefined)];
}

function inState(episode: EpisodeWithState, state: EpisodeStateFilter): boolean {
  switch (state) {
    case 'unplayed':
      return !episode.state.played;
    case 'in-progress':
      return !episode.state.played && episode.state.position > 0;
    case 'downloaded':
      return episode.download?.state === 'completed';
    case 'has-notes':
      return episode.hasNotes;
  }
}
