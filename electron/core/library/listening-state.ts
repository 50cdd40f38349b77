import { z } from 'zod';
import type { EpisodeState } from '../../../shared/types.js';
import {
  lenientRecord,
  type KeyValueStore,
  type Migrations,
  type OnDropped,
  type StoreSpec,
  type Versioned,
} from '../store.js';

export interface ListeningStateData extends Versioned {
  states: Record<string, EpisodeState>;
  /** The episode whose position was saved last: where the app reopens. */
  lastEpisodeId?: string;
}

export const listeningStateDefaults: ListeningStateData = { schemaVersion: 1, states: {} };

const episodeStateSchema = z.looseObject({
  position: z.number().min(0).max(1e6),
  played: z.boolean(),
  updatedAt: z.string().max(40),
  playedAt: z.string().max(40).optional(),
});

/** The file's shape: an unreadable position is left out (that episode starts from 0), not the file. */
export const listeningStateShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    states: lenientRecord(episodeStateSchema, ['listening position', 'listening positions'], onDropped),
    lastEpisodeId: z
      .unknown()
      .transform((value) => {
        if (value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= 200)) return value;
        onDropped('the episode listened to last');
        return undefined;
      })
      .optional(),
  });

/** Migration N takes schema N to N+1 (store.ts); none yet. */
export const listeningStateMigrations: Migrations = {};

export const listeningStateStore: StoreSpec<ListeningStateData> = {
  name: 'listening-state',
  defaults: listeningStateDefaults,
  shape: listeningStateShape,
  migrations: listeningStateMigrations,
  label: 'where you stopped in each episode',
};

/** What an episode never listened to answers; its time is computed once (lists ask for thousands). */
const unplayed: EpisodeState = { position: 0, played: false, updatedAt: new Date(0).toISOString() };

/** Schedules fn after ms; returns a cancel function. Injected so tests control when writes happen. */
export type Schedule = (fn: () => void, ms: number) => () => void;

const realSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  // A pending write must not keep a process alive that is otherwise done; close() flushes it.
  timer.unref?.();
  return () => clearTimeout(timer);
};

export interface ListeningStateOptions {
  /** Writes within this window are coalesced into one (default 1000 ms). */
  writeDelayMs?: number;
  schedule?: Schedule;
}

/**
 * Position and played flag per episode, in their own store so saving a position never rewrites the
 * catalogue. The player saves every few seconds; writes are coalesced (conf rewrites and fsyncs the
 * whole file each time) and flushed at once when played changes and on close(), so a clean shutdown
 * loses nothing and a crash at most the last second.
 */
export class ListeningState {
  private readonly states: Map<string, EpisodeState>;
  private lastEpisodeId: string | undefined;
  private cancelWrite: (() => void) | undefined;
  private readonly writeDelayMs: number;
  private readonly schedule: Schedule;

  constructor(
    private readonly store: KeyValueStore<ListeningStateData>,
    options: ListeningStateOptions = {},
  ) {
    this.writeDelayMs = options.writeDelayMs ?? 1000;
    this.schedule = options.schedule ?? realSchedule;
    const data = store.store;
    this.states = new Map(Object.entries(data.states ?? {}));
    this.lastEpisodeId = data.lastEpisodeId;
  }

  get(episodeId: string): EpisodeState {
    return this.states.get(episodeId) ?? { ...unplayed };
  }

  /** Episodes with any saved state (for filters such as "in progress"). */
  has(episodeId: string): boolean {
    return this.states.has(episodeId);
  }

  lastEpisode(): string | undefined {
    return this.lastEpisodeId;
  }

  /**
   * Stores a state computed by the caller (shared/listening-rules.ts decides played and playedAt).
   * `listening` marks the episode as the one to reopen on the next start.
   */
  put(episodeId: string, next: EpisodeState, { listening = false }: { listening?: boolean } = {}): EpisodeState {
    const wasPlayed = this.states.get(episodeId)?.played ?? false;
    this.states.set(episodeId, next);
    if (listening) this.lastEpisodeId = episodeId;
    // Played / unplayed is a deliberate act (or the end of an episode): never leave it to a timer.
    if (wasPlayed !== next.played) this.flush();
    else this.scheduleWrite();
    return next;
  }

  /** Writes pending changes now. */
  flush(): void {
    this.cancelWrite?.();
    this.cancelWrite = undefined;
    this.store.store = {
      schemaVersion: listeningStateDefaults.schemaVersion,
      states: Object.fromEntries(this.states),
      ...(this.lastEpisodeId ? { lastEpisodeId: this.lastEpisodeId } : {}),
    };
  }

  /** Flushes; call on shutdown. */
  close(): void {
    if (this.cancelWrite) this.flush();
  }

  private scheduleWrite(): void {
    if (this.cancelWrite) return; // one write per window, carrying every change made in it
    this.cancelWrite = this.schedule(() => {
      this.cancelWrite = undefined;
      this.flush();
    }, this.writeDelayMs);
  }
}
