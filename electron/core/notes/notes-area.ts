import type { Transcript } from '../../../shared/types.js';
import { quoteAt } from '../../../shared/transcript-cues.js';
import type { AppContext } from '../area.js';
import type { ChaptersArea } from '../chapters/chapters-area.js';
import type { LibraryArea } from '../library/library-area.js';
import { notesHandlers, type TranscriptSearch } from './note-handlers.js';
import { NotesService } from './notes-service.js';

/** What notes ask of the transcripts area: the kept transcript (a note's quote) and the word index (search). */
export interface NotesTranscripts {
  transcripts: { cachedTranscript: (episodeId: string) => Promise<Transcript | undefined> };
  index: TranscriptSearch;
}

/**
 * Timestamped notes: one file per episode, search over them and the library (and transcripts, when
 * given their index), export and import.
 */
export function notesArea(
  context: AppContext,
  library: LibraryArea,
  chapters: ChaptersArea,
  localFile: (episodeId: string) => string | undefined,
  transcripts?: NotesTranscripts,
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
    // A note quotes the words spoken at its moment when the episode's transcript is kept (and timed).
    quoteAt: async (episodeId, at) => {
      const transcript = await transcripts?.transcripts.cachedTranscript(episodeId);
      return transcript?.timed ? quoteAt(transcript.cues, at) : undefined;
    },
    transcripts: transcripts?.index,
  });
  return { handlers, notes };
}
