/**
 * The transcript's roving tabindex: one paragraph is in the Tab order, so a 3,000-paragraph list
 * costs one Tab press. Until the listener moves through the list it is the paragraph being spoken;
 * once they do, it is the one they were on.
 */
import { useCallback, useEffect, useRef, useState, type FocusEvent } from 'react';

export interface RovingFocus {
  /** The index that has tabIndex 0. */
  tabStop: number;
  /** Makes `index` the Tab stop and focuses it once it is rendered (it may be scrolled away). */
  focusItem: (index: number) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

const indexOf = (target: EventTarget) => (target as HTMLElement).closest?.<HTMLElement>('[data-index]')?.dataset.index;

export function useRovingFocus(list: HTMLElement | null, count: number, current: number): RovingFocus {
  const [active, setActive] = useState(0);
  const [focusInside, setFocusInside] = useState(false);
  const focusAfterRender = useRef<number | undefined>(undefined);
  const tabStop = Math.min(focusInside || current < 0 ? active : current, count - 1);

  // The item asked for may only be rendered once the virtualizer has scrolled to it.
  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === undefined) return;
    const item = list?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (item) {
      focusAfterRender.current = undefined;
      item.focus({ preventScroll: true });
    }
  });

  const focusItem = useCallback(
    (index: number) => {
      setActive(index);
      const item = list?.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (item) item.focus({ preventScroll: true });
      else focusAfterRender.current = index;
    },
    [list],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const index = indexOf(event.target);
    if (index !== undefined) setActive(Number(index));
    setFocusInside(true);
  }, []);

  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusInside(false);
  }, []);

  return { tabStop, focusItem, onFocus, onBlur };
}
