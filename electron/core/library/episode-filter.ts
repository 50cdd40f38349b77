import type { Episode, EpisodeStateFilter } from '../../../shared/types.js';
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

/** What a query asks of an episode beyond the catalogue: looked up per episode, not built into objects. */
export interface EpisodeFacts {
  played: boolean;
  position: number;
  downloaded: boolean;
  hasNotes: boolean;
}

/**
 * The episodes matching a query, in its order. Input is newest first (the catalogue's order).
 * `factsOf` is asked only for the filters that need it, so a 100,000-episode library is filtered
 * without making an object per episode; the caller adds listening state to the page it returns.
 */
export function filterEpisodes<E extends Episode>(
  newestFirst: readonly E[],
  query: EpisodeQuery,
  factsOf: (episode: E) => EpisodeFacts,
): E[] {
  const { words } = queryTerms(query.text ?? '');
  const needsFacts = query.hidePlayed || query.state !== undefined;
  const matches = (episode: E): boolean => {
    if (query.feedId !== undefined && episode.feedId !== query.feedId) return false;
    if (needsFacts) {
      const facts = factsOf(episode);
      if (query.hidePlayed && facts.played) return false;
      if (query.state && !inState(facts, query.state)) return false;
    }
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

function inState(facts: EpisodeFacts, state: EpisodeStateFilter): boolean {
  switch (state) {
    case 'unplayed':
      return !facts.played;
    case 'in-progress':
      return !facts.played && facts.position > 0;
    case 'downloaded':
      return facts.downloaded;
    case 'has-notes':
      return facts.hasNotes;
  }
}
