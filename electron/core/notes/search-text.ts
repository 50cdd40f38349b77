/** Case- and accent-insensitive text for search, and snippets cut from the original text around a match. */

const MARKS = /\p{M}/gu;
const NON_ASCII_RUN = /[\u0080-\uffff]+/g;
// Whitespace that is not already one plain space: a run of two or more, or one other space character.
// Replacing every run (/\s+/g) gave the same text but rewrote each of the ~250,000 single spaces of a
// 1.5 MB transcript, about 100 ms; this touches only the few that change (a few ms).
const UNUSUAL_SPACE = /\s\s+|[^\S ]/g;

/** Lower case, accents removed ("Café" → "cafe"), runs of white space as one space. */
export function normalizeText(text: string): string {
  // Decompose only the non-ASCII runs: show notes are mostly ASCII, and NFD over whole kilobytes of
  // text dominated the time to build the index. Equivalent, since accents never combine across ASCII.
  const folded = text.replace(NON_ASCII_RUN, (run) => run.normalize('NFD').replace(MARKS, ''));
  return folded.toLowerCase().replace(UNUSUAL_SPACE, ' ');
}

/** The query as words (normalized, no empties) and as one phrase. */
export function queryTerms(query: string): { phrase: string; words: string[] } {
  const phrase = normalizeText(query).trim();
  const words = [...new Set(phrase.split(' ').filter(Boolean))];
  return { phrase, words };
}

/**
 * Maps each position in normalizeText(text) back to a position in text. Built only for items that
 * are shown (a few dozen per search), so the index itself stays one plain string per item.
 */
function positionMap(text: string, upTo: number): number[] {
  const map: number[] = [];
  let previousSpace = false;
  // Only as far as the match's end: show notes run to kilobytes and the match is often early.
  for (let i = 0; i < text.length && map.length <= upTo;) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: one char in, at most one char out.
      const isSpace = code === 32 || (code >= 9 && code <= 13);
      if (!isSpace || !previousSpace) map.push(i);
      previousSpace = isSpace;
      i++;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? code);
    const isSpace = /\s/.test(char);
    if (isSpace) {
      if (!previousSpace) map.push(i);
    } else {
      const normal = char.normalize('NFD').replace(MARKS, '').toLowerCase();
      for (let k = 0; k < normal.length; k++) map.push(i);
    }
    previousSpace = isSpace;
    i += char.length;
  }
  map.push(text.length);
  return map;
}

/**
 * A short piece of text around the match at [start, start + length) of normalizeText(text), on
 * word boundaries where possible, with "…" where it was cut. `match` gives the match's place in the snippet.
 */
export function snippetAround(
  text: string,
  start: number,
  length: number,
  radius = 60,
): { text: string; match: [number, number] } {
  const map = positionMap(text, start + length);
  const from = map[Math.min(start, map.length - 1)] ?? 0;
  const to = map[Math.min(start + length, map.length - 1)] ?? text.length;
  let left = Math.max(0, from - radius);
  let right = Math.min(text.length, to + radius);
  if (left > 0) {
    const space = text.indexOf(' ', left);
    if (space >= 0 && space < from) left = space + 1;
  }
  if (right < text.length) {
    const space = text.lastIndexOf(' ', right);
    if (space > to) right = space;
  }
  const head = left > 0 ? '…' : '';
  const body = text.slice(left, right).replace(/\s+/g, ' ');
  const leading = text.slice(left, from).replace(/\s+/g, ' ').length;
  const matched = text.slice(from, to).replace(/\s+/g, ' ').length;
  return {
    text: `${head}${body}${right < text.length ? '…' : ''}`,
    match: [head.length + leading, head.length + leading + matched],
  };
}
