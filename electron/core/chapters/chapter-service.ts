import { stat } from 'node:fs/promises';
import { chaptersFromShowNotes } from '../../../shared/chapters.js';
import type { Chapter, Episode } from '../../../shared/types.js';
import { ChapterCache } from './chapter-cache.js';
import { readEmbeddedChapters } from './embedded-chapters.js';
import { fetchChaptersText } from './fetch-chapters-json.js';
import { pickChapters } from './pick-chapters.js';
import { readPodcastChaptersJson } from './podcast-chapters-json.js';
import { chaptersFromPsc } from './psc-chapters.js';

export interface ChapterServiceOptions {
  /** The app's data dir; parsed podcast:chapters files are kept in <dataDir>/chapters/. */
  dataDir: string;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Per chapters-file request. */
  timeoutMs?: number;
  /** Chapters files larger than this are refused (real ones are a few KB). */
  maxBytes?: number;
  /** After a failed fetch, the URL is not asked again for this long (each episode view would retry). */
  retryAfterMs?: number;
  /** How many chapters files prefetch fetches at once. */
  concurrency?: number;
  /** Told about unusable chapters files and unreadable audio files. */
  warn?: (message: string) => void;
  /** Reads chapters from a local audio file; replaceable for tests. */
  readEmbedded?: (filePath: string) => Promise<Chapter[]>;
}

/** The episode fields chapters come from. */
export type ChapterEpisode = Pick<Episode, 'chaptersUrl' | 'pscChapters' | 'showNotesHtml' | 'durationSeconds'>;

const MAX_EMBEDDED_MEMO = 256;

/**
 * One chapter list per episode from every source, in precedence order:
 * podcast:chapters JSON > psc:chapters > chapters embedded in the downloaded file > show-note timestamps.
 * The first non-empty source wins whole (see pickChapters for why sources are not interleaved). Sources
 * are consulted lazily: when the JSON or psc list is there, no audio file is parsed.
 */
export class ChapterService {
  private readonly cache: ChapterCache;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly warn: (message: string) => void;
  private readonly readEmbedded: (filePath: string) => Promise<Chapter[]>;
  private readonly json = new Map<string, Chapter[]>();
  private readonly inFlight = new Map<string, Promise<Chapter[] | undefined>>();
  private readonly failedAt = new Map<string, number>();
  private readonly embedded = new Map<string, Chapter[]>();

  constructor(private readonly options: ChapterServiceOptions) {
    this.cache = new ChapterCache(options.dataDir);
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.readEmbedded = options.readEmbedded ?? ((file) => readEmbeddedChapters(file, { warn: this.warn }));
  }

  /** The episode's chapters; localFilePath is its downloaded audio, when there is one. Never rejects. */
  async chaptersFor(episode: ChapterEpisode, localFilePath?: string): Promise<Chapter[]> {
    const sources: (() => Promise<Chapter[]> | Chapter[])[] = [
      () => (episode.chaptersUrl ? this.podcastChapters(episode.chaptersUrl) : []),
      () => chaptersFromPsc(episode),
      () => (localFilePath ? this.embeddedChapters(localFilePath) : []),
      () => chaptersFromShowNotes(episode.showNotesHtml, episode.durationSeconds),
    ];
    for (const source of sources) {
      const chapters = await this.safely(source);
      if (chapters.length) return pickChapters([chapters]);
    }
    return [];
  }

  /**
   * Fetches and caches the podcast:chapters files of these episodes that are not cached yet, a few at a
   * time. Call it after a feed sync so chapters are there before playback and offline. Never rejects.
   */
  async prefetch(episodes: readonly Pick<Episode, 'chaptersUrl'>[]): Promise<void> {
    const urls = [...new Set(episodes.flatMap((e) => (e.chaptersUrl ? [e.chaptersUrl] : [])))];
    const queue = urls.values();
    const worker = async () => {
      for (const url of queue) await this.safely(() => this.podcastChapters(url));
    };
    await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency ?? 4) }, worker));
  }

  /** Parsed podcast:chapters file: memory, then disk, then the network (then cached on disk). */
  async podcastChapters(url: string): Promise<Chapter[]> {
    const known = this.json.get(url) ?? (await this.cache.get(url));
    if (known) {
      this.json.set(url, known);
      return known;
    }
    const failed = this.failedAt.get(url);
    if (failed !== undefined && this.now().getTime() - failed < (this.options.retryAfterMs ?? 5 * 60_000)) return [];
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.download(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return (await pending) ?? [];
  }

  /** Chapters in a local audio file, remembered per path + size + mtime (a re-download is read again). */
  async embeddedChapters(filePath: string): Promise<Chapter[]> {
    const info = await stat(filePath);
    const key = `${filePath}\n${info.size}\n${info.mtimeMs}`;
    const known = this.embedded.get(key);
    if (known) return known;
    const chapters = await this.readEmbedded(filePath);
    if (this.embedded.size >= MAX_EMBEDDED_MEMO) this.embedded.delete(this.embedded.keys().next().value ?? '');
    this.embedded.set(key, chapters);
    return chapters;
  }

  /** undefined = not available now (network or server trouble, or an unusable file): try again later. */
  private async download(url: string): Promise<Chapter[] | undefined> {
    let text: string;
    try {
      text = await fetchChaptersText(url, {
        fetch: this.fetch,
        timeoutMs: this.options.timeoutMs ?? 15_000,
        maxBytes: this.options.maxBytes ?? 2 * 1024 * 1024,
      });
    } catch (error) {
      this.failedAt.set(url, this.now().getTime());
      this.warn(`Could not fetch chapters ${url}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const { chapters, usable } = readPodcastChaptersJson(text, {
      baseUrl: url,
      warn: (message) => this.warn(`${url}: ${message}`),
    });
    if (!usable) {
      // Not cached: the publisher may fix the file; until retryAfterMs the next source is used.
      this.failedAt.set(url, this.now().getTime());
      return undefined;
    }
    this.failedAt.delete(url);
    this.json.set(url, chapters);
    try {
      await this.cache.set(url, chapters, this.now());
    } catch (error) {
      this.warn(`Could not cache chapters ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return chapters;
  }

  /** One broken source (a missing file, a disk error) must not hide the others. */
  private async safely(source: () => Promise<Chapter[]> | Chapter[]): Promise<Chapter[]> {
    try {
      return await source();
    } catch (error) {
      this.warn(`Chapters source failed: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
}
