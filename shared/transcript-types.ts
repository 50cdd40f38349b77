// Contract types for transcripts (issue 14): what a feed offers (<podcast:transcript>), the parsed
// text, and the answer to "show me this episode's transcript".

/** The formats Earmark reads, in the order it prefers them. */
export type TranscriptFormat = 'vtt' | 'json' | 'srt' | 'html';

/** One <podcast:transcript> of an item, as the feed offered it. */
export interface TranscriptLink {
  url: string;
  /** The MIME type the feed gave (text/vtt, application/json, application/x-subrip, text/html …). */
  type: string;
  /** BCP 47 language tag, when the feed gave one. */
  language?: string;
  /** `captions` marks a file made to be shown while listening (timed). */
  rel?: string;
}

/** One spoken cue (or a paragraph of them); times in seconds from the start of the audio. */
export interface TranscriptCue {
  start: number;
  end: number;
  speaker?: string;
  text: string;
}

export interface Transcript {
  /** The file it was read from. */
  url: string;
  format: TranscriptFormat;
  language?: string;
  /** False for HTML transcripts: text without times (each cue's start and end are 0). */
  timed: boolean;
  cues: TranscriptCue[];
}

/**
 * The answer for one episode: `none` (the feed offers no transcript: show nothing), `failed` (one
 * quiet line, in words) or `ready`.
 */
export type TranscriptResult =
  { status: 'none' } | { status: 'failed'; message: string } | { status: 'ready'; transcript: Transcript };
