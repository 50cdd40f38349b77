/** The loaded episode's current chapter and the previous/next jumps (buttons, keys, media keys). */
import { useCallback } from 'react';
import type { Chapter } from '../../../shared/types';
import type { Player } from '../player/use-player';
import { chapterIndexAt, nextChapterStart, previousChapterStart } from './chapter-math';

export interface ChapterNavigation {
  chapters: readonly Chapter[];
  currentIndex: number;
  current?: Chapter;
  /** Undefined when there is nowhere to go. */
  previous?: () => void;
  next?: () => void;
}

export function useChapterNavigation(player: Player, chapters: readonly Chapter[]): ChapterNavigation {
  const { position, seek, now } = player;
  const currentIndex = player.episode ? chapterIndexAt(chapters, position) : -1;
  // Targets are worked out from the precise time at the moment of the press, not the last tick.
  const go = useCallback(
    (pick: (chapters: readonly Chapter[], at: number) => number | undefined) => {
      const target = pick(chapters, now());
      if (target !== undefined) seek(target);
    },
    [chapters, now, seek],
  );
  const previous = useCallback(() => go(previousChapterStart), [go]);
  const next = useCallback(() => go(nextChapterStart), [go]);
  const hasChapters = chapters.length > 0 && Boolean(player.episode);
  return {
    chapters,
    currentIndex,
    current: chapters[currentIndex],
    previous: hasChapters ? previous : undefined,
    next: hasChapters && currentIndex < chapters.length - 1 ? next : undefined,
  };
}
