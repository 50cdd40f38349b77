import type { DownloadProgress } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { DownloadError } from './download-messages.js';
import type { DownloadRecords } from './download-records.js';
import type { Active } from './download-runner.js';
import { etaSeconds } from './progress-meter.js';

export interface ProgressTickerOptions {
  /** The running downloads, read on each tick. */
  active: ReadonlyMap<string, Active>;
  records: Pick<DownloadRecords, 'get'>;
  onProgress: (progress: DownloadProgress) => void;
  /** Progress event spacing. */
  progressIntervalMs: number;
  /** No byte for this long = a stuck connection: the attempt is aborted, to be retried like a reset. */
  stallTimeoutMs: number;
}

/** Progress sampling: one timer for all downloads, no work per chunk; it also notices stalls. */
export class ProgressTicker {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: ProgressTickerOptions) {}

  start(): void {
    if (this.timer) return;
    const every = Math.max(10, Math.min(this.options.progressIntervalMs, this.options.stallTimeoutMs / 4));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const { stallTimeoutMs, progressIntervalMs } = this.options;
    const at = performance.now();
    for (const [episodeId, running] of this.options.active) {
      if (running.stop) continue;
      const bytes = running.stream ? running.start + running.stream.bytesWritten : running.start;
      if (bytes !== running.lastBytes) {
        running.lastBytes = bytes;
        running.lastChangeAt = at;
      } else if (at - running.lastChangeAt > stallTimeoutMs && running.attempt && !running.attempt.signal.aborted) {
        running.attempt.abort(
          new DownloadError(
            `The server stopped sending data for ${Math.round(stallTimeoutMs / 100) / 10} seconds.`,
            'transient',
          ),
        );
      }
      if (at - running.lastEmitAt < progressIntervalMs || bytes === running.emittedBytes) continue;
      const record = this.options.records.get(episodeId);
      if (record) record.bytes = bytes; // in memory only; stored on the next state change
      const speed = running.meter.sample(at, bytes);
      running.lastEmitAt = at;
      running.emittedBytes = bytes;
      this.options.onProgress(
        dropUndefined({
          episodeId,
          bytes,
          total: record?.total,
          speed,
          etaSeconds: etaSeconds(bytes, record?.total, speed),
        }),
      );
    }
  }
}
