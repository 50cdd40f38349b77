import { z } from 'zod';
import type { Note } from '../../../shared/types.js';
import { shortHash } from '../feeds/stable-id.js';
import { lenientArray, type Migrations, type OnDropped, type Versioned } from '../store.js';
import { noteSchema } from './note-schema.js';

/** One episode's notes: a small store of its own, so adding a note rewrites a few KB, never the catalogue. */
export interface NoteFileData extends Versioned {
  /** Kept in the file because the file name is a hash and cannot be turned back into the id. */
  episodeId: string;
  notes: Note[];
}

export const noteFileDefaults = (episodeId: string): NoteFileData => ({ schemaVersion: 1, episodeId, notes: [] });

/** The file's shape: a note that can't be read is left out (the file is copied aside first), not the file. */
export const noteFileShape = (onDropped: OnDropped) =>
  z.looseObject({
    schemaVersion: z.number(),
    episodeId: z.string().max(200).optional(),
    notes: lenientArray(noteSchema, ['note', 'notes'], onDropped),
  });

/** Migration N takes schema N to N+1 (store.ts); none yet. */
export const noteFileMigrations: Migrations = {};

/** Store name (file name without .json). Hashed so any id, even an imported odd one, makes a safe file name. */
export const noteFileName = (episodeId: string): string => shortHash(episodeId);

/** Matches only finished note files: conf's temporary files ("<name>.json.tmp-…") and moved-aside ones do not. */
export const isNoteFileName = (fileName: string): boolean => /^[0-9a-f]{16}\.json$/.test(fileName);

/** Folder under the data dir that holds the note files. */
export const NOTES_FOLDER = 'notes';
