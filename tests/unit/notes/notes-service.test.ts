import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { noteFileName } from '../../../electron/core/notes/note-file.js';
import { NotesService } from '../../../electron/core/notes/notes-service.js';
import { openStore } from '../../../electron/core/store.js';
import { EP1, EP2, notesService, steppingClock, tempDataDir } from './helpers.js';

let dataDir: string;
let remove: () => void;
beforeEach(() => ({ dir: dataDir, remove } = tempDataDir()));
afterEach(() => remove());

const noteFile = (episodeId: string) => path.join(dataDir, 'notes', `${noteFileName(episodeId)}.json`);

describe('NotesService storage', () => {
  it('round-trips: a new service on the same data dir sees every note with all its fields', () => {
    const first = notesService(dataDir);
    const a = first.add({
      episodeId: EP1,
      at: 5.2,
      text: 'Sockets vs connections',
      enclosureUrl: 'https://cdn/e1.mp3',
      enclosureLength: 1234,
    });
    const b = first.add({ episodeId: EP2, at: 60, text: '' });
    const again = notesService(dataDir);
    expect(again.list(EP1)).toEqual([a]);
    expect(again.list(EP2)).toEqual([b]);
    expect(a).toMatchObject({ enclosureUrl: 'https://cdn/e1.mp3', enclosureLength: 1234, createdAt: a.updatedAt });
    expect(again.load()).toEqual([]);
  });

  it('lists by time, then by creation for notes at the same time', () => {
    const notes = notesService(dataDir);
    const late = notes.add({ episodeId: EP1, at: 90, text: 'late' });
    const first = notes.add({ episodeId: EP1, at: 10, text: 'first at 10' });
    const second = notes.add({ episodeId: EP1, at: 10, text: 'second at 10' });
    const early = notes.add({ episodeId: EP1, at: 0, text: 'start' });
    expect(notes.list(EP1).map((n) => n.id)).toEqual([early.id, first.id, second.id, late.id]);
    expect(
      notesService(dataDir)
        .list(EP1)
        .map((n) => n.id),
    ).toEqual([early.id, first.id, second.id, late.id]);
  });

  it('updates text and time, deletes returning the note, restores it exactly (undo)', () => {
    const notes = notesService(dataDir);
    const note = notes.add({ episodeId: EP1, at: 10, text: 'draft' });
    const edited = notes.update(note.id, { text: 'final', at: 12 });
    expect(edited).toMatchObject({ id: note.id, text: 'final', at: 12, createdAt: note.createdAt });
    expect(edited!.updatedAt > note.updatedAt).toBe(true);
    const deleted = notes.delete(note.id);
    expect(deleted).toEqual(edited);
    expect(notes.list(EP1)).toEqual([]);
    expect(notesService(dataDir).list(EP1)).toEqual([]);
    notes.restore(deleted!);
    expect(notesService(dataDir).list(EP1)).toEqual([edited]);
    expect(notes.update('missing', { text: 'x' })).toBeUndefined();
    expect(notes.delete('missing')).toBeUndefined();
  });

  it('keeps notes whose episode is not in any catalogue (they hang on the id alone)', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 1, text: 'kept' });
    expect(notesService(dataDir).all()).toHaveLength(1);
    expect(notesService(dataDir).episodeIds()).toEqual([EP1]);
  });

  it('adding a note rewrites only that episode’s file: not the catalogue, not other episodes', async () => {
    const catalogue = openStore(confStoreFactory, {
      name: 'catalogue',
      cwd: dataDir,
      defaults: { schemaVersion: 1, feeds: [], episodes: [{ id: EP1, title: 'One' }] },
    }).store;
    const catalogueFile = catalogue.path;
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 1, text: 'one' });
    notes.add({ episodeId: EP2, at: 1, text: 'two' });
    const before = {
      catalogue: [statSync(catalogueFile).mtimeMs, readFileSync(catalogueFile, 'utf8')],
      other: [statSync(noteFile(EP2)).mtimeMs, readFileSync(noteFile(EP2), 'utf8')],
    };
    await new Promise((resolve) => setTimeout(resolve, 20)); // so a rewrite would show in mtime
    notes.add({ episodeId: EP1, at: 2, text: 'again' });
    notes.update(notes.list(EP1)[0]!.id, { text: 'changed' });
    expect([statSync(catalogueFile).mtimeMs, readFileSync(catalogueFile, 'utf8')]).toEqual(before.catalogue);
    expect([statSync(noteFile(EP2)).mtimeMs, readFileSync(noteFile(EP2), 'utf8')]).toEqual(before.other);
    expect(JSON.parse(readFileSync(noteFile(EP1), 'utf8')).notes).toHaveLength(2);
  });

  it('moves an unreadable episode file aside, reports it once, and keeps the other episodes', () => {
    const notes = notesService(dataDir);
    notes.add({ episodeId: EP1, at: 1, text: 'safe' });
    notes.add({ episodeId: EP2, at: 1, text: 'lost' });
    writeFileSync(noteFile(EP2), '{"schemaVersion":1,"notes":[ oops');
    const again = notesService(dataDir);
    const repairs = again.load();
    expect(repairs).toEqual([
      expect.stringMatching(
        /^Earmark could not use the notes of an episode: the file is not valid JSON\. That part starts over; the old file is kept as .*\.corrupt-/,
      ),
    ]);
    expect(again.load()).toEqual([]);
    expect(again.all().map((n) => n.text)).toEqual(['safe']);
    const aside = readdirSync(path.join(dataDir, 'notes')).filter((f) => f.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(noteFile(EP2))).toBe(false);
    again.add({ episodeId: EP2, at: 3, text: 'new start' });
    expect(
      notesService(dataDir)
        .list(EP2)
        .map((n) => n.text),
    ).toEqual(['new start']);
  });

  it('skips invalid notes in a readable file, keeping a copy of the file and the valid notes', () => {
    const notes = notesService(dataDir);
    const good = notes.add({ episodeId: EP1, at: 1, text: 'good' });
    const data = JSON.parse(readFileSync(noteFile(EP1), 'utf8'));
    data.notes.push({ id: 'bad', at: -3 });
    writeFileSync(noteFile(EP1), JSON.stringify(data));
    const again = new NotesService({ dataDir, storeFactory: confStoreFactory, now: steppingClock() });
    expect(again.load()).toEqual([
      expect.stringMatching(/left out \(1 note\)\. The file as it was is kept as .*\.invalid-/),
    ]);
    expect(again.list(EP1)).toEqual([good]);
  });

  it('two files naming one episode become one, so a deleted note stays deleted after a restart', () => {
    const notes = notesService(dataDir);
    const kept = notes.add({ episodeId: EP1, at: 1, text: 'in the file' });
    const copy = path.join(dataDir, 'notes', '0000000000000000.json');
    copyFileSync(noteFile(EP1), copy);
    const again = notesService(dataDir);
    expect(again.list(EP1).map((n) => n.id)).toEqual([kept.id]);
    expect(existsSync(copy) && existsSync(noteFile(EP1))).toBe(false);
    expect(readdirSync(path.join(dataDir, 'notes')).filter((file) => file.includes('.merged-'))).toHaveLength(2);
    again.delete(kept.id);
    expect(notesService(dataDir).list(EP1)).toEqual([]);
  });
});
