import type { Episode, Transcript, TranscriptResult } from '../../../shared/types.js';
import { chooseTranscript, type ChosenTranscript } from './choose-transcript.js';
import { fetchTranscript, TranscriptFailure } from './fetch-transcript.js';
import { TranscriptCache } from './transcript-cache.js';

/** The episode fields a transcript comes from. */
export type TranscriptEpisode = Pick<Episode, 'id' | 'feedId' | 'transcripts'> &
  Partial<Pick<Episode, 'publishedAt' | 'goneFromFeed'>>;

export interface TranscriptServiceOptions {
  /** The app's data dir; parsed transcripts are kept in <dataDir>/transcripts/. */
  dataDir: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Told about transcripts that could not be fetched, read or cached (one line each). */
  warn?: (message: string) => void;
  /** The show's language (Feed.language): transcripts in it are preferred. */
  showLanguage?: (feedId: string) => string | undefined;
  /** An episode of the library by id, gone-from-feed ones included: for cachedTranscript. */
  episode?: (episodeId: string) => TranscriptEpisode | undefined;
  /** Every episode of the library: for cachedEpisodeIds. */
  episodes?: () => Iterable<TranscriptEpisode>;
  /** Told when an episode's transcript has just been written to the cache (the search index takes it then). */
  onCached?: (episodeId: string, transcript: Transcript) => void;
  /** Per transcript request (default 30 s). */
  timeoutMs?: number;
  /** Larger files are refused while they arrive (default 10 MiB; a 3-hour VTT is under 1 MiB). */
  maxBytes?: number;
  /** A server that answered wrongly (HTTP error, too large, unreadable) is not asked again for this long (1 h). */
  retryAfterMs?: number;
  /** One that did not answer at all (offline, a timeout) is asked again after this (5 min). */
  retryUnreachableAfterMs?: number;
  /** How many of a show's newest episodes prefetch looks at (20). */
  prefetchCount?: number;
  /** How many transcripts prefetch fetches at once (2). */
  concurrency?: number;
}

/** Parsed transcripts kept in memory: the open episode's, and a few a note or search just read. */
const MEMORY_SIZE = 8;

interface Flight {
  promise: Promise<TranscriptResult>;
  /** Every episode that asked while it ran: each is told to onCached. */
  episodeIds: Set<string>;
}

/**
 * One transcript per episode: the link chooseTranscript picks, read from the disk cache, else fetched
 * (bounded), parsed and cached. Failures come back as `{ status: 'failed', message }` in words and are
 * remembered, so a broken server is not asked again at every view. Never rejects.
 */
