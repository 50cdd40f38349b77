import type { AppContext } from '../area.js';
import type { ChaptersArea } from '../chapters/chapters-area.js';
import type { LibraryArea } from '../library/library-area.js';
import { notesHandlers, type TranscriptSearch } from './note-handlers.js';
import { NotesService } from './notes-service.js';

/**
 * Timestamped notes: one file per episode, search over them and the library (and transcripts, when
 * given their index), export and import.
 */
export function notesArea(
  context: AppContext,
  library: LibraryArea,
  chapters: ChaptersArea,
  localFile: (episodeId: string) => string | undefined,
  transcripts?: TranscriptSearch,
) {
  const notes = new NotesService({ dataDir: context.dataDir, storeFactory: context.storeFactory, now: context.now });
  for (const repair of notes.load()) context.notices.add('warning', repair);
  const handlers = notesHandlers({
    notes,
    catalogue: library.catalogue,
    events: context.events,
    texts: library.texts,
    // Exports read no audio on the web: they use the download and what earlier reads cached.
    chaptersOf: (episode) => chapters.chapters.chaptersFor(episode, localFile(episode.id), { readRemote: false }),
    searchChaptersOf: (episode, fromShowNotes) => chapters.chapters.knownChapters(episode, fromShowNotes),
    transcripts,
  });
  return { handlers, notes };
}
