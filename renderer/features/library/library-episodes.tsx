/** The library's episodes: the heading with how many, the quick filters, and the list (or why there is none). */
import { EpisodeFiltersBar } from './episode-filters';
import { EpisodeList } from './episode-list';
import type { EpisodeRowActions } from './episode-row';
import type { EpisodeQuery, EpisodeWindow } from './use-episode-window';
import type { Library } from './use-library';

interface LibraryEpisodesProps {
  library: Library;
  episodes: EpisodeWindow;
  filters: EpisodeQuery;
  onFiltersChange: (patch: Partial<EpisodeQuery>) => void;
  nowPlayingId?: string;
  onOpenEpisode: (id: string) => void;
  actions: EpisodeRowActions;
  queuedIds: ReadonlySet<string>;
}

export function LibraryEpisodes({
  library,
  episodes,
  filters,
  onFiltersChange,
  nowPlayingId,
  onOpenEpisode,
  actions,
  queuedIds,
}: LibraryEpisodesProps) {
  const loading = library.loading || episodes.loading;
  const loadError = library.loadError ?? episodes.loadError;
  const filtered = filters.text.trim() !== '' || filters.state !== 'all' || filters.hidePlayed;
  return (
    <section className="library-episodes" aria-labelledby="episodes-heading">
      <h2 id="episodes-heading" className="library-episodes__heading">
        Episodes{' '}
        {!loading && episodes.unfiltered > 0 && (
          <span className="muted">
            {filtered && episodes.total !== episodes.unfiltered
              ? `${episodes.total.toLocaleString()} of ${episodes.unfiltered.toLocaleString()}`
              : episodes.unfiltered.toLocaleString()}
          </span>
        )}
      </h2>
      {!loading && !loadError && episodes.unfiltered > 0 && (
        <EpisodeFiltersBar filters={filters} onChange={onFiltersChange} />
      )}
      {loadError ? (
        <p className="library-error" role="alert">
          Couldn't load your library: {loadError}
        </p>
      ) : loading ? (
        <div className="loading-rows" aria-label="Loading episodes" role="status">
          {Array.from({ length: 6 }, (_, index) => (
            <div key={index} className="loading-row" />
          ))}
        </div>
      ) : (
        <EpisodeList
          episodes={episodes}
          feeds={library.feeds}
          nowPlayingId={nowPlayingId}
          refreshing={library.refreshing}
          onOpen={onOpenEpisode}
          actions={actions}
          queuedIds={queuedIds}
          filtered={filtered}
        />
      )}
    </section>
  );
}
