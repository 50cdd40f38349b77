/**
 * The library's quick filters, applied in the renderer to the episodes it already holds: the same
 * rules as the service's listEpisodes filters (every title word, case and accents ignored; state;
 * hide played; newest or oldest first), without a round trip per keystroke.
 */
import type { EpisodeStateFilter, EpisodeWithState } from '../../../shared/types';

export type SortOrder = 'newest' | 'oldest';

export interface EpisodeFilters {
  text: string;
  state: EpisodeStateFilter | 'all';
  sort: SortOrder;
  hidePlayed: boolean;
}

export const noFilters: EpisodeFilters = { text: '', state: 'all', sort: 'newest', hidePlayed: false };

/** Lower case, accents removed ("Café" → "cafe"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function inState(episode: EpisodeWithState, state: EpisodeFilters['state'], downloaded?: ReadonlySet<string>): boolean {
  switch (state) {
    case 'all':
      return true;
    case 'unplayed':
      return !episode.state.played;
    case 'in-progress':
      return !episode.state.played && episode.state.position > 0;
    case 'downloaded':
      return downloaded ? downloaded.has(episode.id) : episode.download?.state === 'completed';
    case 'has-notes':
      return episode.hasNotes;
  }
}

/**
 * Input newest first (the catalogue's order); output in the asked order, undated episodes last.
 * `downloaded`: the live set of completed downloads, fresher than each episode's own field.
 */
export function filterEpisodes(
  newestFirst: readonly EpisodeWithState[],
  filters: EpisodeFilters,
  downloaded?: ReadonlySet<string>,
): EpisodeWithState[] {
  const words = foldText(filters.text).split(/\s+/).filter(Boolean);
  const found = newestFirst.filter(
    (episode) =>
      !(filters.hidePlayed && episode.state.played) &&
      inState(episode, filters.state, downloaded) &&
      (words.length === 0 || words.every((word) => foldText(episode.title).includes(word))),
  );
  if (filters.sort !== 'oldest') return found;
  const dated = found.filter((episode) => episode.publishedAt !== undefined).reverse();
  return [...dated, ...found.filter((episode) => episode.publishedAt === undefined)];
}

export const stateChoices: { value: EpisodeFilters['state']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unplayed', label: 'Unplayed' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'downloaded', label: 'Downloaded' },
  { value: 'has-notes', label: 'Has notes' },
];
