/**
 * The player engine, without React: one Howl at a time, streamed with html5 audio (Web Audio would
 * decode a whole two-hour episode into memory), the position clock, speed and volume, and saving
 * where the listener is (`PositionSaver`). Components read its `PlayerState` snapshot through
 * `usePlayer` (useSyncExternalStore) and call its commands; nothing else touches howler. Later
 * features (chapters, notes) only need `position`, `duration` and `seek`.
 *
 * Source: an episode whose download is complete plays from disk (`mediaUrl`), never the network.
 * When a download completes or is removed while its episode is loaded (`setDownloaded`), the source
 * changes at the same position: at once if the audio is not playing; while it plays, a new download
 * waits for the next natural break (pause, end, or a seek, which re-buffers anyway) so the listener
 * hears no gap, but a removed file is switched away from at once, since the stream would break on
 * its next Range request.
 */
import { Howl } from 'howler';
import { resumePosition } from '../../../shared/listening-rules';
import type { EpisodeWithState } from '../../../shared/types';
import { audioFormat, loadErrorText, loadFailureText, mediaErrorMessage } from './audio-format';
import {
  hasLocalFile,
  type Downloaded,
  type PlayerActions,
  type PlayerCallbacks,
  type PlayerEnvironment,
  type PlayerState,
} from './player-types';
import { PositionSaver } from './position-saver';
import { keepVolume, savedVolume } from './volume-preference';

const TICK_MS = 250;

