/**
 * Search results under the search box, grouped by episode (the episode title is the group's
 * heading). Each hit is a button: its kind, its time when it has one, and the snippet with the
 * match highlighted.
 */
import { formatTimestamp } from '../../../shared/time';
import type { SearchGroup, SearchHit, SearchHitKind } from '../../../shared/types';

const kindLabel: Record<SearchHitKind, string> = {
  note: 'Note',
  chapter: 'Chapter',
  title: 'Title',
  transcript: 'Transcript',
  'show-notes': 'Show notes',
};

/**
 * The moment a hit opens its episode at: a note's time, a chapter's start, a transcript cue's start.
 * Titles and show notes have none: they open the episode as it is.
 */
export function hitMoment(hit: SearchHit): number | undefined {
  return hit.kind === 'note' || hit.kind === 'chapter' || hit.kind === 'transcript' ? hit.at : undefined;
}

interface SearchResultsProps {
  query: string;
  groups: SearchGroup[];
  busy: boolean;
  error?: string;
  onOpen: (episodeId: string, hit: SearchHit) => void;
}

export function SearchResults({ query, groups, busy, error, onOpen }: SearchResultsProps) {
  return (
    <div className="search-results" role="region" aria-label="Search results" aria-busy={busy}>
      {error ? (
        <p className="search-results__empty" role="alert">
          Search failed: {error}
        </p>
      ) : groups.length === 0 ? (
        <p className="search-results__empty">
          {busy ? 'Searching…' : `No notes, chapters or episodes match “${query}”`}
        </p>
      ) : (
        groups.map((group, index) => {
          const headingId = `search-group-${index}`;
          return (
            <section key={group.episodeId} className="search-group" aria-labelledby={headingId}>
              <h3 id={headingId} className="search-group__title">
                {group.title ?? 'An episode no longer in your library'}
              </h3>
              <ul className="search-group__hits">
                {group.hits.map((hit, hitIndex) => (
                  <li key={`${hit.kind}-${hit.noteId ?? hitIndex}`}>
                    <button type="button" className="search-hit" onClick={() => onOpen(group.episodeId, hit)}>
                      <span className={`search-hit__kind search-hit__kind--${hit.kind}`}>
                        {kindLabel[hit.kind]}
                        {hitMoment(hit) !== undefined && ` · ${formatTimestamp(hit.at)}`}
                      </span>{' '}
                      <Snippet hit={hit} />
                    </button>
                  </li>
                ))}
              </ul>
              {group.moreHits > 0 && (
                <p className="search-group__more">
                  {group.moreHits} more {group.moreHits === 1 ? 'match' : 'matches'} in this episode
                </p>
              )}
            </section>
          );
        })
      )}
      <p className="visually-hidden" aria-live="polite">
        {busy
          ? ''
          : resultsWords(
              groups.reduce((sum, group) => sum + group.hits.length, 0),
              query,
            )}
      </p>
    </div>
  );
}

function Snippet({ hit }: { hit: SearchHit }) {
  const [start, end] = hit.match;
  const valid = start >= 0 && end > start && end <= hit.snippet.length;
  if (!valid) return <span className="search-hit__snippet">{hit.snippet}</span>;
  return (
    <span className="search-hit__snippet">
      {hit.snippet.slice(0, start)}
      <mark>{hit.snippet.slice(start, end)}</mark>
      {hit.snippet.slice(end)}
    </span>
  );
}

/** What the live region says when a search answers ("1 result", never "1 results"). */
export function resultsWords(count: number, query: string): string {
  return `${count} ${count === 1 ? 'result' : 'results'} for ${query}`;
}
