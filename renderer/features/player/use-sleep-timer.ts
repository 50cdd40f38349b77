/**
 * Runs the shared sleep timer (shared/sleep-timer.ts) against the player: it counts down only
 * while playing, gets a tick on every position update, and pauses the player when it says so.
 * The end-of-episode case is answered by `episodeEnded`, which the shell asks before auto-advance.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createSleepTimer, type SleepMode, type SleepTimerStatus } from '../../../shared/sleep-timer';
import type { Chapter } from '../../../shared/types';
import type { Player } from './use-player';

export interface SleepTimerControl {
  status: SleepTimerStatus;
  start: (mode: SleepMode) => void;
  cancel: () => void;
  extend: (minutes: number) => void;
  /** Call when an episode ends: true means stop (do not play the next one). */
  episodeEnded: () => boolean;
}

/**
 * Where the chapter playing at `position` ends: the next chapter's start, its own end, or the episode's.
 * The exact boundary, not chapterIndexAt's: that one counts the last 0.3 s before a chapter as the
 * chapter (for clicks), so the end rolled over to the next chapter's a tick before playback crossed
 * it, and "End of chapter" never stopped.
 */
export function chapterEndAt(chapters: readonly Chapter[], position: number, duration: number): number | undefined {
  if (chapters.length === 0) return undefined;
  const index = chapters.findLastIndex((chapter) => chapter.start <= position);
  if (index < 0) return chapters[0]?.start;
  const chapter = chapters[index]!;
  return chapters[index + 1]?.start ?? chapter.end ?? (duration > 0 ? duration : undefined);
}

export function useSleepTimer(
  player: Pick<Player, 'playing' | 'position' | 'duration' | 'rate' | 'pause'>,
  chapters: readonly Chapter[],
  onStopped?: (message: string) => void,
  now: () => number = Date.now,
): SleepTimerControl {
  const timer = useMemo(() => createSleepTimer({ now }), [now]);
  const [mode, setMode] = useState<SleepMode | null>(null);
  // Re-render once a second while a minutes timer runs, so the remaining time moves even when paused ticks stop.
  const [, setClock] = useState(0);
  const { playing, position, duration, rate, pause } = player;

  useEffect(() => timer.setPlaying(playing), [timer, playing]);

  const snapshot = {
    position,
    durationSeconds: duration > 0 ? duration : undefined,
    chapterEnd: chapterEndAt(chapters, position, duration),
    rate,
  };

  const snapshotRef = useRef(snapshot);
  const stoppedRef = useRef(onStopped);
  useEffect(() => {
    snapshotRef.current = snapshot;
    stoppedRef.current = onStopped;
  });

  // While a timer runs and audio plays: check it four times a second (the chapter end needs
  // playback ticks; the minutes need the clock), and move the remaining time on screen.
  useEffect(() => {
    if (!mode || !playing) return;
    const interval = window.setInterval(() => {
      setClock((value) => value + 1);
      if (timer.tick(snapshotRef.current)) {
        pause();
        setMode(null);
        stoppedRef.current?.('Sleep timer: playback paused');
      }
    }, 250);
    return () => window.clearInterval(interval);
  }, [timer, mode, playing, pause]);

  const start = useCallback(
    (next: SleepMode) => {
      timer.start(next);
      setMode(next);
    },
    [timer],
  );
  const cancel = useCallback(() => {
    timer.cancel();
    setMode(null);
  }, [timer]);
  const extend = useCallback(
    (minutes: number) => {
      timer.extend(minutes);
      setClock((value) => value + 1);
    },
    [timer],
  );
  const episodeEnded = useCallback(() => {
    const stop = timer.episodeEnded();
    if (stop) setMode(null);
    return stop;
  }, [timer]);

  return { status: timer.status(snapshot), start, cancel, extend, episodeEnded };
}

/** "14:05", "1:02:03" — remaining time, rounded up to the second. */
export function formatRemaining(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The timer in words, for the button's description and the menu. */
export function describeSleep(status: SleepTimerStatus): string {
  if (!status.mode) return 'Sleep timer off';
  const left = status.remainingSeconds !== undefined ? ` (${formatRemaining(status.remainingSeconds)} left)` : '';
  if (status.mode.kind === 'minutes') return `Playback stops in ${formatRemaining(status.remainingSeconds ?? 0)}`;
  if (status.mode.kind === 'end-of-episode') return `Playback stops at the end of the episode${left}`;
  return `Playback stops at the end of the chapter${left}`;
}
