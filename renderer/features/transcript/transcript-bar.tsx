/**
 * Above the transcript: "Follow along" (a toggle, on by default) and, once the listener has scrolled
 * away while this episode is in the player, "Back to now". An untimed transcript gets one quiet line
 * instead: it has no "now" to follow.
 */
import { useRef } from 'react';

interface TranscriptBarProps {
  timed: boolean;
  following: boolean;
  /** This episode is the one in the player, so there is a "now" to go back to. */
  playing: boolean;
  onToggle: () => void;
  onBackToNow: () => void;
}

export function TranscriptBar({ timed, following, playing, onToggle, onBackToNow }: TranscriptBarProps) {
  const followButton = useRef<HTMLButtonElement>(null);
  if (!timed) {
    return (
      <p className="transcript-bar transcript-bar__untimed">This transcript has no times: it can't follow the audio.</p>
    );
  }
  return (
    <div className="transcript-bar">
      <button
        ref={followButton}
        type="button"
        className="button button--small transcript-bar__follow"
        aria-pressed={following}
        onClick={onToggle}
      >
        Follow along
      </button>
      {!following && playing && (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => {
            onBackToNow();
            // This button goes away once pressed; focus stays in the bar instead of falling to the page.
            followButton.current?.focus();
          }}
        >
          Back to now
        </button>
      )}
    </div>
  );
}
