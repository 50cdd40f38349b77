// Candidate chapters (timestamp + title) in show-note lines, grouped in blocks; chapters.ts keeps the believable list.
import { parseTimestamp } from './time.js';

/** A "title" longer than this is prose that happens to hold a time. */
const MAX_TITLE_CHARS = 160;
const MAX_CANDIDATES_PER_BLOCK = 1_000;

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

export interface Candidate {
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
export function candidateBlocks(notesLines: string[], duration: number | undefined): Candidate[][] {
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
