/** The episode page's chapter list, the current one marked while this episode is in the player. */
import { ChapterList } from '../chapters/chapter-list';
import { chapterIndexAt } from '../chapters/chapter-math';
import { usePlayerContext } from '../player/player-context';
import type { EpisodeSectionProps } from './episode-page';

export function ChaptersSection({ page: { chapters, notes, isLoaded, jump } }: EpisodeSectionProps) {
  const player = usePlayerContext();
  if (chapters.length === 0) return null;
  return (
    <section className="episode-section" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading" className="section-heading">
        Chapters <span className="section-heading__count">{chapters.length}</span>
      </h2>
      <ChapterList
        chapters={chapters}
        notes={notes.notes}
        currentIndex={isLoaded ? chapterIndexAt(chapters, player.position) : -1}
        onJump={jump}
      />
    </section>
  );
}
