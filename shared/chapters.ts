/**
 * Chapters from show-note timestamps. Pure (no DOM, no Node): the renderer and the services both use it.
 *
 * Show notes are untrusted, hand-typed text, so this finds candidate "timestamp + title" pairs line by
 * line and then keeps only what looks like a real chapter list: at least two entries, starting near the
 * beginning, strictly increasing, inside the episode. A chapter list that is wrong is worse than none.
 */
import type { Chapter } from './types.js';
import { decodeHTML } from 'entities';
import { parseTimestamp } from './time.js';

/** Longer notes are cut: no real show notes are this long, and it bounds the work on hostile input. */
const MAX_NOTES_CHARS = 200_000;
/** A real list starts at the beginning; 60 s leaves room for a cold open or an ad before "0:00 Intro". */
const FIRST_START_MAX = 60;
/** ...or a bit later (up to 5 min and 10 % of the episode) when it has at least three entries. */
const LATE_FIRST_START_MAX = 300;
const LATE_FIRST_MIN_ENTRIES = 3;
/** Lines without a timestamp allowed inside one list (a wrapped title, a sub-bullet, a "Part 2" header). */
const MAX_GAP_LINES = 2;
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
 * separators, so "10:30:45:12" and "8.0.38" are not timestamps. Times of day ("10:30 am") and durations
 * ("1:30 min") are not chapter starts. An optional bracket pair and an optional range end ("0:00-5:00")
 * belong to the token.
 */
const TIME = String.raw`(?<![\d:;])(\d{1,3})[:;](\d{2})(?:[:;](\d{2}))?(?!\d|[:;]\d)`;
const RANGE_END = String.raw`(?:\s*(?:-|–|—|to)\s*\d{1,3}[:;]\d{2}(?:[:;]\d{2})?(?!\d|[:;]\d))?`;
const NOT_A_START = String.raw`(?!\s*(?:[ap]\.?m\.?|ms|mins?|minutes?|hrs?|hours?|secs?|seconds?)(?![a-z0-9]))`;
const TOKEN = new RegExp(String.raw`(?:[(\[]\s*)?${TIME}${RANGE_END}(?:\s*[)\]])?${NOT_A_START}`, 'gi');

interface Token {
  start: number;
  /** Where the token (with brackets) begins and ends in the line. */
  from: number;
  to: number;
}

function tokensIn(line: string): Token[] {
  const tokens: Token[] = [];
  for (const match of line.matchAll(TOKEN)) {
    const [, first, second, third] = match;
    const start = parseTimestamp(third === undefined ? `${first}:${second}` : `${first}:${second}:${third}`);
    if (start === undefined || match.index === undefined) continue;
    tokens.push({ start, from: match.index, to: match.index + match[0].length });
  }
  return tokens;
}

// ---- candidates: (start, title) pairs, grouped into blocks of nearby lines ----

interface Candidate {
  start: number;
  title: string;
}

/** Bullets, numbering and brackets may come before a line's leading timestamp ("- ", "• ", "1. "). */
const LEADING_NOISE = /^\s*(?:\d{1,2}[.)]\s+)?[^\p{L}\p{N}]{0,6}$/u;
/** Punctuation may follow a line's trailing timestamp ("Intro (0:00).") */
const TRAILING_NOISE = /^[^\p{L}\p{N}]{0,4}$/u;

/**
 * Reads one line:
 * - starts with a timestamp → time first. When the notes put timestamps at the start of two or more
 *   lines, a line is one chapter and later times belong to its title ("5:00 Why 10:30 is the new 9:00");
 *   otherwise several timestamps split it ("0:00 Intro 1:38 Sockets 7:50 Queues" on one line);
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
  if (timeFirst && onePerLine) return [{ start: first.start, title: cleanTitle(line.slice(first.to)) }];
  if (!timeFirst && tokens.length === 1 && TRAILING_NOISE.test(line.slice(last.to))) {
    return [{ start: first.start, title: cleanTitle(line.slice(0, first.from)) }];
  }
  if (!timeFirst && (tokens.length === 1 || onePerLine)) return [];
  return tokens.map((token, i) => ({
    start: token.start,
    title: cleanTitle(line.slice(token.to, tokens[i + 1]?.from ?? line.length)),
  }));
}

function startsWithTimestamp(line: string, first = tokensIn(line)[0]): boolean {
  return first !== undefined && LEADING_NOISE.test(line.slice(0, first.from));
}

/** Titles lose separators around them (-, –, —, :, |, bullets), URLs and runs of whitespace. */
function cleanTitle(raw: string): string {
  return raw
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|•·*~>»,;.]+/u, '')
    .replace(/[\s\-–—:|•·*~<«@,;]+$/u, '')
    .trim();
}

/** Groups usable candidates into blocks of nearby lines; a list never spans unrelated paragraphs. */
function candidateBlocks(lines: string[], duration: number | undefined): Candidate[][] {
  const blocks: Candidate[][] = [];
  let current: Candidate[] = [];
  let gap = 0;
  const onePerLine = lines.filter((line) => startsWithTimestamp(line)).length >= 2;
  for (const line of lines) {
    if (!line.trim()) continue;
    const found = candidatesInLine(line, onePerLine).filter(
      (c) => c.title && c.title.length <= MAX_TITLE_CHARS && (duration === undefined || c.start < duration),
    );
    if (!found.length) {
      gap += 1;
      if (gap > MAX_GAP_LINES && current.length) {
        blocks.push(current);
        current = [];
      }
      continue;
    }
    gap = 0;
    current.push(...found);
    if (current.length >= MAX_CANDIDATES_PER_BLOCK) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

// ---- the list: the longest strictly increasing run that starts near 0 ----

/**
 * The block's chapter list, or [] when it does not look like one. Outliers (a typo'd "1:15:00" among
 * minutes, a time quoted in a title) are dropped by taking the longest strictly increasing subsequence
 * in document order rather than giving up on the whole list.
 */
function believableList(block: Candidate[], duration: number | undefined): Candidate[] {
  const early = longestIncreasing(block, FIRST_START_MAX);
  const lateLimit = duration === undefined ? 0 : Math.min(LATE_FIRST_START_MAX, duration * 0.1);
  const late = lateLimit > FIRST_START_MAX ? longestIncreasing(block, lateLimit) : [];
  if (late.length >= LATE_FIRST_MIN_ENTRIES && late.length > early.length) return late;
  return early.length >= 2 ? early : [];
}

/** O(n²) longest strictly increasing chain whose first start is at most firstMax; ties keep the earlier. */
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
