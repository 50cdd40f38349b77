/**
 * Chapters from show-note timestamps. Pure (no DOM, no Node): the renderer and the services both use it.
 *
 * Show notes are untrusted, hand-typed text, so this finds candidate "timestamp + title" pairs line by
 * line and then keeps only what looks like a real chapter list: at least two entries written the same
 * way, mostly in order (an entry listed out of place is sorted in, repeated starts keep the first),
 * starting near the beginning (or late, when the list still covers the episode), inside the episode.
 * A chapter list that is wrong is worse than none.
 */
import type { Chapter } from './types.js';
import { decodeHTML } from 'entities';
import { parseTimestamp } from './time.js';

/** Longer notes are cut: no real show notes are this long, and it bounds the work on hostile input. */
const MAX_NOTES_CHARS = 200_000;
/** A real list starts at the beginning; 60 s leaves room for a cold open or an ad before "0:00 Intro". */
const FIRST_START_MAX = 60;
/**
 * ...or later when it is written time first, has at least three entries and still covers the episode:
 * it starts within 5 min and 10 % of it, or reaches its second half ("11:40 Interview" after unlisted news).
 */
const LATE_FIRST_START_MAX = 300;
const LATE_FIRST_MIN_ENTRIES = 3;
/** A "title" longer than this is prose that happens to hold a time. */
const MAX_TITLE_CHARS = 160;
const MAX_CANDIDATES_PER_BLOCK = 1_000;

/**
 * Finds the chapter list in show notes (HTML or plain text). Never throws; returns [] when the notes hold
 * no believable list. Starts are strictly increasing and, when durationSeconds is given, below it.
 */
export function chaptersFromShowNotes(notes: string, durationSeconds?: number): Chapter[] {
  try {
    if (typeof notes !== 'string' || !notes) return [];
    const duration =
      typeof durationSeconds === 'number' && Number.isFinite(durationSeconds) && durationSeconds > 0
        ? durationSeconds
        : undefined;
    const lines = showNotesToText(notes.slice(0, MAX_NOTES_CHARS)).split(/\r\n|[\r\n\u2028\u2029]/);
    let best: Candidate[] = [];
    for (const block of candidateBlocks(lines, duration)) {
      const chain = believableList(block, duration);
      if (chain.length > best.length) best = chain;
    }
    return best.map(({ start, title }) => ({ start, title, source: 'show-notes' }));
  } catch {
    // Untrusted text must never take the episode view down; no chapters is the safe answer.
    return [];
  }
}

// ---- HTML to text ----

/** Tags that end a line when a browser renders them. Everything else is removed, keeping its text. */
const LINE_BREAK_TAGS =
  /<\/?(?:br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^<>]*>/gi;
const ANY_TAG = /<\/?[a-z][^<>]*>/gi;

/**
 * Show-notes HTML as plain lines: block tags and <br> become line breaks, entities are decoded as a browser
 * decodes them (every named HTML entity, numeric ones; an invalid number becomes U+FFFD).
 */
export function showNotesToText(html: string): string {
  const withoutHidden = removeBetween(
    removeBetween(removeBetween(html, '<!--', '-->'), '<script', '</script'),
    '<style',
    '</style',
  );
  return decodeHTML(withoutHidden.replace(LINE_BREAK_TAGS, '\n').replace(ANY_TAG, ''))
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '');
}

/** Removes every open…close span (case-insensitive), with indexOf so hostile input stays linear. */
function removeBetween(text: string, open: string, close: string): string {
  const lower = text.toLowerCase();
  let result = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) return result + text.slice(from);
    result += text.slice(from, start);
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) return result;
    const tagEnd = lower.indexOf('>', end);
    from = tagEnd < 0 ? text.length : tagEnd + 1;
  }
}

// ---- timestamps in a line ----

