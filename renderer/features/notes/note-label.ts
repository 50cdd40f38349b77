/** Short names for notes where space is tight: seek-bar markers and toasts. */
import { formatTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';

const MARKER_WORDS = 5;

/** The first few words, "…" when cut. */
export function firstWords(text: string, count = MARKER_WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? '…' : '');
}

/** "Note: <first words>", or "Note: (empty) at 1:23" for a mark still waiting for its words. */
export function noteMarkerName(note: Note): string {
  const words = firstWords(note.text);
  return words ? `Note: ${words}` : `Note: (empty) at ${formatTimestamp(note.at)}`;
}
