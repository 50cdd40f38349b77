/**
 * "Up next": the queued episodes in play order, kept fresh by queueChanged (another window, an
 * unsubscribe, auto-advance). Every change answers with the new queue, which is taken as the truth.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { api, errorText } from '../../api';

export interface Queue {
  items: EpisodeWithState[];
  ids: ReadonlySet<string>;
  add: (episodeId: string, position?: 'next' | 'end') => Promise<void>;
  remove: (episodeId: string) => Promise<void>;
  move: (episodeId: string, toIndex: number) => Promise<void>;
  /**
   * Moves an episode up (-1) or down (+1) from where it is now, counted on the newest list (also one
   * shown a moment ago and not rendered yet: two quick Alt+↑ are two moves). Undefined at either end.
   */
  moveBy: (episodeId: string, delta: number) => { to: number; length: number } | undefined;
  /** Takes the next episode off the queue after `finishedEpisodeId` ended (null when empty). */
  advance: (finishedEpisodeId?: string) => Promise<EpisodeWithState | null>;
}

export function useQueue(onError: (message: string) => void): Queue {
  const [items, setItems] = useState<EpisodeWithState[]>([]);
  const latest = useRef<EpisodeWithState[]>([]);
  const showList = useCallback((list: EpisodeWithState[]) => {
    latest.current = list;
    setItems(list);
  }, []);
  // Answers can overtake each other: a reload started by one move's queueChanged may land after the
  // answer to the next move and put the first move's order back (two quick Alt+↑ moved once). Each
  // request takes a number; an answer older than the one shown is dropped.
  const asked = useRef(0);
  const shown = useRef(0);
  const show = useCallback(
    (seq: number, queue: EpisodeWithState[]) => {
      if (seq < shown.current) return;
      shown.current = seq;
      showList(queue);
    },
    [showList],
  );

  // Requests go one at a time, in the order asked: two in flight can reach the server in either order
  // (two quick Alt+↑ on a loaded machine moved once), and a reload asked for after a change must see it.
  const requests = useRef<Promise<unknown>>(Promise.resolve());
  const inOrder = useCallback(<T>(call: () => Promise<T>): Promise<T> => {
    const answer = requests.current.then(call);
    requests.current = answer.catch(() => undefined);
    return answer;
  }, []);

  useEffect(() => {
    let live = true;
    const reload = () => {
      const seq = ++asked.current;
      return inOrder(() => api.getQueue({}))
        .then((queue) => live && show(seq, queue))
        .catch((error: unknown) => console.warn('Could not load Up next', error));
    };
    const off = api.on('queueChanged', () => void reload());
    void reload();
    return () => {
      live = false;
      off();
    };
  }, [show, inOrder]);

  const run = useCallback(
    async (what: string, call: () => Promise<EpisodeWithState[]>) => {
      const seq = ++asked.current;
      try {
        show(seq, await inOrder(call));
      } catch (error) {
        onError(`Couldn't ${what}: ${errorText(error)}`);
      }
    },
    [onError, show, inOrder],
  );

  const add = useCallback(
    (episodeId: string, position: 'next' | 'end' = 'end') =>
      run('add to Up next', () => api.addToQueue({ episodeId, position })),
    [run],
  );
  const remove = useCallback(
    (episodeId: string) => run('remove from Up next', () => api.removeFromQueue({ episodeId })),
    [run],
  );
  const move = useCallback(
    (episodeId: string, toIndex: number) => {
      // Show the move at once; the answer confirms it. Answers to anything asked before are older than this.
      shown.current = asked.current;
      showList(moveItem(latest.current, episodeId, toIndex));
      return run('reorder Up next', () => api.moveInQueue({ episodeId, toIndex }));
    },
    [run, showList],
  );
  const moveBy = useCallback(
    (episodeId: string, delta: number) => {
      const list = latest.current;
      const from = list.findIndex((item) => item.id === episodeId);
      const to = Math.max(0, Math.min(list.length - 1, from + delta));
      if (from < 0 || to === from) return undefined;
      void move(episodeId, to);
      return { to, length: list.length };
    },
    [move],
  );
  const advance = useCallback(
    async (finishedEpisodeId?: string) => {
      const next = await inOrder(() => api.advanceQueue(finishedEpisodeId ? { finishedEpisodeId } : {}));
      const seq = ++asked.current;
      show(seq, await inOrder(() => api.getQueue({})));
      return next;
    },
    [show, inOrder],
  );

  const ids = useMemo(() => new Set(items.map((item) => item.id)), [items]);
  return useMemo(
    () => ({ items, ids, add, remove, move, moveBy, advance }),
    [items, ids, add, remove, move, moveBy, advance],
  );
}

/** The list with one item moved to an index (clamped), as the service does it. */
export function moveItem<T extends { id: string }>(list: readonly T[], id: string, toIndex: number): T[] {
  const from = list.findIndex((item) => item.id === id);
  if (from < 0) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(next.length, toIndex)), 0, item!);
  return next;
}
