/**
 * What every section of the episode page is given. A new section is a component that takes
 * `{ page }` and returns its `<section className="episode-section">` (or nothing), plus one line in
 * `episode-view.tsx`.
 */
import type { Chapter, EpisodeWithState } from '../../../shared/types';
import type { EpisodeNotes } from '../notes/use-notes';

export interface EpisodePage {
  episode: EpisodeWithState;
  /** The episode's chapters (loaded with the page, so they are there as soon as it is). */
  chapters: Chapter[];
  notes: EpisodeNotes;
  /** This episode is the one in the player. */
  isLoaded: boolean;
  /** It can play now: it has audio, and is downloaded when the network is gone. */
  playable: boolean;
  /** Goes to a moment and plays, putting this episode in the player if needed. */
  jump: (seconds: number) => void;
}

export interface EpisodeSectionProps {
  page: EpisodePage;
}
