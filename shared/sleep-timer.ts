/**
 * The sleep timer: stop playback after N minutes, at the end of the episode, or at the end of the
 * chapter. Pure (the clock is injected) so the renderer runs it and tests drive it without waiting.
 * The player feeds it ticks; the timer answers whether to stop.
 */

export type SleepMode = { kind: 'minutes'; minutes: number } | { kind: 'end-of-episode' } | { kind: 'end-of-chapter' };

/** A custom length the listener types: whole minutes, one to ten hours. */
export const customSleepMinutes = { min: 1, max: 600 } as const;

/** The minutes typed into the custom length box, or undefined when they are not a whole number in range. */
export function parseSleepMinutes(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return minutes >= customSleepMinutes.min && minutes <= customSleepMinutes.max ? minutes : undefined;
}

/** What the player knows at a moment: positions in media seconds. */
export interface PlaybackSnapshot {
  position: number;
  durationSeconds?: number;
  /** Where the chapter playing now ends (the next chapter's start, or the episode's end). */
  chapterEnd?: number;
  /** Playback speed; media seconds pass this much faster than wall-clock seconds. */
  rate?: number;
}

export interface SleepTimerStatus {
  mode: SleepMode | null;
  /** Wall-clock seconds until playback stops; absent when it cannot be known (no duration, no chapters). */
  remainingSeconds?: number;
}

export interface SleepTimer {
  start(mode: SleepMode): void;
  cancel(): void;
  /** Adds minutes to a minutes timer (no-op for the other modes: their end is fixed by the audio). */
  extend(minutes: number): void;
  /** Minutes count down only while playing, as in AntennaPod: pausing to answer the door keeps them. */
  setPlaying(playing: boolean): void;
  /** Call on every time update; true means stop now (the timer then switches off). */
  tick(playback: PlaybackSnapshot): boolean;
  /** Call when an episode ends; true means stop instead of playing the next one (the timer switches off). */
  episodeEnded(): boolean;
  status(playback?: PlaybackSnapshot): SleepTimerStatus;
}

/** A jump larger than this between two ticks is a seek, not playback crossing a chapter boundary. */
const SEEK_JUMP_SECONDS = 5;

export function createSleepTimer({ now }: { now: () => number }): SleepTimer {
  let mode: SleepMode | null = null;
  /** Minutes mode: milliseconds left, and since when they are counting down (undefined while paused). */
  let leftMs = 0;
  let countingSince: number | undefined;
  let playing = false;
  /** End-of-chapter mode: the previous tick, to see playback (not a seek) cross the chapter's end. */
  let last: { position: number; chapterEnd?: number } | undefined;

  const msLeft = () => leftMs - (countingSince === undefined ? 0 : now() - countingSince);
  const off = () => {
    mode = null;
    countingSince = undefined;
    last = undefined;
  };

  return {
    start(next) {
      mode = next.kind === 'minutes' ? { kind: 'minutes', minutes: next.minutes } : next;
      leftMs = next.kind === 'minutes' ? next.minutes * 60_000 : 0;
      countingSince = next.kind === 'minutes' && playing ? now() : undefined;
      last = undefined;
    },
    cancel: off,
    extend(minutes) {
      if (mode?.kind === 'minutes') leftMs += minutes * 60_000;
    },
    setPlaying(next) {
      if (next === playing) return;
      playing = next;
      if (mode?.kind !== 'minutes') return;
      if (playing) countingSince = now();
      else {
        leftMs = msLeft();
        countingSince = undefined;
      }
    },
    tick(playback) {
      if (mode?.kind === 'minutes') {
        if (msLeft() > 0) return false;
        off();
        return true;
      }
      if (mode?.kind === 'end-of-chapter') {
        const previous = last;
        last = { position: playback.position, chapterEnd: playback.chapterEnd };
        const end = previous?.chapterEnd;
        const crossed =
          previous !== undefined &&
          end !== undefined &&
          previous.position < end &&
          playback.position >= end &&
          playback.position - previous.position <= SEEK_JUMP_SECONDS * (playback.rate ?? 1);
        if (!crossed) return false;
        off();
        return true;
      }
      return false;
    },
    episodeEnded() {
      // The episode's end is also the end of its last chapter.
      if (mode?.kind !== 'end-of-episode' && mode?.kind !== 'end-of-chapter') return false;
      off();
      return true;
    },
    status(playback) {
      if (!mode) return { mode: null };
      if (mode.kind === 'minutes') return { mode, remainingSeconds: Math.max(0, msLeft()) / 1000 };
      const end = mode.kind === 'end-of-episode' ? playback?.durationSeconds : playback?.chapterEnd;
      if (!playback || end === undefined) return { mode };
      return { mode, remainingSeconds: Math.max(0, end - playback.position) / (playback.rate ?? 1) };
    },
  };
}
