// What every parser does last: one shape of cue, whatever the file looked like.
import type { TranscriptCue } from '../../../shared/types.js';

/** A transcript file that gives nothing to show; the message says why in words, for the listener. */
export class UnreadableTranscriptError extends Error {
  override readonly name = 'UnreadableTranscriptError';
}

/**
 * Cues as the panel and quotes expect them: text on one line with single spaces (cue line breaks are
 * layout, not meaning), no empty cue, no cue with an impossible time, sorted by start (stable: cues
 * that start together keep the file's order; overlapping cues are kept, two people can talk at once).
 * Throws UnreadableTranscriptError when nothing is left: a file with no usable cue is a failure.
 */
export function tidyCues(cues: readonly TranscriptCue[], what: string): TranscriptCue[] {
  const tidy = cues.flatMap((cue): TranscriptCue[] => {
    const text = cue.text.replace(/\s+/g, ' ').trim();
    const timesOk = Number.isFinite(cue.start) && Number.isFinite(cue.end) && cue.start >= 0 && cue.end >= cue.start;
    if (!text || !timesOk) return [];
    const speaker = cue.speaker?.replace(/\s+/g, ' ').trim();
    return [speaker ? { start: cue.start, end: cue.end, speaker, text } : { start: cue.start, end: cue.end, text }];
  });
  if (!tidy.length) throw new UnreadableTranscriptError(`the ${what} holds no words Earmark can show.`);
  return tidy.sort((a, b) => a.start - b.start);
}
