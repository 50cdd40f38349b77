import type { ChapterMark } from '../../../shared/note-groups.js';
import type { Episode } from '../../../shared/types.js';
import type { EventBus } from '../events.js';
import { normalizeText } from '../notes/search-text.js';
import type { Catalogue } from './catalogue.js';
import { wordsNotInTitle, type WordsMatcher } from './episode-filter.js';
import { EpisodeTexts } from './episode-texts.js';

export interface LibraryTextsDeps {
  catalogue: Catalogue;
  events: EventBus;
  /** The chapter lists known in memory beyond the show notes, as stable arrays (ChapterService). */
  chapterSourcesOf: (episode: Episode) => readonly (readonly Pick<ChapterMark, 'title'>[])[];
}

/**
 * The library's words beyond titles (show notes, chapter titles), for the filter and search. Derived
 * in the background at start and after every change to the catalogue; a filter answered before that
 * was done is answered again: once the texts are all there, a libraryChanged makes the renderer ask
 * anew. The filter's answers per episode are kept for the last words asked, because one change of
 * the filter asks for a count and a page with the same words (a scan of 50,000 show notes each).
 */
export function libraryTexts({ catalogue, events, chapterSourcesOf }: LibraryTextsDeps) {
  const texts = new EpisodeTexts();
  const foldedTitles = new WeakMap<readonly Pick<ChapterMark, 'title'>[], string>();
  const foldTitles = (chapters: readonly Pick<ChapterMark, 'title'>[]) => {
    let folded = foldedTitles.get(chapters);
    if (folded === undefined) {
      folded = normalizeText(chapters.map((chapter) => chapter.title).join('\n'));
      foldedTitles.set(chapters, folded);
    }
    return folded;
  };

  /** Bumped whenever an answer could change: the catalogue, chapters, or more texts derived. */
  let version = 0;
  let answeredEarly = false;
  const warm = () =>
    void texts
      .warm(() => catalogue.episodes())
      .then(() => {
        if (!answeredEarly) return;
        answeredEarly = false;
        version++;
        events.emit('libraryChanged', { feedIds: [] });
      });
  events.subscribe((event) => {
    if (event === 'libraryChanged' || event === 'chaptersChanged') version++;
    if (event === 'libraryChanged') warm();
  });
  warm();

  let memo: { words: string; version: number; answers: WeakMap<Episode, boolean> } | undefined;
  const hasWords: WordsMatcher<Episode> = (episode, words) => {
    const key = words.join(' ');
    if (memo?.words !== key || memo.version !== version) memo = { words: key, version, answers: new WeakMap() };
    const known = memo.answers.get(episode);
    if (known !== undefined) return known;
    // Most episodes miss on the title alone; their longer texts are looked at only then.
    const missing = wordsNotInTitle(episode, words);
    if (missing.length === 0) return true;
    const text = texts.peek(episode);
    if (!text) {
      if (!answeredEarly) {
        answeredEarly = true;
        warm();
      }
      return false;
    }
    const folded = [text.foldedShowNotes, ...chapterSourcesOf(episode).map(foldTitles)];
    const answer = missing.every((word) => folded.some((part) => part.includes(word)));
    memo.answers.set(episode, answer);
    return answer;
  };
  return { texts, hasWords };
}
