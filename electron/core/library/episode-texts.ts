import { chaptersFromShowNotes, showNotesToText } from '../../../shared/chapters.js';
import type { ChapterMark } from '../../../shared/note-groups.js';
import type { Episode } from '../../../shared/types.js';
import { normalizeText } from '../notes/search-text.js';

/** What words are matched against beyond an episode's title: derived from its show notes once. */
export interface EpisodeText {
  /** The show notes as plain text (snippets are cut from it). */
  showNotes: string;
  /** The show notes folded for matching (normalizeText). */
  foldedShowNotes: string;
  /** Chapters written in the show notes (`0:00 Intro`). */
  showNoteChapters: readonly ChapterMark[];
}

export interface EpisodeTextsOptions {
  /** How long one slice of background work may hold the event loop (default 8 ms). */
  sliceMs?: number;
  /** Runs the next slice; setImmediate lets every waiting call and I/O in between. */
  yieldToOthers?: () => Promise<void>;
}

/**
 * The show-note text of every episode, for search and the library's filter. Deriving it costs about
 * 0.3 ms an episode (HTML to text, the show-note chapter parser, folding), so a 50,000-episode library
 * takes seconds: `warm` does it in slices that yield to the event loop, and the filter asks `peek`,
 * which never computes. Kept per episode object: the catalogue replaces an episode's object when a
 * sync changes it, so an edited episode is derived again and a removed one is let go.
 */
export class EpisodeTexts {
  private readonly derived = new WeakMap<Episode, EpisodeText>();
  private warming: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: EpisodeTextsOptions = {}) {}

  /** The episode's text, derived now if it is not yet. */
  of(episode: Episode): EpisodeText {
    let text = this.derived.get(episode);
    if (!text) {
      const showNotes = showNotesToText(episode.showNotesHtml);
      text = {
        showNotes,
        foldedShowNotes: normalizeText(showNotes),
        showNoteChapters: chaptersFromShowNotes(episode.showNotesHtml, episode.durationSeconds),
      };
      this.derived.set(episode, text);
    }
    return text;
  }

  /** The episode's text when it has been derived; never computes. */
  peek(episode: Episode): EpisodeText | undefined {
    return this.derived.get(episode);
  }

  /**
   * Derives the text of every episode `episodes()` lists, in slices. Resolves when all are done; a
   * call while it runs makes it go over the (possibly changed) list once more instead of starting a
   * second run.
   */
  warm(episodes: () => readonly Episode[]): Promise<void> {
    if (this.warming) {
      this.again = true;
      return this.warming;
    }
    this.warming = this.run(episodes).finally(() => (this.warming = undefined));
    return this.warming;
  }

  private async run(episodes: () => readonly Episode[]): Promise<void> {
    const sliceMs = this.options.sliceMs ?? 8;
    const yieldToOthers = this.options.yieldToOthers ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
    // Never inside the caller's turn: warm() is called from event handlers and mid-filter.
    await yieldToOthers();
    do {
      this.again = false;
      const list = episodes();
      let sliceEnd = performance.now() + sliceMs;
      for (const episode of list) {
        if (this.derived.has(episode)) continue;
        this.of(episode);
        if (performance.now() >= sliceEnd) {
          await yieldToOthers();
          sliceEnd = performance.now() + sliceMs;
        }
      }
    } while (this.again);
  }
}
