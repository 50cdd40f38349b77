/** What the player engine shows (`PlayerState`), does (`PlayerActions`) and needs from the page. */
import type { EpisodeState, EpisodeWithState } from '../../../shared/types';
import type { SaveState } from './position-saver';

export type PlayerStatus = 'idle' | 'loading' | 'ready' | 'ended' | 'error';

/** A snapshot: never changed in place; a new object whenever anything in it changed. */
export interface PlayerState {
  readonly episode?: EpisodeWithState;
  readonly status: PlayerStatus;
  /** The listener asked to play (audio may still be loading). Drives the Play/Pause name. */
  readonly playing: boolean;
  /** Seconds. */
  readonly position: number;
  /** Seconds; from the audio once loaded, from the feed before. 0 when unknown. */
  readonly duration: number;
  readonly rate: number;
  /** 0–1. */
  readonly volume: number;
  readonly muted: boolean;
  /** Why playback failed, in words. */
  readonly error?: string;
}

export interface PlayerActions {
  /**
   * Loads an episode (resuming where the listener left off, or at `at` seconds) and optionally
   * starts it. For the episode already loaded it only seeks (when `at` is given) and plays.
   */
  load(episode: EpisodeWithState, options?: { autoplay?: boolean; at?: number }): void;
  play(): void;
  pause(): void;
  toggle(): void;
  seek(seconds: number): void;
  skip(deltaSeconds: number): void;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /** The precise playback time now (the `position` state lags by up to one tick). */
  now(): number;
}

/** Completed downloads; before `ready`, an episode's own `download` field decides. */
export interface Downloaded {
  ready: boolean;
  ids: ReadonlySet<string>;
}

/** What the engine needs from the page, passed in so it runs (and is tested) anywhere. */
export interface PlayerEnvironment {
  saveState: SaveState;
  /** The URL of a completed download. */
  mediaUrl(episodeId: string): string;
  /** Where volume and mute are kept: this window's preference, like a system mixer. */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  offline?(): boolean;
}

export interface PlayerCallbacks {
  /** Listening state was saved, so lists can show it without reloading. */
  onStateSaved?: (episodeId: string, state: EpisodeState) => void;
  /** The audio reached its end (after the end was saved): auto-advance and the sleep timer hook in here. */
  onEnded?: (episode: EpisodeWithState) => void;
}

/** Whether the episode plays from its completed download. */
export function hasLocalFile(known: Downloaded | undefined, episode: EpisodeWithState): boolean {
  if (!known) return false;
  return known.ready ? known.ids.has(episode.id) : episode.download?.state === 'completed';
}
