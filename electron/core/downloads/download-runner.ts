import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DownloadProgress } from '../../../shared/types.js';
import { DownloadError, networkError, sizeNote, unconfirmedEndWords } from './download-messages.js';
import type { DownloadRecords } from './download-records.js';
import type { FileSink } from './file-sink.js';
import { ensureFreeSpace, type FreeSpace } from './free-space.js';
import type { HttpGet } from './http-get.js';
import { extensionFor, finalFileName } from './media-names.js';
import { ProgressMeter } from './progress-meter.js';
import { transfer, type HeadersInfo } from './transfer.js';

export type StopReason = 'pause' | 'cancel' | 'remove' | 'close';

/** What the manager holds for a running download; read by the timer that samples progress. */
export interface Active {
  stopper: AbortController;
  stop?: StopReason;
  attempt?: AbortController;
  stream?: FileSink;
  start: number;
  lastBytes: number;
  lastChangeAt: number;
  lastEmitAt: number;
  emittedBytes: number;
  meter: ProgressMeter;
  run?: Promise<void>;
}

export function newActive(): Active {
  return {
    stopper: new AbortController(),
    start: 0,
    lastBytes: 0,
    lastChangeAt: performance.now(),
    lastEmitAt: 0,
    emittedBytes: -1,
    meter: new ProgressMeter(),
  };
}

/** Range probes in a row that find no end and no new bytes before a download without a stated length fails. */
const maxEndProbes = 3;

export interface DownloadRunnerOptions {
  records: DownloadRecords;
  mediaDir: string;
  httpGet: HttpGet;
  now: () => Date;
  freeSpace: FreeSpace;
  /** Bytes to leave free beyond the file. */
  freeSpaceMargin: number;
  /** Tries after the first for transient failures; progress since the last failure earns them back. */
  maxRetries: number;
  /** First backoff delay; doubles per failure. */
  retryBaseMs: number;
  maxRedirects: number;
  onProgress: (progress: DownloadProgress) => void;
}

/**
 * One download from its .part file to the finished file: attempts with Range resume, retries with
 * backoff, confirming an end the server did not state, and the rename into place.
 */
export class DownloadRunner {
  private readonly records: DownloadRecords;

  constructor(private readonly options: DownloadRunnerOptions) {
    this.records = options.records;
  }

