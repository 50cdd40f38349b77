import { existsSync, mkdirSync, statSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Download, DownloadProgress, StorageRules, StorageUsage } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { PRIVATE_FOLDER_MODE, type KeyValueStore } from '../store.js';
import {
  keepStoreCopy,
  publicDownload,
  readStoredDownloads,
  type DownloadsData,
  type StoredDownload,
} from './download-store.js';
import {
  DownloadError,
  networkError,
  sizeNote,
  unconfirmedEndWords,
  unreadableRecordsWords,
} from './download-messages.js';
import type { FileSink } from './file-sink.js';
import { defaultFreeSpaceMargin, ensureFreeSpace, statfsFreeSpace, type FreeSpace } from './free-space.js';
import { fetchHttpGet, nodeHttpGet, type HttpGet } from './http-get.js';
import { extensionFor, finalFileName, fileStem, isEarmarkFileName, partFileName } from './media-names.js';
import { sweepMedia, type KnownEpisode } from './media-sweep.js';
import { etaSeconds, ProgressMeter } from './progress-meter.js';
import { planEvictions, type DownloadFacts, type Eviction } from './storage-rules.js';
import { transfer, type HeadersInfo } from './transfer.js';

/** The part of an episode a download needs (an Episode from the catalogue fits). */
export interface EpisodeToDownload {
  id: string;
  feedId: string;
  enclosure: { url: string; length?: number; type?: string };
}

export interface DownloadManagerOptions {
  /** Files go to <dataDir>/media. */
  dataDir: string;
  /** The persistent queue: openStore(factory, { name: 'downloads', cwd: dataDir, defaults: downloadsDefaults }). */
  store: KeyValueStore<DownloadsData>;
  /** An HTTP client to use instead of node:http(s), e.g. Electron's net.fetch (system proxy). */
  fetch?: typeof fetch;
  now?: () => Date;
  /** A download was added or changed state (not sent for progress). */
  onChange?: (download: Download) => void;
  /** Progress of a running download, at most once per progressIntervalMs each. */
  onProgress?: (progress: DownloadProgress) => void;
  /** A download and its file were removed. */
  onRemoved?: (episodeId: string) => void;
  freeSpace?: FreeSpace;
  /** Bytes to leave free beyond the file (default 64 MB). */
  freeSpaceMargin?: number;
  /** How many run at once; read each time a slot frees up, so a settings change applies at once (default 2). */
  concurrency?: () => number;
  /** Tries after the first for transient failures (default 3); progress since the last failure earns them back. */
  maxRetries?: number;
  /** First backoff delay; doubles per failure (default 1 s). */
  retryBaseMs?: number;
  /** No byte for this long = a stuck connection, retried like a reset (default 30 s). */
  stallTimeoutMs?: number;
  maxRedirects?: number;
  /** Progress event spacing (default 250 ms, i.e. ≤ 4/s). */
  progressIntervalMs?: number;
  /**
   * The episodes the library knows (the catalogue's), so files that lost their download records
   * can be matched to their episode by name and adopted again. Default: none, so every such file
   * is kept aside (moved to media/orphans-…/), never deleted.
   */
  knownEpisodes?: () => Iterable<KnownEpisode>;
  /** Something the listener should read about their downloads (records repaired, files kept aside). Default: console.warn. */
  onNotice?: (text: string) => void;
}

type StopReason = 'pause' | 'cancel' | 'remove' | 'close';

/** What the manager holds for a running download; read by the timer that samples progress. */
interface Active {
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

/** Feed enclosure lengths are often wrong or placeholders ("0", "1"): below this they are ignored. */
const plausibleEnclosureBytes = 64 * 1024;
/** Range probes in a row that find no end and no new bytes before a download without a stated length fails. */
const maxEndProbes = 3;

/**
 * Episode downloads: a persistent queue with a concurrency limit; each file is streamed to
 * <media>/<sha256(id)>.part, resumed with Range + If-Range after drops, crashes and restarts,
 * verified against the stated length and renamed into place only when complete.
 */
export class DownloadManager {
  readonly mediaDir: string;
  private readonly records = new Map<string, StoredDownload>();
  private readonly active = new Map<string, Active>();
  private readonly httpGet: HttpGet;
  private readonly now: () => Date;
  private readonly freeSpace: FreeSpace;
  private readonly concurrency: () => number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly stallTimeoutMs: number;
  private readonly progressIntervalMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Adopted by this start's sweep: spared by the storage rules until the next start (see resume). */
  private readonly adopted = new Set<string>();
  private started = false;
  private closed = false;

