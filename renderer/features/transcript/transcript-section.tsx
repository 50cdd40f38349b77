/**
 * The episode page's Transcript section. The episode page renders it; it asks for the transcript
 * itself (`useTranscript`), so the page only passes the episode and the player's time.
 */
import { useId } from 'react';
import { TranscriptPanel, type TranscriptQuote } from './transcript-panel';
import { useTranscript } from './use-transcript';
import './transcript.css';

export type { TranscriptQuote } from './transcript-panel';

export interface TranscriptSectionProps {
  /** The episode whose transcript to show; asked for again when it changes. */
  episodeId: string;
  /**
   * The playback time in seconds when this episode is the one in the player, else undefined (then
   * no paragraph is marked as being spoken and "Back to now" is not offered).
   */
  position: number | undefined;
  /** Seek to `seconds` and play, putting this episode in the player first if needed. */
  onJump: (seconds: number) => void;
  /**
   * Make a note of selected words: `at` is the start of the paragraph the selection begins in (for
   * a transcript without times, the `position` passed, or 0), `text` the words, trimmed, at most
   * MAX_QUOTE_CHARS (shared/transcript-cues.ts) long.
   */
  onQuote: (quote: TranscriptQuote) => void;
}

/**
 * Renders nothing while the answer is on its way and when the episode has no transcript (no empty
 * panel, no heading); one quiet line "Transcript unavailable: <why>" when it could not be read; else
 * a level 2 heading "Transcript", as the page's other sections have, and the panel.
 */
export function TranscriptSection({ episodeId, position, onJump, onQuote }: TranscriptSectionProps) {
  const result = useTranscript(episodeId);
  const headingId = useId();
  if (!result || result.status === 'none') return null;
  if (result.status === 'failed') {
    return <p className="transcript-unavailable">Transcript unavailable: {result.message}</p>;
  }
  return (
    <section className="episode-section transcript-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">
        Transcript
      </h2>
      {/* Keyed by episode: following, focus and a selection never carry over to another episode. */}
      <TranscriptPanel
        key={episodeId}
        transcript={result.transcript}
        position={position}
        onJump={onJump}
        onQuote={onQuote}
      />
    </section>
  );
}
