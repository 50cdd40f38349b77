/**
 * Reordering Up next: Move up / Move down, Alt+↑/↓ on an item, drag and drop, and Remove (focus stays
 * in the list). Every change is announced in words for the view's live region.
 */
import { useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import type { Queue } from './use-queue';

export function useUpNextOrder(queue: Queue) {
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string>();
  const [dropIndex, setDropIndex] = useState<number>();
  const listRef = useRef<HTMLOListElement>(null);
  const { items } = queue;

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

  const onDragStart = (event: DragEvent, episode: EpisodeWithState) => {
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', episode.id);
    setDragging(episode.id);
  };

  const onDragEnd = () => {
    setDragging(undefined);
    setDropIndex(undefined);
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

  /** The list left: no drop line. */
  const onListDragLeave = (event: DragEvent<HTMLOListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node)) setDropIndex(undefined);
  };

  /** The item's class for a drop line above it (or below the last one). */
  const dropClassAt = (index: number) =>
    dropIndex === index
      ? ' up-next__item--drop-before'
      : dropIndex === index + 1 && index === items.length - 1
        ? ' up-next__item--drop-after'
        : '';

  /** The list element (focus moves in it after Remove), and what the view and its items use. */
  return {
    listRef,
    order: {
      announcement,
      dragging,
      move,
      remove,
      onItemKey,
      onDragStart,
      onDragEnd,
      onDragOver,
      onDrop,
      onListDragLeave,
      dropClassAt,
    },
  };
}

export type UpNextOrder = ReturnType<typeof useUpNextOrder>['order'];
