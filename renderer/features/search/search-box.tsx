/**
 * The "Search" box in the top bar: notes, chapter titles, episode titles, show notes and transcripts
 * of every episode. Results drop down below it; ArrowDown moves into them, Escape clears and closes.
 * Opening a note, chapter or transcript hit loads that episode paused at the moment (the listener
 * chooses when to play: they may be reading several hits); title and show-notes hits just open the
 * episode.
 */
import { useCallback, useRef, useState } from 'react';
import { useCloseOutside } from '../../components/use-close-outside';
import type { SearchHit } from '../../../shared/types';
import { SearchIcon } from '../../components/icons';
import { SearchResults } from './search-results';
import { useSearch } from './use-search';
import './search.css';

export function SearchBox({ onOpen }: { onOpen: (episodeId: string, hit: SearchHit) => void }) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearch(query);
  const showing = open && query.trim() !== '';

  const closeMenu = useCallback(() => setOpen(false), []);
  useCloseOutside(rootRef, showing, closeMenu);

  const hits = () => [...(rootRef.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? [])];

  return (
    <div
      className="search"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          setQuery('');
          setOpen(false);
          inputRef.current?.focus();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          const list = hits();
          if (list.length === 0) return;
          event.preventDefault();
          const at = list.indexOf(document.activeElement as HTMLButtonElement);
          if (event.key === 'ArrowUp' && at <= 0) inputRef.current?.focus();
          else list[Math.min(list.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))]?.focus();
        }
      }}
    >
      <SearchIcon className="icon search__icon" />
      <input
        ref={inputRef}
        type="search"
        className="search__input"
        aria-label="Search"
        placeholder="Search notes, chapters and episodes"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
      />
      <kbd className="search__key" aria-hidden="true">
        /
      </kbd>
      {showing && (
        <SearchResults
          query={query.trim()}
          groups={search.groups}
          busy={search.busy}
          error={search.error}
          onOpen={(episodeId, hit) => {
            setOpen(false);
            onOpen(episodeId, hit);
          }}
        />
      )}
    </div>
  );
}
