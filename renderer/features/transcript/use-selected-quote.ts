/**
 * The words the listener has selected in the transcript, kept while the selection lasts, with where
 * to show "Add note" (just below the selection, in the scroll element's coordinates so it scrolls
 * with the text). Read on `selectionchange`, so a mouse drag, a double click and Shift + arrows in
 * caret browsing all count.
 */
import { useCallback, useEffect, useState } from 'react';
import { selectedWords, type SelectedWords } from './transcript-selection';

export interface SelectedQuote extends SelectedWords {
  top: number;
  left: number;
}

/** Room kept for the button at the scroller's right edge. */
const BUTTON_ROOM_PX = 120;

function placeBelow(scroller: HTMLElement): { top: number; left: number } {
  const range = scroller.ownerDocument.getSelection()?.getRangeAt(0);
  // jsdom has no layout (and no Range.getBoundingClientRect): the button goes to the top corner.
  if (!range || typeof range.getBoundingClientRect !== 'function') return { top: 0, left: 0 };
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  return {
    top: rect.bottom - box.top + scroller.scrollTop + 6,
    left: Math.max(0, Math.min(rect.left - box.left, box.width - BUTTON_ROOM_PX)),
  };
}

/**
 * @param scroller the element the button is placed in
 * @param list the element holding the paragraphs
 * @param onSelect called when words get selected (the panel stops following, so they stay put)
 */
export function useSelectedQuote(
  scroller: HTMLElement | null,
  list: HTMLElement | null,
  onSelect: () => void,
): { quote: SelectedQuote | undefined; clear: () => void } {
  const [quote, setQuote] = useState<SelectedQuote>();

  useEffect(() => {
    if (!scroller || !list) return;
    const onChange = () => {
      const words = selectedWords(list);
      setQuote(words && { ...words, ...placeBelow(scroller) });
      if (words) onSelect();
    };
    const doc = list.ownerDocument;
    doc.addEventListener('selectionchange', onChange);
    return () => doc.removeEventListener('selectionchange', onChange);
  }, [scroller, list, onSelect]);

  const clear = useCallback(() => setQuote(undefined), []);
  return { quote, clear };
}
