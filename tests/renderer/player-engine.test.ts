/** The player engine in plain Node: no React, no DOM; the fake howler stands in for the audio. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodInput } from '../../shared/api';
import type { EpisodeState, EpisodeWithState } from '../../shared/types';
import { PlayerEngine } from '../../renderer/features/player/player-engine';
import type { Downloaded, PlayerEnvironment } from '../../renderer/features/player/player-types';
import { sampleEpisode } from './fake-bridge';
import { type FakeHowl, fakeHowls } from './fake-howler';

vi.mock('howler', async () => ({ Howl: (await import('./fake-howler')).FakeHowl }));

type SaveInput = MethodInput<'setEpisodeState'>;

const e1 = sampleEpisode('e1', 'Socket management');
const e2 = sampleEpisode('e2', 'Does discipline work?', {
  state: { position: 98, played: false, updatedAt: '2025-04-05T00:00:00Z' },
});

/** The fake howler calls onload and onplay in a microtask. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const lastHowl = (): FakeHowl => fakeHowls.all().at(-1)!;

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

function setup(options: { downloaded?: Downloaded; offline?: boolean; storage?: PlayerEnvironment['storage'] } = {}) {
  const saves: SaveInput[] = [];
  const env: PlayerEnvironment = {
    saveState: async (input) => {
      saves.push(input);
      return { position: input.position ?? 0, played: input.ended === true, updatedAt: 'now' } as EpisodeState;
    },
    mediaUrl: (id) => `/media/${id}`,
    storage: options.storage ?? memoryStorage(),
    offline: () => options.offline === true,
  };
  const engine = new PlayerEngine(env, { defaultRate: 1, downloaded: options.downloaded });
  return { engine, saves };
}

beforeEach(() => fakeHowls.reset());
afterEach(() => vi.useRealTimers());

describe('player engine', () => {
  it('loads, plays and pauses, saving where the listener paused', async () => {
    const { engine, saves } = setup();
    expect(engine.getSnapshot()).toMatchObject({ status: 'idle', playing: false, position: 0 });
    engine.load(e1);
    expect(engine.getSnapshot()).toMatchObject({ status: 'loading', episode: e1, duration: 1862 });
    await settle();
    expect(engine.getSnapshot().status).toBe('ready');

    engine.play();
    expect(engine.getSnapshot().playing).toBe(true);
    expect(lastHowl().playing).toBe(true);
    lastHowl().advance(12.34);
    engine.pause();
    expect(lastHowl().playing).toBe(false);
    expect(engine.getSnapshot()).toMatchObject({ playing: false, position: 12.34 });
    expect(saves).toEqual([{ id: 'e1', position: 12.3 }]);
    engine.dispose();
  });

  it('resumes a started episode where it was left, and loading it again only plays', async () => {
    const { engine } = setup();
    engine.load(e2);
    expect(lastHowl().position).toBe(98);
    expect(engine.now()).toBe(98);
    engine.load(e2, { autoplay: true });
    expect(fakeHowls.all()).toHaveLength(1);
    expect(engine.getSnapshot().playing).toBe(true);
    engine.dispose();
  });

  it('seeks within the episode and saves once the listener stops seeking', async () => {
    vi.useFakeTimers();
    const { engine, saves } = setup();
    engine.load(e1);
    await vi.advanceTimersByTimeAsync(0);
    engine.seek(100);
    engine.seek(120);
    expect(lastHowl().position).toBe(120);
    expect(engine.getSnapshot().position).toBe(120);
    engine.seek(99_999); // never past the end
    expect(engine.getSnapshot().position).toBe(1861.5);
    engine.skip(-61.5);
    expect(lastHowl().position).toBe(1800);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual([{ id: 'e1', position: 1800 }]);
    engine.dispose();
  });

  it('moves the position on a clock while playing, a new snapshot only when it changed', async () => {
    vi.useFakeTimers();
    const { engine, saves } = setup();
    const seen: unknown[] = [];
    const stop = engine.subscribe(() => seen.push(engine.getSnapshot()));
    engine.load(e1, { autoplay: true });
    await vi.advanceTimersByTimeAsync(0);
    const playing = engine.getSnapshot();
    const notified = seen.length;

    await vi.advanceTimersByTimeAsync(1000); // the audio has not moved
    expect(engine.getSnapshot()).toBe(playing);
    expect(seen).toHaveLength(notified);

    lastHowl().advance(3);
    await vi.advanceTimersByTimeAsync(250);
    expect(engine.getSnapshot()).not.toBe(playing);
    expect(engine.getSnapshot().position).toBe(3);
    expect(playing.position).toBe(0); // snapshots are never changed in place
    expect(seen).toHaveLength(notified + 1);

    lastHowl().advance(4); // five seconds since the load: the position is written
    await vi.advanceTimersByTimeAsync(4000);
    expect(saves).toEqual([{ id: 'e1', position: 7 }]);

    engine.pause();
    lastHowl().advance(10);
    await vi.advanceTimersByTimeAsync(1000); // no clock while paused
    expect(engine.getSnapshot().position).toBe(7);
    stop();
    engine.play();
    expect(seen).toHaveLength(notified + 3); // the position and the pause; nothing after unsubscribing
    engine.dispose();
  });

  it('turns a load error into the error status with its sentence', async () => {
    const { engine } = setup();
    engine.load(e1, { autoplay: true });
    (lastHowl().options.onloaderror as (id: number, detail: unknown) => void)(1, 4);
    expect(engine.getSnapshot()).toMatchObject({
      status: 'error',
      playing: false,
      error:
        "Couldn't reach this episode's audio: the server may be down, or you may be offline. Download episodes to listen offline.",
    });
    engine.play(); // nothing to play
    expect(engine.getSnapshot().playing).toBe(false);

    const offline = setup({ offline: true }).engine;
    offline.load(e1);
    (lastHowl().options.onloaderror as (id: number, detail: unknown) => void)(1, 2);
    expect(offline.getSnapshot().error).toBe(
      "You're offline and this episode isn't downloaded. Download episodes to listen offline.",
    );

    const noAudio = setup().engine;
    noAudio.load(sampleEpisode('e9', 'No audio', { enclosure: undefined }));
    expect(noAudio.getSnapshot()).toMatchObject({ status: 'error', error: 'This episode has no audio file.' });
    for (const each of [engine, offline, noAudio]) each.dispose();
  });

  it('sets the speed on the audio and keeps it for the next episode', () => {
    const { engine } = setup();
    engine.load(e1);
    engine.setRate(1.5);
    expect(lastHowl().currentRate).toBe(1.5);
    expect(engine.getSnapshot().rate).toBe(1.5);
    engine.load(e2);
    expect(lastHowl().options.rate).toBe(1.5);
    engine.dispose();
  });

  it('keeps volume and mute in storage and reads them back', () => {
    const storage = memoryStorage();
    const { engine } = setup({ storage });
    engine.load(e1);
    engine.setVolume(0.4);
    engine.setMuted(true);
    expect(lastHowl()).toMatchObject({ currentVolume: 0.4, muted: true });
    engine.setVolume(0.6); // a louder volume unmutes
    expect(lastHowl().muted).toBe(false);
    expect(setup({ storage }).engine.getSnapshot()).toMatchObject({ volume: 0.6, muted: false });
    engine.dispose();
  });

  it('unloads the previous Howl when switching episodes, saving where the first one was', async () => {
    const { engine, saves } = setup();
    engine.load(e1, { autoplay: true });
    await settle();
    const first = lastHowl();
    const unload = vi.spyOn(first, 'unload');
    first.advance(42);
    engine.load(e2);
    expect(unload).toHaveBeenCalledOnce();
    expect(first.playing).toBe(false);
    expect(lastHowl()).not.toBe(first);
    expect(lastHowl().options.src).toEqual(['https://example.com/e2.mp3']);
    expect(engine.getSnapshot()).toMatchObject({ episode: e2, position: 98, playing: false, status: 'loading' });
    expect(saves).toEqual([{ id: 'e1', position: 42 }]);
    // Events from the old Howl no longer reach the player.
    (first.options.onend as () => void)();
    expect(engine.getSnapshot().status).toBe('loading');
    engine.dispose();
  });

  it('plays a completed download from its file and streams everything else', () => {
    const byIds = setup({ downloaded: { ready: true, ids: new Set(['e1']) } }).engine;
    byIds.load(e1);
    expect(lastHowl().options.src).toEqual(['/media/e1']);
    expect(lastHowl().options.format).toEqual(['mp3']); // from the enclosure, the file URL has none
    byIds.load(e2);
    expect(lastHowl().options.src).toEqual(['https://example.com/e2.mp3']);

    // Before the downloads are known, the episode's own download field decides.
    const early = setup({ downloaded: { ready: false, ids: new Set() } }).engine;
    const completed = { state: 'completed' } as EpisodeWithState['download'];
    early.load(sampleEpisode('e3', 'Downloaded', { download: completed }));
    expect(lastHowl().options.src).toEqual(['/media/e3']);
    for (const each of [byIds, early]) each.dispose();
  });

  it('moves to a finished download at once when paused, at the next pause when playing', async () => {
    const { engine } = setup({ downloaded: { ready: true, ids: new Set() } });
    engine.load(e2);
    const stream = lastHowl();
    engine.setDownloaded({ ready: true, ids: new Set(['e2']) });
    expect(lastHowl()).not.toBe(stream);
    expect(lastHowl().options.src).toEqual(['/media/e2']);
    expect(lastHowl().position).toBe(98);

    engine.setDownloaded({ ready: true, ids: new Set() }); // removed: back to the stream
    const playing = lastHowl();
    engine.play();
    await settle();
    engine.setDownloaded({ ready: true, ids: new Set(['e2']) });
    expect(lastHowl()).toBe(playing); // no gap while it plays
    playing.advance(5);
    engine.pause();
    expect(lastHowl().options.src).toEqual(['/media/e2']);
    expect(lastHowl().position).toBe(103);
    engine.dispose();
  });

  it('at the end saves the episode as ended, then says so', async () => {
    const { engine, saves } = setup();
    const ended = vi.fn();
    engine.setCallbacks({ onEnded: ended });
    engine.load(e1, { autoplay: true });
    await settle();
    (lastHowl().options.onend as () => void)();
    expect(engine.getSnapshot()).toMatchObject({ status: 'ended', playing: false, position: 1862 });
    await settle();
    expect(saves).toEqual([{ id: 'e1', position: 1862, ended: true }]);
    expect(ended).toHaveBeenCalledWith(e1);
    engine.play(); // plays again from the start
    expect(engine.getSnapshot()).toMatchObject({ status: 'ready', playing: true, position: 0 });
    engine.dispose();
  });
});
