/**
 * Single-key shortcuts for listening hands-free from the keyboard: N starts a note, M marks what
 * was just heard, Shift+←/→ move between chapters, / focuses Search. None fires while typing in a
 * field or inside a dialog, and none takes a key combined with Ctrl/Cmd/Alt (those are the OS's).
 */
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  note?: () => void;
  mark?: () => void;
  previousChapter?: () => void;
  nextChapter?: () => void;
  search?: () => void;
}

const typing =
  'input:not([type="range"]):not([type="checkbox"]):not([type="radio"]), textarea, select, [contenteditable], dialog *';

export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  useEffect(() => {
    ref.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(typing)) return;
      const { note, mark, previousChapter, nextChapter, search } = ref.current;
      const action = event.shiftKey
        ? { ArrowLeft: previousChapter, ArrowRight: nextChapter }[event.key]
        : { n: note, N: note, m: mark, M: mark, '/': search }[event.key];
      if (!action) return;
      // Also stops the letter landing in the note box that N is about to focus.
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
