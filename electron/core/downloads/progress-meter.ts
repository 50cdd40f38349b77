/**
 * Speed and ETA for one download, fed by samples (time, bytes) taken on a timer rather than per
 * chunk. Speed is an exponential moving average, so one slow second does not swing the ETA.
 */
export class ProgressMeter {
  private lastAt: number | undefined;
  private lastBytes = 0;
  private smoothed = 0;

  constructor(private readonly weight = 0.3) {}

  /** Restart measuring (a new attempt) from `bytes` at time `at`, keeping no speed. */
  reset(at: number, bytes: number): void {
    this.lastAt = at;
    this.lastBytes = bytes;
    this.smoothed = 0;
  }

  /** Adds a sample; returns the smoothed speed in bytes per second. */
  sample(at: number, bytes: number): number {
    if (this.lastAt === undefined || at <= this.lastAt) {
      if (this.lastAt === undefined) this.reset(at, bytes);
      return this.smoothed;
    }
    const instant = ((bytes - this.lastBytes) * 1000) / (at - this.lastAt);
    this.smoothed = this.smoothed === 0 ? instant : this.smoothed + this.weight * (instant - this.smoothed);
    this.lastAt = at;
    this.lastBytes = bytes;
    return this.smoothed;
  }

  get speed(): number {
    return this.smoothed;
  }
}

/** Seconds left, or undefined when it cannot be told. */
export function etaSeconds(bytes: number, total: number | undefined, speed: number): number | undefined {
  if (total === undefined || speed <= 0 || bytes > total) return undefined;
  return Math.round((total - bytes) / speed);
}