export class TranscriptService {
  private readonly cache: TranscriptCache;
  private readonly now: () => Date;
  private readonly warn: (message: string) => void;
  private readonly memory = new Map<string, Transcript>();
  private readonly failures = new Map<string, { until: number; message: string }>();
  private readonly inFlight = new Map<string, Flight>();
  private readonly writes = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: TranscriptServiceOptions) {
    this.cache = new TranscriptCache(options.dataDir);
    this.now = options.now ?? (() => new Date());
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  /** The link this episode's transcript is read from, or undefined when it offers none Earmark reads. */
  linkFor(episode: TranscriptEpisode): ChosenTranscript | undefined {
    return chooseTranscript(episode.transcripts, this.options.showLanguage?.(episode.feedId));
  }

  /** The episode's transcript: memory, then the disk cache, then the network. Concurrent calls share one fetch. */
  async transcriptFor(episode: TranscriptEpisode): Promise<TranscriptResult> {
    const link = this.linkFor(episode);
    if (!link) return { status: 'none' };
    const known = this.fromMemory(link.url);
    if (known) return { status: 'ready', transcript: known };
    const failed = this.failures.get(link.url);
    if (failed && this.now().getTime() < failed.until) return { status: 'failed', message: failed.message };
    let flight = this.inFlight.get(link.url);
    if (!flight) {
      const episodeIds = new Set<string>();
      const promise = this.load(link, episode.feedId, episodeIds).finally(() => this.inFlight.delete(link.url));
      flight = { promise, episodeIds };
      this.inFlight.set(link.url, flight);
    }
    flight.episodeIds.add(episode.id);
    return flight.promise;
  }

  /**
   * The episode's transcript if it is cached, without the network (for a note's quote and the search
   * index, which must work offline and must not fetch); undefined otherwise.
   */
  async cachedTranscript(episodeId: string): Promise<Transcript | undefined> {
    const episode = this.options.episode?.(episodeId);
    const link = episode && this.linkFor(episode);
    if (!link) return undefined;
    return this.fromMemory(link.url) ?? (await this.fromDisk(link.url));
  }

  /** Every episode of the library whose transcript is cached (what cachedTranscript would answer). */
  async cachedEpisodeIds(): Promise<string[]> {
    const files = await this.cache.fileNames();
    const ids: string[] = [];
    for (const episode of this.options.episodes?.() ?? []) {
      const link = this.linkFor(episode);
      if (link && files.has(this.cache.fileNameFor(link.url))) ids.push(episode.id);
    }
    return ids;
  }

  /**
   * Fetches the transcripts of a show's newest episodes that are not cached yet, a few at a time; call it
   * after a sync so transcripts are there offline. Skips recent failures; stops at close. Never rejects.
   */
  async prefetch(episodes: readonly TranscriptEpisode[]): Promise<void> {
    const newest = episodes
      .filter((episode) => !episode.goneFromFeed)
      .sort(newestFirst)
      .slice(0, this.options.prefetchCount ?? 20);
    const queue = newest.values();
    const worker = async () => {
      for (const episode of queue) {
        if (this.closed) return;
        const link = this.linkFor(episode);
        if (!link || this.memory.has(link.url) || (await this.cache.has(link.url))) continue;
        await this.transcriptFor(episode);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 2) }, worker));
  }

  /** Waits for cache files being written, and writes no more (nor fetches for prefetch). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.writes]);
  }

  private async load(link: ChosenTranscript, feedId: string, episodeIds: Set<string>): Promise<TranscriptResult> {
    const cached = await this.fromDisk(link.url);
    if (cached) return { status: 'ready', transcript: cached };
    let transcript: Transcript;
    try {
      transcript = await fetchTranscript(link, {
        fetch: this.options.fetch ?? fetch,
        timeoutMs: this.options.timeoutMs ?? 30_000,
        maxBytes: this.options.maxBytes ?? 10 * 1024 * 1024,
        showLanguage: this.options.showLanguage?.(feedId),
      });
    } catch (error) {
      const failure =
        error instanceof TranscriptFailure
          ? error
          : new TranscriptFailure(`The transcript could not be read: ${String(error)}`, false);
      // A request cut by closing the app says nothing about the server.
      if (!this.closed) {
        const wait = failure.unreachable
          ? (this.options.retryUnreachableAfterMs ?? 5 * 60_000)
          : (this.options.retryAfterMs ?? 60 * 60_000);
        this.failures.set(link.url, { until: this.now().getTime() + wait, message: failure.message });
      }
      this.warn(`Transcript ${link.url}: ${failure.message}`);
      return { status: 'failed', message: failure.message };
    }
    this.failures.delete(link.url);
    this.remember(link.url, transcript);
    if (await this.store(link.url, transcript)) {
      for (const episodeId of episodeIds) this.tellCached(episodeId, transcript);
    }
    return { status: 'ready', transcript };
  }

  /** A listener's mistake must not turn a transcript that is there into a failure. */
  private tellCached(episodeId: string, transcript: Transcript): void {
    try {
      this.options.onCached?.(episodeId, transcript);
    } catch (error) {
      this.warn(`onCached failed for ${episodeId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Writes the cache file unless closed; false when nothing was written. */
  private async store(url: string, transcript: Transcript): Promise<boolean> {
    if (this.closed) return false;
    const write = this.cache.set(url, transcript, this.now());
    this.writes.add(write);
    try {
      await write;
      return true;
    } catch (error) {
      // Still shown from memory this time; fetched again after a restart.
      this.warn(`Could not cache the transcript ${url}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.writes.delete(write);
    }
  }

  private async fromDisk(url: string): Promise<Transcript | undefined> {
    const transcript = await this.cache.get(url);
    if (transcript) this.remember(url, transcript);
    return transcript;
  }

  private fromMemory(url: string): Transcript | undefined {
    const transcript = this.memory.get(url);
    if (transcript) this.remember(url, transcript);
    return transcript;
  }

  /** Least recently used out first. */
  private remember(url: string, transcript: Transcript): void {
    this.memory.delete(url);
    this.memory.set(url, transcript);
    if (this.memory.size > MEMORY_SIZE) this.memory.delete(this.memory.keys().next().value!);
  }
}

/** Newest first; undated episodes last (ISO dates compare as text). */
function newestFirst(a: TranscriptEpisode, b: TranscriptEpisode): number {
  if (a.publishedAt === b.publishedAt) return 0;
  if (a.publishedAt === undefined) return 1;
  if (b.publishedAt === undefined) return -1;
  return a.publishedAt < b.publishedAt ? 1 : -1;
}
