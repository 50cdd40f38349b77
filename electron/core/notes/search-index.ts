import type { ChapterMark } from '../../../shared/note-groups.js';
import type { Note, SearchGroup, SearchHit, SearchHitKind } from '../../../shared/types.js';
import { normalizeText, queryTerms, snippetAround } from './search-text.js';

export type { ChapterMark };

/** What search needs to know about one episode; the caller supplies it from the catalogue. */
export interface SearchEpisode {
  id: string;
  title: string;
  /** Plain text, not HTML. */
  showNotes: string;
  /** normalizeText(showNotes), when the caller has it already (one copy of the biggest string, not two). */
  foldedShowNotes?: string;
  chapters: readonly ChapterMark[];
}

export interface SearchContext {
  episodes: readonly SearchEpisode[];
}

export type { SearchGroup, SearchHit, SearchHitKind };

export interface SearchOptions {
  /** Episodes returned (default 50). */
  limit?: number;
  /** Hits returned per episode (default 10). */
  hitsPerEpisode?: number;
}

interface IndexedEpisode {
  source: SearchEpisode;
  title: string;
  showNotes: string;
  chapters: string[];
}

interface Candidate {
  kind: SearchHitKind;
  at: number;
  text: string;
  start: number;
  length: number;
  exact: boolean;
  score: number;
  noteId?: string;
}

// Ranking: a phrase match beats a match of scattered words; then notes, then titles and chapters, then show notes.
const EXACT_BONUS = 100;
const KIND_WEIGHT: Record<SearchHitKind, number> = {
  note: 30,
  title: 25,
  chapter: 20,
  transcript: 15,
  'show-notes': 10,
};

/**
 * In-memory search over notes and the episodes of the context: one normalized string per item, scanned
 * with indexOf. At 10,000 notes and 3,000 episodes that is a few MB and a few ms, so no inverted index.
 * Episode entries are reused while the episode's strings are unchanged, so callers may pass a fresh
 * context every time without paying for normalization again.
 */
export class SearchIndex {
  private readonly notes = new Map<string, { note: Note; text: string }>();
  private episodes = new Map<string, IndexedEpisode>();
  private lastContext: readonly SearchEpisode[] | undefined;

  putNote(note: Note): void {
    this.notes.set(note.id, { note, text: normalizeText(note.text) });
  }

  removeNote(id: string): void {
    this.notes.delete(id);
  }

  search(query: string, context: SearchContext, options: SearchOptions = {}): SearchGroup[] {
    const { phrase, words } = queryTerms(query);
    if (!phrase) return [];
    const terms: Terms = { phrase, wordsLongestFirst: [...words].sort((a, b) => b.length - a.length) };
    this.syncEpisodes(context.episodes);
    const byEpisode = new Map<string, Candidate[]>();
    const add = (episodeId: string, candidate: Candidate) => {
      const list = byEpisode.get(episodeId);
      if (list) list.push(candidate);
      else byEpisode.set(episodeId, [candidate]);
    };
    for (const { note, text } of this.notes.values()) {
      const hit = matchIn(text, terms);
      if (hit) add(note.episodeId, candidate('note', note.at, note.text, hit, note.id));
    }
    for (const [id, episode] of this.episodes) {
      const title = matchIn(episode.title, terms);
      if (title) add(id, candidate('title', 0, episode.source.title, title));
      episode.chapters.forEach((text, i) => {
        const hit = matchIn(text, terms);
        const chapter = episode.source.chapters[i];
        if (hit && chapter) add(id, candidate('chapter', chapter.start, chapter.title, hit));
      });
      const notes = matchIn(episode.showNotes, terms);
      if (notes) add(id, candidate('show-notes', 0, episode.source.showNotes, notes));
    }
    const groups = [...byEpisode].map(([episodeId, candidates]) => {
      candidates.sort((a, b) => b.score - a.score || a.at - b.at);
      return { episodeId, candidates, best: candidates[0]?.score ?? 0 };
    });
    groups.sort((a, b) => b.best - a.best || b.candidates.length - a.candidates.length);
    const hitsPerEpisode = options.hitsPerEpisode ?? 10;
    return groups.slice(0, options.limit ?? 50).map(({ episodeId, candidates }) => {
      const title = this.episodes.get(episodeId)?.source.title;
      return {
        episodeId,
        ...(title === undefined ? {} : { title }),
        hits: candidates.slice(0, hitsPerEpisode).map(toHit),
        moreHits: Math.max(0, candidates.length - hitsPerEpisode),
      };
    });
  }

  /**
   * Normalizes the context's episodes now (a few hundred ms for 3,000 episodes) so the first search
   * does not pay for it. Later calls redo only episodes whose strings changed.
   */
  prepare(context: SearchContext): void {
    this.syncEpisodes(context.episodes);
  }

  /** Reuses an episode's normalized text while its title, show notes and chapters are the same strings. */
  private syncEpisodes(episodes: readonly SearchEpisode[]): void {
    if (episodes === this.lastContext) return;
    const next = new Map<string, IndexedEpisode>();
    for (const episode of episodes) {
      const old = this.episodes.get(episode.id);
      next.set(episode.id, old && sameEpisode(old.source, episode) ? old : indexEpisode(episode));
    }
    this.episodes = next;
    this.lastContext = episodes;
  }
}

function indexEpisode(source: SearchEpisode): IndexedEpisode {
  return {
    source,
    title: normalizeText(source.title),
    showNotes: source.foldedShowNotes ?? normalizeText(source.showNotes),
    chapters: source.chapters.map((chapter) => normalizeText(chapter.title)),
  };
}

function sameEpisode(a: SearchEpisode, b: SearchEpisode): boolean {
  return (
    a.title === b.title &&
    a.showNotes === b.showNotes &&
    a.chapters.length === b.chapters.length &&
    a.chapters.every((c, i) => c.title === b.chapters[i]?.title && c.start === b.chapters[i]?.start)
  );
}

type Match = { exact: boolean; start: number; length: number };
type Terms = { phrase: string; wordsLongestFirst: string[] };

/**
 * The phrase anywhere, else every word somewhere (the first word found marks the snippet). Words are
 * checked before the phrase, longest first: most items lack a word, and a miss on the longest (rarest)
 * word rejects them after one scan instead of a phrase scan plus word scans.
 */
function matchIn(text: string, terms: Terms): Match | undefined {
  let first: Match | undefined;
  for (const word of terms.wordsLongestFirst) {
    const start = text.indexOf(word);
    if (start < 0) return undefined;
    if (!first || start < first.start) first = { exact: false, start, length: word.length };
  }
  if (terms.wordsLongestFirst.length === 1) return first && { ...first, exact: true };
  const at = text.indexOf(terms.phrase);
  return at >= 0 ? { exact: true, start: at, length: terms.phrase.length } : first;
}

function candidate(kind: SearchHitKind, at: number, text: string, match: Match, noteId?: string): Candidate {
  const score = (match.exact ? EXACT_BONUS : 0) + KIND_WEIGHT[kind];
  return { kind, at, text, start: match.start, length: match.length, exact: match.exact, score, noteId };
}

function toHit(c: Candidate): SearchHit {
  const snippet = snippetAround(c.text, c.start, c.length);
  const hit: SearchHit = { kind: c.kind, at: c.at, snippet: snippet.text, match: snippet.match, exact: c.exact };
  if (c.noteId !== undefined) hit.noteId = c.noteId;
  return hit;
}
