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

/** Episodes returned by a search unless the caller asks for another number. */
export const SEARCH_LIMIT = 50;

/** One episode's hits found by another index (its transcript), ranked in with the others. */
export interface EpisodeHits {
  episodeId: string;
  /** Its best hits, already cut into snippets. */
  hits: SearchHit[];
  /** Every match in the episode, listed or not (for moreHits). */
  total: number;
}

export interface SearchOptions {
  /** Episodes returned (default 50). */
  limit?: number;
  /** Hits returned per episode (default 10). */
  hitsPerEpisode?: number;
  /** Hits from other indexes, merged into the episodes' groups before ranking and cutting. */
  extraHits?: readonly EpisodeHits[];
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
  /** A hit another index already made (transcripts). */
  hit?: SearchHit;
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
 * context every time without paying for normalization again. Transcripts are too big for this (hundreds
 * of MB): their own index (transcripts/transcript-index.ts) finds their hits, which come in as extraHits.
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
    // Matches another index counted but did not list: they count towards ranking and moreHits.
    const unlisted = new Map<string, number>();
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
    for (const { episodeId, hits, total } of options.extraHits ?? []) {
      for (const hit of hits) add(episodeId, fromHit(hit));
      if (total > hits.length) unlisted.set(episodeId, total - hits.length);
    }
    const groups = [...byEpisode].map(([episodeId, candidates]) => {
      candidates.sort((a, b) => b.score - a.score || a.at - b.at);
      const count = candidates.length + (unlisted.get(episodeId) ?? 0);
      return { episodeId, candidates, count, best: candidates[0]?.score ?? 0 };
    });
    groups.sort((a, b) => b.best - a.best || b.count - a.count);
    const hitsPerEpisode = options.hitsPerEpisode ?? 10;
    return groups.slice(0, options.limit ?? SEARCH_LIMIT).map(({ episodeId, candidates, count }) => {
      const title = this.episodes.get(episodeId)?.source.title;
      return {
        episodeId,
        ...(title === undefined ? {} : { title }),
        hits: candidates.slice(0, hitsPerEpisode).map(toHit),
        moreHits: Math.max(0, count - hitsPerEpisode),
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

function fromHit(hit: SearchHit): Candidate {
  const score = (hit.exact ? EXACT_BONUS : 0) + KIND_WEIGHT[hit.kind];
  return { kind: hit.kind, at: hit.at, text: '', start: 0, length: 0, exact: hit.exact, score, hit };
}

function toHit(c: Candidate): SearchHit {
  if (c.hit) return c.hit;
  const snippet = snippetAround(c.text, c.start, c.length);
  const hit: SearchHit = { kind: c.kind, at: c.at, snippet: snippet.text, match: snippet.match, exact: c.exact };
  if (c.noteId !== undefined) hit.noteId = c.noteId;
  return hit;
}
