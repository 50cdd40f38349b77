/**
 * Quick filters above the episode list: words in the title, show notes or chapters ("Filter episodes", distinct from the
 * global Search), the state ("Show": a radio group), the order, and Hide played (a setting).
 */
import { useId } from 'react';
import { SearchIcon } from '../../components/icons';
import { stateChoices, type EpisodeFilters } from './episode-filter';

interface EpisodeFiltersBarProps {
  filters: EpisodeFilters;
  onChange: (patch: Partial<EpisodeFilters>) => void;
}

export function EpisodeFiltersBar({ filters, onChange }: EpisodeFiltersBarProps) {
  const id = useId();
  return (
    <div className="episode-filters">
      <div className="episode-filters__search filter-search">
        <SearchIcon className="icon filter-search__icon" />
        <input
          type="search"
          className="text-input filter-search__input"
          aria-label="Filter episodes"
          placeholder="Filter by title, show notes or chapter"
          value={filters.text}
          onChange={(event) => onChange({ text: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.text) {
              event.stopPropagation();
              onChange({ text: '' });
            }
          }}
          data-filter-episodes=""
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="filter-chips" role="radiogroup" aria-label="Show">
        {stateChoices.map((choice) => (
          <label key={choice.value} className="filter-chips__option">
            <input
              type="radio"
              name={`${id}-state`}
              value={choice.value}
              checked={filters.state === choice.value}
              onChange={() => onChange({ state: choice.value })}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <label className="episode-filters__check">
        <input
          type="checkbox"
          checked={filters.hidePlayed}
          onChange={(event) => onChange({ hidePlayed: event.currentTarget.checked })}
        />
        Hide played
      </label>
      <select
        className="episode-filters__sort"
        aria-label="Sort"
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.currentTarget.value === 'oldest' ? 'oldest' : 'newest' })}
      >
        <option value="newest">Newest first</option>
        <option value="oldest">Oldest first</option>
      </select>
    </div>
  );
}
