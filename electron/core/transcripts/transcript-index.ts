/**
 * Words in transcripts for search (issue 14). 500 cached transcripts can hold 750 MB of text, too much
 * to keep, so memory holds only which episodes hold each word (WordLists); a search reads the cues of
 * the few episodes it looks into through the transcript cache (the injected `load`), and the most
 * recently read are kept in a cache bounded in bytes.
 */
import { performance } from 'node:perf_hooks';
import type { Transcript } from '../../../shared/transcript-types.js';
import { SEARCH_LIMIT, type EpisodeHits } from '../notes/search-index.js';
import { normalizeText, queryTerms } from '../notes/search-text.js';
import { addWords, scanForm, scanTranscript, stripped, WordLists, type ScanForm } from './transcript-index-text.js';

export interface TranscriptIndexOptions {
  /** The transcript cache: an episode's transcript, or undefined when it is no longer there. */
  load: (episodeId: string) => Promise<Transcript | undefined>;
  /** Transcripts kept in memory after a search read them, in (estimated) bytes. Default 64 MiB. */
  cacheBytes?: number;
  /** Episodes one search looks into at most. Default 12. */
  maxEpisodesPerSearch?: number;
  /**
   * How long one search looks into episodes: none is started after it, and one is read from disk only
   * when its read should end within it. Default 20 ms.
   */
  budgetMs?: number;
  /** Hits listed per episode (the rest are counted). Default 10. */
  hitsPerEpisode?: number;
  /** How long indexing runs before it lets other work in. Default 8 ms. */
  sliceMs?: number;
  /**
   * Transcripts a search had no time for were read in the background and are all in memory now: the
   * same query asked again answers more.
   */
  onWarm?: () => void;
}

/** One indexed episode: its number in the word lists, and its folded length (what reading it costs). */
interface Entry {
  id: string;
  n: number;
  chars: number;
}

const CUES_PER_CHUNK = 64;
// Dead numbers (removed or re-indexed episodes) are dropped from the lists once they outnumber these.
const COMPACT_AFTER = 64;
const DEFAULTS = {
  cacheBytes: 64 * 1024 * 1024,
  maxEpisodesPerSearch: 12,
  budgetMs: 20,
  hitsPerEpisode: 10,
  sliceMs: 8,
};

