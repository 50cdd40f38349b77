/**
 * "Follow along": keeps the paragraph being spoken in view until the listener scrolls the transcript
 * themselves. The virtualizer's own scrolling fires `scroll` events too, so the listener's intent is
 * read from what only a person does: the wheel, a touch drag, a press on the scrollbar (whose target
 * is the scroll element itself; the items and their text are its children) and, through `pause`,
 * the navigation keys the panel handles.
 */
import { useCallback, useEffect, useState } from 'react';

export interface FollowAlong {
  following: boolean;
  pause: () => void;
  resume: () => void;
  toggle: () => void;
}

/**
 * @param scroller the transcript's scroll element (null until mounted)
 * @param current the paragraph being spoken, -1 when there is none (silence, or another episode plays)
 * @param scrollTo brings a paragraph into view
 * @param stopScrolling ends a scrollTo still on its way (a smooth scroll takes a few frames)
 */
export function useFollowAlong(
  scroller: HTMLElement | null,
  current: number,
  scrollTo: (index: number) => void,
  stopScrolling: () => void,
): FollowAlong {
  const [following, setFollowing] = useState(true);
  // A scroll to "now" still gliding when the listener takes over would pull the list back.
  const pause = useCallback(() => {
    setFollowing(false);
    stopScrolling();
  }, [stopScrolling]);
  const resume = useCallback(() => setFollowing(true), []);
  const toggle = useCallback(() => (following ? pause() : resume()), [following, pause, resume]);

  useEffect(() => {
    if (!scroller) return;
    // Ctrl + wheel zooms the page; it does not scroll the transcript away.
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) pause();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target === scroller) pause();
    };
    scroller.addEventListener('wheel', onWheel, { passive: true });
    scroller.addEventListener('touchmove', pause, { passive: true });
    scroller.addEventListener('pointerdown', onPointerDown);
    return () => {
      scroller.removeEventListener('wheel', onWheel);
      scroller.removeEventListener('touchmove', pause);
      scroller.removeEventListener('pointerdown', onPointerDown);
    };
  }, [scroller, pause]);

  // A new paragraph, following turned back on, or the list just mounted (the episode playing was
  // opened): bring "now" into view. In a pause between paragraphs (-1) the list stays where it is.
  useEffect(() => {
    if (scroller && following && current >= 0) scrollTo(current);
  }, [scroller, following, current, scrollTo]);

  return { following, pause, resume, toggle };
}
