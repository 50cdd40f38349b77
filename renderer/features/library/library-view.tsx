/** The library: the show, its sync status, feed actions, quick filters and the episode list. */
import { useRef, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { Artwork, showArtwork } from '../../components/artwork';
import { PlusIcon, RefreshIcon } from '../../components/icons';
import { previewText } from '../../lib/plain-text';
import { FindPodcasts, FindPodcastsButton } from '../directory/find-podcasts';
import { ExportNotes } from '../notes/export-notes';
import { ImportNotes } from '../notes/import-notes';
import { EpisodeFiltersBar } from './episode-filters';
import { EpisodeList } from './episode-list';
import type { EpisodeRowActions } from './episode-row';
import { SubscribeForm } from './subscribe-form';
import { SyncStatus } from './sync-status';
import type { EpisodeQuery, EpisodeWindow } from './use-episode-window';
import type { Library } from './use-library';
import './library.css';

interface LibraryViewProps {
  library: Library;
  /** The episodes matching `filters`, a page at a time. */
  episodes: EpisodeWindow;
  nowPlayingId?: string;
  onOpenEpisode: (id: string) => void;
  /** The quick filters and the show chosen (none: every show). */
  filters: EpisodeQuery;
  onFiltersChange: (patch: Partial<EpisodeQuery>) => void;
  actions: EpisodeRowActions;
  queuedIds: ReadonlySet<string>;
  onUnsubscribe: (feed: Feed) => void;
}

export function LibraryView({
  library,
  episodes,
  nowPlayingId,
  onOpenEpisode,
  filters,
  onFiltersChange,
  actions,
  queuedIds,
  onUnsubscribe,
}: LibraryViewProps) {
  const { feeds, refreshing } = library;
  const [finding, setFinding] = useState(false);
  // Small windows show the list first: adding a show waits behind "Add a show" (library.css).
  const [adding, setAdding] = useState(false);
  const findButton = useRef<HTMLButtonElement>(null);
  const closeFinder = () => {
    setFinding(false);
    findButton.current?.focus();
  };
  const loading = library.loading || episodes.loading;
  const loadError = library.loadError ?? episodes.loadError;
  const selected = feeds.find((feed) => feed.id === filters.feedId);
  const setFeedFilter = (feedId: string | undefined) => onFiltersChange({ feedId });
  const filtered = filters.text.trim() !== '' || filters.state !== 'all' || filters.hidePlayed;
  const headerFeed: Feed | undefined = selected ?? (feeds.length === 1 ? feeds[0] : undefined);
  // Feed descriptions are often HTML; the header shows them as plain text.
  const description = headerFeed?.description ? previewText(headerFeed.description, 400) : '';
  // In "All shows" only when every show is a snapshot: one such show must not hide the others' status.
  const snapshot = headerFeed ? headerFeed.snapshot === true : feeds.length > 0 && feeds.every((feed) => feed.snapshot);

  return (
    <main className="library">
      <header className="library-header">
        <Artwork sources={showArtwork(headerFeed)} title={headerFeed?.title ?? 'Earmark'} size="large" />
        <div className="library-header__text">
          <p className="library-header__eyebrow">{headerFeed ? (headerFeed.author ?? 'Podcast') : 'Your library'}</p>
          <h1 id="library-show-title">{headerFeed?.title ?? (feeds.length > 1 ? 'All shows' : 'Earmark')}</h1>
          {description && <p className="library-header__description">{description}</p>}
          <div className="library-header__status">
            {snapshot && <span className="badge badge--snapshot">Offline snapshot</span>}
            <SyncStatus
              feeds={headerFeed ? [headerFeed] : feeds}
              refreshing={refreshing}
              {...(library.syncProgress && { progress: library.syncProgress })}
              refreshError={library.refreshError}
              snapshot={snapshot}
            />
          </div>
          <div className="library-header__actions">
            <button
              type="button"
              className={`button button--primary${refreshing ? ' is-spinning' : ''}`}
              onClick={() => void library.refresh()}
              aria-busy={refreshing}
            >
              <RefreshIcon />
              Refresh feeds
            </button>
            <ExportNotes />
            <ImportNotes />
            <button
              type="button"
              className="button library-header__add-toggle"
              aria-expanded={adding}
              aria-controls="library-add-show"
              onClick={() => setAdding((open) => !open)}
            >
              <PlusIcon />
              Add a show
            </button>
            {/* About this show only, so it sits apart from the library-wide actions, quietly. */}
            {headerFeed && (
              <button
                type="button"
                className="button button--quiet button--danger-quiet library-header__unsubscribe"
                aria-describedby="library-show-title"
                onClick={() => onUnsubscribe(headerFeed)}
              >
                Unsubscribe
              </button>
            )}
          </div>
          <div id="library-add-show" className={`library-header__add${adding || finding ? ' is-open' : ''}`}>
            <SubscribeForm onSubscribe={library.subscribe} onSubscribed={(feed) => setFeedFilter(feed.id)}>
              <FindPodcastsButton
                open={finding}
                onToggle={() => (finding ? closeFinder() : setFinding(true))}
                buttonRef={findButton}
              />
            </SubscribeForm>
          </div>
        </div>
      </header>

      {finding && (
        <FindPodcasts
          onSubscribe={library.subscribe}
          onSubscribed={(feed) => setFeedFilter(feed.id)}
          onClose={closeFinder}
        />
      )}

      {feeds.length > 1 && (
        <div className="feed-filter" role="group" aria-label="Shows">
          <button type="button" className="chip" aria-pressed={!selected} onClick={() => setFeedFilter(undefined)}>
            All shows
          </button>
          {feeds.map((feed) => (
            <button
              key={feed.id}
              type="button"
              className="chip"
              aria-pressed={selected?.id === feed.id}
              onClick={() => setFeedFilter(feed.id)}
            >
              {feed.title || feed.url}
            </button>
          ))}
        </div>
      )}

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
            feeds={feeds}
            nowPlayingId={nowPlayingId}
            refreshing={refreshing}
            onOpen={onOpenEpisode}
            actions={actions}
            queuedIds={queuedIds}
            filtered={filtered}
          />
        )}
      </section>
    </main>
  );
}
