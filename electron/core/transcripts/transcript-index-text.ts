/**
 * The text side of the transcript index (transcript-index.ts): the words it keeps, and one transcript
 * in the form a search scans (the cues' folded text as one string, so a phrase is one native indexOf
 * and may run on into the next cue), with the matches found there as hits at their cue's start.
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
  // Latin text folds to one byte a character; the cue texts are kept too, plus a few numbers per cue.
  const wide = /[\u0100-\uffff]/.test(joined) ? 2 : 1;
  const bytes = wide * 2 * joined.length + 48 * texts.length;
  return { texts, starts: Float64Array.from(starts), offsets, folded: joined, bytes };
}

interface Found {
  cue: number;
  /** Where the match starts in `folded`, and how long it is. */
  at: number;
  length: number;
  exact: boolean;
}

/**
 * The cues of `form` that match: the phrase (exact; it may run on into the next cue), else every word
 * within one cue or its neighbours (the hit is at the cue of the earliest of them). One hit per cue.
 * Returns the best `maxHits` (exact first, then in time order) and how many cues matched in all.
 */
export function scanTranscript(
  form: ScanForm,
  terms: ScanTerms,
  maxHits: number,
): { hits: SearchHit[]; total: number } | undefined {
  const found = occurrences(form, terms.phrase).map((o) => ({ ...o, length: terms.phrase.length, exact: true }));
  if (terms.words.length > 1) {
    const exactCues = new Set(found.map((f) => f.cue));
    for (const near of wordsNearby(form, terms.words)) if (!exactCues.has(near.cue)) found.push(near);
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => Number(b.exact) - Number(a.exact) || a.cue - b.cue);
  return { hits: found.slice(0, maxHits).map((f) => toHit(form, f)), total: found.length };
}

/** The first place `needle` starts in each cue that has it, in cue order (one indexOf per such cue). */
function occurrences(form: ScanForm, needle: string): { cue: number; at: number }[] {
  const { folded, offsets } = form;
  const list: { cue: number; at: number }[] = [];
  let cue = 0;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, offsets[cue + 1])) {
    while ((offsets[cue + 1] ?? Infinity) <= at) cue++;
    list.push({ cue, at });
  }
  return list;
}

/**
 * Every word within a window of three cues (the cue of the rarest word and its neighbours): what a
 * listener hears as one moment even when the transcript cut a sentence into cues.
 */
function wordsNearby(form: ScanForm, words: string[]): Found[] {
  const lists = words.map((word) => ({ word, list: occurrences(form, word), next: 0 }));
  lists.sort((a, b) => a.list.length - b.list.length);
  const [anchor, ...others] = lists;
  if (!anchor || anchor.list.length === 0) return [];
  const byCue = new Map<number, Found>();
  for (const { cue, at } of anchor.list) {
    let first = { cue, at, length: anchor.word.length, exact: false };
    const everyWord = others.every((other) => {
      // Lists are in cue order, so each pointer only moves forward as the anchor does.
      while ((other.list[other.next]?.cue ?? Infinity) < cue - 1) other.next++;
      // One entry per cue: the word in the anchor's own cue if it is there, else in a neighbour.
      const [before, after] = [other.list[other.next], other.list[other.next + 1]];
      const near = before?.cue === cue - 1 && after?.cue === cue ? after : before;
      if (!near || near.cue > cue + 1) return false;
      if (near.at < first.at) first = { cue: near.cue, at: near.at, length: other.word.length, exact: false };
      return true;
    });
    if (everyWord && !byCue.has(first.cue)) byCue.set(first.cue, first);
  }
  return [...byCue.values()];
}

/** The hit at its cue's start, with a snippet cut from the cue and its neighbours' own text. */
function toHit(form: ScanForm, found: Found): SearchHit {
  const from = Math.max(0, found.cue - 1);
  const to = Math.min(form.texts.length, found.cue + 2);
  const text = form.texts.slice(from, to).join(' ');
  const snippet = snippetAround(text, found.at - (form.offsets[from] ?? 0), found.length);
  return {
    kind: 'transcript',
    at: form.starts[found.cue] ?? 0,
    snippet: snippet.text,
    match: snippet.match,
    exact: found.exact,
  };
}

// Vocabulary words with punctuation at their edges stripped ("queue," → "queue"): one word, not one
// per punctuation mark. A query word matches a vocabulary word containing its own stripped form.
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Adds the words of folded text (normalizeText) to `into`, as the vocabulary keeps them. */
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
 * as slices of their parent, and the vocabulary would keep whole chunks of transcripts alive.
 */
export function ownCopy(word: string): string {
  return word.length < 13 ? word : Buffer.from(word, 'utf8').toString('utf8');
}
