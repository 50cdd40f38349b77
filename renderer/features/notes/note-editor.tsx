/**
 * Editing a note in place: its text, and its time typed (m:ss or h:mm:ss) or moved 5 seconds at a
 * time, for a note stamped a moment too late. Enter saves, Shift+Enter is a new line, Escape cancels.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatTimestamp, parseTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';
import { errorText } from '../../api';

/** The contract's limit for a note's time: 48 hours. */
const MAX_NOTE_TIME = 172_800;

interface NoteEditorProps {
  note: Note;
  onSave: (id: string, text: string, at: number) => Promise<unknown>;
  /** Saved or cancelled. */
  onDone: () => void;
}

export function NoteEditor({ note, onSave, onDone }: NoteEditorProps) {
  const time = formatTimestamp(note.at);
  const [draft, setDraft] = useState(note.text);
  const [draftTime, setDraftTime] = useState(time);
  const [error, setError] = useState<string>();
  const boxRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  /** The typed time in seconds; an unchanged time keeps its fraction of a second. */
  const typedTime = () => (draftTime.trim() === time ? note.at : parseTimestamp(draftTime));
  const nudge = (seconds: number) => {
    const at = typedTime();
    setDraftTime(formatTimestamp(Math.max(0, Math.min(MAX_NOTE_TIME, (at ?? note.at) + seconds))));
    setError(undefined);
  };

  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onDone();
  };

  const save = async () => {
    const at = typedTime();
    if (at === undefined || at > MAX_NOTE_TIME) {
      setError('Write the time as minutes:seconds (12:30) or hours:minutes:seconds (1:02:30).');
      return;
    }
    try {
      await onSave(note.id, draft.trim(), at);
      onDone();
    } catch (failure) {
      setError(`Couldn't save: ${errorText(failure)}`);
    }
  };

  return (
    <form
      className="note__edit"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <textarea
        ref={boxRef}
        className="note__edit-input"
        aria-label={`Note at ${time}`}
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
          } else cancelOnEscape(event);
        }}
      />
      <div className="note__edit-time" role="group" aria-label="Time of the note">
        <button type="button" className="button button--quiet button--small" onClick={() => nudge(-5)}>
          5 s earlier
        </button>
        <input
          className="text-input note__edit-time-input"
          aria-label="Time"
          inputMode="numeric"
          value={draftTime}
          onChange={(event) => setDraftTime(event.currentTarget.value)}
          onKeyDown={cancelOnEscape}
        />
        <button type="button" className="button button--quiet button--small" onClick={() => nudge(5)}>
          5 s later
        </button>
      </div>
      <div className="note__edit-actions">
        <button type="button" className="button button--quiet" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button--primary">
          Save
        </button>
      </div>
      {error && (
        <p className="note__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
