/** The episode's notes: the composer, the list in time order, export; delete comes with Undo. */
import type { Note } from '../../../shared/types';
import { errorText } from '../../api';
import { useToast } from '../../components/toast-context';
import { ExportNotes } from './export-notes';
import { NoteComposer } from './note-composer';
import { NoteItem } from './note-item';
import type { EpisodeNotes } from './use-notes';
import './notes.css';

interface NotesPanelProps {
  episodeId: string;
  notes: EpisodeNotes;
  now: () => number;
  onJump: (seconds: number) => void;
  onMark: () => void;
  markBackSeconds: number;
  focusRequested?: boolean;
  onFocusHandled?: () => void;
}

export function NotesPanel({ episodeId, notes, now, onJump, onMark, markBackSeconds, ...focus }: NotesPanelProps) {
  const toast = useToast();
  const { remove, restore } = notes;

  const onDelete = async (note: Note) => {
    try {
      const deleted = await remove(note.id);
      toast({
        text: 'Note deleted',
        action: {
          label: 'Undo',
          run: () =>
            restore(deleted).then(
              () => undefined,
              (failure: unknown) => toast({ text: `Couldn't bring the note back: ${errorText(failure)}` }),
            ),
        },
      });
    } catch (failure) {
      toast({ text: `Couldn't delete the note: ${errorText(failure)}` });
    }
  };

  return (
    <section className="notes-panel" aria-labelledby="notes-heading">
      <div className="notes-panel__header">
        <h2 id="notes-heading" className="section-heading">
          Your notes
          {notes.notes.length > 0 && <span className="section-heading__count">{notes.notes.length}</span>}
        </h2>
        <ExportNotes episodeId={episodeId} disabled={notes.notes.length === 0} />
      </div>
      <NoteComposer now={now} onAdd={notes.add} onMark={onMark} markBackSeconds={markBackSeconds} {...focus} />
      {notes.notes.length === 0 ? (
        <p className="notes-panel__empty">
          No notes yet. Start typing while you listen, press <kbd>N</kbd> from anywhere, or <kbd>M</kbd> to mark what
          you just heard.
        </p>
      ) : (
        <ol className="note-list" aria-label="Notes">
          {notes.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onJump={onJump}
              onSave={notes.update}
              onDelete={(n) => void onDelete(n)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
