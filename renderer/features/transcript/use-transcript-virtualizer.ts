/**
 * The virtualizer behind the transcript list, scrolling its own box (not the page, so following
 * along never moves the rest of the episode page). The Tab stop is always rendered, even scrolled
 * far away, so Tab can still reach the list.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback } from 'react';

// Two lines of words under a speaker line: items measured at the estimate cost nothing, and each one
// that differs moves the items below it.
const ESTIMATED_ITEM_PX = 84;

export function useTranscriptVirtualizer(count: number, scroller: HTMLElement | null, tabStop: number) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (tabStop >= 0 && !indexes.includes(tabStop)) indexes.push(tabStop);
      return indexes.sort((a, b) => a - b);
    },
    [tabStop],
  );
  // The app is not built with the React Compiler, whose memoizing this warns about; what reaches the
  // memoized items from the virtualizer is plain numbers and its stable measureElement.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ITEM_PX,
    overscan: 4,
    rangeExtractor,
  });
}
