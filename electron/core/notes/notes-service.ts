import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Note } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { openStore, type KeyValueStore, type StoreFactory } from '../store.js';
import { compareNotes } from '../../../shared/note-groups.js';
import {
  isNoteFileName,
  NOTES_FOLDER,
  noteFileDefaults,
  noteFileMigrations,
  noteFileName,
  noteFileShape,
  type NoteFileData,
} from './note-file.js';
import { notesExport, parseNotesExport, type NotesExport } from './notes-exchange.js';
import { SearchIndex, type SearchContext, type SearchGroup, type SearchOptions } from './search-index.js';

export interface NotesServiceOptions {
  dataDir: string;
  storeFactory: StoreFactory;
  now: () => Date;
  idGenerator?: () => string;
}

export interface NewNote {
  episodeId: string;
  at: number;
  text: string;
  enclosureUrl?: string;
  enclosureLength?: number;
  quote?: string;
}

export interface ImportResult {
  added: number;
  /** Already present: same id, or same episode, time and text. */
  skipped: number;
}

interface EpisodeFile {
  store: KeyValueStore<NoteFileData>;
  notes: Map<string, Note>;
}

/**
 * Timestamped notes, keyed by the episode's stable id and independent of the catalogue. Each episode's
 * notes live in a small store of their own (<dataDir>/notes/<hash>.json) and in memory; conf writes
 * atomically (temp file, fsync, rename), so a crash mid-save leaves the previous valid file. Reads never
 * touch the stores: conf re-reads and parses the file on every get.
 */
export class NotesService {
  private readonly folder: string;
  private readonly files = new Map<string, EpisodeFile>();
  /** note id → episode id. */
  private readonly episodeOf = new Map<string, string>();
  private readonly index = new SearchIndex();
  private readonly newId: () => string;
  private loaded = false;
  private unreportedRepairs: string[] = [];

  constructor(private readonly options: NotesServiceOptions) {
    this.folder = path.join(options.dataDir, NOTES_FOLDER);
    this.newId = options.idGenerator ?? randomUUID;
  }

  /**
   * Reads every note file once (later calls only report). Returns, once each, what had to be repaired:
   * unreadable files moved aside, invalid notes skipped (their file copied aside first). Every other
   * method loads on first use, so calling this is only needed to show those messages early.
   */
  load(): string[] {
    if (!this.loaded) {
      this.loaded = true;
      mkdirSync(this.folder, { recursive: true, mode: 0o700 });
      for (const fileName of readdirSync(this.folder).filter(isNoteFileName)) this.loadFile(fileName);
    }
    const repairs = this.unreportedRepairs;
    this.unreportedRepairs = [];
    return repairs;
  }

  add(input: NewNote): Note {
    this.load();
    const stamp = this.options.now().toISOString();
    const note: Note = dropUndefined({ id: this.newId(), ...input, createdAt: stamp, updatedAt: stamp });
    this.save(note.episodeId, [note], []);
    return note;
  }

  /** Changes a note's text or time; undefined when there is no such note (e.g. deleted meanwhile). */
  update(id: string, patch: { text?: string; at?: number }): Note | undefined {
    const old = this.find(id);
    if (!old) return undefined;
    const next: Note = { ...old, ...dropUndefined(patch), updatedAt: this.options.now().toISOString() };
    this.save(old.episodeId, [next], []);
    return next;
  }

  /** Deletes a note and returns it, for undo via restore(); undefined when there is no such note. */
  delete(id: string): Note | undefined {
    const old = this.find(id);
    if (!old) return undefined;
    this.save(old.episodeId, [], [id]);
    return old;
  }

  /** Puts a deleted note back exactly as it was (same id and times). */
  restore(note: Note): Note {
    this.load();
    const current = this.episodeOf.get(note.id);
    // The same id under another episode (a changed note) must not exist twice.
    if (current !== undefined && current !== note.episodeId) this.save(current, [], [note.id]);
    this.save(note.episodeId, [note], []);
    return note;
  }

  /** One episode's notes by time, then by when they were written. */
  list(episodeId: string): Note[] {
    this.load();
    return [...(this.files.get(episodeId)?.notes.values() ?? [])].sort(compareNotes);
  }

  /** Every note, grouped by episode (ordered by episode id, so exports are stable), each episode's notes by time. */
  all(): Note[] {
    this.load();
    return [...this.files.keys()].sort().flatMap((episodeId) => this.list(episodeId));
  }

  /** Ids of the episodes that have at least one note. */
  episodeIds(): string[] {
    this.load();
    return [...this.files].filter(([, file]) => file.notes.size > 0).map(([id]) => id);
  }

  get(id: string): Note | undefined {
    return this.find(id);
  }

  /** Searches note text, and the context's episode titles, chapter titles and show notes. */
  search(query: string, context: SearchContext, options?: SearchOptions): SearchGroup[] {
    this.load();
    return this.index.search(query, context, options);
  }

