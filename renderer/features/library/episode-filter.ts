/**
 * The library's quick filters. The service applies them (listEpisodes / countEpisodes: every title
 * word, case and accents ignored; state; hide played; newest or oldest first); the renderer only
 * holds the choices and asks for the page of rows it shows.
 */
import type { EpisodeStateFilter } from '../../../shared/types';

export type SortOrder = 'newest' | 'oldest';

export interface EpisodeFilters {
  text: string;
  state: EpisodeStateFilter | 'all';
  sort: SortOrder;
  hidePlayed: boolean;
}

export const noFilters: EpisodeFilters = { text: '', state: 'all', sort: 'newest', hidePlayed: false };

export const stateChoices: { value: EpisodeFilters['state']; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unplayed', label: 'Unplayed' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'downloaded', label: 'Downloaded' },
  { value: 'has-notes', label: 'Has notes' },
];
