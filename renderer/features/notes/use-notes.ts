/**
 * One episode's notes, in time order, kept fresh: every change anywhere (this window, the "M"
 * shortcut, an import, another window) arrives as a notesChanged event and triggers a reload.
 */
import { useCallback, useEffect, useState } from 'react';
import { compareNotes } from '../../../shared/note-groups';
import type { Note } from '../../../shared/types';
import { api } from '../../api';

const none: Note[] = [];

export interface EpisodeNotes {
  notes: Note[];
  /** `quote`: words from the transcript the note keeps (else the server quotes what was said then). */
  add(at: number, text: string, quote?: string): Promise<Note>;
  /** New text, and a new time when `at` is given. */
  update(id: string, text: string, at?: number): Promise<Note>;
  /** Deletes and returns the note, so the caller can offer undo. */
  remove(id: string): Promise<Note>;
  restore(note: Note): Promise<Note>;
}

export function useNotes(episodeId: string | undefined): EpisodeNotes {
  const [loaded, setLoaded] = useState<{ id: string; notes: Note[] }>();

  useEffect(() => {
    if (!episodeId) return;
    let live = true;
    const reload = () =>
      api
        .listNotes({ episodeId })
        .then((notes) => live && setLoaded({ id: episodeId, notes: [...notes].sort(compareNotes) }))
        .catch((error: unknown) => console.warn('Could not load notes', error));
    void reload();
    const off = api.on('notesChanged', ({ episodeIds }) => {
      if (episodeIds.includes(episodeId)) void reload();
    });
    return () => {
      live = false;
      off();
    };
  }, [episodeId]);

  /** Applies a change at once (the event that follows only confirms it). */
  const patch = useCallback(
    (change: (notes: Note[]) => Note[]) =>
      setLoaded((current) =>
        current && current.id === episodeId
          ? { id: current.id, notes: change(current.notes).sort(compareNotes) }
          : current,
      ),
    [episodeId],
  );

  const add = useCallback(
    async (at: number, text: string, quote?: string) => {
      if (!episodeId) throw new Error('No episode');
      const note = await api.addNote({ episodeId, at, text, ...(quote && { quote }) });
      patch((notes) => [...notes.filter((item) => item.id !== note.id), note]);
      return note;
    },
    [episodeId, patch],
  );

  const update = useCallback(
    async (id: string, text: string, at?: number) => {
      const note = await api.updateNote({ id, text, ...(at !== undefined && { at }) });
      patch((notes) => notes.map((item) => (item.id === id ? note : item)));
      return note;
    },
    [patch],
  );

  const remove = useCallback(
    async (id: string) => {
      const note = await api.deleteNote({ id });
      patch((notes) => notes.filter((item) => item.id !== id));
      return note;
    },
    [patch],
  );

  const restore = useCallback(
    async (note: Note) => {
      const back = await api.restoreNote({ note });
      patch((notes) => [...notes.filter((item) => item.id !== back.id), back]);
      return back;
    },
    [patch],
  );

  return { notes: loaded && loaded.id === episodeId ? loaded.notes : none, add, update, remove, restore };
}