  /** Builds the search index for these episodes ahead of the first search (e.g. after start or a sync). */
  prepareSearch(context: SearchContext): void {
    this.load();
    this.index.prepare(context);
  }

  /** The JSON export of one episode's notes, or of all. */
  exportJson(episodeId?: string): NotesExport {
    return notesExport(episodeId === undefined ? this.all() : this.list(episodeId), this.options.now());
  }

  /**
   * Imports a JSON export (text or parsed). Validates everything first: an invalid file throws
   * NotesImportError and changes nothing. Skips notes already present (same id, or same episode,
   * time and text: the same note exported from another machine), so importing twice adds nothing.
   * One write per episode touched.
   */
  importJson(input: string | unknown): ImportResult {
    this.load();
    const incoming = parseNotesExport(input);
    const seenIds = new Set(this.episodeOf.keys());
    const seenKeys = new Set(this.all().map(contentKey));
    const byEpisode = new Map<string, Note[]>();
    let skipped = 0;
    for (const note of incoming) {
      if (seenIds.has(note.id) || seenKeys.has(contentKey(note))) {
        skipped++;
        continue;
      }
      seenIds.add(note.id);
      seenKeys.add(contentKey(note));
      byEpisode.set(note.episodeId, [...(byEpisode.get(note.episodeId) ?? []), note]);
    }
    for (const [episodeId, notes] of byEpisode) this.save(episodeId, notes, []);
    return { added: incoming.length - skipped, skipped };
  }

  private find(id: string): Note | undefined {
    this.load();
    const episodeId = this.episodeOf.get(id);
    return episodeId === undefined ? undefined : this.files.get(episodeId)?.notes.get(id);
  }

  /** Writes the episode's file first and changes memory only after the write succeeded. */
  private save(episodeId: string, put: readonly Note[], remove: readonly string[]): void {
    const file = this.files.get(episodeId) ?? this.openFile(episodeId);
    const next = new Map(file.notes);
    for (const id of remove) next.delete(id);
    for (const note of put) next.set(note.id, note);
    file.store.store = { ...noteFileDefaults(episodeId), notes: [...next.values()].sort(compareNotes) };
    file.notes = next;
    this.files.set(episodeId, file);
    for (const id of remove) {
      this.episodeOf.delete(id);
      this.index.removeNote(id);
    }
    for (const note of put) {
      this.episodeOf.set(note.id, episodeId);
      this.index.putNote(note);
    }
  }

  private openFile(episodeId: string): EpisodeFile {
    const name = noteFileName(episodeId);
    const opened = openStore(
      this.options.storeFactory,
      { name, cwd: this.folder, defaults: noteFileDefaults(episodeId), migrations: noteFileMigrations },
      this.options.now,
    );
    if (opened.repairMessage) this.unreportedRepairs.push(opened.repairMessage);
    return { store: opened.store, notes: new Map() };
  }

  private loadFile(fileName: string): void {
    const name = fileName.slice(0, -'.json'.length);
    const opened = openStore(
      this.options.storeFactory,
      {
        name,
        cwd: this.folder,
        defaults: noteFileDefaults(''),
        shape: noteFileShape,
        migrations: noteFileMigrations,
        label: 'the notes of an episode',
      },
      this.options.now,
    );
    if (opened.repairMessage) this.unreportedRepairs.push(opened.repairMessage);
    if (opened.startedAfresh) {
      // The fresh store knows no episode; drop it so the episode's next note creates its file anew.
      rmSync(opened.store.path, { force: true });
      return;
    }
    const data = opened.store.store;
    const notes = data.notes.map((note) => dropUndefined(note));
    // Files from before the episode id was stored: the notes carry it.
    const episodeId = data.episodeId || notes[0]?.episodeId;
    if (!episodeId) return;
    const earlier = this.files.get(episodeId);
    const file = earlier ?? { store: opened.store, notes: new Map<string, Note>() };
    for (const note of notes) {
      const owned = { ...note, episodeId };
      file.notes.set(owned.id, owned);
      this.episodeOf.set(owned.id, episodeId);
      this.index.putNote(owned);
    }
    this.files.set(episodeId, file);
    if (earlier) {
      // Two files name one episode (a copied or hand-made file). Their notes become one file, or a
      // note deleted from one would come back from the other at the next start.
      // Both kept as they were, under names that no longer load: nothing is lost, and a deletion sticks.
      const kept = path.basename(earlier.store.path, '.json');
      copyFileSync(earlier.store.path, path.join(this.folder, `${kept}.merged-${this.stamp()}.json`));
      earlier.store.store = {
        ...noteFileDefaults(episodeId),
        notes: [...earlier.notes.values()].sort(compareNotes),
      };
      renameSync(opened.store.path, path.join(this.folder, `${name}.merged-${this.stamp()}.json`));
    }
  }

  private stamp(): string {
    return this.options.now().toISOString().replace(/[:.]/g, '-');
  }
}

const contentKey = (note: Note) => `${note.episodeId}\n${note.at}\n${note.text}`;
