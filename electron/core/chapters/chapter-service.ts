import { stat } from 'node:fs/promises';
import { chaptersFromShowNotes } from '../../../shared/chapters.js';
import type { Chapter, Episode } from '../../../shared/types.js';
import { ChapterCache } from './chapter-cache.js';
import { ChaptersFiles } from './chapters-files.js';
import { readEmbeddedChapters } from './embedded-chapters.js';
import { pickChapters } from './pick-chapters.js';
import { chaptersFromPsc } from './psc-chapters.js';
import { RemoteChapterReads, type RemoteReadLimits } from './remote-chapter-reads.js';

export type { RemoteReadLimits } from './remote-chapter-reads.js';

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
  /** Told when an episode's chapters are known after chaptersFor answered without them (a late remote read). */
  onChanged?: (episodeId: string) => void;
  /** Reading chapters embedded in the audio on the web, with HTTP Range requests. */
  remote?: RemoteReadLimits;
}

/** The episode fields chapters come from; id and enclosure let the audio on the web be read. */
export type ChapterEpisode = Pick<Episode, 'chaptersUrl' | 'pscChapters' | 'showNotesHtml' | 'durationSeconds'> &
  Partial<Pick<Episode, 'id' | 'enclosure'>>;

export interface ChaptersForOptions {
  /** Start reading the audio on the web when nothing is known of it (default true; exports pass false). */
  readRemote?: boolean;
}

const MAX_EMBEDDED_MEMO = 256;

/**
 * One chapter list per episode from every source, in precedence order:
 * podcast:chapters JSON > psc:chapters > chapters embedded in the audio > show-note timestamps.
 * The first non-empty source wins whole (see pickChapters for why sources are not interleaved). Sources
 * are consulted lazily: when the JSON or psc list is there, no audio is read.
 *
 * Embedded chapters come from the downloaded file when there is one, else from the enclosure on the web,
 * read with Range requests in the background (a few at a time, bounded in time and bytes). chaptersFor
 * waits for such a read at most remote.waitMs; a read that finishes later and finds chapters is told to
 * onChanged. What either read finds is cached on disk per enclosure URL, so an episode's audio is read
 * once, and search knows its chapters (knownChapters).
 */
