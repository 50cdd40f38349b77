import { z } from 'zod';
import type { Note } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import { noteSchema } from './note-schema.js';

/** The JSON export. `format` lets import refuse other JSON with a clear message instead of a schema dump. */
export interface NotesExport {
  format: 'earmark-notes';
  version: 1;
  exportedAt: string;
  notes: Note[];
}

export const NOTES_EXPORT_FORMAT = 'earmark-notes';
const VERSION = 1;
/** Far more than anyone writes by hand; stops a wrong multi-GB file from being held twice in memory. */
const MAX_IMPORT_NOTES = 200_000;

/** An import that was refused; the message is for the user as is. Nothing was changed. */
export class NotesImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesImportError';
  }
}

export function notesExport(notes: readonly Note[], now: Date): NotesExport {
  return { format: NOTES_EXPORT_FORMAT, version: VERSION, exportedAt: now.toISOString(), notes: [...notes] };
}

const envelopeSchema = z.object({
  format: z.literal(NOTES_EXPORT_FORMAT),
  version: z.number(),
  notes: z.array(z.unknown()),
});

/**
 * Reads an export (its text, or the parsed value) and returns its notes, or throws NotesImportError
 * saying what is wrong: not JSON, not an Earmark export, made by a newer Earmark, or which notes are
 * invalid and why (the first few).
 */
export function parseNotesExport(input: string | unknown): Note[] {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new NotesImportError(`That file is not JSON, so it cannot be an Earmark notes export (${why}).`);
    }
  }
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    throw new NotesImportError(
      `That is not an Earmark notes export: expected an object with "format": "${NOTES_EXPORT_FORMAT}", a "version" and a "notes" list.`,
    );
  }
  const { version, notes } = envelope.data;
  if (version > VERSION) {
    throw new NotesImportError(`That export was made by a newer Earmark (version ${version}); update Earmark first.`);
  }
  if (version < 1 || !Number.isInteger(version)) throw new NotesImportError(`Unknown export version ${version}.`);
  if (notes.length > MAX_IMPORT_NOTES) {
    throw new NotesImportError(`That export holds ${notes.length} notes; at most ${MAX_IMPORT_NOTES} can be imported.`);
  }
  const valid: Note[] = [];
  const problems: string[] = [];
  notes.forEach((raw, index) => {
    const parsed = noteSchema.safeParse(raw);
    if (parsed.success) valid.push(dropUndefined(parsed.data));
    else problems.push(describeProblem(index, raw, parsed.error));
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    throw new NotesImportError(
      `Nothing was imported: ${problems.length} of ${notes.length} notes are invalid: ${shown}${more}.`,
    );
  }
  return valid;
}

function describeProblem(index: number, raw: unknown, error: z.ZodError): string {
  const id = typeof raw === 'object' && raw && 'id' in raw && typeof raw.id === 'string' ? ` (id "${raw.id}")` : '';
  const issues = error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `note ${index + 1}${id}: ${issues.join(', ')}`;
}
