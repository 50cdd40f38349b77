import type { Chapter } from '../../../shared/types.js';

/** Two entries this close with the same title are one chapter written twice. */
const SAME_START_SECONDS = 1;

/**
 * The chapter list to show, from sources in precedence order: the first non-empty one wins whole.
 *
 * Why not interleave sources: they describe the same episode at different granularity and often with
 * different offsets (show-note times follow the video, the audio may carry ads; a file may be another
 * cut). Mixing them gives near-duplicates and chapters out of step with each other. The publisher's most
 * explicit source is the one they maintain, so it is taken as is.
 */
export function pickChapters(sourcesByPrecedence: readonly Chapter[][]): Chapter[] {
  const winner = sourcesByPrecedence.find((list) => list.length > 0) ?? [];
  return dedupeChapters(winner);
}

/** Sorted by start (stable); drops an entry with the same title starting within 1 s of a kept one. */
export function dedupeChapters(chapters: readonly Chapter[]): Chapter[] {
  const kept: Chapter[] = [];
  for (const chapter of [...chapters].sort((a, b) => a.start - b.start)) {
    const title = normalTitle(chapter.title);
    const twin = kept.some(
      (other) => Math.abs(other.start - chapter.start) < SAME_START_SECONDS && normalTitle(other.title) === title,
    );
    if (!twin) kept.push(chapter);
  }
  return kept;
}

function normalTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