export class ChapterService {
  private readonly cache: ChapterCache;
  private readonly now: () => Date;
  private readonly warn: (message: string) => void;
  private readonly readEmbedded: (filePath: string) => Promise<Chapter[]>;
  private readonly files: ChaptersFiles;
  private readonly remoteReads: RemoteChapterReads;
  /** Embedded chapters per local file (path + size + mtime). */
  private readonly embedded = new Map<string, Chapter[]>();
  /** Embedded chapters per enclosure URL, from either read; [] = the audio has none. */
  private readonly embeddedByUrl = new Map<string, Chapter[]>();
  private readonly writes = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: ChapterServiceOptions) {
    this.cache = new ChapterCache(options.dataDir);
    const fetchFn = options.fetch ?? fetch;
    this.now = options.now ?? (() => new Date());
    this.warn = options.warn ?? ((message) => console.warn(message));
    this.readEmbedded = options.readEmbedded ?? ((file) => readEmbeddedChapters(file, { warn: this.warn }));
    const retryAfterMs = options.retryAfterMs ?? 5 * 60_000;
    this.files = new ChaptersFiles({
      cache: this.cache,
      fetch: fetchFn,
      now: this.now,
      warn: this.warn,
      keep: (writeFile) => this.keep(writeFile),
      timeoutMs: options.timeoutMs ?? 15_000,
      maxBytes: options.maxBytes ?? 2 * 1024 * 1024,
      retryAfterMs,
    });
    this.remoteReads = new RemoteChapterReads({
      fetch: fetchFn,
      now: this.now,
      warn: this.warn,
      limits: options.remote ?? {},
      retryAfterMs,
      remember: (url, chapters) => this.rememberEmbedded(url, chapters),
      onChanged: options.onChanged,
    });
  }

  /**
   * The episode's chapters; localFilePath is its downloaded audio, when there is one (it replaces
   * reading the audio on the web). Never rejects.
   */
  async chaptersFor(
    episode: ChapterEpisode,
    localFilePath?: string,
    options: ChaptersForOptions = {},
  ): Promise<Chapter[]> {
    const sources: (() => Promise<Chapter[]> | Chapter[])[] = [
      () => (episode.chaptersUrl ? this.podcastChapters(episode.chaptersUrl) : []),
      () => chaptersFromPsc(episode),
      () =>
        localFilePath
          ? this.downloadedChapters(episode, localFilePath)
          : this.remoteChapters(episode, options.readRemote ?? true),
      () => chaptersFromShowNotes(episode.showNotesHtml, episode.durationSeconds),
    ];
    for (const source of sources) {
      const chapters = await this.safely(source);
      if (chapters.length) return pickChapters([chapters]);
    }
    return [];
  }

  /**
   * The chapters chaptersFor would answer, from what is known without reading anything (memory, filled
   * from the disk cache by loadCache): for search, which must not wait for the network or disk.
   * showNoteChapters is asked only when no other source has chapters.
   */
  knownChapters(episode: ChapterEpisode, showNoteChapters: () => readonly Chapter[]): readonly Chapter[] {
    // The same precedence as chaptersFor, over what memory holds; the show notes only when none has any.
    const known = pickChapters([
      (episode.chaptersUrl && this.files.known(episode.chaptersUrl)) || [],
      chaptersFromPsc(episode),
      (episode.enclosure && this.embeddedByUrl.get(episode.enclosure.url)) || [],
    ]);
    return known.length ? known : showNoteChapters();
  }

  /**
   * Every chapter list memory holds for the episode besides its show notes (chapters file, Podlove,
   * embedded), as the same arrays each time until they change: the library's filter folds each once.
   */
  knownChapterSources(episode: ChapterEpisode): readonly (readonly { title: string }[])[] {
    const sources: (readonly { title: string }[] | undefined)[] = [
      episode.chaptersUrl ? this.files.known(episode.chaptersUrl) : undefined,
      episode.pscChapters,
      episode.enclosure ? this.embeddedByUrl.get(episode.enclosure.url) : undefined,
    ];
    return sources.filter((list) => list !== undefined && list.length > 0) as (readonly { title: string }[])[];
  }

  /**
   * Waits for cache files being written, and writes no more: reads still running (the audio on the
   * web) end without touching the data folder once the app has closed.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.writes]);
  }

  private keep(writeFile: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    const write = writeFile();
    this.writes.add(write);
    return write.finally(() => this.writes.delete(write));
  }

  /** Reads the disk cache into memory, so knownChapters answers for every episode read before. Never rejects. */
  async loadCache(): Promise<void> {
    try {
      for (const entry of await this.cache.entries()) {
        if (entry.kind !== 'embedded') this.files.rememberCached(entry.url, entry.chapters);
        else if (!this.embeddedByUrl.has(entry.url)) this.embeddedByUrl.set(entry.url, entry.chapters);
      }
    } catch (error) {
      this.warn(`Could not read the chapters cache: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    return this.files.get(url);
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

  /** The downloaded file's chapters, also remembered for its enclosure URL (search, and after a restart). */
  private async downloadedChapters(episode: ChapterEpisode, filePath: string): Promise<Chapter[]> {
    const chapters = await this.embeddedChapters(filePath);
    if (episode.enclosure) await this.rememberEmbedded(episode.enclosure.url, chapters);
    return chapters;
  }

  /**
   * Chapters embedded in the enclosure on the web: memory, then disk, then a ranged read (when `start`).
   * Waits for the read at most remote.waitMs; a later result reaches onChanged.
   */
  private async remoteChapters(episode: ChapterEpisode, start: boolean): Promise<Chapter[]> {
    const url = episode.enclosure?.url;
    if (!url || !/^https?:\/\//i.test(url)) return [];
    const known = this.embeddedByUrl.get(url) ?? (await this.cache.get(url, 'embedded'));
    if (known) {
      this.embeddedByUrl.set(url, known);
      return known;
    }
    if (!start) return [];
    return this.remoteReads.chaptersOf(url, episode.id);
  }

  /** Memory and disk; the disk only when the list changed (a local file read again after a restart). */
  private async rememberEmbedded(url: string, chapters: Chapter[]): Promise<void> {
    const before = this.embeddedByUrl.get(url);
    this.embeddedByUrl.set(url, chapters);
    if (before && JSON.stringify(before) === JSON.stringify(chapters)) return;
    try {
      await this.keep(() => this.cache.set(url, chapters, this.now(), 'embedded'));
    } catch (error) {
      this.warn(`Could not cache chapters of ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
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
