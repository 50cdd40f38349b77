/**
 * The "Up next" view: the queue in play order. Reorder by dragging an item (HTML5 drag and drop)
 * or from the keyboard, with the Move up / Move down buttons or Alt+↑/↓ anywhere on an item; every
 * move is announced in a live region ("… moved to 2 of 5").
 */
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';
import { BackIcon, QueueIcon } from '../../components/icons';
import { usePlayerContext } from '../player/player-context';
import { useQueueContext } from './queue-context';
import { UpNextItem } from './up-next-item';
import { listening, timeLeft, type Live } from './up-next-time';
import { useUpNextOrder } from './use-up-next-order';
import './queue.css';

interface UpNextViewProps {
  feeds: Feed[];
  nowPlayingId?: string;
  onOpenEpisode: (id: string) => void;
  onPlay: (episode: EpisodeWithState) => void;
  onBack: () => void;
}

export function UpNextView({ feeds, nowPlayingId, onOpenEpisode, onPlay, onBack }: UpNextViewProps) {
  const queue = useQueueContext();
  const { listRef, order } = useUpNextOrder(queue);
  const player = usePlayerContext();
  const { items } = queue;
  const liveFor = (episode: EpisodeWithState): Live | undefined =>
    episode.id === nowPlayingId ? { position: player.position, duration: player.duration } : undefined;
  const total = items.reduce((sum, item) => sum + (listening(item, liveFor(item))?.left ?? 0), 0);

  return (
    <main className="up-next-view">
      <button type="button" className="button button--quiet back-button" onClick={onBack}>
        <BackIcon />
        Back to library
      </button>
      <section className="up-next" aria-labelledby="up-next-heading">
        <header className="up-next__header">
          <h1 id="up-next-heading" tabIndex={-1}>
            Up next
          </h1>
          <p className="muted">
            {items.length === 0
              ? 'Nothing queued'
              : `${items.length} ${items.length === 1 ? 'episode' : 'episodes'}${total > 0 ? ` · ${formatDuration(total)} in total` : ''}`}
          </p>
        </header>
        {items.length === 0 ? (
          <div className="empty-state">
            <QueueIcon className="icon empty-state__icon" />
            <p className="empty-state__title">Your queue is empty</p>
            <p className="muted">
              Use “Add to Up next” on an episode in the library, or “Play next” on an episode’s page. When an episode
              ends, the first one here starts by itself.
            </p>
          </div>
        ) : (
          <>
            <p className="up-next__hint muted" id="up-next-hint">
              Drag to reorder, or press Alt+↑ / Alt+↓ on an item.
            </p>
            <ol
              ref={listRef}
              className="up-next__list"
              aria-label="Up next"
              aria-describedby="up-next-hint"
              onDragLeave={order.onListDragLeave}
            >
              {items.map((episode, index) => (
                <UpNextItem
                  key={episode.id}
                  episode={episode}
                  index={index}
                  count={items.length}
                  feed={feeds.find((feed) => feed.id === episode.feedId)}
                  nowPlaying={episode.id === nowPlayingId}
                  time={timeLeft(episode, liveFor(episode))}
                  order={order}
                  onOpenEpisode={onOpenEpisode}
                  onPlay={onPlay}
                />
              ))}
            </ol>
          </>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {order.announcement}
        </p>
      </section>
    </main>
  );
}
