/** setTimeout / clearTimeout, injected so tests fire the timer themselves. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    // The scheduler never keeps a process alive on its own; close() stops it anyway.
    timer.unref?.();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface RefreshSchedulerOptions {
  /** Read at every scheduling, so a settings change takes effect on reschedule(); 0 turns refresh off. */
  intervalMinutes: () => number;
  refresh: () => Promise<unknown>;
  timers?: Timers;
  log?: (error: unknown) => void;
}

/**
 * Refreshes every feed in the background on an interval. The next run is timed from the end of the
 * previous one, so a slow refresh never overlaps the next.
 */
export class RefreshScheduler {
  private handle: unknown;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly timers: Timers;

  constructor(private readonly options: RefreshSchedulerOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** Starts the countdown; a second start while running changes nothing. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** The interval setting changed: count the new interval from now. */
  reschedule(): void {
    if (this.stopped) return;
    this.cancel();
    if (!this.running) this.schedule();
  }

  /** Stops the timer and waits for a refresh under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel();
    await this.running;
  }

  private schedule(): void {
    const minutes = this.options.intervalMinutes();
    if (this.stopped || !(minutes > 0)) return;
    this.handle = this.timers.set(() => {
      this.handle = undefined;
      this.running = this.options
        .refresh()
        .then(
          () => undefined,
          (error: unknown) => this.options.log?.(error),
        )
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, minutes * 60_000);
  }

  private cancel(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }
}
