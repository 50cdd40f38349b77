/** The episode page's show notes; their timestamps play from that moment when the episode can play. */
import type { EpisodeSectionProps } from './episode-page';
import { ShowNotes } from './show-notes';

export function ShowNotesSection({ page: { episode, playable, jump } }: EpisodeSectionProps) {
  return (
    <section className="episode-section episode-notes" aria-labelledby="show-notes-heading">
      <h2 id="show-notes-heading" className="section-heading">
        Show notes
      </h2>
      <ShowNotes
        html={episode.showNotesHtml}
        {...(playable && { onPlayFrom: jump })}
        durationSeconds={episode.durationSeconds}
      />
    </section>
  );
}
