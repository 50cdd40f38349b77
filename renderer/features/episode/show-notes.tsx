/**
 * Sanitized show notes. The sanitizer (not React) is what makes dangerouslySetInnerHTML safe here.
 * With `onPlayFrom`, the timestamps in them are buttons that play the episode from that moment.
 */
import { useMemo } from 'react';
import { looksLikePlainText, sanitizeShowNotes } from './sanitize';
import './show-notes.css';

interface ShowNotesProps {
  html: string;
  /** Plays the episode from a timestamp in the notes. */
  onPlayFrom?: (seconds: number) => void;
  /** Timestamps past this are not the episode's (when known). */
  durationSeconds?: number;
}

export function ShowNotes({ html, onPlayFrom, durationSeconds }: ShowNotesProps) {
  const timestampsUpTo = onPlayFrom ? (durationSeconds ?? Infinity) : undefined;
  const clean = useMemo(() => sanitizeShowNotes(html, { timestampsUpTo }), [html, timestampsUpTo]);
  if (!clean.trim()) return <p className="show-notes show-notes--empty">This episode has no show notes.</p>;
  return (
    // Clicks on the timestamp buttons arrive here (the buttons are plain markup, not React elements);
    // the buttons themselves are keyboard operable, so the container needs no key handler.
    <div
      className={`show-notes${looksLikePlainText(html) ? ' show-notes--plain' : ''}`}
      onClick={(event) => {
        const time = (event.target as Element).closest<HTMLElement>('[data-seconds]');
        if (time && onPlayFrom) onPlayFrom(Number(time.dataset.seconds));
      }}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