  constructor(private readonly options: DownloadManagerOptions) {
    this.mediaDir = path.join(options.dataDir, 'media');
    mkdirSync(this.mediaDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    this.httpGet = options.fetch ? fetchHttpGet(options.fetch) : nodeHttpGet;
    this.now = options.now ?? (() => new Date());
    this.freeSpace = options.freeSpace ?? statfsFreeSpace;
    this.concurrency = options.concurrency ?? (() => 2);
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
    this.progressIntervalMs = options.progressIntervalMs ?? 250;
    this.loadRecords();
  }

  /** Every download, in queue order. */
  list(): Download[] {
    return [...this.records.values()].map(publicDownload);
  }

  get(episodeId: string): Download | undefined {
    const record = this.records.get(episodeId);
    return record && publicDownload(record);
  }

  /** The finished file's path, only when the download completed and the file is still there. */
  localFile(episodeId: string): string | undefined {
    const record = this.records.get(episodeId);
    if (record?.state !== 'completed' || !record.fileName || !isEarmarkFileName(record.fileName)) return undefined;
    const file = path.join(this.mediaDir, record.fileName);
    return existsSync(file) ? file : undefined;
  }

  /** Disk used by completed downloads, in total and per show. */
  usage(): StorageUsage {
    const usage: StorageUsage = { totalBytes: 0, byFeed: {} };
    for (const record of this.records.values()) {
      if (record.state !== 'completed') continue;
      usage.totalBytes += record.bytes;
      usage.byFeed[record.feedId] = (usage.byFeed[record.feedId] ?? 0) + record.bytes;
    }
    return usage;
  }

  /**
   * At app start: downloads left queued or running (app quit, crash, kill) continue from their
   * .part files; completed ones whose file vanished are marked failed. Files no record owns (the
   * records were damaged or reset) are never deleted: see media-sweep.ts. Paused and failed ones
   * wait for the listener.
   */
  async resume(): Promise<void> {
    if (this.started || this.closed) return;
    this.started = true;
    const owned = new Set<string>();
    for (const record of this.records.values()) {
      owned.add(partFileName(record.episodeId));
      if (record.fileName) owned.add(record.fileName);
      if (record.state === 'downloading') this.update(record.episodeId, { state: 'queued' }, false);
      if (record.state === 'completed' && !this.completeOnDisk(record))
        this.update(record.episodeId, {
          state: 'failed',
          bytes: 0,
          error: 'The downloaded file is missing or damaged. Download it again.',
        });
    }
    const adopted = this.sweep(owned);
    this.save();
    for (const episodeId of adopted) this.emitChange(episodeId);
    this.pump();
  }

  /** Queues an episode (or re-queues a failed, cancelled or paused one). A completed one is returned as is. */
  enqueue(episode: EpisodeToDownload): Download {
    if (this.closed) throw new DownloadError('Downloads are shutting down.');
    const existing = this.records.get(episode.id);
    if (existing && (existing.state === 'queued' || existing.state === 'downloading')) return publicDownload(existing);
    if (existing?.state === 'completed' && this.completeOnDisk(existing)) return publicDownload(existing);
    const length = episode.enclosure.length;
    const fresh: StoredDownload = dropUndefined({
      episodeId: episode.id,
      feedId: episode.feedId,
      url: episode.enclosure.url,
      state: 'queued' as const,
      bytes: 0,
      queuedAt: this.now().toISOString(),
      enclosureLength: length && length >= plausibleEnclosureBytes ? length : undefined,
      enclosureType: episode.enclosure.type,
      total: length && length >= plausibleEnclosureBytes ? length : undefined,
    });
    // A changed enclosure URL means a different file: what we have of the old one is no use.
    const keepPart = existing && existing.url === episode.enclosure.url && existing.state !== 'completed';
    const record: StoredDownload = keepPart
      ? { ...existing, state: 'queued', queuedAt: fresh.queuedAt, error: undefined, note: undefined }
      : fresh;
    if (!keepPart) void rm(this.partPath(episode.id), { force: true });
    this.records.set(episode.id, dropUndefined(record));
    this.save();
    this.emitChange(episode.id);
    this.pump();
    return publicDownload(record);
  }

  /** Continues a failed, cancelled or paused download (from its .part when there is one). */
  retry(episodeId: string): Download | undefined {
    const record = this.records.get(episodeId);
    if (!record) return undefined;
    if (record.state === 'failed' || record.state === 'cancelled' || record.state === 'paused') {
      this.update(episodeId, {
        state: 'queued',
        error: undefined,
        note: undefined,
        queuedAt: this.now().toISOString(),
      });
      this.pump();
    }
    return this.get(episodeId);
  }

  /** Stops a queued or running download and keeps its .part for a later retry. */
  async pause(episodeId: string): Promise<Download | undefined> {
    const record = this.records.get(episodeId);
    if (!record) return undefined;
    if (await this.stopActive(episodeId, 'pause')) return this.get(episodeId);
    if (record.state === 'queued') this.update(episodeId, { state: 'paused' });
    return this.get(episodeId);
  }

  /** Stops a download and discards its partial file. A completed download is left alone (use remove). */
  async cancel(episodeId: string): Promise<Download | undefined> {
    const record = this.records.get(episodeId);
    if (!record) return undefined;
    await this.stopActive(episodeId, 'cancel');
    const now = this.records.get(episodeId);
    if (now && now.state !== 'completed' && now.state !== 'cancelled') {
      await rm(this.partPath(episodeId), { force: true });
      this.update(episodeId, { state: 'cancelled', bytes: 0, error: undefined });
    }
    return this.get(episodeId);
  }

  /** Forgets a download and deletes its files, whatever its state. Returns false when there was none. */
  async remove(episodeId: string): Promise<boolean> {
    const record = this.records.get(episodeId);
    if (!record) return false;
    await this.stopActive(episodeId, 'remove');
    const finished = this.records.get(episodeId)?.fileName;
    await rm(this.partPath(episodeId), { force: true });
    if (finished && isEarmarkFileName(finished)) await rm(path.join(this.mediaDir, finished), { force: true });
    this.records.delete(episodeId);
    this.save();
    this.options.onRemoved?.(episodeId);
    return true;
  }

  /**
   * Applies the storage rules to completed downloads and removes what they pick. `facts` adds what
   * the catalogue and listening state know (publication date, played, when); `protectedIds` are
   * never removed (the episode playing now, or with state not yet saved).
   */
  async applyStorageRules(
    rules: StorageRules,
    facts: (episodeId: string) => Pick<DownloadFacts, 'publishedAt' | 'played' | 'playedAt'> | undefined,
    protectedIds: ReadonlySet<string> = new Set(),
  ): Promise<Eviction[]> {
    const downloads: DownloadFacts[] = [];
    for (const record of this.records.values()) {
      if (record.state !== 'completed') continue;
      const known = facts(record.episodeId);
      downloads.push(
        dropUndefined({
          episodeId: record.episodeId,
          feedId: record.feedId,
          bytes: record.bytes,
          completedAt: record.completedAt,
          played: known?.played ?? false,
          publishedAt: known?.publishedAt,
          playedAt: known?.playedAt,
        }),
      );
    }
    // Files adopted at this start are spared: the facts behind the rules (played, when) may have
    // been lost with their records, and nothing is deleted in the same start that lost them.
    const spared = new Set([...protectedIds, ...this.adopted]);
    const plan = planEvictions(downloads, rules, spared, this.now());
    for (const eviction of plan.evictions) await this.remove(eviction.episodeId);
    return plan.evictions;
  }

  /**
   * For shutdown: stops running downloads, keeping them queued (with their .part files) so the
   * next resume() continues them, and starts nothing new.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.active.keys()].map((id) => this.stopActive(id, 'close')));
    this.stopTimer();
    this.save();
  }

  // --- running downloads ---

  private pump(): void {
    if (!this.started || this.closed) return;
    const limit = Math.max(1, Math.floor(this.concurrency()));
    for (const record of this.records.values()) {
      if (this.active.size >= limit) break;
      if (record.state !== 'queued' || this.active.has(record.episodeId)) continue;
      this.launch(record.episodeId);
    }
  }

  private launch(episodeId: string): void {
    const active: Active = {
      stopper: new AbortController(),
      start: 0,
      lastBytes: 0,
      lastChangeAt: performance.now(),
      lastEmitAt: 0,
      emittedBytes: -1,
      meter: new ProgressMeter(),
    };
    this.active.set(episodeId, active);
    this.update(episodeId, { state: 'downloading', error: undefined });
    this.startTimer();
    active.run = this.run(episodeId, active)
      .catch((error: unknown) => this.fail(episodeId, networkError(error).message))
      .finally(() => {
        this.active.delete(episodeId);
        if (this.active.size === 0) this.stopTimer();
        this.pump();
      });
  }

  /** Attempts until the file is complete, a final error, retries run out, or a stop. */
  private async run(episodeId: string, active: Active): Promise<void> {
    const partPath = this.partPath(episodeId);
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
        this.update(episodeId, { etag: undefined, lastModified: undefined, statedTotal: undefined }, false);
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
          get: this.httpGet,
          signal: AbortSignal.any([active.stopper.signal, attempt.signal]),
          maxRedirects: this.options.maxRedirects ?? 10,
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
        await this.complete(episodeId, result.bytes, result.contentType);
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
        if (++failures > this.maxRetries)
          return this.fail(episodeId, `${problem.message} Gave up after ${failures} tries.`);
        this.update(episodeId, { bytes: size });
        await sleep(this.retryBaseMs * 2 ** (failures - 1), active.stopper.signal);
      }
    }
  }

