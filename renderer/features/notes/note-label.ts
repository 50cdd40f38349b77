/** Short names for notes where space is tight: seek-bar markers and toasts. */
import { formatTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';

const MARKER_WORDS = 5;
const MARKER_CHARS = 48;

/** The first few words, "…" when cut; a long word (a pasted URL) is cut too, so a name stays short. */
export function firstWords(text: string, count = MARKER_WORDS): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const start = words.slice(0, count).join(' ');
  if (start.length > MARKER_CHARS) return `${start.slice(0, MARKER_CHARS - 1)}…`;
  return start + (words.length > count ? '…' : '');
}

/** The first few words, or "Marked moment at 1:23" for a mark (M) still waiting for its words. */
function noteSummary(note: Note): string {
  return firstWords(note.text) || `Marked moment at ${formatTimestamp(note.at)}`;
}

/** "Note: <first words>", or "Note: Marked moment at 1:23". */
export function noteMarkerName(note: Note): string {
  return `Note: ${noteSummary(note)}`;
}
