/** Space plays/pauses, unless focus is on something that uses Space itself (fields, buttons, links). */
import { useEffect } from 'react';

// A range input (the Seek and Volume sliders) has no use for Space: after a click on the seek bar,
// Space must still play and pause.
const usesSpace =
  'input:not([type="range"]), textarea, select, button, a[href], summary, [contenteditable], [role="button"], dialog *';

export function useSpaceToggle(enabled: boolean, toggle: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(usesSpace)) return;
      event.preventDefault(); // Otherwise the page scrolls as well.
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, toggle]);
}
