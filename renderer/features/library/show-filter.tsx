/** With more than one show: chips to list every show's episodes or one show's. */
import type { Feed } from '../../../shared/types';

interface ShowFilterProps {
  feeds: Feed[];
  /** The show chosen; none: every show. */
  selected?: Feed;
  onChoose: (feedId: string | undefined) => void;
}

export function ShowFilter({ feeds, selected, onChoose }: ShowFilterProps) {
  if (feeds.length <= 1) return null;
  return (
    <div className="feed-filter" role="group" aria-label="Shows">
      <button type="button" className="chip" aria-pressed={!selected} onClick={() => onChoose(undefined)}>
        All shows
      </button>
      {feeds.map((feed) => (
        <button
          key={feed.id}
          type="button"
          className="chip"
          aria-pressed={selected?.id === feed.id}
          onClick={() => onChoose(feed.id)}
        >
          {feed.title || feed.url}
        </button>
      ))}
    </div>
  );
}
