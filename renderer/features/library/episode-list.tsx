/**
 * The "Episodes" list, virtualized against the window's scroll: only the rows near the viewport
 * are in the DOM, and only their pages are asked of the service (useEpisodeWindow), so 50,000
 * episodes paint like 50. A row whose page has not arrived shows as a quiet placeholder. Each row is a listitem with aria-setsize/posinset so
 * screen readers still hear "12 of 3,000". Keyboard: one row title is in the Tab order (roving
 * tabindex); ↑/↓, Page Up/Down, Home and End move between rows, scrolling the list to the row.
 * The focused row is always rendered, even scrolled away, so Tab returns to it. A row's own
 * buttons share its Tab stop: Tab walks the active row's title and buttons, the arrows leave it.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Feed } from '../../../shared/types';
import { useOnline } from '../../lib/use-online';
import { useDownloads } from '../downloads/downloads-context';
import { usePlayerContext } from '../player/player-context';
import { EpisodeRow, type EpisodeRowActions, type PlayEpisode } from './episode-row';
import type { EpisodeWindow } from './use-episode-window';
import { ESTIMATED_ROW_PX, useEpisodeVirtualizer, useScrollMargin } from './use-episode-virtualizer';

interface EpisodeListProps {
  episodes: EpisodeWindow;
  feeds: Feed[];
  nowPlayingId?: string;
  refreshing: boolean;
  onOpen: (id: string) => void;
  actions: EpisodeRowActions;
  queuedIds: ReadonlySet<string>;
  /** Filters are on: the empty state says so instead of "No episodes yet". */
  filtered?: boolean;
}

const PAGE_ROWS = 8;

export function EpisodeList(props: EpisodeListProps) {
  const { episodes, refreshing, filtered } = props;
  if (episodes.total === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state__title">
          {filtered ? 'No episodes match' : refreshing ? 'Fetching episodes…' : 'No episodes yet'}
        </p>
        <p className="muted">
          {filtered
            ? 'Try other words, or show all episodes.'
            : refreshing
              ? 'The first episodes will appear here in a moment.'
              : 'Refresh your feeds, or subscribe to a show with its feed URL.'}
        </p>
      </div>
    );
  }
  return <VirtualEpisodeList {...props} />;
}

function VirtualEpisodeList({ episodes, feeds, nowPlayingId, onOpen, actions, queuedIds }: EpisodeListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const count = episodes.total;
  const activeIndex = Math.min(active, count - 1);
  const scrollMargin = useScrollMargin(listRef);
  const focusAfterRender = useRef<number | undefined>(undefined);

  const online = useOnline();
  const { completedIds } = useDownloads();

  const { player, onPlay } = usePlayEpisode();
  const virtualizer = useEpisodeVirtualizer(count, scrollMargin, activeIndex);

  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === undefined) return;
    const button = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .episode-row__title`);
    if (button) {
      focusAfterRender.current = undefined;
      button.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    focusAfterRender.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: count - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  // With several shows, each row says which one it is from.
  const titles = feeds.length > 1 ? new Map(feeds.map((feed) => [feed.id, feed.title])) : undefined;
  const items = virtualizer.getVirtualItems();
  const { show, at } = episodes;
  // The rows in view (and the focused one, which the range always holds) have their pages asked
  // for; again whenever a new snapshot arrives (`at` changes), which may lack a page scrolled to since.
  const rowsKey = items.map((item) => item.index).join(',');
  useEffect(() => show(rowsKey.split(',').map(Number)), [show, rowsKey, at]);
  return (
    <ul
      ref={listRef}
      className="episode-list"
      aria-label="Episodes"
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (row) setActive(Number(row.dataset.index));
      }}
    >
      {items.map((item) => {
        const episode = episodes.at(item.index);
        if (!episode) {
          return (
            <PendingRow
              key={`pending-${item.index}`}
              index={item.index}
              setSize={count}
              offset={item.start - scrollMargin}
            />
          );
        }
        return (
          <EpisodeRow
            key={episode.id}
            ref={virtualizer.measureElement}
            index={item.index}
            setSize={count}
            offset={item.start - scrollMargin}
            tabbable={item.index === activeIndex}
            episode={episode}
            showTitle={titles?.get(episode.feedId)}
            nowPlaying={episode.id === nowPlayingId}
            playing={episode.id === nowPlayingId && player.playing}
            failed={episode.id === nowPlayingId && player.status === 'error'}
            started={episode.id === nowPlayingId && player.position > 0}
            unavailableOffline={!online && !completedIds.has(episode.id)}
            queued={queuedIds.has(episode.id)}
            onPlay={onPlay}
            onOpen={onOpen}
            actions={actions}
          />
        );
      })}
    </ul>
  );
}

/**
 * Play and pause from a row. The player changes every tick; rows get one stable callback and
 * re-render only for `playing`.
 */
function usePlayEpisode() {
  const player = usePlayerContext();
  const playerRef = useRef(player);
  useEffect(() => {
    playerRef.current = player;
  });
  const onPlay = useCallback<PlayEpisode>((episode, play) => {
    if (play) playerRef.current.load(episode, { autoplay: true });
    else playerRef.current.pause();
  }, []);
  return { player, onPlay };
}

/** A row whose page has not arrived. Not measured: it keeps the estimated height until the real row replaces it. */
function PendingRow({ index, setSize, offset }: { index: number; setSize: number; offset: number }) {
  return (
    <li
      data-index={index}
      className="episode-row episode-row--pending"
      aria-setsize={setSize}
      aria-posinset={index + 1}
      aria-busy="true"
      aria-label="Loading episode"
      style={{ transform: `translateY(${offset}px)`, height: ESTIMATED_ROW_PX }}
    >
      <div className="loading-row" />
    </li>
  );
}
