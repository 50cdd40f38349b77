import { dropUndefined } from '../objects.js';
import type { EpisodeState } from '../../../shared/types.js';
import type { KeyValueStore, Versioned } from '../store.js';

export interface ListeningStateData extends Versioned {
  states: Record<string, EpisodeState>;
}

export const listeningStateDefaults: ListeningStateData = { schemaVersion: 1, states: {} };

const unplayed: Omit<EpisodeState, 'updatedAt'> = { position: 0, played: false };

/** Position and played flag per episode, in their own store so saving a position never rewrites the catalogue. */
export class ListeningState {
  private readonly states: Map<string, EpisodeState>;

  constructor(
    private readonly store: KeyValueStore<ListeningStateData>,
    private readonly now: () => Date,
  ) {
    this.states = new Map(Object.entries(store.get('states')));
  }

  get(episodeId: string): EpisodeState {
    return this.states.get(episodeId) ?? { ...unplayed, updatedAt: new Date(0).toISOString() };
  }

  update(episodeId: string, patch: { position?: number; played?: boolean }): EpisodeState {
    const next: EpisodeState = { ...this.get(episodeId), ...dropUndefined(patch), updatedAt: this.now().toISOString() };
    this.states.set(episodeId, next);
    this.store.set('states', Object.fromEntries(this.states));
    return next;
  }
}
