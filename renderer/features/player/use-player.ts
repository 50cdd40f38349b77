/**
 * The player: one Howl at a time, streamed with html5 audio (Web Audio would decode a whole
 * two-hour episode into memory), plus saving where the listener is. Components read `PlayerState`
 * and call the actions; nothing else touches howler. Later features (chapters, notes) only need
 * `position`, `duration` and `seek`.
 *
 * Source: an episode whose download is complete plays from disk (mediaUrl), never the network.
 * When a download completes or is removed while its episode is loaded, the source changes at the
 * same position: at once if the audio is not playing; while it plays, a new download waits for the
 * next natural break (pause, end, or a seek, which re-buffers anyway) so the listener hears no
 * gap, but a removed file is switched away from at once, since the stream would break on its next
 * Range request.
 */
import { Howl } from 'howler';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { resumePosition } from '../../../shared/listening-rules';
import type { EpisodeState, EpisodeWithState } from '../../../shared/types';
import { api, mediaUrl } from '../../api';
import { audioFormat, loadErrorText, loadFailureText } from './audio-format';

export type PlayerStatus = 'idle' | 'loading' | 'ready' | 'ended' | 'error';

export interface PlayerState {
  episode?: EpisodeWithState;
  status: PlayerStatus;
  /** The listener asked to play (audio may still be loading). Drives the Play/Pause name. */
  playing: boolean;
  /** Seconds. */
  position: number;
  /** Seconds; from the audio once loaded, from the feed before. 0 when unknown. */
  duration: number;
  rate: number;
  /** 0–1. */
  volume: number;
  muted: boolean;
  /** Why playback failed, in words. */
  error?: string;
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

export type Player = PlayerState & PlayerActions;

interface Options {
  defaultRate: number;
  /** Called after listening state was saved, so lists can show it without reloading. */
  onStateSaved?: (episodeId: string, state: EpisodeState) => void;
  /** Completed downloads; before `ready`, an episode's own `download` field decides. */
  downloaded?: { ready: boolean; ids: ReadonlySet<string> };
  /** The audio reached its end (after the end was saved): auto-advance and the sleep timer hook in here. */
  onEnded?: (episode: EpisodeWithState) => void;
}

const TICK_MS = 250;
const SAVE_EVERY_MS = 5000;
const VOLUME_KEY = 'earmark.volume';

/** Volume and mute are this window's preference (like a system mixer), kept in localStorage. */
function savedVolume(): { volume: number; muted: boolean } {
  try {
    const saved = JSON.parse(localStorage.getItem(VOLUME_KEY) ?? 'null') as { volume?: unknown; muted?: unknown };
    const volume = typeof saved?.volume === 'number' && saved.volume >= 0 && saved.volume <= 1 ? saved.volume : 1;
    return { volume, muted: saved?.muted === true };
  } catch {
    return { volume: 1, muted: false };
  }
}

const initial: PlayerState = {
  status: 'idle',
  playing: false,
  position: 0,
  duration: 0,
  rate: 1,
  volume: 1,
  muted: false,
};

/**
 * The audio element's own MediaError.message, which howler does not pass on (only the code). Read
 * from howler's internal sound list, so it is optional: without it the code alone decides.
 */
function mediaErrorMessage(howl: Howl): string | undefined {
  const sounds = (howl as unknown as { _sounds?: { _node?: { error?: { message?: unknown } | null } }[] })._sounds;
  const message = sounds?.[0]?._node?.error?.message;
  return typeof message === 'string' ? message : undefined;
}

function hasLocalFile(known: Options['downloaded'], episode: EpisodeWithState): boolean {
  if (!known) return false;
  return known.ready ? known.ids.has(episode.id) : episode.download?.state === 'completed';
}

export function usePlayer({ defaultRate, onStateSaved, downloaded, onEnded }: Options): Player {
  const [state, setState] = useState<PlayerState>(() => ({ ...initial, rate: defaultRate, ...savedVolume() }));
  const onEndedRef = useRef(onEnded);
  const howlRef = useRef<Howl | null>(null);
  const soundIdRef = useRef<number | undefined>(undefined);
  const stateRef = useRef(state);
  const savedRef = useRef({ position: -1, at: 0 });
  const saveTimerRef = useRef<number | undefined>(undefined);
  const onSavedRef = useRef(onStateSaved);
  const downloadedRef = useRef(downloaded);
  /** The listener played or seeked since the episode was loaded: only then is there a position to flush. */
  const movedRef = useRef(false);
  /** Where the current Howl reads from: the downloaded file or the enclosure URL. */
  const localRef = useRef(false);

  useEffect(() => {
    stateRef.current = state;
    onSavedRef.current = onStateSaved;
    downloadedRef.current = downloaded;
    onEndedRef.current = onEnded;
  });

  const isLocal = useCallback((episode: EpisodeWithState) => hasLocalFile(downloadedRef.current, episode), []);

  const update = useCallback((patch: Partial<PlayerState>) => {
    stateRef.current = { ...stateRef.current, ...patch };
    setState(stateRef.current);
  }, []);

  const currentTime = useCallback((): number => {
    // Before the audio has loaded, a seek is only queued and the element still says 0.
    if (stateRef.current.status === 'loading' && !stateRef.current.playing) return stateRef.current.position;
    const value = howlRef.current?.seek();
    return typeof value === 'number' && Number.isFinite(value) ? value : stateRef.current.position;
  }, []);

  /** Saves the position (and played flag) unless nothing changed; never throws. */
  const save = useCallback((episode: EpisodeWithState | undefined, position: number, played?: boolean) => {
    window.clearTimeout(saveTimerRef.current);
    if (!episode) return;
    const rounded = Math.round(position * 10) / 10;
    if (played === undefined && Math.abs(rounded - savedRef.current.position) < 0.5) return;
    savedRef.current = { position: rounded, at: Date.now() };
    api
      .setEpisodeState(
        played === undefined ? { id: episode.id, position: rounded } : { id: episode.id, position, played },
      )
      .then((saved) => onSavedRef.current?.(episode.id, saved))
      .catch((error: unknown) => console.warn('Could not save listening position', error));
  }, []);

  /** After a seek, save once the listener stops skipping around, not on every click. */
  const saveSoon = useCallback(() => {
    window.clearTimeout(saveTimerRef.current);
    saveTimerRef.current = window.setTimeout(() => save(stateRef.current.episode, currentTime()), 1000);
  }, [save, currentTime]);

  const unloadHowl = useCallback(() => {
    howlRef.current?.unload();
    howlRef.current = null;
    soundIdRef.current = undefined;
  }, []);

  /** A Howl for the episode from its best source (the downloaded file when complete), at `start`. */
  const createHowl = useCallback(
    (episode: EpisodeWithState, start: number): Howl => {
      const local = isLocal(episode);
      const remote = episode.enclosure?.url ?? '';
      const howl = new Howl({
        src: [local ? mediaUrl(episode.id) : remote],
        html5: true,
        // The local URL has no extension: the format always comes from the enclosure.
        format: [audioFormat(remote, episode.enclosure?.type)],
        rate: stateRef.current.rate,
        volume: stateRef.current.volume,
        mute: stateRef.current.muted,
        onload: () => {
          if (howlRef.current !== howl) return;
          const duration = howl.duration();
          update({
            status: stateRef.current.status === 'loading' ? 'ready' : stateRef.current.status,
            duration: duration > 0 && Number.isFinite(duration) ? duration : stateRef.current.duration,
          });
        },
        onloaderror: (_id, detail) => {
          if (howlRef.current !== howl) return;
          update({
            status: 'error',
            playing: false,
            error: loadFailureText(detail, {
              local,
              offline: navigator.onLine === false,
              mediaMessage: mediaErrorMessage(howl),
            }),
          });
        },
        onplayerror: (_id, detail) => {
          if (howlRef.current !== howl) return;
          // Usually autoplay rules: the browser wants a user gesture. Howler retries on 'unlock'.
          update({
            playing: false,
            error: `Couldn't start playback: ${loadErrorText(detail)}. Press Play to try again.`,
          });
          howl.once('unlock', () => {
            if (howlRef.current === howl && stateRef.current.playing) howl.play(soundIdRef.current);
          });
        },
        onplay: () => {
          if (howlRef.current === howl) update({ playing: true, status: 'ready', error: undefined });
        },
        onend: () => {
          if (howlRef.current !== howl) return;
          const duration = howl.duration() || stateRef.current.duration;
          update({ status: 'ended', playing: false, position: duration });
          const episode = stateRef.current.episode;
          if (!episode) return;
          window.clearTimeout(saveTimerRef.current);
          savedRef.current = { position: duration, at: Date.now() };
          // The service marks it played (per markPlayedAtEnd) and forgets the position.
          api
            .setEpisodeState({ id: episode.id, position: Math.max(0, duration), ended: true })
            .then((saved) => onSavedRef.current?.(episode.id, saved))
            .catch((error: unknown) => console.warn('Could not save the end of the episode', error))
            .finally(() => onEndedRef.current?.(episode));
        },
      });
      howlRef.current = howl;
      localRef.current = local;
      if (start > 0) howl.seek(start);
      return howl;
    },
    [isLocal, update],
  );

  const play = useCallback(() => {
    const howl = howlRef.current;
    const current = stateRef.current;
    if (!howl || !current.episode || current.status === 'error') return;
    if (current.status === 'ended') {
      howl.seek(0);
      update({ position: 0 });
    }
    movedRef.current = true;
    soundIdRef.current = howl.play(soundIdRef.current);
    update({ playing: true, status: current.status === 'ended' ? 'ready' : current.status });
  }, [update]);

  /** Set when a finished download should take over from the stream at the next natural break. */
  const pendingSwitchRef = useRef(false);

  /** Re-opens the loaded episode from its best source at `at` (default: where it is now). */
  const switchSource = useCallback(
    (at?: number) => {
      const current = stateRef.current;
      if (!current.episode) return;
      pendingSwitchRef.current = false;
      const position = at ?? currentTime();
      const resume = current.playing;
      unloadHowl();
      createHowl(current.episode, position);
      const status = current.status === 'error' || current.status === 'loading' ? 'loading' : current.status;
      update({ position, playing: false, status, error: undefined });
      if (resume) play();
    },
    [currentTime, unloadHowl, createHowl, update, play],
  );

  const pause = useCallback(() => {
    const howl = howlRef.current;
    if (!howl) return;
    howl.pause();
    const position = currentTime();
    update({ playing: false, position });
    save(stateRef.current.episode, position);
  }, [update, currentTime, save]);

  const seek = useCallback(
    (seconds: number) => {
      const howl = howlRef.current;
      const { duration, status } = stateRef.current;
      if (!howl || status === 'error') return;
      const target = Math.max(0, Math.min(seconds, duration > 0 ? duration - 0.5 : seconds));
      movedRef.current = true;
      // A seek re-buffers anyway: the moment to move to a file that finished downloading.
      if (pendingSwitchRef.current) switchSource(target);
      else howl.seek(target);
      update({ position: target, status: status === 'ended' ? 'ready' : status });
      saveSoon();
    },
    [update, saveSoon, switchSource],
  );

  const load = useCallback<PlayerActions['load']>(
    (episode, options = {}) => {
      const current = stateRef.current;
      if (current.episode?.id === episode.id && current.status !== 'error') {
        if (options.at !== undefined) seek(options.at);
        if (options.autoplay && !stateRef.current.playing) play();
        return;
      }
      if (current.episode && movedRef.current) save(current.episode, currentTime());
      movedRef.current = false;
      unloadHowl();
      savedRef.current = { position: episode.state.position, at: Date.now() };
      const duration = episode.durationSeconds ?? 0;
      const start =
        options.at === undefined
          ? resumePosition(episode.state, episode.durationSeconds)
          : Math.max(0, duration > 0 ? Math.min(options.at, duration) : options.at);
      const base = { episode, position: start, duration, error: undefined };
      if (!episode.enclosure?.url && !isLocal(episode)) {
        update({ ...base, status: 'error', playing: false, error: 'This episode has no audio file.' });
        return;
      }
      createHowl(episode, start);
      update({ ...base, status: 'loading', playing: false });
      if (options.autoplay) play();
    },
    [play, seek, save, currentTime, unloadHowl, update, createHowl, isLocal],
  );

  const skip = useCallback((delta: number) => seek(currentTime() + delta), [seek, currentTime]);

  const toggle = useCallback(() => (stateRef.current.playing ? pause() : play()), [play, pause]);

  const setRate = useCallback(
    (rate: number) => {
      howlRef.current?.rate(rate);
      update({ rate });
    },
    [update],
  );

  const setVolume = useCallback(
    (volume: number) => {
      const clamped = Math.max(0, Math.min(1, volume));
      howlRef.current?.volume(clamped);
      if (clamped > 0 && stateRef.current.muted) howlRef.current?.mute(false);
      update({ volume: clamped, muted: clamped > 0 ? false : stateRef.current.muted });
      localStorage.setItem(VOLUME_KEY, JSON.stringify({ volume: clamped, muted: stateRef.current.muted }));
    },
    [update],
  );

  const setMuted = useCallback(
    (muted: boolean) => {
      howlRef.current?.mute(muted);
      update({ muted });
      localStorage.setItem(VOLUME_KEY, JSON.stringify({ volume: stateRef.current.volume, muted }));
    },
    [update],
  );

  // A download of the loaded episode completed or was removed: change source (see the top comment).
  const loadedId = state.episode?.id;
  const wantLocal = state.episode ? hasLocalFile(downloaded, state.episode) : false;
  useEffect(() => {
    if (!loadedId || !howlRef.current || wantLocal === localRef.current) {
      pendingSwitchRef.current = false;
      return;
    }
    if (!wantLocal || !state.playing || state.status === 'error') switchSource();
    else pendingSwitchRef.current = true;
  }, [loadedId, wantLocal, state.playing, state.status, switchSource]);

  // While playing: move the position on a short timer and save it every few seconds.
  useEffect(() => {
    if (!state.playing) return;
    const timer = window.setInterval(() => {
      const position = currentTime();
      if (Math.abs(position - stateRef.current.position) >= 0.05) update({ position });
      if (Date.now() - savedRef.current.at >= SAVE_EVERY_MS) save(stateRef.current.episode, position);
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [state.playing, currentTime, update, save]);

  // Leaving the page (closing the window) must not lose the last few seconds.
  useEffect(() => {
    const flush = () => {
      if (stateRef.current.episode && movedRef.current) save(stateRef.current.episode, currentTime());
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    // The desktop app asks before it closes its windows, while this page can still be heard.
    const stopQuitting = api.on('appQuitting', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      stopQuitting();
    };
  }, [save, currentTime]);

  useEffect(() => unloadHowl, [unloadHowl]);

  const actions = useMemo(
    () => ({ load, play, pause, toggle, seek, skip, setRate, setVolume, setMuted, now: currentTime }),
    [load, play, pause, toggle, seek, skip, setRate, setVolume, setMuted, currentTime],
  );
  return { ...state, ...actions };
}
