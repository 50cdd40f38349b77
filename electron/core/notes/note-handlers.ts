import type { Episode } from '../../../shared/types.js';
import { EarmarkError, type Handlers } from '../dispatch.js';
import type { EventBus } from '../events.js';
import type { Catalogue } from '../library/catalogue.js';
import type { EpisodeTexts } from '../library/episode-texts.js';
import { allNotesMarkdown, episodeNotesMarkdown, type EpisodeNotes } from './markdown-export.js';
import { NotesImportError } from './notes-exchange.js';
import type { NotesService } from './notes-service.js';
import { SEARCH_LIMIT, type ChapterMark, type EpisodeHits, type SearchEpisode } from './search-index.js';

export interface NotesHandlerDeps {
  notes: NotesService;
  catalogue: Catalogue;
  events: EventBus;
  /** Episodes' show notes as text, shared with the library's filter. */
  texts: EpisodeTexts;
  /** The chapters notes are grouped under in exports. */
  chaptersOf: (episode: Episode) => Promise<{ start: number; title: string }[]>;
  /**
   * The chapters search indexes for an episode, known without waiting (the chapters service's memory);
   * fromShowNotes is the episode's show-note chapters, derived once per episode object. Default: those.
   */
  searchChaptersOf?: (episode: Episode, fromShowNotes: () => readonly ChapterMark[]) => readonly ChapterMark[];
  /**
   * The transcript's words at a moment of an episode, from what is cached (never the network, so taking
   * a note stays instant and works offline). Default: no transcripts.
   */
  quoteAt?: (episodeId: string, at: number) => Promise<string | undefined>;
  /** Words in transcripts (transcripts/transcript-index.ts); without it search leaves transcripts out. */
  transcripts?: TranscriptSearch;
}

/** What search needs of the transcript index: each matching episode's best cues and how many matched. */
export interface TranscriptSearch {
  search(query: string, limit: number): Promise<readonly EpisodeHits[]>;
}

const noNote = () => new EarmarkError('not-found', 'That note no longer exists.');

/** The notes area of the contract: capture, edit, undo, search, export and import. */
export function notesHandlers({
  notes,
  catalogue,
  events,
  texts,
  chaptersOf,
  searchChaptersOf = (_episode, fromShowNotes) => fromShowNotes(),
  quoteAt = async () => undefined,
  transcripts,
}: NotesHandlerDeps) {
  const changed = (...episodeIds: string[]) => events.emit('notesChanged', { episodeIds });
  const searchContext = searchContextOf(catalogue, texts, searchChaptersOf);

  const exportEntry = async (episodeId: string): Promise<EpisodeNotes> => {
    const episode = catalogue.episode(episodeId);
    return {
      // Notes outlive their episode in the feed; the export still names them.
      episode: episode
        ? { ...episode, showTitle: catalogue.feed(episode.feedId)?.title }
        : { id: episodeId, title: 'Episode no longer in the library' },
      notes: notes.list(episodeId),
      chapters: episode ? await chaptersOf(episode) : [],
    };
  };

  return {
    listNotes: ({ episodeId }) => notes.list(episodeId),
    addNote: async ({ episodeId, at, text, quote }) => {
      const episode = catalogue.episodeOrThrow(episodeId);
      // A quote the listener selected wins; otherwise the words spoken then, when there is a transcript.
      const quoted = quote?.trim() || (await quoteAt(episodeId, at).catch(() => undefined));
      const note = notes.add({
        episodeId,
        at,
        text,
        enclosureUrl: episode.enclosure?.url,
        enclosureLength: episode.enclosure?.length,
        quote: quoted || undefined,
      });
      changed(episodeId);
      return note;
    },
    updateNote: ({ id, text, at }) => {
      const note = notes.update(id, { text, at });
      if (!note) throw noNote();
      changed(note.episodeId);
      return note;
    },
    deleteNote: ({ id }) => {
      const note = notes.delete(id);
      if (!note) throw noNote();
      changed(note.episodeId);
      return note;
    },
    restoreNote: ({ note }) => {
      const restored = notes.restore(note);
      changed(restored.episodeId);
      return restored;
    },
    search: async ({ query, limit }) => {
      // A big library's texts are derived in slices (texts.warm); waiting for them keeps other calls going.
      // Transcripts are read from disk meanwhile: the two waits overlap.
      const [, extraHits] = await Promise.all([
        texts.warm(() => catalogue.episodes()),
        transcripts?.search(query, limit ?? SEARCH_LIMIT),
      ]);
      return notes.search(query, { episodes: searchContext() }, { limit, extraHits });
    },
    exportNotes: async ({ episodeId, format }) => {
      const slug = episodeId ? slugOf(catalogue.episode(episodeId)?.title ?? episodeId) : 'all';
      if (format === 'json') {
        return {
          fileName: `earmark-notes-${slug}.json`,
          mimeType: 'application/json',
          content: `${JSON.stringify(notes.exportJson(episodeId), null, 2)}\n`,
        };
      }
      const content = episodeId
        ? episodeNotesMarkdown(await exportEntry(episodeId))
        : allNotesMarkdown(await Promise.all(notes.episodeIds().map(exportEntry)));
      return { fileName: `earmark-notes-${slug}.md`, mimeType: 'text/markdown', content };
    },
    importNotes: ({ content }) => {
      try {
        const result = notes.importJson(content);
        if (result.added > 0) changed(...notes.episodeIds());
        return result;
      } catch (error) {
        if (error instanceof NotesImportError) throw new EarmarkError('failed', error.message);
        throw error;
      }
    },
  } satisfies Partial<Handlers>;
}

/**
 * What search knows of each episode: title, show notes as text and the chapters its page shows, as far
 * as they are known without reading anything (chapters files and audio read before; show-note chapters
 * otherwise). The text and the show-note chapters come from EpisodeTexts (once per episode object: the
 * catalogue replaces an episode's object when a sync changes it); the chapter list is asked for on every
 * search, because a download or a read of the audio can change it without a sync. The index redoes an
 * episode only when its strings changed.
 */
function searchContextOf(
  catalogue: Catalogue,
  texts: EpisodeTexts,
  chaptersOf: NonNullable<NotesHandlerDeps['searchChaptersOf']>,
): () => SearchEpisode[] {
  const derived = new WeakMap<Episode, SearchEpisode>();
  return () =>
    catalogue.episodes().map((episode) => {
      let entry = derived.get(episode);
      if (!entry) {
        const text = texts.of(episode);
        entry = {
          id: episode.id,
          title: episode.title,
          showNotes: text.showNotes,
          foldedShowNotes: text.foldedShowNotes,
          chapters: text.showNoteChapters,
        };
        derived.set(episode, entry);
      }
      const fromShowNotes = entry.chapters;
      const chapters = chaptersOf(episode, () => fromShowNotes);
      return chapters === fromShowNotes ? entry : { ...entry, chapters };
    });
}

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60) || 'episode'
  );
}
