/**
 * Chapters from show-note timestamps. Pure (no DOM, no Node): the renderer and the services both use it.
 *
 * Show notes are untrusted, hand-typed text, so this finds candidate "timestamp + title" pairs line by
 * line and then keeps only what looks like a real chapter list: at least two entries written the same
 * way, mostly in order (an entry listed out of place is sorted in, repeated starts keep the first),
 * starting near the beginning (or late, when the list still covers the episode), inside the episode.
 * A chapter list that is wrong is worse than none.
 *
 * The steps: show-notes-text.ts turns HTML into lines, chapter-candidates.ts finds the pairs and groups
 * them in blocks, and this file keeps the believable list.
 */
import type { Chapter } from './types.js';
import { candidateBlocks, type Candidate } from './chapter-candidates.js';
import { showNotesToText } from './show-notes-text.js';

export { showNotesToText } from './show-notes-text.js';

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
