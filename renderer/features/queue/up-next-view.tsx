/**
 * The "Up next" view: the queue in play order. Reorder by dragging an item (HTML5 drag and drop)
 * or from the keyboard, with the Move up / Move down buttons or Alt+↑/↓ anywhere on an item; every
 * move is announced in a live region ("… moved to 2 of 5").
 */
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';
import { Artwork, showArtwork } from '../../components/artwork';
import { ArrowIcon, BackIcon, CloseIcon, GripIcon, QueueIcon } from '../../components/icons';
import { inPlayerWords } from '../player/in-player-label';
import { usePlayerContext } from '../player/player-context';
import { useQueueContext } from './queue-context';
import './queue.css';

interface UpNextViewProps {
  feeds: Feed[];
  nowPlayingId?: string;
  onOpenEpisode: (id: string) => void;
  onPlay: (episode: EpisodeWithState) => void;
  onBack: () => void;
}

/** Where the player is in the loaded episode; the queue's copy of its state is only the last save. */
interface Live {
  position: number;
  /** 0 while unknown. */
  duration: number;
}

/** The episode's length and what is left of it (a played episode starts over); undefined without a length. */
function listening(episode: EpisodeWithState, live?: Live): { duration: number; left: number } | undefined {
  const duration = live && live.duration > 0 ? live.duration : episode.durationSeconds;
  if (!duration) return undefined;
  const position = live ? live.position : episode.state.played ? 0 : episode.state.position;
  return { duration, left: Math.max(0, duration - position) };
}

function timeLeft(episode: EpisodeWithState, live?: Live): string {
  const time = listening(episode, live);
  if (!time) return '';
  if (time.duration - time.left >= 1) return `${formatDuration(Math.max(60, time.left))} left`;
  return formatDuration(time.duration);
}

export function UpNextView({ feeds, nowPlayingId, onOpenEpisode, onPlay, onBack }: UpNextViewProps) {
  const queue = useQueueContext();
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string>();
  const [dropIndex, setDropIndex] = useState<number>();
  const listRef = useRef<HTMLOListElement>(null);
  const player = usePlayerContext();
  const { items } = queue;
  const liveFor = (episode: EpisodeWithState): Live | undefined =>
    episode.id === nowPlayingId ? { position: player.position, duration: player.duration } : undefined;
  const total = items.reduce((sum, item) => sum + (listening(item, liveFor(item))?.left ?? 0), 0);

  const move = (episode: EpisodeWithState, toIndex: number) => {
    const from = items.findIndex((item) => item.id === episode.id);
    const to = Math.max(0, Math.min(items.length - 1, toIndex));
    if (from === to || from < 0) {
      setAnnouncement(`${episode.title} is already ${to === 0 ? 'first' : 'last'}`);
      return;
    }
    void queue.move(episode.id, to);
    setAnnouncement(`${episode.title} moved to ${to + 1} of ${items.length}`);
  };

  const remove = (episode: EpisodeWithState, index: number) => {
    void queue.remove(episode.id);
    setAnnouncement(`${episode.title} removed from Up next`);
    // Keep focus in the list: on the next item's remove button, or the previous one's.
    const neighbour = items[index + 1] ?? items[index - 1];
    if (!neighbour) return;
    requestAnimationFrame(() => {
      const items = listRef.current?.querySelectorAll<HTMLElement>('[data-id]') ?? [];
      const item = [...items].find((element) => element.dataset.id === neighbour.id);
      item?.querySelector<HTMLElement>('.up-next__remove')?.focus();
    });
  };

  const onItemKey = (event: KeyboardEvent, episode: EpisodeWithState) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    // From the newest list, not this render's: a second quick press may come before the next render.
    const up = event.key === 'ArrowUp';
    const moved = queue.moveBy(episode.id, up ? -1 : 1);
    setAnnouncement(
      moved
        ? `${episode.title} moved to ${moved.to + 1} of ${moved.length}`
        : `${episode.title} is already ${up ? 'first' : 'last'}`,
    );
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    setDropIndex(index + (after ? 1 : 0));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    const episode = items.find((item) => item.id === dragging);
    if (episode && dropIndex !== undefined) {
      const from = items.indexOf(episode);
      move(episode, dropIndex > from ? dropIndex - 1 : dropIndex);
    }
    setDragging(undefined);
    setDropIndex(undefined);
  };

  const feedTitle = (feedId: string) => feeds.find((feed) => feed.id === feedId)?.title;
  const feedArt = (feedId: string) => showArtwork(feeds.find((feed) => feed.id === feedId));

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
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node)) setDropIndex(undefined);
              }}
            >
              {items.map((episode, index) => {
                const titleId = `up-next-title-${episode.id}`;
                const time = timeLeft(episode, liveFor(episode));
                const dropClass =
                  dropIndex === index
                    ? ' up-next__item--drop-before'
                    : dropIndex === index + 1 && index === items.length - 1
                      ? ' up-next__item--drop-after'
                      : '';
                return (
                  <li
                    key={episode.id}
                    data-id={episode.id}
                    className={`up-next__item${dragging === episode.id ? ' up-next__item--dragging' : ''}${dropClass}`}
                    draggable
                    onDragStart={(event) => {
                      event.dataTransfer.effectAllowed = 'move';
                      event.dataTransfer.setData('text/plain', episode.id);
                      setDragging(episode.id);
                    }}
                    onDragEnd={() => {
                      setDragging(undefined);
                      setDropIndex(undefined);
                    }}
                    onDragOver={(event) => onDragOver(event, index)}
                    onDrop={onDrop}
                    onKeyDown={(event) => onItemKey(event, episode)}
                  >
                    <span className="up-next__grip" aria-hidden="true">
                      <GripIcon />
                    </span>
                    <span className="up-next__number" aria-hidden="true">
                      {index + 1}
                    </span>
                    <Artwork
                      sources={[episode.artwork, ...feedArt(episode.feedId)]}
                      title={feedTitle(episode.feedId) ?? episode.title}
                      size="small"
                    />
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
                        {episode.id === nowPlayingId && (
                          <span className="episode-row__badge">
                            {inPlayerWords(player.playing, player.status === 'error', player.position > 0)}
                          </span>
                        )}
                        {feedTitle(episode.feedId) && (
                          <span className="up-next__show">{feedTitle(episode.feedId)}</span>
                        )}
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
                        onClick={() => move(episode, index - 1)}
                      >
                        <ArrowIcon direction="up" />
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button--small"
                        aria-label="Move down"
                        aria-describedby={titleId}
                        aria-disabled={index === items.length - 1}
                        title="Move down (Alt+↓)"
                        onClick={() => move(episode, index + 1)}
                      >
                        <ArrowIcon direction="down" />
                      </button>
                      <button
                        type="button"
                        className="icon-button icon-button--small up-next__remove"
                        aria-label="Remove from Up next"
                        aria-describedby={titleId}
                        title="Remove from Up next"
                        onClick={() => remove(episode, index)}
                      >
                        <CloseIcon />
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        )}
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
      </section>
    </main>
  );
}
