/**
 * The text side of the transcript index (transcript-index.ts): one transcript in the form a search
 * scans (the cues' folded text as one string, so a phrase is one native indexOf and may run on into
 * the next cue) with the matches found there as hits at their cue's start; and the word lists.
 */
import type { SearchHit } from '../../../shared/types.js';
import type { Transcript } from '../../../shared/transcript-types.js';
import { normalizeText, snippetAround } from '../notes/search-text.js';

export interface ScanForm {
  /** The cues' own text, trimmed; cues without words are left out. */
  texts: string[];
  /** Each cue's start, in seconds. */
  starts: Float64Array;
  /** Where cue i begins in `folded`; one more entry, one past the end (the last cue's end + 1). */
  offsets: Uint32Array;
  /** normalizeText of the cues joined by single spaces. */
  folded: string;
  /** About what this holds in memory (for the index's cache). */
  bytes: number;
}

/** The query as scanTranscript needs it: its folded phrase and words (queryTerms). */
export interface ScanTerms {
  phrase: string;
  words: string[];
}

// Joins the cues while they are normalized as one string (one call instead of thousands); it is not
// white space, so normalizeText leaves it in place, and it becomes the space between two cues after.
const CUE_BREAK = '\u0000';

export function scanForm(transcript: Transcript): ScanForm {
  const texts: string[] = [];
  const starts: number[] = [];
  for (const cue of transcript.cues) {
    const text = cue.text.trim();
    if (text === '') continue;
    texts.push(text);
    starts.push(cue.start);
  }
  const offsets = new Uint32Array(texts.length + 1);
  let joined = normalizeText(texts.join(CUE_BREAK));
  let breaks = 0;
  for (let at = joined.indexOf(CUE_BREAK); at >= 0; at = joined.indexOf(CUE_BREAK, at + 1)) {
    if (++breaks < texts.length) offsets[breaks] = at + 1;
  }
  if (breaks !== Math.max(0, texts.length - 1)) {
    // A cue held the break character itself: fold cue by cue instead (slower, never ambiguous).
    const folded = texts.map((text) => normalizeText(text).trim());
    folded.reduce((sum, text, i) => ((offsets[i] = sum), sum + text.length + 1), 0);
    joined = folded.join(' ');
  } else {
    joined = joined.replaceAll(CUE_BREAK, ' ');
  }
  offsets[texts.length] = joined.length + 1;
  // Latin text folds to one byte a character, other scripts to two (a transcript keeps to one language,
  // so its start tells); the cue texts are kept too, plus a few numbers per cue.
  let wide = 1;
  for (let i = 0; i < Math.min(4096, joined.length) && wide === 1; i++) if (joined.charCodeAt(i) > 255) wide = 2;
  const bytes = wide * 2 * joined.length + 48 * texts.length;
  return { texts, starts: Float64Array.from(starts), offsets, folded: joined, bytes };
}

interface Found {
  cue: number;
  /** Where the match starts in `folded`, and how long it is. */
  at: number;
  length: number;
}

/** Where a needle starts in each cue that has it (its first place there), in cue order. */
interface Places {
  cues: number[];
  ats: number[];
}

/**
 * The cues of `form` that match: the phrase (exact; it may run on into the next cue), else every word
 * within one cue or its neighbours. One hit per cue. Returns the best `maxHits` (exact first, then in
 * time order) and how many cues matched in all; only the hits listed get snippets.
 */
export function scanTranscript(
  form: ScanForm,
  terms: ScanTerms,
  maxHits: number,
): { hits: SearchHit[]; total: number } | undefined {
  const exact = occurrences(form, terms.phrase);
  const near = terms.words.length > 1 ? wordsNearby(form, terms.words, new Set(exact.cues)) : [];
  const total = exact.cues.length + near.length;
  if (total === 0) return undefined;
  const hits: SearchHit[] = [];
  for (let i = 0; i < exact.cues.length && hits.length < maxHits; i++) {
    hits.push(toHit(form, { cue: exact.cues[i]!, at: exact.ats[i]!, length: terms.phrase.length }, true));
  }
  if (hits.length < maxHits) {
    near.sort((a, b) => a.cue - b.cue);
    for (const found of near.slice(0, maxHits - hits.length)) hits.push(toHit(form, found, false));
  }
  return { hits, total };
}

/** One indexOf per cue that has the needle: after a match the search goes on from the next cue. */
function occurrences(form: ScanForm, needle: string): Places {
  const { folded, offsets } = form;
  const places: Places = { cues: [], ats: [] };
  let cue = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, offsets[cue + 1])) {
    while (offsets[cue + 1]! <= at) cue++;
    places.cues.push(cue);
    places.ats.push(at);
  }
  return places;
}

/**
 * Every word within a window of three cues (the cue of the rarest word and its neighbours): what a
 * listener hears as one moment even when the transcript cut a sentence into cues. The hit is at the
 * cue of the earliest word of the window, preferring each word in the anchor's own cue.
 */
