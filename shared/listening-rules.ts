/**
 * Where playback resumes and when an episode counts as played. Pure, so the services (which save the
 * state) and the renderer (which seeks on open) apply the same rules.
 */
import type { EpisodeState } from './types.js';

/** Closer than this to the end counts as finished: outros and ads are rarely worth resuming into. */
export const END_MARGIN_SECONDS = 15;
/** A position this early is a false start; resuming 3 s in helps nobody. */
export const MIN_RESUME_SECONDS = 5;

/** The episode has reached its end, or its last END_MARGIN_SECONDS. False when the duration is unknown. */
export function isAtEnd(position: number, durationSeconds: number | undefined): boolean {
  return durationSeconds !== undefined && durationSeconds > 0 && position >= durationSeconds - END_MARGIN_SECONDS;
}

/** Where to start playing: the saved position, or 0 when the episode is played, finished or barely begun. */
export function resumePosition(
  state: Pick<EpisodeState, 'position' | 'played'>,
  durationSeconds: number | undefined,
): number {
  if (state.played || state.position < MIN_RESUME_SECONDS || isAtEnd(state.position, durationSeconds)) return 0;
  return state.position;
}

export interface StatePatch {
  position?: number;
  played?: boolean;
  /** The player reached the end of the audio (its "ended" event). */
  ended?: boolean;
}

export interface SaveContext {
  durationSeconds: number | undefined;
  markPlayedAtEnd: boolean;
  /** ISO time of the save. */
  now: string;
}

/**
 * The state after a save: applies the patch, marks the episode played at its end when the setting
 * says so, and keeps playedAt in step with played. An explicit `played: false` always wins, so
 * "mark unplayed" is never undone by the same save.
 */
export function nextEpisodeState(previous: EpisodeState, patch: StatePatch, context: SaveContext): EpisodeState {
  const position = patch.position ?? previous.position;
  let played = patch.played ?? previous.played;
  if (patch.played === undefined && !played && context.markPlayedAtEnd) {
    played = patch.ended === true || (patch.position !== undefined && isAtEnd(position, context.durationSeconds));
  }
  const next: EpisodeState = { position, played, updatedAt: context.now };
  if (played) next.playedAt = previous.played && previous.playedAt ? previous.playedAt : context.now;
  return next;
}