/**
 * A timestamp: m:ss, mm:ss, mmm:ss or h:mm:ss, with ";" accepted for ":" (a common typo, "2;00").
 * It may touch letters ("timestamps0:00 Intro1:38 …", text flattened from HTML) but not other digits or
 * separators, so "10:30:45:12" and "8.0.38" are not timestamps. Times of day ("10:30 am", "20:00 Uhr",
 * "19:00 UTC") and durations ("1:30 min") are not chapter starts; a title that only begins like a unit
 * ("Min:ion", "PM2") is not a unit. An optional bracket pair and an optional range end ("0:00-5:00")
 * belong to the token.
 */
const TIME = String.raw`(?<![\d:;])(\d{1,3})[:;](\d{2})(?:[:;](\d{2}))?(?!\d|[:;]\d)`;
const RANGE_END = String.raw`(?:\s*(?:-|–|—|to)\s*\d{1,3}[:;]\d{2}(?:[:;]\d{2})?(?!\d|[:;]\d))?`;
const NOT_A_START = String.raw`(?!\s*(?:[ap]\.?m\.?|ms|mins?|minutes?|hrs?|hours?|secs?|seconds?|uhr|utc|gmt)(?![a-z0-9:]))`;
const TOKEN = new RegExp(String.raw`(?:[(\[]\s*)?${TIME}${RANGE_END}(?:\s*[)\]])?${NOT_A_START}`, 'gi');
/** Links are not text: a time inside one ("…watch?t=3:10", "/talks/10:30/") is not a chapter start. */
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

interface Token {
  start: number;
  /** Where the token (with brackets) begins and ends in the line. */
  from: number;
  to: number;
  /** How it is written: digit groups and the width of the first ("00:23:50" → "3/2", "5:00" → "2/1"). */
  layout: string;
}

function tokensIn(line: string): Token[] {
  const tokens: Token[] = [];
  for (const match of line.matchAll(TOKEN)) {
    const [, first = '', second, third] = match;
    const start = parseTimestamp(third === undefined ? `${first}:${second}` : `${first}:${second}:${third}`);
    if (start === undefined || match.index === undefined) continue;
    const layout = `${third === undefined ? 2 : 3}/${first.length}`;
    tokens.push({ start, from: match.index, to: match.index + match[0].length, layout });
  }
  return tokens;
}

// ---- candidates: (start, title) pairs, grouped into blocks of nearby lines ----

/**
 * How an entry is written: "0:00 Intro", "Intro - 0:00" / "Intro (0:00)", or "Intro 0:00". A list is
 * written one way throughout, so a sentence ending in a time ("…tasting is Thursday at 19:00") does not
 * join a list of "Title – 0:00" entries.
 */
type Shape = 'time first' | 'title first' | 'title first, no separator';

interface Candidate {
  start: number;
  title: string;
  shape: Shape;
}

/** Bullets, numbering and brackets may come before a line's leading timestamp ("- ", "• ", "1. "). */
const LEADING_NOISE = /^\s*(?:\d{1,2}[.)]\s+)?[^\p{L}\p{N}]{0,6}$/u;
/** Punctuation may follow a line's trailing timestamp ("Intro (0:00).") */
const TRAILING_NOISE = /^[^\p{L}\p{N}]{0,4}$/u;
/** What separates a title from the time after it ("Intro - 0:00", "Intro: 0:00"). */
const TITLE_SEPARATOR_END = /[-–—:|]\s*$/u;

/**
 * Reads one line (links already removed):
 * - starts with a timestamp → time first. When the notes put timestamps at the start of two or more
 *   lines, a line is one chapter and later times belong to its title ("5:00 Why 10:30 is the new 9:00"),
 *   unless they are written like the leading one and a title follows ("(00:23:50) Brain maps 00:26:00:
 *   Wearing prisms"); otherwise several timestamps split it ("0:00 Intro 1:38 Sockets 7:50 Queues");
 * - ends with its only timestamp → title first ("Intro - 0:00", "Intro (0:00)");
 * - several timestamps after some text → flattened list ("…that.timestamps0:00 Intro1:38 Sockets"); the
 *   text before the first one is dropped. Not in one-per-line notes: there it is prose quoting times;
 * - one timestamp in the middle of prose ("meet at 10:30 tomorrow") → nothing.
 */
