/**
 * Words in transcripts for search (issue 14). 500 cached transcripts can hold 750 MB of text, too much
 * to keep, so memory holds only which episodes hold each word; the cues are read again from the
 * transcript cache (the injected `load`) for the few episodes a search looks into, and the most
 * recently read are kept in a cache bounded in bytes.
 */
import { performance } from 'node:perf_hooks';
import type { Transcript } from '../../../shared/transcript-types.js';
import { SEARCH_LIMIT, type EpisodeHits } from '../notes/search-index.js';
import { normalizeText, queryTerms } from '../notes/search-text.js';
import { addWords, ownCopy, scanForm, scanTranscript, stripped, type ScanForm } from './transcript-index-text.js';

export interface TranscriptIndexOptions {
  /** The transcript cache: an episode's transcript, or undefined when it is no longer there. */
  load: (episodeId: string) => Promise<Transcript | undefined>;
  /** Transcripts kept in memory after a search read them, in (estimated) bytes. Default 64 MiB. */
  cacheBytes?: number;
  /** Episodes one search looks into at most. Default 20. */
  maxEpisodesPerSearch?: number;
  /** Characters of transcripts one search reads from disk at most (always one). Default 2,000,000. */
  maxReadCharsPerSearch?: number;
  /** Hits listed per episode (the rest are counted). Default 10. */
  hitsPerEpisode?: number;
  /** How long indexing runs before it lets other work in. Default 8 ms. */
  sliceMs?: number;
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
  maxEpisodesPerSearch: 20,
  maxReadCharsPerSearch: 2_000_000,
  hitsPerEpisode: 10,
  sliceMs: 8,
};

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class TranscriptIndex {
  private readonly words: string[] = [];
  /** For each word, the numbers of the episodes holding it, ascending (numbers grow as episodes come). */
  private postings: number[][] = [];
  private wordNumber = new Map<string, number>();
  private byNumber: (Entry | undefined)[] = [];
  private readonly entries = new Map<string, Entry>();
  /** Indexing in progress; a remove or a newer add replaces the token, and the older run stops. */
  private readonly pending = new Map<string, symbol>();
  /** The words joined by "\n", so a query word is found inside them by indexOf; rebuilt when words change. */
  private vocabulary: { text: string; starts: Uint32Array } | undefined;
  /** Scan forms by episode id, least recently used first. */
  private readonly cache = new Map<string, ScanForm>();
  private cachedBytes = 0;
  private reads = 0;
  private readonly limits: Required<Omit<TranscriptIndexOptions, 'load'>>;

  constructor(private readonly options: TranscriptIndexOptions) {
    const given = Object.entries(options).filter(([, value]) => value !== undefined);
    this.limits = { ...DEFAULTS, ...Object.fromEntries(given) };
  }

  /** Episodes indexed. */
  get size(): number {
    return this.entries.size;
  }

  has(episodeId: string): boolean {
    return this.entries.has(episodeId);
  }

  /** Sizes for the benchmark: postings are episode numbers across all word lists; reads went through `load`. */
  stats() {
    return {
      episodes: this.entries.size,
      words: this.words.length,
      postings: this.postings.reduce((sum, list) => sum + list.length, 0),
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
    this.commit(episodeId, words, chars);
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
      if (this.entries.has(id) || this.pending.has(id)) continue;
      const transcript = await this.options.load(id).catch(() => undefined);
      if (transcript && !this.entries.has(id) && !this.pending.has(id)) await this.add(id, transcript);
    }
  }

  /**
   * Episodes whose transcripts match the query (every word, and the phrase ranked first), each with its
   * best cues. Looks into at most maxEpisodesPerSearch episodes: those already in memory first, then
   * the most recently indexed, reading at most maxReadCharsPerSearch from disk; the rest wait for a
   * later search, when more are in memory.
   */
  async search(query: string, limit = SEARCH_LIMIT): Promise<EpisodeHits[]> {
    const terms = queryTerms(query);
    const cores = [...new Set(terms.words.map(stripped))].filter((word) => word !== '');
    if (cores.length === 0) return [];
    const found: EpisodeHits[] = [];
    let looked = 0;
    let readChars = 0;
    for (const entry of this.scanOrder(this.candidates(cores))) {
      if (found.length >= limit || looked >= this.limits.maxEpisodesPerSearch) break;
      let form = this.cached(entry.id);
      if (!form) {
        if (readChars > 0 && readChars + entry.chars > this.limits.maxReadCharsPerSearch) continue;
        readChars += entry.chars;
        form = await this.read(entry);
        if (!form) continue;
      }
      looked++;
      const hits = scanTranscript(form, terms, this.limits.hitsPerEpisode);
      if (hits) found.push({ episodeId: entry.id, ...hits });
    }
    return found;
  }

  private commit(episodeId: string, words: Set<string>, chars: number): void {
    this.forget(episodeId);
    const entry: Entry = { id: episodeId, n: this.byNumber.length, chars };
    this.byNumber.push(entry);
    this.entries.set(episodeId, entry);
    for (const word of words) {
      let w = this.wordNumber.get(word);
      if (w === undefined) {
        w = this.words.length;
        const own = ownCopy(word);
        this.words.push(own);
        this.wordNumber.set(own, w);
        this.postings.push([]);
        this.vocabulary = undefined;
      }
      this.postings[w]!.push(entry.n);
    }
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
    const words: string[] = [];
    const postings: number[][] = [];
    this.postings.forEach((list, w) => {
      const kept = list.map((n) => renumbered[n] ?? -1).filter((n) => n >= 0);
      if (kept.length === 0) return;
      words.push(this.words[w]!);
      postings.push(kept);
    });
    this.words.splice(0, this.words.length, ...words);
    this.postings = postings;
    this.wordNumber = new Map(words.map((word, w) => [word, w]));
    this.vocabulary = undefined;
  }

  /** Live episodes holding, for every query word, a vocabulary word that contains it. */
  private candidates(cores: string[]): Entry[] {
    const { text, starts } = this.vocabularyText();
    const marks = new Uint8Array(this.byNumber.length);
    cores.forEach((core, k) => {
      for (let at = text.indexOf(core); at >= 0;) {
        const w = wordAt(starts, at);
        for (const n of this.postings[w]!) if (marks[n] === k) marks[n] = k + 1;
        at = text.indexOf(core, starts[w + 1]);
      }
    });
    const list: Entry[] = [];
    marks.forEach((mark, n) => {
      const entry = this.byNumber[n];
      if (mark === cores.length && entry) list.push(entry);
    });
    return list;
  }

  /** Those in memory first, most recently used first (no disk read); then the most recently indexed. */
  private scanOrder(candidates: Entry[]): Entry[] {
    const wanted = new Set(candidates);
    const inMemory = [...this.cache.keys()].reverse().map((id) => this.entries.get(id));
    const onDisk = candidates.filter((entry) => !this.cache.has(entry.id)).reverse();
    return [...inMemory.filter((entry): entry is Entry => entry !== undefined && wanted.has(entry)), ...onDisk];
  }

  private vocabularyText(): { text: string; starts: Uint32Array } {
    if (!this.vocabulary) {
      const starts = new Uint32Array(this.words.length + 1);
      this.words.reduce((at, word, w) => ((starts[w] = at), at + word.length + 1), 0);
      const text = this.words.join('\n');
      starts[this.words.length] = text.length + 1;
      this.vocabulary = { text, starts };
    }
    return this.vocabulary;
  }

  private cached(episodeId: string): ScanForm | undefined {
    const form = this.cache.get(episodeId);
    if (form) {
      this.cache.delete(episodeId);
      this.cache.set(episodeId, form);
    }
    return form;
  }

  private async read(entry: Entry): Promise<ScanForm | undefined> {
    // A read that fails (a busy disk) leaves the episode indexed for the next search to try.
    const transcript = await this.options.load(entry.id).catch(() => null);
    if (this.entries.get(entry.id) !== entry || transcript === null) return undefined;
    if (!transcript) {
      this.remove(entry.id); // deleted from the cache: nothing to find any more
      return undefined;
    }
    this.reads++;
    const form = scanForm(transcript);
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

/** The vocabulary word whose text holds position `at` (the last start at or before it). */
function wordAt(starts: Uint32Array, at: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
