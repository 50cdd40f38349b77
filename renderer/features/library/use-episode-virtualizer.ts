/**
 * The episode list's virtualizer against the window's scroll: where the list starts on the page, and
 * the rows to render (those near the viewport, and always the focused one, so Tab returns to it).
 */
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

// A row with a one-line title and a two-line preview at the default text size: rows measured at the
// estimate cost nothing, while each one that differs makes the virtualizer re-add all the rows below it.
export const ESTIMATED_ROW_PX = 128.5;

/** Where the list starts on the page (the library header above it can change height). */
export function useScrollMargin(listRef: RefObject<HTMLElement | null>): number {
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const top = Math.round(list.getBoundingClientRect().top + window.scrollY);
      setScrollMargin((current) => (current === top ? current : top));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    if (list.parentElement) observer.observe(list.parentElement.parentElement ?? list.parentElement);
    return () => observer.disconnect();
  }, [listRef]);
  return scrollMargin;
}

export function useEpisodeVirtualizer(count: number, scrollMargin: number, activeIndex: number) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (!indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );

  return useWindowVirtualizer({
    count,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    scrollMargin,
    // Keys are positions (the default): a key function that changes with every page that arrives
    // made the virtualizer rebuild its measurements of all 50,000 rows (a third of a second) each time.
    rangeExtractor,
    // Arrow keys scroll a row clear of the sticky top bar (56 px) and the fixed player bar (88 px + room).
    scrollPaddingStart: 64,
    scrollPaddingEnd: 104,
  });
}
