/** A stand-in for howler's Howl: jsdom has no media playback. Time moves only when a test says so. */
type Options = {
  src: string[];
  onload?: () => void;
  onplay?: (id: number) => void;
  onend?: (id: number) => void;
  [key: string]: unknown;
};

// On globalThis, not a static: vi.resetModules() gives the app a fresh copy of this module.
const registry = globalThis as unknown as { fakeHowls?: FakeHowl[] };

/** Every FakeHowl created since the last reset, across module copies. */
export const fakeHowls = {
  all: (): FakeHowl[] => (registry.fakeHowls ??= []),
  reset: (): void => void (registry.fakeHowls = []),
};

export class FakeHowl {
  position = 0;
  playing = false;
  currentRate = 1;
  constructor(readonly options: Options) {
    fakeHowls.all().push(this);
    queueMicrotask(() => options.onload?.());
  }
  play(): number {
    this.playing = true;
    queueMicrotask(() => this.options.onplay?.(1));
    return 1;
  }
  pause(): this {
    this.playing = false;
    return this;
  }
  seek(to?: number): number | this {
    if (to === undefined) return this.position;
    this.position = to;
    return this;
  }
  rate(rate?: number): number | this {
    if (rate === undefined) return this.currentRate;
    this.currentRate = rate;
    return this;
  }
  currentVolume = 1;
  muted = false;
  volume(volume?: number): number | this {
    if (volume === undefined) return this.currentVolume;
    this.currentVolume = volume;
    return this;
  }
  mute(muted: boolean): this {
    this.muted = muted;
    return this;
  }
  duration(): number {
    return 1862;
  }
  once(): this {
    return this;
  }
  unload(): void {
    this.playing = false;
  }
  /** Test helper: playback moved on. */
  advance(seconds: number): void {
    if (this.playing) this.position += seconds;
  }
}
