import { existsSync, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Download, DownloadProgress, StorageRules, StorageUsage } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { PRIVATE_FOLDER_MODE, type KeyValueStore } from '../store.js';
import { publicDownload, type DownloadsData, type StoredDownload } from './download-store.js';
import { DownloadError } from './download-messages.js';
import { DownloadRecords, plausibleEnclosureBytes } from './download-records.js';
import { DownloadRunner } from './download-runner.js';
import { defaultFreeSpaceMargin, statfsFreeSpace, type FreeSpace } from './free-space.js';
import { fetchHttpGet, nodeHttpGet } from './http-get.js';
import { isEarmarkFileName, partFileName } from './media-names.js';
import type { KnownEpisode } from './media-sweep.js';
import { RunningDownloads } from './running-downloads.js';
import { completedDownloadFacts, planEvictions, type DownloadFacts, type Eviction } from './storage-rules.js';

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

/**
 * Episode downloads: a persistent queue with a concurrency limit; each file is streamed to
 * <media>/<sha256(id)>.part, resumed with Range + If-Range after drops, crashes and restarts,
 * verified against the stated length and renamed into place only when complete. The records are
 * in download-records.ts, one download's attempts in download-runner.ts, the running ones and
 * their progress timer in running-downloads.ts and progress-ticker.ts.
 */
export class DownloadManager {
  readonly mediaDir: string;
  private readonly records: DownloadRecords;
  private readonly running: RunningDownloads;
  private readonly now: () => Date;
  private readonly concurrency: () => number;
  /** Adopted by this start's sweep: spared by the storage rules until the next start (see resume). */
  private readonly adopted = new Set<string>();
  private started = false;
  private closed = false;

  constructor(private readonly options: DownloadManagerOptions) {
    const mediaDir = path.join(options.dataDir, 'media');
    this.mediaDir = mediaDir;
    mkdirSync(mediaDir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
    const now = options.now ?? (() => new Date());
    this.now = now;
    this.concurrency = options.concurrency ?? (() => 2);
    const onProgress = (progress: DownloadProgress) => options.onProgress?.(progress);
    const records = new DownloadRecords({
      mediaDir,
      store: options.store,
      now,
      onChange: (download) => options.onChange?.(download),
      notice: (text) => (options.onNotice ?? console.warn)(text),
    });
    this.records = records;
    const runner = new DownloadRunner({
      records,
      mediaDir,
      httpGet: options.fetch ? fetchHttpGet(options.fetch) : nodeHttpGet,
      now,
      freeSpace: options.freeSpace ?? statfsFreeSpace,
      freeSpaceMargin: options.freeSpaceMargin ?? defaultFreeSpaceMargin,
      maxRetries: options.maxRetries ?? 3,
      retryBaseMs: options.retryBaseMs ?? 1000,
      maxRedirects: options.maxRedirects ?? 10,
      onProgress,
    });
    this.running = new RunningDownloads({
      runner,
      records,
      onProgress,
      progressIntervalMs: options.progressIntervalMs ?? 250,
      stallTimeoutMs: options.stallTimeoutMs ?? 30_000,
      onSettled: () => this.pump(),
    });
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
      if (record.state === 'downloading') this.records.update(record.episodeId, { state: 'queued' }, false);
      if (record.state === 'completed' && !this.records.completeOnDisk(record))
        this.records.update(record.episodeId, {
          state: 'failed',
          bytes: 0,
          error: 'The downloaded file is missing or damaged. Download it again.',
        });
    }
    const adopted = this.records.sweep(owned, this.options.knownEpisodes ?? (() => []));
    for (const episodeId of adopted) this.adopted.add(episodeId);
    this.records.save();
    for (const episodeId of adopted) this.records.emitChange(episodeId);
    this.pump();
  }

  /** Queues an episode (or re-queues a failed, cancelled or paused one). A completed one is returned as is. */
  enqueue(episode: EpisodeToDownload): Download {
    if (this.closed) throw new DownloadError('Downloads are shutting down.');
    const existing = this.records.get(episode.id);
    if (existing && (existing.state === 'queued' || existing.state === 'downloading')) return publicDownload(existing);
    if (existing?.state === 'completed' && this.records.completeOnDisk(existing)) return publicDownload(existing);
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
    if (!keepPart) void rm(this.records.partPath(episode.id), { force: true });
    this.records.set(episode.id, dropUndefined(record));
    this.records.save();
    this.records.emitChange(episode.id);
    this.pump();
    return publicDownload(record);
  }

  /** Continues a failed, cancelled or paused download (from its .part when there is one). */
  retry(episodeId: string): Download | undefined {
    const record = this.records.get(episodeId);
    if (!record) return undefined;
    if (record.state === 'failed' || record.state === 'cancelled' || record.state === 'paused') {
      this.records.update(episodeId, {
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
    if (await this.running.stop(episodeId, 'pause')) return this.get(episodeId);
    if (record.state === 'queued') this.records.update(episodeId, { state: 'paused' });
    return this.get(episodeId);
  }

  /** Stops a download and discards its partial file. A completed download is left alone (use remove). */
  async cancel(episodeId: string): Promise<Download | undefined> {
    const record = this.records.get(episodeId);
    if (!record) return undefined;
    await this.running.stop(episodeId, 'cancel');
    const now = this.records.get(episodeId);
    if (now && now.state !== 'completed' && now.state !== 'cancelled') {
      await rm(this.records.partPath(episodeId), { force: true });
      this.records.update(episodeId, { state: 'cancelled', bytes: 0, error: undefined });
    }
    return this.get(episodeId);
  }

  /** Forgets a download and deletes its files, whatever its state. Returns false when there was none. */
  async remove(episodeId: string): Promise<boolean> {
    const record = this.records.get(episodeId);
    if (!record) return false;
    await this.running.stop(episodeId, 'remove');
    const finished = this.records.get(episodeId)?.fileName;
    await rm(this.records.partPath(episodeId), { force: true });
    if (finished && isEarmarkFileName(finished)) await rm(path.join(this.mediaDir, finished), { force: true });
    this.records.delete(episodeId);
    this.records.save();
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
    const downloads = completedDownloadFacts(this.records.values(), facts);
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
    await this.running.close();
    this.records.save();
  }

  private pump(): void {
    if (!this.started || this.closed) return;
    const limit = Math.max(1, Math.floor(this.concurrency()));
    for (const record of this.records.values()) {
      if (this.running.size >= limit) break;
      if (record.state !== 'queued' || this.running.has(record.episodeId)) continue;
      this.running.launch(record.episodeId);
    }
  }
}