  /** Attempts until the file is complete, a final error, retries run out, or a stop. */
  async run(episodeId: string, active: Active): Promise<void> {
    const partPath = this.records.partPath(episodeId);
    let failures = 0;
    let restarts = 0;
    let highWater = await fileSize(partPath);
    // A body without a stated length ends when the connection closes, so a cut looks like the end.
    let unconfirmedEnd: number | undefined;
    let endHighWater = 0;
    let probes = 0;
    for (;;) {
      const record = this.records.get(episodeId);
      if (!record || active.stop) return;
      const offset = await fileSize(partPath);
      if (offset === 0)
        this.records.update(episodeId, { etag: undefined, lastModified: undefined, statedTotal: undefined }, false);
      const attempt = new AbortController();
      active.attempt = attempt;
      active.stream = undefined;
      active.start = offset;
      active.lastBytes = offset;
      active.lastChangeAt = performance.now();
      active.meter.reset(performance.now(), offset);
      try {
        const known = record.statedTotal ?? record.enclosureLength;
        if (known !== undefined) await this.ensureSpace(known - offset);
        const current = this.records.get(episodeId) ?? record;
        const result = await transfer({
          url: current.url,
          partPath,
          offset,
          etag: current.etag,
          lastModified: current.lastModified,
          statedTotal: current.statedTotal,
          get: this.options.httpGet,
          signal: AbortSignal.any([active.stopper.signal, attempt.signal]),
          maxRedirects: this.options.maxRedirects,
          onHeaders: (info) => this.onHeaders(episodeId, info),
          onWriting: (start, stream) => {
            active.start = start;
            active.stream = stream;
          },
          onActivity: () => (active.lastChangeAt = performance.now()),
        });
        // No stated length: ask with Range from the end (a 416, or a 206 with nothing more, confirms
        // it; more bytes are appended), unless the feed's length or a second whole body agrees.
        const agreed =
          result.bytes === current.enclosureLength || (result.start === 0 && unconfirmedEnd === result.bytes);
        if (result.total === undefined && !result.endConfirmed && !agreed) {
          if (result.bytes > endHighWater) {
            endHighWater = result.bytes;
            probes = 0;
          }
          if (++probes > maxEndProbes)
            return this.fail(episodeId, unconfirmedEndWords(result.bytes, current.enclosureLength));
          unconfirmedEnd = result.bytes;
          continue;
        }
        await this.complete(episodeId, active, result.bytes, result.contentType);
        return;
      } catch (error) {
        if (active.stop) return;
        const problem = error instanceof DownloadError ? error : networkError(error);
        if (problem.kind === 'restart') {
          await rm(partPath, { force: true });
          highWater = 0;
          if (++restarts > 3) return this.fail(episodeId, 'The file on the server keeps changing. Try again later.');
          continue;
        }
        if (problem.kind === 'final') {
          if (problem.discardPart) await rm(partPath, { force: true });
          return this.fail(episodeId, problem.message);
        }
        const size = await fileSize(partPath);
        if (size > highWater) {
          highWater = size;
          failures = 0;
        }
        if (++failures > this.options.maxRetries)
          return this.fail(episodeId, `${problem.message} Gave up after ${failures} tries.`);
        this.records.update(episodeId, { bytes: size });
        await sleep(this.options.retryBaseMs * 2 ** (failures - 1), active.stopper.signal);
      }
    }
  }

  fail(episodeId: string, message: string): void {
    this.records.update(episodeId, { state: 'failed', error: message });
  }

  private async onHeaders(episodeId: string, info: HeadersInfo): Promise<void> {
    const record = this.records.get(episodeId);
    const total = info.total ?? record?.enclosureLength;
    if (total !== undefined) await this.ensureSpace(total - info.start);
    this.records.update(
      episodeId,
      {
        bytes: info.start,
        total,
        statedTotal: info.total,
        etag: info.etag,
        lastModified: info.lastModified,
        contentType: info.contentType,
      },
      false,
    );
    this.records.save();
  }

  private async complete(
    episodeId: string,
    active: Active,
    bytes: number,
    contentType: string | undefined,
  ): Promise<void> {
    const record = this.records.get(episodeId);
    if (!record) return;
    const partPath = this.records.partPath(episodeId);
    const onDisk = await fileSize(partPath);
    if (onDisk !== bytes) throw new DownloadError('The saved file does not match what was received.', 'restart');
    const fileName = finalFileName(episodeId, extensionFor(contentType ?? record.contentType, record.enclosureType));
    // Same folder, same disk: rename is atomic, so a file under its final name is always whole.
    await rename(partPath, path.join(this.options.mediaDir, fileName));
    // The last progress (100 %) goes out before the state change, so "completed" is the final word.
    const speed = active.meter.speed;
    this.options.onProgress({ episodeId, bytes, total: bytes, speed, etaSeconds: 0 });
    this.records.update(episodeId, {
      state: 'completed',
      bytes,
      total: bytes,
      fileName,
      completedAt: this.options.now().toISOString(),
      error: undefined,
      note: sizeNote(bytes, record.enclosureLength),
      etag: undefined,
      lastModified: undefined,
    });
  }

  private async ensureSpace(needed: number): Promise<void> {
    await ensureFreeSpace(this.options.freeSpace, this.options.mediaDir, needed, this.options.freeSpaceMargin);
  }
}

/** The file's size, 0 when there is none. */
export async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/** Waits, or less if the signal fires. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