function candidatesInLine(line: string, onePerLine: boolean): Candidate[] {
  const tokens = tokensIn(line);
  const [first] = tokens;
  const last = tokens[tokens.length - 1];
  if (!first || !last) return [];
  const timeFirst = startsWithTimestamp(line, first);
  if (timeFirst && onePerLine) return entriesAt(line, repeatedLeadingTimestamps(line, tokens));
  if (!timeFirst && tokens.length === 1 && TRAILING_NOISE.test(line.slice(last.to))) {
    const before = line.slice(0, first.from);
    const separated = TITLE_SEPARATOR_END.test(before) || /^[([]/.test(line.slice(first.from));
    const shape = separated ? 'title first' : 'title first, no separator';
    return [{ start: first.start, title: cleanTitle(before), shape }];
  }
  if (!timeFirst && (tokens.length === 1 || onePerLine)) return [];
  return entriesAt(line, tokens);
}

/** Time-first entries, one per token, each titled with the text up to the next. */
function entriesAt(line: string, tokens: Token[]): Candidate[] {
  return tokens.map((token, i) => ({
    start: token.start,
    title: cleanTitle(line.slice(token.to, tokens[i + 1]?.from ?? line.length)),
    shape: 'time first',
  }));
}

/**
 * The line's leading timestamp and the later ones that start an entry of their own: written the same
 * way, later than the entry before, and followed by a title.
 */
function repeatedLeadingTimestamps(line: string, tokens: Token[]): Token[] {
  const [leading] = tokens;
  if (!leading) return [];
  const kept = [leading];
  tokens.forEach((token, i) => {
    const previous = kept[kept.length - 1] ?? leading;
    const title = cleanTitle(line.slice(token.to, tokens[i + 1]?.from ?? line.length));
    if (i > 0 && token.layout === leading.layout && token.start > previous.start && title) kept.push(token);
  });
  return kept;
}

function startsWithTimestamp(line: string, first = tokensIn(line)[0]): boolean {
  return first !== undefined && LEADING_NOISE.test(line.slice(0, first.from));
}

/** Titles lose separators around them (-, –, —, :, |, bullets) and runs of whitespace. */
function cleanTitle(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|•·*~>»,;.]+/u, '')
    .replace(/[\s\-–—:|•·*~<«@,;]+$/u, '')
    .trim();
}

/**
 * Lines without a timestamp allowed inside one list: a wrapped title, a "Part 2" header, and in many
 * feeds a list of links or a few paragraphs under each entry.
 */
const MAX_GAP_LINES = 12;

/** Groups usable candidates into blocks of nearby lines; a list never spans unrelated paragraphs. */
function candidateBlocks(notesLines: string[], duration: number | undefined): Candidate[][] {
  const lines = notesLines.map((line) => line.replace(LINK, ' ')).filter((line) => line.trim());
  const onePerLine = lines.filter((line) => startsWithTimestamp(line)).length >= 2;
  const blocks: Candidate[][] = [];
  let current: Candidate[] = [];
  let gap = 0;
  const endBlock = () => {
    if (current.length) blocks.push(current);
    current = [];
  };
  for (const line of lines) {
    const found = candidatesInLine(line, onePerLine).filter(
      (c) => c.title && c.title.length <= MAX_TITLE_CHARS && (duration === undefined || c.start < duration),
    );
    gap = found.length ? 0 : gap + 1;
    if (gap > MAX_GAP_LINES) endBlock();
    for (const candidate of found) {
      current.push(candidate);
      if (current.length >= MAX_CANDIDATES_PER_BLOCK) endBlock();
    }
  }
  endBlock();
  return blocks;
}

