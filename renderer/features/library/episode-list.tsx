/** The "Episodes" list, with its empty state. Rendering all rows is fine at a few thousand. */
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { EpisodeRow } from './episode-row';

interface EpisodeListProps {
  episodes: EpisodeWithState[];
  feeds: Feed[];
  nowPlayingId?: string;
  refreshing: boolean;
  onOpen: (id: string) => void;
}

export function EpisodeList({ episodes, feeds, nowPlayingId, refreshing, onOpen }: EpisodeListProps) {
  if (episodes.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">{refreshing ? 'Fetching episodes…' : 'No episodes yet'}</p>
        <p className="muted">
          {refreshing
            ? 'The first episodes will appear here in a moment.'
            : 'Refresh your feeds, or subscribe to a show with its feed URL.'}
        </p>
      </div>
    );
  }
  // With several shows, each row says which one it is from.
  const titles = feeds.length > 1 ? new Map(feeds.map((feed) => [feed.id, feed.title])) : undefined;
  return (
    <ul className="episode-list" aria-label="Episodes">
      {episodes.map((episode) => (
        <EpisodeRow
          key={episode.id}
          episode={episode}
          showTitle={titles?.get(episode.feedId)}
          nowPlaying={episode.id === nowPlayingId}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}
