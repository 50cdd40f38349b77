import type { EpisodeWithState } from '../../../shared/types.js';
import { EarmarkError, type Handlers } from '../dispatch.js';
import type { EventBus } from '../events.js';
import type { Catalogue } from './catalogue.js';
import type { Queue } from './queue.js';

export interface QueueHandlerDeps {
  queue: Queue;
  catalogue: Catalogue;
  events: EventBus;
  withState: (episode: NonNullable<ReturnType<Catalogue['episode']>>) => EpisodeWithState;
}

/** The "Up next" area of the contract; every change is also announced as queueChanged. */
export function queueHandlers({ queue, catalogue, events, withState }: QueueHandlerDeps) {
  const listed = (): EpisodeWithState[] =>
    queue.list().flatMap((id) => {
      const episode = catalogue.episode(id);
      return episode ? [withState(episode)] : [];
    });
  const after = (changed: boolean) => {
    if (changed) events.emit('queueChanged', { episodeIds: queue.list() });
    return listed();
  };

  return {
    getQueue: listed,
    addToQueue: ({ episodeId, position }) => {
      catalogue.episodeOrThrow(episodeId);
      return after(queue.add(episodeId, position ?? 'end'));
    },
    removeFromQueue: ({ episodeId }) => after(queue.remove(episodeId)),
    moveInQueue: ({ episodeId, toIndex }) => {
      if (!queue.has(episodeId)) throw new EarmarkError('not-found', 'That episode is not in the queue.');
      return after(queue.move(episodeId, toIndex));
    },
    advanceQueue: ({ finishedEpisodeId }) => {
      const before = queue.list().length;
      // Skip ids whose episode left the library meanwhile; the queue is pruned on libraryChanged anyway.
      let nextId = queue.next(finishedEpisodeId);
      while (nextId !== undefined && !catalogue.episode(nextId)) nextId = queue.next();
      if (queue.list().length !== before) events.emit('queueChanged', { episodeIds: queue.list() });
      const episode = nextId === undefined ? undefined : catalogue.episode(nextId);
      return episode ? withState(episode) : null;
    },
  } satisfies Partial<Handlers>;
}