// ---- the list: entries written one way, sorted, starting near 0 ----

/** The block's chapter list, or [] when it does not look like one. Each way of writing is judged apart. */
function believableList(block: Candidate[], duration: number | undefined): Candidate[] {
  let best: Candidate[] = [];
  for (const shape of new Set(block.map((c) => c.shape))) {
    const entries = firstOfEachStart(block.filter((c) => c.shape === shape));
    const list = listAmong(entries, duration, shape === 'time first');
    if (list.length > best.length) best = list;
  }
  return best;
}

/**
 * The list among one shape's entries. It starts within FIRST_START_MAX; or later when it is written
 * time first, has at least LATE_FIRST_MIN_ENTRIES entries and still covers the episode (starts within
 * the first 5 min and 10 %, or reaches its second half). Track lengths, scores and Bible verses are
 * written title first; a day schedule ("09:00 Registration") covers a few minutes of the episode.
 */
function listAmong(entries: Candidate[], duration: number | undefined, timeFirst: boolean): Candidate[] {
  const early = withEntriesOutOfOrder(longestIncreasing(entries, FIRST_START_MAX), entries);
  if (timeFirst && duration !== undefined) {
    const late = withEntriesOutOfOrder(longestIncreasing(entries, duration / 2), entries);
    if (late.length >= LATE_FIRST_MIN_ENTRIES && late.length > early.length && coversEpisode(late, duration)) {
      return late;
    }
  }
  return early.length >= 2 ? early : [];
}

function coversEpisode(list: Candidate[], duration: number): boolean {
  const first = list[0]?.start ?? Infinity;
  const last = list[list.length - 1]?.start ?? 0;
  return first <= Math.min(LATE_FIRST_START_MAX, duration * 0.1) || last >= duration / 2;
}

/** Repeated starts ("0:00 Intro", "0:00 Cold open") keep the first, in document order. */
function firstOfEachStart(entries: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return entries.filter((entry) => !seen.has(entry.start) && seen.add(entry.start));
}

/**
 * The chain plus the entries listed out of order whose starts fall inside it (a section listed in the
 * wrong place), sorted. Entries past either end are dropped: a typo'd "1:15:00" among minutes is a
 * mistake, not the last chapter, and times that only decrease are no list.
 */
function withEntriesOutOfOrder(chain: Candidate[], entries: Candidate[]): Candidate[] {
  const first = chain[0];
  const last = chain[chain.length - 1];
  if (!first || !last || chain.length < 2) return chain;
  const inChain = new Set(chain);
  return entries
    .filter((entry) => inChain.has(entry) || (entry.start > first.start && entry.start < last.start))
    .sort((a, b) => a.start - b.start);
}

/**
 * O(n²) longest strictly increasing chain in document order whose first start is at most firstMax;
 * ties keep the earlier. Outliers (a typo'd "1:15:00" among minutes, a time quoted in a title) stay out.
 */
function longestIncreasing(items: Candidate[], firstMax: number): Candidate[] {
  const length: number[] = [];
  const previous: number[] = [];
  let bestEnd = -1;
  items.forEach((item, i) => {
    length[i] = item.start <= firstMax ? 1 : 0;
    previous[i] = -1;
    for (let j = 0; j < i; j += 1) {
      const before = items[j];
      const chain = length[j] ?? 0;
      if (before && chain > 0 && before.start < item.start && chain + 1 > (length[i] ?? 0)) {
        length[i] = chain + 1;
        previous[i] = j;
      }
    }
    if ((length[i] ?? 0) > (bestEnd < 0 ? 0 : (length[bestEnd] ?? 0))) bestEnd = i;
  });
  const chain: Candidate[] = [];
  for (let i = bestEnd; i >= 0; i = previous[i] ?? -1) {
    const item = items[i];
    if (item) chain.unshift(item);
  }
  return chain;
}
