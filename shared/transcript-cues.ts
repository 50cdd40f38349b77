// Finding the cue at a moment of the audio, for the transcript panel (each tick of the player) and
// for a note's quote. Binary search: a 3-hour transcript has ~3,000 cues and the panel asks 4× a second.
import type { TranscriptCue } from './transcript-types.js';

/** A gap shorter than this between two cues still counts as the earlier one (speakers breathe). */
const GAP_SLACK_SECONDS = 0.3;

/**
 * The index of the cue being spoken at `seconds`: the last cue that started at or before it, while it
 * lasts (plus a short slack); -1 before the first cue or in a pause between cues. Cues must be sorted
 * by start (the parsers sort them); overlapping cues resolve to the later start.
 */
export function cueIndexAt(cues: readonly TranscriptCue[], seconds: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (cues[middle]!.start <= seconds) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return -1;
  return seconds <= cues[found]!.end + GAP_SLACK_SECONDS ? found : -1;
}

/** Longest quote a note keeps (the contract refuses longer ones). */
export const MAX_QUOTE_CHARS = 2000;

/** A cue that began less than this before the moment is quoted with the one before it. */
const JUST_STARTED_SECONDS = 2;

/**
 * The words spoken at `seconds`, for a note taken then: the cue at that moment, with the one before it
 * when it had only just begun (a listener notes what they heard, a moment late). Undefined in silence
 * or without timed cues.
 */
export function quoteAt(cues: readonly TranscriptCue[], seconds: number): string | undefined {
  const index = cueIndexAt(cues, seconds);
  if (index < 0) return undefined;
  const cue = cues[index]!;
  const parts = index > 0 && seconds - cue.start < JUST_STARTED_SECONDS ? [cues[index - 1]!, cue] : [cue];
  const text = parts
    .map((part) => part.text.trim())
    .filter(Boolean)
    .join(' ');
  if (!text) return undefined;
  return text.length > MAX_QUOTE_CHARS ? `${text.slice(0, MAX_QUOTE_CHARS - 1)}…` : text;
}