export class PlayerEngine implements PlayerActions {
  private state: PlayerState;
  private readonly listeners = new Set<() => void>();
  private readonly saver: PositionSaver;
  private callbacks: PlayerCallbacks = {};
  private downloaded: Downloaded | undefined;
  private howl: Howl | null = null;
  private soundId: number | undefined;
  /** Where the current Howl reads from: the downloaded file or the enclosure URL. */
  private local = false;
  /** The listener played or seeked since the episode was loaded: only then is there a position to flush. */
  private moved = false;
  /** A finished download takes over from the stream at the next natural break. */
  private pendingSwitch = false;
  private clock: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly env: PlayerEnvironment,
    options: { defaultRate: number; downloaded?: Downloaded },
  ) {
    const volume = savedVolume(env.storage);
    this.state = { status: 'idle', playing: false, position: 0, duration: 0, rate: options.defaultRate, ...volume };
    this.downloaded = options.downloaded;
    this.saver = new PositionSaver(env.saveState, (id, saved) => this.callbacks.onStateSaved?.(id, saved));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): PlayerState => this.state;

  setCallbacks(callbacks: PlayerCallbacks): void {
    this.callbacks = callbacks;
  }

  /** Completed downloads changed: the loaded episode may move to (or away from) its file. */
  setDownloaded(downloaded: Downloaded | undefined): void {
    this.downloaded = downloaded;
    this.reconcileSource();
  }

  readonly now = (): number => {
    const { status, playing, position } = this.state;
    // Before the audio has loaded, a seek is only queued and the element still says 0.
    if (status === 'loading' && !playing) return position;
    const value = this.howl?.seek();
    return typeof value === 'number' && Number.isFinite(value) ? value : position;
  };

  readonly load = (episode: EpisodeWithState, options: { autoplay?: boolean; at?: number } = {}): void => {
    const current = this.state;
    if (current.episode?.id === episode.id && current.status !== 'error') {
      if (options.at !== undefined) this.seek(options.at);
      if (options.autoplay && !this.state.playing) this.play();
      return;
    }
    if (current.episode && this.moved) this.saver.save(current.episode, this.now());
    this.moved = false;
    this.unloadHowl();
    this.saver.loaded(episode.state.position);
    const duration = episode.durationSeconds ?? 0;
    const start =
      options.at === undefined
        ? resumePosition(episode.state, episode.durationSeconds)
        : Math.max(0, duration > 0 ? Math.min(options.at, duration) : options.at);
    const base = { episode, position: start, duration, error: undefined };
    if (!episode.enclosure?.url && !hasLocalFile(this.downloaded, episode)) {
      this.update({ ...base, status: 'error', playing: false, error: 'This episode has no audio file.' });
      return;
    }
    this.createHowl(episode, start);
    this.update({ ...base, status: 'loading', playing: false });
    if (options.autoplay) this.play();
  };

  readonly play = (): void => {
    const { episode, status } = this.state;
    if (!this.howl || !episode || status === 'error') return;
    if (status === 'ended') {
      this.howl.seek(0);
      this.update({ position: 0 });
    }
    this.moved = true;
    this.soundId = this.howl.play(this.soundId);
    this.update({ playing: true, status: status === 'ended' ? 'ready' : status });
  };

  readonly pause = (): void => {
    if (!this.howl) return;
    this.howl.pause();
    const position = this.now();
    this.update({ playing: false, position });
    this.saver.save(this.state.episode, position);
  };

  readonly toggle = (): void => (this.state.playing ? this.pause() : this.play());

  readonly seek = (seconds: number): void => {
    const { duration, status } = this.state;
    if (!this.howl || status === 'error') return;
    const target = Math.max(0, Math.min(seconds, duration > 0 ? duration - 0.5 : seconds));
    this.moved = true;
    // A seek re-buffers anyway: the moment to move to a file that finished downloading.
    if (this.pendingSwitch) this.switchSource(target);
    else this.howl.seek(target);
    this.update({ position: target, status: status === 'ended' ? 'ready' : status });
    this.saver.saveSoon(() => ({ episode: this.state.episode, position: this.now() }));
  };

  readonly skip = (deltaSeconds: number): void => this.seek(this.now() + deltaSeconds);

  readonly setRate = (rate: number): void => {
    this.howl?.rate(rate);
    this.update({ rate });
  };

  readonly setVolume = (volume: number): void => {
    const clamped = Math.max(0, Math.min(1, volume));
    this.howl?.volume(clamped);
    if (clamped > 0 && this.state.muted) this.howl?.mute(false);
    this.update({ volume: clamped, muted: clamped > 0 ? false : this.state.muted });
    keepVolume(this.env.storage, this.state);
  };

  readonly setMuted = (muted: boolean): void => {
    this.howl?.mute(muted);
    this.update({ muted });
    keepVolume(this.env.storage, this.state);
  };

  /** Saves the position now if the listener moved (the page is going away). */
  readonly flush = (): void => {
    if (this.state.episode && this.moved) this.saver.save(this.state.episode, this.now());
  };

  /** Stops the audio and the clock; the engine can load again afterwards. */
  dispose(): void {
    this.unloadHowl();
    this.stopClock();
  }

  private update(patch: Partial<PlayerState>): void {
    const before = this.state;
    const changed = (Object.keys(patch) as (keyof PlayerState)[]).some((key) => !Object.is(patch[key], before[key]));
    if (!changed) return;
    this.state = { ...before, ...patch };
    if (this.state.playing !== before.playing) this.runClock();
    this.reconcileSource();
    for (const listener of [...this.listeners]) listener();
  }

  /** While playing: move the position on a short timer and save it every few seconds. */
  private runClock(): void {
    this.stopClock();
    if (!this.state.playing) return;
    this.clock = setInterval(() => {
      const position = this.now();
      if (Math.abs(position - this.state.position) >= 0.05) this.update({ position });
      if (this.saver.due()) this.saver.save(this.state.episode, position);
    }, TICK_MS);
  }

  private stopClock(): void {
    clearInterval(this.clock);
    this.clock = undefined;
  }

  /** The loaded episode's best source differs from the Howl's: switch now or at the next break. */
  private reconcileSource(): void {
    const { episode, playing, status } = this.state;
    const wantLocal = episode ? hasLocalFile(this.downloaded, episode) : false;
    if (!episode || !this.howl || wantLocal === this.local) {
      this.pendingSwitch = false;
      return;
    }
    if (!wantLocal || !playing || status === 'error') this.switchSource();
    else this.pendingSwitch = true;
  }

  /** Re-opens the loaded episode from its best source at `at` (default: where it is now). */
  private switchSource(at?: number): void {
    const current = this.state;
    if (!current.episode) return;
    this.pendingSwitch = false;
    const position = at ?? this.now();
    this.unloadHowl();
    this.createHowl(current.episode, position);
    const status = current.status === 'error' || current.status === 'loading' ? 'loading' : current.status;
    this.update({ position, playing: false, status, error: undefined });
    if (current.playing) this.play();
  }

  private unloadHowl(): void {
    this.howl?.unload();
    this.howl = null;
    this.soundId = undefined;
  }

  /** A Howl for the episode from its best source (the downloaded file when complete), at `start`. */
  private createHowl(episode: EpisodeWithState, start: number): void {
    const local = hasLocalFile(this.downloaded, episode);
    const remote = episode.enclosure?.url ?? '';
    const howl: Howl = new Howl({
      src: [local ? this.env.mediaUrl(episode.id) : remote],
      html5: true,
      // The local URL has no extension: the format always comes from the enclosure.
      format: [audioFormat(remote, episode.enclosure?.type)],
      rate: this.state.rate,
      volume: this.state.volume,
      mute: this.state.muted,
      onload: () => this.howl === howl && this.loaded(howl),
      onloaderror: (_id, detail) => this.howl === howl && this.loadFailed(howl, detail, local),
      onplayerror: (_id, detail) => this.howl === howl && this.playFailed(howl, detail),
      onplay: () => this.howl === howl && this.update({ playing: true, status: 'ready', error: undefined }),
      onend: () => this.howl === howl && this.ended(howl),
    });
    this.howl = howl;
    this.local = local;
    if (start > 0) howl.seek(start);
  }

  private loaded(howl: Howl): void {
    const duration = howl.duration();
    this.update({
      status: this.state.status === 'loading' ? 'ready' : this.state.status,
      duration: duration > 0 && Number.isFinite(duration) ? duration : this.state.duration,
    });
  }

  private loadFailed(howl: Howl, detail: unknown, local: boolean): void {
    const offline = this.env.offline?.() ?? false;
    const error = loadFailureText(detail, { local, offline, mediaMessage: mediaErrorMessage(howl) });
    this.update({ status: 'error', playing: false, error });
  }

  private playFailed(howl: Howl, detail: unknown): void {
    // Usually autoplay rules: the browser wants a user gesture. Howler retries on 'unlock'.
    this.update({
      playing: false,
      error: `Couldn't start playback: ${loadErrorText(detail)}. Press Play to try again.`,
    });
    howl.once('unlock', () => {
      if (this.howl === howl && this.state.playing) howl.play(this.soundId);
    });
  }

  private ended(howl: Howl): void {
    const duration = howl.duration() || this.state.duration;
    this.update({ status: 'ended', playing: false, position: duration });
    const episode = this.state.episode;
    if (!episode) return;
    void this.saver.saveEnd(episode, duration).finally(() => this.callbacks.onEnded?.(episode));
  }
}