  private async onHeaders(episodeId: string, info: HeadersInfo): Promise<void> {
    const record = this.records.get(episodeId);
    const total = info.total ?? record?.enclosureLength;
    if (total !== undefined) await this.ensureSpace(total - info.start);
    this.update(
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
    this.save();
  }

  private async complete(episodeId: string, bytes: number, contentType: string | undefined): Promise<void> {
    const record = this.records.get(episodeId);
    if (!record) return;
    const partPath = this.partPath(episodeId);
    const onDisk = await fileSize(partPath);
    if (onDisk !== bytes) throw new DownloadError('The saved file does not match what was received.', 'restart');
    const fileName = finalFileName(episodeId, extensionFor(contentType ?? record.contentType, record.enclosureType));
    // Same folder, same disk: rename is atomic, so a file under its final name is always whole.
    await rename(partPath, path.join(this.mediaDir, fileName));
    // The last progress (100 %) goes out before the state change, so "completed" is the final word.
    const speed = this.active.get(episodeId)?.meter.speed ?? 0;
    this.options.onProgress?.({ episodeId, bytes, total: bytes, speed, etaSeconds: 0 });
    this.update(episodeId, {
      state: 'completed',
      bytes,
      total: bytes,
      fileName,
      completedAt: this.now().toISOString(),
      error: undefined,
      note: sizeNote(bytes, record.enclosureLength),
      etag: undefined,
      lastModified: undefined,
    });
  }

  /** Stops a running download for `reason` and waits for it; false when it was not running. */
  private async stopActive(episodeId: string, reason: StopReason): Promise<boolean> {
    const running = this.active.get(episodeId);
    if (!running) return false;
    running.stop ??= reason;
    running.stopper.abort(new DownloadError(`Stopped (${reason}).`));
    await running.run;
    const record = this.records.get(episodeId);
    if (record && record.state !== 'completed' && record.state !== 'failed') {
      const bytes = await fileSize(this.partPath(episodeId));
      if (reason === 'pause') this.update(episodeId, { state: 'paused', bytes });
      // Shutdown: stays queued so the next start continues it.
      if (reason === 'close') this.update(episodeId, { state: 'queued', bytes });
    }
    return true;
  }

  private fail(episodeId: string, message: string): void {
    this.update(episodeId, { state: 'failed', error: message });
  }

  private async ensureSpace(needed: number): Promise<void> {
    await ensureFreeSpace(
      this.freeSpace,
      this.mediaDir,
      needed,
      this.options.freeSpaceMargin ?? defaultFreeSpaceMargin,
    );
  }

  // --- progress sampling: one timer for all downloads, no work per chunk ---

  private startTimer(): void {
    if (this.timer) return;
    const every = Math.max(10, Math.min(this.progressIntervalMs, this.stallTimeoutMs / 4));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const at = performance.now();
    for (const [episodeId, running] of this.active) {
      if (running.stop) continue;
      const bytes = running.stream ? running.start + running.stream.bytesWritten : running.start;
      if (bytes !== running.lastBytes) {
        running.lastBytes = bytes;
        running.lastChangeAt = at;
      } else if (
        at - running.lastChangeAt > this.stallTimeoutMs &&
        running.attempt &&
        !running.attempt.signal.aborted
      ) {
        running.attempt.abort(
          new DownloadError(
            `The server stopped sending data for ${Math.round(this.stallTimeoutMs / 100) / 10} seconds.`,
            'transient',
          ),
        );
      }
      if (at - running.lastEmitAt < this.progressIntervalMs || bytes === running.emittedBytes) continue;
      const record = this.records.get(episodeId);
      if (record) record.bytes = bytes; // in memory only; stored on the next state change
      const speed = running.meter.sample(at, bytes);
      running.lastEmitAt = at;
      running.emittedBytes = bytes;
      this.options.onProgress?.(
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

  // --- records ---

  /**
   * Takes the usable records from the store. Whatever shape it holds (openStore checks the shape
   * when given downloadsShape; this is the manager's own guard), a bad record is skipped, and the
   * file as read is copied aside first, because the next save rewrites it without them.
   */
  private loadRecords(): void {
    let read;
    try {
      read = readStoredDownloads(this.options.store.get('downloads'));
    } catch {
      read = { records: [], dropped: 0, notAList: true };
    }
    for (const record of read.records) this.records.set(record.episodeId, record);
    if (read.dropped > 0 || read.notAList)
      this.notice(unreadableRecordsWords(read, keepStoreCopy(this.options.store.path, this.now())));
  }

  /** Adopts stray files again or keeps them aside (media-sweep.ts), and says so; returns the adopted ids. */
  private sweep(owned: ReadonlySet<string>): string[] {
    const result = sweepMedia({
      mediaDir: this.mediaDir,
      owned,
      hasRecord: (id) => this.records.has(id),
      knownEpisodes: this.options.knownEpisodes ?? (() => []),
      plausibleBytes: plausibleEnclosureBytes,
      now: this.now(),
    });
    for (const record of result.adopted) {
      this.records.set(record.episodeId, record);
      this.adopted.add(record.episodeId);
    }
    for (const text of result.notices) this.notice(text);
    return result.adopted.map((record) => record.episodeId);
  }

  private notice(text: string): void {
    (this.options.onNotice ?? console.warn)(text);
  }

  private update(episodeId: string, patch: Partial<StoredDownload>, announce = true): void {
    const record = this.records.get(episodeId);
    if (!record) return;
    const next = dropUndefined({ ...record, ...patch });
    this.records.set(episodeId, next);
    if (!announce) return;
    this.save();
    this.emitChange(episodeId);
  }

  private emitChange(episodeId: string): void {
    const record = this.records.get(episodeId);
    if (record) this.options.onChange?.(publicDownload(record));
  }

  private save(): void {
    this.options.store.set('downloads', [...this.records.values()]);
  }

  private partPath(episodeId: string): string {
    return path.join(this.mediaDir, partFileName(episodeId));
  }

  private completeOnDisk(record: StoredDownload): boolean {
    if (!record.fileName || !record.fileName.startsWith(fileStem(record.episodeId))) return false;
    try {
      return statSync(path.join(this.mediaDir, record.fileName)).size === record.bytes;
    } catch {
      return false;
    }
  }
}

async function fileSize(file: string): Promise<number> {
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
