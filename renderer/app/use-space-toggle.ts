/** Space plays/pauses, unless focus is on something that uses Space itself (fields, buttons, links). */
import { useEffect } from 'react';

const usesSpace =
  'input, textarea, select, button, a[href], summary, [contenteditable], [role="slider"], [role="button"], dialog *';

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
