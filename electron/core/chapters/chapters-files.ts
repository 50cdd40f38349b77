// Podcasting 2.0 chapters files by URL (memory, disk cache, network, retry rule): the first source ChapterService asks.
import type { Chapter } from '../../../shared/types.js';
import { boundedGet } from '../bounded-get.js';
import type { ChapterCache } from './chapter-cache.js';
import { readPodcastChaptersJson } from './podcast-chapters-json.js';

export interface ChaptersFilesOptions {
  cache: ChapterCache;
  fetch: typeof fetch;
  now: () => Date;
  warn: (message: string) => void;
  /** Runs a cache write so that ChapterService.close() waits for it (and runs none once closed). */
  keep: (writeFile: () => Promise<void>) => Promise<void>;
  /** Per chapters-file request. */
  timeoutMs: number;
  /** Chapters files larger than this are refused. */
  maxBytes: number;
  /** After a failed fetch, the URL is not asked again for this long. */
  retryAfterMs: number;
}

/** The parsed chapters files ChapterService asks for, fetched once and cached on disk. */
export class ChaptersFiles {
  /** Parsed files per URL, from the network or read from the disk cache. */
  private readonly parsed = new Map<string, Chapter[]>();
  private readonly inFlight = new Map<string, Promise<Chapter[] | undefined>>();
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly options: ChaptersFilesOptions) {}

  /** What memory holds for the URL, without reading the disk or the network. */
  known(url: string): Chapter[] | undefined {
    return this.parsed.get(url);
  }

  /** A list read from the disk cache at start; one memory already holds wins. */
  rememberCached(url: string, chapters: Chapter[]): void {
    if (!this.parsed.has(url)) this.parsed.set(url, chapters);
  }

  /** Parsed podcast:chapters file: memory, then disk, then the network (then cached on disk). */
  async get(url: string): Promise<Chapter[]> {
    const known = this.parsed.get(url) ?? (await this.options.cache.get(url));
    if (known) {
      this.parsed.set(url, known);
      return known;
    }
    const failed = this.failedAt.get(url);
    if (failed !== undefined && this.options.now().getTime() - failed < this.options.retryAfterMs) return [];
    let pending = this.inFlight.get(url);
    if (!pending) {
      pending = this.download(url).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return (await pending) ?? [];
  }

  /** undefined = not available now (network or server trouble, or an unusable file): try again later. */
  private async download(url: string): Promise<Chapter[] | undefined> {
    const { warn, now } = this.options;
    let text: string;
    try {
      const bytes = await boundedGet(url, {
        fetch: this.options.fetch,
        timeoutMs: this.options.timeoutMs,
        maxBytes: this.options.maxBytes,
        accept: 'application/json+chapters, application/json;q=0.9, */*;q=0.5',
        what: 'chapters file',
      });
      text = new TextDecoder().decode(bytes);
    } catch (error) {
      this.failedAt.set(url, now().getTime());
      warn(`Could not fetch chapters ${url}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const { chapters, usable } = readPodcastChaptersJson(text, {
      baseUrl: url,
      warn: (message) => warn(`${url}: ${message}`),
    });
    if (!usable) {
      // Not cached: the publisher may fix the file; until retryAfterMs the next source is used.
      this.failedAt.set(url, now().getTime());
      return undefined;
    }
    this.failedAt.delete(url);
    this.parsed.set(url, chapters);
    try {
      await this.options.keep(() => this.options.cache.set(url, chapters, now()));
    } catch (error) {
      warn(`Could not cache chapters ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return chapters;
  }
}