function wordsNearby(form: ScanForm, words: string[], exactCues: ReadonlySet<number>): Found[] {
  if (words.some((word) => !form.folded.includes(word))) return [];
  const lists = words.map((word) => ({ length: word.length, places: occurrences(form, word), next: 0 }));
  lists.sort((a, b) => a.places.cues.length - b.places.cues.length);
  const [anchor, ...others] = lists as [(typeof lists)[number], ...typeof lists];
  const byCue = new Map<number, Found>();
  anchor.places.cues.forEach((cue, i) => {
    let first: Found = { cue, at: anchor.places.ats[i]!, length: anchor.length };
    const everyWord = others.every((other) => {
      const { cues, ats } = other.places;
      // Lists are in cue order, so each pointer only moves forward as the anchor does.
      while ((cues[other.next] ?? Infinity) < cue - 1) other.next++;
      const k = cues[other.next] === cue - 1 && cues[other.next + 1] === cue ? other.next + 1 : other.next;
      if ((cues[k] ?? Infinity) > cue + 1) return false;
      if (ats[k]! < first.at) first = { cue: cues[k]!, at: ats[k]!, length: other.length };
      return true;
    });
    if (everyWord && !exactCues.has(first.cue) && !byCue.has(first.cue)) byCue.set(first.cue, first);
  });
  return [...byCue.values()];
}

/** The hit at its cue's start, with a snippet cut from the cue and its neighbours' own text. */
function toHit(form: ScanForm, found: Found, exact: boolean): SearchHit {
  const from = Math.max(0, found.cue - 1);
  const to = Math.min(form.texts.length, found.cue + 2);
  const text = form.texts.slice(from, to).join(' ');
  const snippet = snippetAround(text, found.at - (form.offsets[from] ?? 0), found.length);
  return {
    kind: 'transcript',
    at: form.starts[found.cue] ?? 0,
    snippet: snippet.text,
    match: snippet.match,
    exact,
  };
}

/**
 * For each word, the numbers of the episodes holding it (ascending: an episode gets its number when its
 * words are added, and numbers only grow), and the words joined by "\n" so that a query word is found
 * inside them with one indexOf. Words are kept with punctuation at their edges stripped ("queue," →
 * "queue"): one word, not one per punctuation mark; a query word matches the words containing its own
 * stripped form, which finds every token that holds it.
 */
export class WordLists {
  private words: string[] = [];
  private postings: number[][] = [];
  private numberOf = new Map<string, number>();
  private joined: { text: string; starts: Uint32Array } | undefined;

  get size(): number {
    return this.words.length;
  }

  /** Episode numbers across all lists. */
  get postingCount(): number {
    return this.postings.reduce((sum, list) => sum + list.length, 0);
  }

  /** Adds episode number `n` (higher than any added before) to each word's list. */
  add(n: number, words: Iterable<string>): void {
    for (const word of words) {
      let w = this.numberOf.get(word);
      if (w === undefined) {
        w = this.words.length;
        const own = ownCopy(word);
        this.words.push(own);
        this.numberOf.set(own, w);
        this.postings.push([]);
        this.joined = undefined;
      }
      this.postings[w]!.push(n);
    }
  }

  /** Episode numbers under `size` holding, for every query word, a word that contains it. */
  matching(cores: readonly string[], size: number): number[] {
    const { text, starts } = this.joinedWords();
    const marks = new Uint8Array(size);
    // marks[n]: how many query words episode n holds so far. `left` hold all words before this one;
    // once each is marked again, the other words containing this one can add nothing.
    let left = size;
    cores.forEach((core, k) => {
      let marked = 0;
      for (let at = text.indexOf(core); at >= 0 && marked < left;) {
        const w = wordAt(starts, at);
        for (const n of this.postings[w]!) {
          if (marks[n] !== k) continue;
          marks[n] = k + 1;
          if (++marked === left) break;
        }
        at = text.indexOf(core, starts[w + 1]);
      }
      left = marked;
    });
    const numbers: number[] = [];
    marks.forEach((mark, n) => mark === cores.length && numbers.push(n));
    return numbers;
  }

  /** Gives each number its new one (-1: gone), in the same order, and drops words no episode holds. */
  renumber(renumbered: Int32Array): void {
    const words: string[] = [];
    const postings: number[][] = [];
    this.postings.forEach((list, w) => {
      const kept = list.map((n) => renumbered[n] ?? -1).filter((n) => n >= 0);
      if (kept.length === 0) return;
      words.push(this.words[w]!);
      postings.push(kept);
    });
    this.words = words;
    this.postings = postings;
    this.numberOf = new Map(words.map((word, w) => [word, w]));
    this.joined = undefined;
  }

  private joinedWords(): { text: string; starts: Uint32Array } {
    if (!this.joined) {
      const starts = new Uint32Array(this.words.length + 1);
      this.words.reduce((at, word, w) => ((starts[w] = at), at + word.length + 1), 0);
      const text = this.words.join('\n');
      starts[this.words.length] = text.length + 1;
      this.joined = { text, starts };
    }
    return this.joined;
  }
}

/** The word whose place in the joined words holds position `at` (the last start at or before it). */
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

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Adds the words of folded text (normalizeText) to `into`, as the word lists keep them. */
export function addWords(folded: string, into: Set<string>): void {
  for (const token of folded.split(' ')) {
    const word = stripped(token);
    if (word !== '') into.add(word);
  }
}

/** A token without punctuation at its edges; most tokens are plain, and skip the regular expression. */
export function stripped(token: string): string {
  if (token === '') return token;
  if (isPlain(token.charCodeAt(0)) && isPlain(token.charCodeAt(token.length - 1))) return token;
  return token.replace(EDGE_PUNCTUATION, '');
}

function isPlain(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * A copy of the word that does not point into the text it was cut from: V8 keeps longer substrings
 * as slices of their parent, and the word lists would keep whole chunks of transcripts alive.
 */
function ownCopy(word: string): string {
  return word.length < 13 ? word : Buffer.from(word, 'utf8').toString('utf8');
}
