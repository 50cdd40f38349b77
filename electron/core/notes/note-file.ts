import type { Note } from '../../../shared/types.js';
import { shortHash } from '../feeds/stable-id.js';
import type { Versioned } from '../store.js';

/** One episode's notes: a small store of its own, so adding a note rewrites a few KB, never the catalogue. */
export interface NoteFileData extends Versioned {
  /** Kept in the file because the file name is a hash and cannot be turned back into the id. */
  episodeId: string;
  notes: Note[];
}

export const noteFileDefaults = (episodeId: string): NoteFileData => ({ schemaVersion: 1, episodeId, notes: [] });

/** Store name (file name without .json). Hashed so any id, even an imported odd one, makes a safe file name. */
export const noteFileName = (episodeId: string): string => shortHash(episodeId);

/** Matches only finished note files: conf's temporary files ("<name>.json.tmp-…") and moved-aside ones do not. */
export const isNoteFileName = (fileName: string): boolean => /^[0-9a-f]{16}\.json$/.test(fileName);

/** Folder under the data dir that holds the note files. */
export const NOTES_FOLDER = 'notes';
