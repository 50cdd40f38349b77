import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesImportError } from '../../../electron/core/notes/notes-exchange.js';
import { EP1, EP2, notesService, tempDataDir } from './helpers.js';

let dataDir: string;
let remove: () => void;
beforeEach(() => ({ dir: dataDir, remove } = tempDataDir()));
afterEach(() => remove());

/** Every note file's bytes, to prove a refused import wrote nothing. */
const snapshot = () => {
  const folder = path.join(dataDir, 'notes');
  return Object.fromEntries(readdirSync(folder).map((f) => [f, readFileSync(path.join(folder, f), 'utf8')]));
};

describe('JSON export and import', () => {
  it('exports one episode or all in the earmark-notes format', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 1, text: 'one' });
    notes.add({ episodeId: EP2, at: 2, text: 'two' });
    const all = notes.exportJson();
    expect(all).toMatchObject({ format: 'earmark-notes', version: 1, exportedAt: expect.any(String) });
    expect(all.notes.map((n) => n.text).sort()).toEqual(['one', 'two']);
    expect(notes.exportJson(EP2).notes.map((n) => n.text)).toEqual(['two']);
  });

  it('round-trips into an empty data dir, and importing again adds nothing', () => {
    const source = notesService(dataDir);
    source.add({ episodeId: EP1, at: 1.5, text: 'Café, naïve', enclosureUrl: 'https://cdn/1.mp3', enclosureLength: 9 });
    source.add({ episodeId: EP2, at: 2, text: '' });
    const json = JSON.stringify(source.exportJson());
    const other = tempDataDir();
    try {
      const target = notesService(other.dir);
      expect(target.importJson(json)).toEqual({ added: 2, skipped: 0 });
      expect(target.importJson(json)).toEqual({ added: 0, skipped: 2 });
      expect(notesService(other.dir).all()).toEqual(source.all());
    } finally {
      other.remove();
    }
  });

  it('skips notes already here under another id (same episode, time and text), and duplicates within the file', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 10, text: 'same' });
    const exported = notes.exportJson();
    const fromElsewhere = exported.notes.map((n) => ({ ...n, id: 'from-phone' }));
    const fresh = { ...exported.notes[0]!, id: 'fresh', at: 11, text: 'new one' };
    const result = notes.importJson({ ...exported, notes: [...fromElsewhere, fresh, { ...fresh, id: 'fresh-copy' }] });
    expect(result).toEqual({ added: 1, skipped: 2 });
    expect(notes.list(EP1).map((n) => n.text)).toEqual(['same', 'new one']);
  });

  it.each([
    ['not JSON', '{"format": "earmark-notes", ', /not JSON/],
    ['other JSON', '{"hello": "world"}', /not an Earmark notes export/],
    ['a newer version', '{"format":"earmark-notes","version":2,"notes":[]}', /newer Earmark \(version 2\)/],
    [
      'an invalid note',
      JSON.stringify({
        format: 'earmark-notes',
        version: 1,
        notes: [
          {
            id: 'ok',
            episodeId: EP1,
            at: 1,
            text: 'fine',
            createdAt: '2024-05-01T10:00:00Z',
            updatedAt: '2024-05-01T10:00:00Z',
          },
          { id: 'bad', episodeId: EP1, at: -1, text: 'x', createdAt: 'yesterday', updatedAt: '2024-05-01T10:00:00Z' },
        ],
      }),
      /Nothing was imported: 1 of 2 notes are invalid: note 2 \(id "bad"\): at: at must be 0 or more seconds, createdAt: createdAt must be an ISO date-time/,
    ],
  ])('refuses %s with a clear error and changes nothing', (_name, input, message) => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP2, at: 1, text: 'existing' });
    const before = snapshot();
    expect(() => notes.importJson(input)).toThrow(NotesImportError);
    expect(() => notes.importJson(input)).toThrow(message);
    expect(snapshot()).toEqual(before);
    expect(notes.all().map((n) => n.text)).toEqual(['existing']);
  });
});
