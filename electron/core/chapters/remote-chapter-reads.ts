// ChapterService's background reads of chapters in audio on the web: one read per URL, a few at once, bounded waits.
import type { Chapter } from '../../../shared/types.js';
import { readRemoteEmbeddedChapters } from './embedded-chapters.js';

export interface RemoteReadLimits {
  /** One file's whole read (default 20 s). */
  timeoutMs?: number;
  /** Body bytes read per file, over all its requests (default 8 MiB: ID3 tags may carry images). */
  maxBytes?: number;
  /** Bytes per request (default 64 KiB). */
  chunkBytes?: number;
  /** Files read at once (default 2). */
  concurrency?: number;
  /** How long chaptersFor waits for a read before answering from the next source (default 1.5 s). */
  waitMs?: number;
}

export interface RemoteChapterReadsOptions {
  fetch: typeof fetch;
  now: () => Date;
  warn: (message: string) => void;
  limits: RemoteReadLimits;
  /** After a failed read, the URL is not read again for this long. */
  retryAfterMs: number;
  /** Keeps what a read found (memory and the disk cache) before anyone waiting is answered. */
  remember: (url: string, chapters: Chapter[]) => Promise<void>;
  /** Told about each episode that stopped waiting for a read that then found chapters. */
  onChanged?: (episodeId: string) => void;
}

interface RemoteRead {
  promise: Promise<Chapter[] | undefined>;
  done: boolean;
  /** Episodes whose chaptersFor stopped waiting: told through onChanged when the read finds chapters. */
  late: Set<string>;
}

/** The reads of audio on the web that are running or waiting for a slot, and the URLs that failed lately. */
export class RemoteChapterReads {
  private readonly reads = new Map<string, RemoteRead>();
  private readonly failedAt = new Map<string, number>();
  private readonly waitingForSlot: (() => void)[] = [];
  private running = 0;

  constructor(private readonly options: RemoteChapterReadsOptions) {}

  /**
   * The chapters of the audio at url: starts a read (or joins the one running) and waits for it at most
   * limits.waitMs. [] when the read failed lately, found none or is still running; a read still running
   * that later finds chapters is told to onChanged for episodeId.
   */
  async chaptersOf(url: string, episodeId: string | undefined): Promise<Chapter[]> {
    const failed = this.failedAt.get(url);
    if (failed !== undefined && this.options.now().getTime() - failed < this.options.retryAfterMs) return [];
    let read = this.reads.get(url);
    if (!read) {
      read = this.start(url);
      this.reads.set(url, read);
    }
    const waitMs = this.options.limits.waitMs ?? 1_500;
    const pending = read;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        if (!pending.done && episodeId) pending.late.add(episodeId);
        resolve(undefined);
      }, waitMs);
    });
    try {
      return (await Promise.race([pending.promise, gaveUp])) ?? [];
    } finally {
      clearTimeout(timer);
    }
  }

  private start(url: string): RemoteRead {
    const { limits, warn, now } = this.options;
    const read: RemoteRead = { done: false, late: new Set(), promise: Promise.resolve(undefined) };
    read.promise = this.whenSlotFree(() =>
      readRemoteEmbeddedChapters(url, {
        fetch: this.options.fetch,
        timeoutMs: limits.timeoutMs ?? 20_000,
        maxBytes: limits.maxBytes ?? 8 * 1024 * 1024,
        chunkBytes: limits.chunkBytes ?? 64 * 1024,
      }),
    )
      .then(
        async (chapters) => {
          this.failedAt.delete(url);
          await this.options.remember(url, chapters);
          return chapters;
        },
        (error: unknown) => {
          // Not cached: the next open after retryAfterMs tries again.
          this.failedAt.set(url, now().getTime());
          warn(`Could not read chapters from ${url}: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        },
      )
      .finally(() => {
        read.done = true;
        this.reads.delete(url);
      })
      .then((chapters) => {
        if (chapters?.length) for (const id of read.late) this.options.onChanged?.(id);
        return chapters;
      });
    return read;
  }

  /** Runs task when fewer than limits.concurrency reads are running. */
  private async whenSlotFree<T>(task: () => Promise<T>): Promise<T> {
    const limit = Math.max(1, this.options.limits.concurrency ?? 2);
    // A finishing read hands its slot to the next one waiting, so no newcomer slips in between.
    if (this.running >= limit) await new Promise<void>((resolve) => this.waitingForSlot.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waitingForSlot.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
