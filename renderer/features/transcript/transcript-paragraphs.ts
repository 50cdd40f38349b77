/**
 * Cues grouped into the paragraphs the panel shows. Captions files cut speech into 2–5 s cues, which
 * read as a stutter one per line; joined per speaker they read as prose. Pure, so tests need no DOM.
 */
import type { TranscriptCue } from '../../../shared/transcript-types';

/** A paragraph closes after this many cues or this many seconds, so one speaker's monologue still
 * breaks into pieces short enough to read, to jump to, and to mark as "now". */
const MAX_CUES = 6;
const MAX_SECONDS = 60;

/** Shaped like a cue (start of its first cue, end of its last), so cueIndexAt finds the one spoken. */
export interface TranscriptParagraph extends TranscriptCue {
  /** The speaker is named on the first paragraph and wherever the speaker changes, not on each one. */
  showSpeaker: boolean;
}

/**
 * Joins consecutive cues of one speaker. Untimed transcripts (HTML) keep one paragraph per cue: their
 * cues are already the page's paragraphs, and without times there is no "now" to keep short.
 */
export function toParagraphs(cues: readonly TranscriptCue[], timed: boolean): TranscriptParagraph[] {
  const paragraphs: TranscriptParagraph[] = [];
  let cuesInLast = 0;
  for (const cue of cues) {
    const text = cue.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const last = paragraphs.at(-1);
    const speaker = cue.speaker?.trim() || undefined;
    if (timed && last && speaker === last.speaker && cuesInLast < MAX_CUES && cue.start - last.start < MAX_SECONDS) {
      last.text = `${last.text} ${text}`;
      last.end = Math.max(last.end, cue.end);
      cuesInLast += 1;
      continue;
    }
    paragraphs.push({
      start: cue.start,
      end: cue.end,
      ...(speaker && { speaker }),
      text,
      showSpeaker: speaker !== undefined && speaker !== last?.speaker,
    });
    cuesInLast = 1;
  }
  return paragraphs;
}
