/**
 * One note: its time (a "Jump to" button), its text, and edit-in-place / delete. Editing changes the
 * text and the time: typed (m:ss or h:mm:ss) or moved 5 seconds at a time, for a note stamped a
 * moment too late. URLs in the text are links that open outside the app, like those in show notes.
 * A note taken while the episode had a transcript shows the words quoted from it below.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatTimestamp, parseTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';
import { errorText } from '../../api';
import { EditIcon, TrashIcon } from '../../components/icons';
import { splitBareUrls } from '../../lib/bare-urls';

/** The contract's limit for a note's time: 48 hours. */
const MAX_NOTE_TIME = 172_800;

interface NoteItemProps {
  note: Note;
  onJump: (seconds: number) => void;
  onSave: (id: string, text: string, at: number) => Promise<unknown>;
  onDelete: (note: Note) => void;
}

export function NoteItem({ note, onJump, onSave, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [draftTime, setDraftTime] = useState(() => formatTimestamp(note.at));
  const [error, setError] = useState<string>();
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const time = formatTimestamp(note.at);

  useEffect(() => {
    if (editing) boxRef.current?.focus();
  }, [editing]);

  const stop = () => {
    setEditing(false);
    setError(undefined);
    // Focus returns to where editing began, not to the top of the page.
    queueMicrotask(() => editRef.current?.focus());
  };

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
    stop();
  };

  const save = async () => {
    const at = typedTime();
    if (at === undefined || at > MAX_NOTE_TIME) {
      setError('Write the time as minutes:seconds (12:30) or hours:minutes:seconds (1:02:30).');
      return;
    }
    try {
      await onSave(note.id, draft.trim(), at);
      stop();
    } catch (failure) {
      setError(`Couldn't save: ${errorText(failure)}`);
    }
  };

  return (
    <li className="note">
      <button type="button" className="note__time" aria-label={`Jump to ${time}`} onClick={() => onJump(note.at)}>
        {time}
      </button>
      {editing ? (
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
            <button type="button" className="button button--quiet" onClick={stop}>
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
      ) : (
        <>
          <p className={`note__text${note.text.trim() ? '' : ' note__text--empty'}`}>
            {note.text.trim() ? <NoteText text={note.text.trim()} /> : 'Marked moment — add a few words'}
          </p>
          <div className="note__actions">
            <button
              ref={editRef}
              type="button"
              className="icon-button icon-button--small"
              aria-label="Edit note"
              title="Edit note"
              onClick={() => {
                setDraft(note.text);
                setDraftTime(time);
                setEditing(true);
              }}
            >
              <EditIcon />
            </button>
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Delete note"
              title="Delete note"
              onClick={() => onDelete(note)}
            >
              <TrashIcon />
            </button>
          </div>
          {note.quote && (
            // The words spoken at the note's moment (from the transcript), under the note's own words.
            <blockquote className="note__quote" aria-label="Quote from the transcript">
              {note.quote}
            </blockquote>
          )}
        </>
      )}
    </li>
  );
}

/** The note's plain text with its URLs as links (React elements: the text is never parsed as HTML). */
function NoteText({ text }: { text: string }) {
  return splitBareUrls(text).map((part, index) =>
    typeof part === 'string' ? (
      part
    ) : (
      // Electron's window-open handler (or the browser, in the browser host) opens it outside the app.
      <a key={index} className="note__link" href={part.url} target="_blank" rel="noopener noreferrer">
        {part.url}
      </a>
    ),
  );
}
