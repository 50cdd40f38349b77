/**
 * What the listener selected in the transcript, read from the DOM range: the words of the paragraphs'
 * text only (never the times and speaker names between them, which a plain selection.toString()
 * would include) and the paragraph where the selection begins, whose time the note takes.
 */
import { MAX_QUOTE_CHARS } from '../../../shared/transcript-cues';

/** The class of the element holding a paragraph's words; its item carries `data-index`. */
export const TEXT_CLASS = 'transcript-item__text';

export interface SelectedWords {
  /** The paragraph where the selection begins. */
  index: number;
  /** The words, trimmed, cut to what a note's quote may hold. */
  text: string;
}

/** The selection's words inside `list`, or undefined when it holds none of them. */
export function selectedWords(list: HTMLElement): SelectedWords | undefined {
  const selection = list.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(list)) return undefined;
  let index: number | undefined;
  const parts: string[] = [];
  for (const element of list.querySelectorAll<HTMLElement>(`.${TEXT_CLASS}`)) {
    if (!range.intersectsNode(element)) continue;
    const part = list.ownerDocument.createRange();
    part.selectNodeContents(element);
    if (element.contains(range.startContainer)) part.setStart(range.startContainer, range.startOffset);
    if (element.contains(range.endContainer)) part.setEnd(range.endContainer, range.endOffset);
    const words = part.toString().trim();
    if (!words) continue;
    index ??= Number(element.closest<HTMLElement>('[data-index]')?.dataset.index);
    parts.push(words);
  }
  const text = parts.join(' ');
  if (index === undefined || Number.isNaN(index) || !text) return undefined;
  return { index, text: text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1)}…` : text };
}

/** True when text inside `element` is selected: a click there ended a selection, not a jump. */
export function hasSelectionIn(element: HTMLElement): boolean {
  const selection = element.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  return selection.getRangeAt(0).intersectsNode(element);
}
