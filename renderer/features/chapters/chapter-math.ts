/** Which chapter is playing, and where previous/next go. Pure, so unit tests need no player. */
import type { Chapter } from '../../../shared/types';

/**
 * A seek lands a hair before or after the target; within this many seconds of a chapter's start
 * counts as "in" that chapter, so clicking a chapter marks it current at once.
 */
const START_SLACK = 0.3;
/** "Previous" restarts the current chapter unless it began less than this many seconds ago. */
const RESTART_AFTER = 3;

/** Index of the chapter playing at `position`, or -1 before the first one (or without chapters). */
export function chapterIndexAt(chapters: readonly Chapter[], position: number): number {
  let index = -1;
  for (let i = 0; i < chapters.length; i += 1) {
    if ((chapters[i]?.start ?? Infinity) <= position + START_SLACK) index = i;
    else break;
  }
  return index;
}

/** Where "Previous chapter" goes: this chapter's start, or the one before when just past it. */
export function previousChapterStart(chapters: readonly Chapter[], position: number): number | undefined {
  const index = chapterIndexAt(chapters, position);
  if (index < 0) return chapters.length > 0 ? 0 : undefined;
  const current = chapters[index]!;
  if (position - current.start >= RESTART_AFTER || index === 0) return current.start;
  return chapters[index - 1]?.start;
}

/** Where "Next chapter" goes; undefined in the last chapter. */
export function nextChapterStart(chapters: readonly Chapter[], position: number): number | undefined {
  return chapters[chapterIndexAt(chapters, position) + 1]?.start;
}

/** Only http(s) URLs may be shown as links or images; anything else (javascript:, file:) is dropped. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
