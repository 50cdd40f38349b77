/** The library: the show, its sync status, feed actions, quick filters and the episode list. */
import { useRef, useState } from 'react';
import type { Feed } from '../../../shared/types';
import { Artwork, showArtwork } from '../../components/artwork';
import { PlusIcon, RefreshIcon } from '../../components/icons';
import { previewText } from '../../lib/plain-text';
import { FindPodcasts, FindPodcastsButton } from '../directory/find-podcasts';
import { ExportNotes } from '../notes/export-notes';
import { ImportNotes } from '../notes/import-notes';
import type { EpisodeRowActions } from './episode-row';
import { LibraryEpisodes } from './library-episodes';
import { ShowFilter } from './show-filter';
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
  const selected = feeds.find((feed) => feed.id === filters.feedId);
  const setFeedFilter = (feedId: string | undefined) => onFiltersChange({ feedId });
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

      <ShowFilter feeds={feeds} selected={selected} onChoose={setFeedFilter} />

      <LibraryEpisodes
        library={library}
        episodes={episodes}
        filters={filters}
        onFiltersChange={onFiltersChange}
        nowPlayingId={nowPlayingId}
        onOpenEpisode={onOpenEpisode}
        actions={actions}
        queuedIds={queuedIds}
      />
    </main>
  );
}
