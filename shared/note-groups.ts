import type { Note } from './types.js';

/** A chapter as grouping and search need it (any chapter source fits: feed, file or show notes). */
export interface ChapterMark {
  start: number;
  title: string;
}

/** Notes under one chapter; chapter is absent for the notes taken before the first chapter starts. */
export interface ChapterGroup<C extends ChapterMark = ChapterMark> {
  chapter?: C;
  notes: Note[];
}

/** Notes in time order, then in the order they were written. */
export function compareNotes(a: Note, b: Note): number {
  return a.at - b.at || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * Puts each note under the chapter it falls in: the last chapter starting at or before the note, so a
 * note exactly at a chapter's start belongs to that chapter. Every chapter gets a group (the chapter
 * list shows them all); a "before chapters" group comes first only when some note is earlier than the
 * first chapter. Without chapters, all notes form that one group. Pure: the renderer's chapter list and the Markdown export both use it.
 */
export function groupByChapter<C extends ChapterMark>(
  notes: readonly Note[],
  chapters: readonly C[],
): ChapterGroup<C>[] {
  const sortedChapters = [...chapters].sort((a, b) => a.start - b.start);
  const groups: ChapterGroup<C>[] = sortedChapters.map((chapter) => ({ chapter, notes: [] }));
  const before: Note[] = [];
  for (const note of [...notes].sort(compareNotes)) {
    let index = -1;
    // Binary search for the last chapter with start <= note.at.
    let low = 0;
    let high = sortedChapters.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((sortedChapters[mid]?.start ?? Infinity) <= note.at) {
        index = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    (index < 0 ? before : (groups[index]?.notes ?? before)).push(note);
  }
  return before.length > 0 || groups.length === 0 ? [{ notes: before }, ...groups] : groups;
}
