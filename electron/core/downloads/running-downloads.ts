import type { DownloadProgress } from '../../../shared/types.js';
import { DownloadError, networkError } from './download-messages.js';
import type { DownloadRecords } from './download-records.js';
import { fileSize, newActive, type Active, type DownloadRunner, type StopReason } from './download-runner.js';
import { ProgressTicker } from './progress-ticker.js';

export interface RunningDownloadsOptions {
  runner: DownloadRunner;
  records: DownloadRecords;
  onProgress: (progress: DownloadProgress) => void;
  progressIntervalMs: number;
  stallTimeoutMs: number;
  /** A download stopped running (finished, failed or stopped): a slot is free. */
  onSettled: () => void;
}

/** The downloads running now: starting one, stopping one (and waiting for it), and their progress timer. */
export class RunningDownloads {
  private readonly active = new Map<string, Active>();
  private readonly ticker: ProgressTicker;

  constructor(private readonly options: RunningDownloadsOptions) {
    this.ticker = new ProgressTicker({
      active: this.active,
      records: options.records,
      onProgress: options.onProgress,
      progressIntervalMs: options.progressIntervalMs,
      stallTimeoutMs: options.stallTimeoutMs,
    });
  }

  get size(): number {
    return this.active.size;
  }

  has(episodeId: string): boolean {
    return this.active.has(episodeId);
  }

  launch(episodeId: string): void {
    const { records, runner } = this.options;
    const active = newActive();
    this.active.set(episodeId, active);
    records.update(episodeId, { state: 'downloading', error: undefined });
    this.ticker.start();
    active.run = runner
      .run(episodeId, active)
      .catch((error: unknown) => runner.fail(episodeId, networkError(error).message))
      .finally(() => {
        this.active.delete(episodeId);
        if (this.active.size === 0) this.ticker.stop();
        this.options.onSettled();
      });
  }

  /** Stops a running download for `reason` and waits for it; false when it was not running. */
  async stop(episodeId: string, reason: StopReason): Promise<boolean> {
    const { records } = this.options;
    const running = this.active.get(episodeId);
    if (!running) return false;
    running.stop ??= reason;
    running.stopper.abort(new DownloadError(`Stopped (${reason}).`));
    await running.run;
    const record = records.get(episodeId);
    if (record && record.state !== 'completed' && record.state !== 'failed') {
      const bytes = await fileSize(records.partPath(episodeId));
      if (reason === 'pause') records.update(episodeId, { state: 'paused', bytes });
      // Shutdown: stays queued so the next start continues it.
      if (reason === 'close') records.update(episodeId, { state: 'queued', bytes });
    }
    return true;
  }

  /** For shutdown: stops every running download (kept queued) and the timer. */
  async close(): Promise<void> {
    await Promise.all([...this.active.keys()].map((id) => this.stop(id, 'close')));
    this.ticker.stop();
  }
}
