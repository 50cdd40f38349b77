import type { Episode, EpisodeStateFilter } from '../../../shared/types.js';
import { normalizeText, queryTerms } from '../notes/search-text.js';

export interface EpisodeQuery {
  feedId?: string;
  /** Every word must appear in the title, the show notes or a chapter title (case and accents ignored). */
  text?: string;
  state?: EpisodeStateFilter;
  /** Leave out played episodes (the hidePlayed setting), on top of `state`. */
  hidePlayed?: boolean;
  sort?: 'newest' | 'oldest';
  /** Only these episodes. */
  ids?: readonly string[];
}

/** What a query asks of an episode beyond the catalogue: looked up per episode, not built into objects. */
export interface EpisodeFacts {
  played: boolean;
  position: number;
  downloaded: boolean;
  hasNotes: boolean;
}

// Folding 50,000 titles on every keystroke of the library's filter took longer than the answer may;
// the catalogue keeps its episode objects until they change, so each title is folded once.
const folded = new WeakMap<Episode, string>();
function foldedTitle(episode: Episode): string {
  let title = folded.get(episode);
  if (title === undefined) {
    title = normalizeText(episode.title);
    folded.set(episode, title);
  }
  return title;
}

/** The query's words (folded) that the episode's title lacks; [] when the title has them all. */
export function wordsNotInTitle(episode: Episode, words: readonly string[]): string[] {
  const title = foldedTitle(episode);
  return words.filter((word) => !title.includes(word));
}

/** Whether an episode has every word of a query (folded, as queryTerms gives them). */
export type WordsMatcher<E> = (episode: E, words: readonly string[]) => boolean;

const inTitle: WordsMatcher<Episode> = (episode, words) => wordsNotInTitle(episode, words).length === 0;

/**
 * The episodes matching a query, in its order. Input is newest first (the catalogue's order).
 * `factsOf` is asked only for the filters that need it, so a 100,000-episode library is filtered
 * without making an object per episode; the caller adds listening state to the page it returns.
 */
export function filterEpisodes<E extends Episode>(
  newestFirst: readonly E[],
  query: EpisodeQuery,
  factsOf: (episode: E) => EpisodeFacts,
  /** Where words are looked for: the title by default; the app adds show notes and chapters (library-texts.ts). */
  hasWords: WordsMatcher<E> = inTitle,
): readonly E[] {
  const { words } = queryTerms(query.text ?? '');
  const needsFacts = query.hidePlayed || query.state !== undefined;
  const only = query.ids && new Set(query.ids);
  const matches = (episode: E): boolean => {
    if (query.feedId !== undefined && episode.feedId !== query.feedId) return false;
    if (only && !only.has(episode.id)) return false;
    if (needsFacts) {
      const facts = factsOf(episode);
      if (query.hidePlayed && facts.played) return false;
      if (query.state && !inState(facts, query.state)) return false;
    }
    return words.length === 0 || hasWords(episode, words);
  };
  const filtering = query.feedId !== undefined || only || needsFacts || words.length > 0;
  // No filter (the library's first paint): the catalogue's own list, without copying 50,000 entries.
  const found = filtering ? newestFirst.filter(matches) : newestFirst;
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
