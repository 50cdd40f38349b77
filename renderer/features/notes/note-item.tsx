/**
 * One note: its time (a "Jump to" button), its text, and edit-in-place (note-editor.tsx: the text
 * and the time) / delete. URLs in the text are links that open outside the app, like those in show notes.
 * A note taken while the episode had a transcript shows the words quoted from it below.
 */
import { useRef, useState } from 'react';
import { formatTimestamp } from '../../../shared/time';
import type { Note } from '../../../shared/types';
import { EditIcon, TrashIcon } from '../../components/icons';
import { splitBareUrls } from '../../lib/bare-urls';
import { NoteEditor } from './note-editor';

interface NoteItemProps {
  note: Note;
  onJump: (seconds: number) => void;
  onSave: (id: string, text: string, at: number) => Promise<unknown>;
  onDelete: (note: Note) => void;
}

export function NoteItem({ note, onJump, onSave, onDelete }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const time = formatTimestamp(note.at);

  const stop = () => {
    setEditing(false);
    // Focus returns to where editing began, not to the top of the page.
    queueMicrotask(() => editRef.current?.focus());
  };

  return (
    <li className="note">
      <button type="button" className="note__time" aria-label={`Jump to ${time}`} onClick={() => onJump(note.at)}>
        {time}
      </button>
      {editing ? (
        <NoteEditor note={note} onSave={onSave} onDone={stop} />
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
              onClick={() => setEditing(true)}
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
