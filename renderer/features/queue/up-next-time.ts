/** What is left to hear of a queued episode, and of the whole queue. */
import type { EpisodeWithState } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';

/** Where the player is in the loaded episode; the queue's copy of its state is only the last save. */
export interface Live {
  position: number;
  /** 0 while unknown. */
  duration: number;
}

/** The episode's length and what is left of it (a played episode starts over); undefined without a length. */
export function listening(episode: EpisodeWithState, live?: Live): { duration: number; left: number } | undefined {
  const duration = live && live.duration > 0 ? live.duration : episode.durationSeconds;
  if (!duration) return undefined;
  const position = live ? live.position : episode.state.played ? 0 : episode.state.position;
  return { duration, left: Math.max(0, duration - position) };
}

export function timeLeft(episode: EpisodeWithState, live?: Live): string {
  const time = listening(episode, live);
  if (!time) return '';
  if (time.duration - time.left >= 1) return `${formatDuration(Math.max(60, time.left))} left`;
  return formatDuration(time.duration);
}
