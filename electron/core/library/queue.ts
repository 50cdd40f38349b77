import { z } from 'zod';
import {
  lenientArray,
  type KeyValueStore,
  type Migrations,
  type OnDropped,
  type StoreSpec,
  type Versioned,
} from '../store.js';

export interface QueueData extends Versioned {
  /** Episode ids in play order: what plays after the current episode. */
  queue: string[];
}

export const queueDefaults: QueueData = { schemaVersion: 1, queue: [] };

/** The file's shape: Up next is a list of episode ids. */
export const queueShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    queue: lenientArray(z.string().min(1).max(200), ['episode in Up next', 'episodes in Up next'], onDropped),
  });

/** Migration N takes schema N to N+1 (store.ts); none yet. */
export const queueMigrations: Migrations = {};

export const queueStore: StoreSpec<QueueData> = {
  name: 'queue',
  defaults: queueDefaults,
  shape: queueShape,
  migrations: queueMigrations,
  label: 'Up next',
};

/** Where an added episode goes: right after the current one, or last. */
export type QueuePosition = 'next' | 'end';

/**
 * "Up next": the episodes to play after the current one, in their own small store (it changes on
 * every add, drag and auto-advance, and must not rewrite the catalogue). Every change returns
 * whether the order changed, so the caller emits queueChanged only when it did.
 */
export class Queue {
  private ids: string[];

  constructor(private readonly store: KeyValueStore<QueueData>) {
    // A hand-edited or older file could hold an id twice; the first one wins.
    this.ids = [...new Set(store.get('queue'))];
  }

  list(): string[] {
    return [...this.ids];
  }

  has(episodeId: string): boolean {
    return this.ids.includes(episodeId);
  }

  /** Adds an episode, or moves it there when it is already queued. */
  add(episodeId: string, position: QueuePosition = 'end'): boolean {
    const rest = this.ids.filter((id) => id !== episodeId);
    return this.set(position === 'next' ? [episodeId, ...rest] : [...rest, episodeId]);
  }

  remove(episodeId: string): boolean {
    return this.set(this.ids.filter((id) => id !== episodeId));
  }

  /** Moves an episode to an index of the queue (clamped to its ends); false when it is not queued. */
  move(episodeId: string, toIndex: number): boolean {
    if (!this.has(episodeId)) return false;
    const rest = this.ids.filter((id) => id !== episodeId);
    const index = Math.max(0, Math.min(rest.length, Math.trunc(toIndex)));
    return this.set([...rest.slice(0, index), episodeId, ...rest.slice(index)]);
  }

  /** Keyboard reordering: one place up (-1) or down (+1); stays put at either end. */
  moveBy(episodeId: string, delta: -1 | 1): boolean {
    const index = this.ids.indexOf(episodeId);
    return index >= 0 && this.move(episodeId, index + delta);
  }

  /**
   * Auto-advance: drops the episode that just finished (it may have been played from the queue)
   * and takes the first queued one off the queue, because it is now playing. undefined when empty.
   */
  next(finishedEpisodeId?: string): string | undefined {
    const [first, ...rest] = this.ids.filter((id) => id !== finishedEpisodeId);
    this.set(rest);
    return first;
  }

  /** Keeps only episodes that still exist (the library dropped some, e.g. on unsubscribe). */
  retain(exists: (episodeId: string) => boolean): boolean {
    return this.set(this.ids.filter(exists));
  }

  private set(next: string[]): boolean {
    if (next.length === this.ids.length && next.every((id, i) => id === this.ids[i])) return false;
    this.ids = next;
    this.store.set('queue', next);
    return true;
  }
}
