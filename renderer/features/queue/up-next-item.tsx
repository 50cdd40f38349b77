/** One episode in Up next: grip, number, artwork, title (opens it), what is left, Play now, Move up/down, Remove. */
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { Artwork, showArtwork } from '../../components/artwork';
import { ArrowIcon, CloseIcon, GripIcon } from '../../components/icons';
import { inPlayerWords } from '../player/in-player-label';
import { usePlayerContext } from '../player/player-context';
import type { UpNextOrder } from './use-up-next-order';

interface UpNextItemProps {
  episode: EpisodeWithState;
  index: number;
  /** How many episodes are queued. */
  count: number;
  feed?: Feed;
  /** This episode is the one in the player. */
  nowPlaying: boolean;
  /** What is left to hear ("12 min left"), or its length. */
  time: string;
  order: UpNextOrder;
  onOpenEpisode: (id: string) => void;
  onPlay: (episode: EpisodeWithState) => void;
}

export function UpNextItem({
  episode,
  index,
  count,
  feed,
  nowPlaying,
  time,
  order,
  onOpenEpisode,
  onPlay,
}: UpNextItemProps) {
  const player = usePlayerContext();
  const titleId = `up-next-title-${episode.id}`;
  return (
    <li
      data-id={episode.id}
      className={`up-next__item${order.dragging === episode.id ? ' up-next__item--dragging' : ''}${order.dropClassAt(index)}`}
      draggable
      onDragStart={(event) => order.onDragStart(event, episode)}
      onDragEnd={order.onDragEnd}
      onDragOver={(event) => order.onDragOver(event, index)}
      onDrop={order.onDrop}
      onKeyDown={(event) => order.onItemKey(event, episode)}
    >
      <span className="up-next__grip" aria-hidden="true">
        <GripIcon />
      </span>
      <span className="up-next__number" aria-hidden="true">
        {index + 1}
      </span>
      <Artwork sources={[episode.artwork, ...showArtwork(feed)]} title={feed?.title ?? episode.title} size="small" />
      <div className="up-next__text">
        <button
          type="button"
          id={titleId}
          className="up-next__title"
          title={episode.title}
          onClick={() => onOpenEpisode(episode.id)}
        >
          {episode.title}
        </button>
        <p className="up-next__meta">
          {nowPlaying && (
            <span className="episode-row__badge">
              {inPlayerWords(player.playing, player.status === 'error', player.position > 0)}
            </span>
          )}
          {feed?.title && <span className="up-next__show">{feed.title}</span>}
          {time && <span>{time}</span>}
        </p>
      </div>
      <div className="up-next__actions">
        <button
          type="button"
          className="button button--small"
          aria-describedby={titleId}
          onClick={() => onPlay(episode)}
        >
          Play now
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Move up"
          aria-describedby={titleId}
          aria-disabled={index === 0}
          title="Move up (Alt+↑)"
          onClick={() => order.move(episode, index - 1)}
        >
          <ArrowIcon direction="up" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Move down"
          aria-describedby={titleId}
          aria-disabled={index === count - 1}
          title="Move down (Alt+↓)"
          onClick={() => order.move(episode, index + 1)}
        >
          <ArrowIcon direction="down" />
        </button>
        <button
          type="button"
          className="icon-button icon-button--small up-next__remove"
          aria-label="Remove from Up next"
          aria-describedby={titleId}
          title="Remove from Up next"
          onClick={() => order.remove(episode, index)}
        >
          <CloseIcon />
        </button>
      </div>
    </li>
  );
}
