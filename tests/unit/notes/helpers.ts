import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { confStoreFactory } from '../../../electron/core/conf-store.js';
import { NotesService } from '../../../electron/core/notes/notes-service.js';

/** Episode ids have the catalogue's shape: 16 hex digits. */
export const EP1 = '0123456789abcdef';
export const EP2 = 'fedcba9876543210';
export const EP3 = 'aaaaaaaaaaaaaaaa';

/** A clock that moves one second per reading, so createdAt orders notes deterministically. */
export function steppingClock(start = Date.parse('2024-05-01T10:00:00Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'earmark-notes-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function notesService(dataDir: string, now = steppingClock()): NotesService {
  let counter = 0;
  return new NotesService({
    dataDir,
    storeFactory: confStoreFactory,
    now,
    idGenerator: () => `note-${String(++counter).padStart(4, '0')}`,
  });
}
