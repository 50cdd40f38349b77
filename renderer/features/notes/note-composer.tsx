/**
 * Writing a note. The time is stamped when typing starts, not when Enter is pressed: by the time a
 * thought is typed out the audio has moved on, and the note belongs to the moment that prompted it.
 * "Mark this moment" saves an empty note a few seconds back, to be filled in later.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { formatTimestamp } from '../../../shared/time';
import { errorText } from '../../api';
import { BookmarkIcon, PlusIcon } from '../../components/icons';

interface NoteComposerProps {
  /** The playback time now, for this episode (its saved position when another one is in the player). */
  now: () => number;
  onAdd: (at: number, text: string) => Promise<unknown>;
  onMark: () => void;
  markBackSeconds: number;
  /** Set by the "N" shortcut: focus the box and stamp the time; then call onFocusHandled. */
  focusRequested?: boolean;
  onFocusHandled?: () => void;
}

export function NoteComposer({
  now,
  onAdd,
  onMark,
  markBackSeconds,
  focusRequested,
  onFocusHandled,
}: NoteComposerProps) {
  const [text, setText] = useState('');
  const [stamped, setStamped] = useState<number>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();

  // The shortcut only focuses the box; the focus handler stamps the time (state set in an event,
  // not in the effect).
  const stampOnFocus = useRef(false);
  useEffect(() => {
    if (!focusRequested) return;
    stampOnFocus.current = true;
    boxRef.current?.focus();
    onFocusHandled?.();
  }, [focusRequested, onFocusHandled]);

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await onAdd(stamped ?? now(), text.trim());
      setText('');
      setStamped(undefined);
    } catch (failure) {
      setError(`Couldn't save the note: ${errorText(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="note-composer__box">
        <textarea
          ref={boxRef}
          className="note-composer__input"
          aria-label="Note"
          aria-describedby={hintId}
          placeholder="What did you just hear?"
          rows={2}
          value={text}
          onFocus={() => {
            if (!stampOnFocus.current) return;
            stampOnFocus.current = false;
            setStamped((current) => current ?? now());
          }}
          onChange={(event) => {
            const value = event.currentTarget.value;
            // The first keystroke stamps the time; clearing the box lets the next note restamp.
            if (!value) setStamped(undefined);
            else if (stamped === undefined) setStamped(now());
            setText(value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              void submit();
            } else if (event.key === 'Escape' && !text) {
              setStamped(undefined);
              event.currentTarget.blur();
            }
          }}
        />
        <p className="note-composer__hint" id={hintId}>
          {stamped !== undefined ? (
            <span className="note-composer__stamp">at {formatTimestamp(stamped)}</span>
          ) : (
            <span>Time is stamped when you start typing</span>
          )}
          <span className="note-composer__keys" aria-hidden="true">
            Enter to add
          </span>
        </p>
      </div>
      <div className="note-composer__actions">
        <button
          type="button"
          className="button button--quiet"
          onClick={onMark}
          title={`Saves an empty note ${markBackSeconds} seconds back (shortcut M)`}
        >
          <BookmarkIcon />
          Mark this moment
        </button>
        <button type="submit" className="button button--primary" disabled={!text.trim() || busy}>
          <PlusIcon />
          Add note
        </button>
      </div>
      {error && (
        <p className="note-composer__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
