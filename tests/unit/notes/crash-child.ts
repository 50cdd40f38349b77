/**
 * Child process for the crash-safety test: adds notes as fast as it can and prints each note's id
 * only after add() has returned. The parent SIGKILLs it mid-burst (or crash-faults.mjs kills it mid-save).
 */
import { writeSync } from 'node:fs';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { NotesService } from '../../../electron/core/notes/notes-service.js';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child <dataDir>');
const notes = new NotesService({ dataDir, storeFactory: confStoreFactory, now: () => new Date() });
const episodes = ['0123456789abcdef', 'fedcba9876543210', 'aaaaaaaaaaaaaaaa'];
// Longer text makes each write take longer, so the kill more often lands inside one.
const filler = 'words heard in the episode '.repeat(40);
// Bounded, so a child that is never killed (a broken fault hook) ends and the test fails instead of hanging.
for (let i = 0; i < 1000; i++) {
  const note = notes.add({ episodeId: episodes[i % episodes.length]!, at: i, text: `${i} ${filler}` });
  // Synchronous, so an id the parent reads was acknowledged after the note was saved.
  writeSync(1, `${note.id}\n`);
}