// Background reads wait for searches to pause this long: the search box sends one per pause in typing.
const WARM_DELAY_MS = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TranscriptIndex {
  private readonly lists = new WordLists();
  private byNumber: (Entry | undefined)[] = [];
  private readonly entries = new Map<string, Entry>();
  /** Indexing in progress; a remove or a newer add replaces the token, and the older run stops. */
  private readonly pending = new Map<string, symbol>();
  /** Scan forms by episode id, least recently used first. */
  private readonly cache = new Map<string, ScanForm>();
  private cachedBytes = 0;
  private reads = 0;
  /** What reading and folding a transcript costs here, learned from every read (starts at 30 ms a MB). */
  private msPerChar = 30 / 1e6;
  /** Episodes the last search had no time to read, read in the background for the next one. */
  private toWarm: Entry[] = [];
  private warming = false;
  private lastSearch = 0;
  private closed = false;
  private readonly limits: typeof DEFAULTS;

  constructor(private readonly options: TranscriptIndexOptions) {
    const given = Object.entries(options).filter(([key, value]) => value !== undefined && key in DEFAULTS);
    this.limits = { ...DEFAULTS, ...Object.fromEntries(given) };
  }

  /** Episodes indexed. */
  get size(): number {
    return this.entries.size;
  }

  has(episodeId: string): boolean {
    return this.entries.has(episodeId);
  }

  /** Sizes for the benchmark; postings are episode numbers across all word lists, reads went through `load`. */
  stats() {
    return {
      episodes: this.entries.size,
      words: this.lists.size,
      postings: this.lists.postingCount,
      cachedEpisodes: this.cache.size,
      cachedBytes: this.cachedBytes,
      reads: this.reads,
    };
  }

  /**
   * Indexes (or re-indexes) an episode's transcript, a few thousand cues per slice of the event loop;
   * resolves when its words are searchable. A remove, or a newer add of the same episode, meanwhile wins.
   */
  async add(episodeId: string, transcript: Transcript): Promise<void> {
    const token = Symbol(episodeId);
    this.pending.set(episodeId, token);
    const words = new Set<string>();
    let chars = 0;
    // Not in the caller's turn: it has most likely just parsed the transcript, a long task already.
    await nextTurn();
    if (this.pending.get(episodeId) !== token) return;
    let sliceStart = performance.now();
    for (let i = 0; i < transcript.cues.length; i += CUES_PER_CHUNK) {
      const chunk = transcript.cues.slice(i, i + CUES_PER_CHUNK).map((cue) => cue.text);
      const folded = normalizeText(chunk.join(' '));
      chars += folded.length + 1;
      addWords(folded, words);
      if (performance.now() - sliceStart >= this.limits.sliceMs) {
        await nextTurn();
        if (this.pending.get(episodeId) !== token) return;
        sliceStart = performance.now();
      }
    }
    if (this.pending.get(episodeId) !== token) return;
    this.pending.delete(episodeId);
    this.forget(episodeId);
    const entry: Entry = { id: episodeId, n: this.byNumber.length, chars };
    this.byNumber.push(entry);
    this.entries.set(episodeId, entry);
    this.lists.add(entry.n, words);
  }

  /** Stops background work (building, reading ahead): the app is closing and the cache may go away. */
  close(): void {
    this.closed = true;
    this.toWarm = [];
  }

  /** Forgets an episode (its transcript was deleted); an indexing run in progress for it stops. */
  remove(episodeId: string): void {
    this.pending.delete(episodeId);
    this.forget(episodeId);
    if (this.byNumber.length - this.entries.size > Math.max(COMPACT_AFTER, this.entries.size)) this.compact();
  }

  /**
   * Reads each transcript through `load` and indexes it, one at a time, in the background; episodes
   * already indexed (or being indexed) are skipped, and one that can't be read now is left out.
   */
  async buildFrom(ids: Iterable<string>): Promise<void> {
    for (const id of ids) {
      if (this.closed) return;
      if (this.entries.has(id) || this.pending.has(id)) continue;
      const transcript = await this.options.load(id).catch(() => undefined);
      if (transcript && !this.entries.has(id) && !this.pending.has(id)) await this.add(id, transcript);
    }
  }

  /**
   * Episodes whose transcripts match the query (every word, and the phrase ranked first), each with its
   * best cues. Looks into those in memory first, then reads the smallest from disk, within budgetMs and
   * maxEpisodesPerSearch. Those it had no time for are read in the background afterwards, so the next
   * search (the listener typing on) finds them in memory.
   */
  async search(query: string, limit = SEARCH_LIMIT): Promise<EpisodeHits[]> {
    const started = performance.now();
    this.warmLater([]); // an older query's reads: this search has its own, and they would only slow it
    const terms = queryTerms(query);
    const cores = [...new Set(terms.words.map(stripped))].filter((word) => word !== '');
    if (cores.length === 0) return [];
    const { budgetMs, maxEpisodesPerSearch, hitsPerEpisode } = this.limits;
    const found: EpisodeHits[] = [];
    const later: Entry[] = [];
    let looked = 0;
    let slowestScan = 0; // what another episode in memory may cost: the slowest so far
    for (const entry of this.scanOrder(cores)) {
      if (found.length >= limit || looked + later.length >= maxEpisodesPerSearch) break;
      const spent = performance.now() - started;
      let form = this.cache.get(entry.id);
      if (form && looked > 0 && spent + slowestScan > budgetMs) continue;
      if (!form && spent + entry.chars * this.msPerChar > budgetMs) {
        later.push(entry);
        continue;
      }
      if (form) this.touch(entry.id, form);
      form ??= await this.read(entry);
      if (!form) continue;
      looked++;
      const scanStart = performance.now();
      const hits = scanTranscript(form, terms, hitsPerEpisode);
      slowestScan = Math.max(slowestScan, performance.now() - scanStart);
      if (hits) found.push({ episodeId: entry.id, ...hits });
    }
    this.warmLater(later);
    return found;
  }

  /** Those in memory first, most recently used first; then the smallest (most episodes read in time). */
  private scanOrder(cores: string[]): Entry[] {
    const candidates = this.lists
      .matching(cores, this.byNumber.length)
      .map((n) => this.byNumber[n])
      .filter((entry): entry is Entry => entry !== undefined);
    const wanted = new Set(candidates);
    const inMemory = [...this.cache.keys()].reverse().map((id) => this.entries.get(id));
    const onDisk = candidates.filter((entry) => !this.cache.has(entry.id)).sort((a, b) => a.chars - b.chars);
    return [...inMemory.filter((entry): entry is Entry => entry !== undefined && wanted.has(entry)), ...onDisk];
  }

  /**
   * Reads these in the background once searches pause for WARM_DELAY_MS (while the listener types, each
   * search would wait behind a read); a newer search's list replaces them. Says so (onWarm) only when
   * all it read still fit in the cache: asking again then finds them, with nothing left to read, so
   * answers and reads never chase each other.
   */
  private warmLater(entries: Entry[]): void {
    this.toWarm = entries;
    this.lastSearch = performance.now();
    if (this.warming || entries.length === 0) return;
    this.warming = true;
    void (async () => {
      const read: string[] = [];
      for (;;) {
        let wait = this.lastSearch + WARM_DELAY_MS - performance.now();
        for (; wait > 0; wait = this.lastSearch + WARM_DELAY_MS - performance.now()) await sleep(wait);
        const entry = this.closed ? undefined : this.toWarm.shift();
        if (!entry) break;
        if (this.entries.get(entry.id) !== entry || this.cache.has(entry.id)) continue;
        if (await this.read(entry)) read.push(entry.id);
      }
      this.warming = false;
      if (read.length > 0 && read.every((id) => this.cache.has(id))) this.options.onWarm?.();
    })();
  }

  private forget(episodeId: string): void {
    const entry = this.entries.get(episodeId);
    if (entry) this.byNumber[entry.n] = undefined;
    this.entries.delete(episodeId);
    const form = this.cache.get(episodeId);
    if (form) this.cachedBytes -= form.bytes;
    this.cache.delete(episodeId);
  }

  /** Renumbers the episodes left (in the same order, so every list stays ascending) and drops the dead. */
  private compact(): void {
    const renumbered = new Int32Array(this.byNumber.length).fill(-1);
    const live = this.byNumber.filter((entry): entry is Entry => entry !== undefined);
    live.forEach((entry, n) => {
      renumbered[entry.n] = n;
      entry.n = n;
    });
    this.byNumber = live;
    this.lists.renumber(renumbered);
  }

  /** Marks a cached transcript as used now (the cache is a Map in order of use). */
  private touch(episodeId: string, form: ScanForm): void {
    this.cache.delete(episodeId);
    this.cache.set(episodeId, form);
  }

  private async read(entry: Entry): Promise<ScanForm | undefined> {
    const started = performance.now();
    // A read that fails (a busy disk) leaves the episode indexed for the next search to try.
    const transcript = await this.options.load(entry.id).catch(() => null);
    if (this.entries.get(entry.id) !== entry || transcript === null) return undefined;
    if (!transcript) {
      this.remove(entry.id); // deleted from the cache: nothing to find any more
      return undefined;
    }
    this.reads++;
    const form = scanForm(transcript);
    const cost = (performance.now() - started) / Math.max(1, entry.chars);
    this.msPerChar = 0.7 * this.msPerChar + 0.3 * cost;
    if (form.bytes <= this.limits.cacheBytes) {
      this.cache.set(entry.id, form);
      this.cachedBytes += form.bytes;
      for (const [id, old] of this.cache) {
        if (this.cachedBytes <= this.limits.cacheBytes) break;
        this.cache.delete(id);
        this.cachedBytes -= old.bytes;
      }
    }
    return form;
  }
}
