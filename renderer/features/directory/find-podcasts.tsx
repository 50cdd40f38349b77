/**
 * "Find podcasts": search the podcast directory by name and subscribe from the results. A panel under
 * the library header, opened by the header's "Find podcasts" button (FindPodcastsButton); Escape or
 * "Close find podcasts" closes it and gives focus back to that button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { isFeedChoice } from '../../../shared/feed-address';
import type { DirectoryShow, Feed, SubscribeAnswer } from '../../../shared/types';
import { errorText } from '../../api';
import { Artwork } from '../../components/artwork';
import { CloseIcon, SearchIcon } from '../../components/icons';
import { useDirectory, type DirectoryState } from './use-directory';
import './directory.css';

export const FIND_PODCASTS_PANEL_ID = 'find-podcasts-panel';

export function FindPodcastsButton({
  open,
  onToggle,
  buttonRef,
}: {
  open: boolean;
  onToggle: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      className="button"
      aria-expanded={open}
      aria-controls={open ? FIND_PODCASTS_PANEL_ID : undefined}
      onClick={onToggle}
    >
      <SearchIcon />
      Find podcasts
    </button>
  );
}

/** "120 episodes", "1 episode". */
function episodeCount(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? 'episode' : 'episodes'}`;
}

/** The line under the search box: what the search is doing or came to (errors are alerts). */
function SearchStatus({ state }: { state: DirectoryState }) {
  const text =
    state.kind === 'searching'
      ? 'Searching…'
      : state.kind === 'found'
        ? state.shows.length === 0
          ? `No podcasts match “${state.term}”.`
          : `${state.shows.length.toLocaleString()} ${state.shows.length === 1 ? 'podcast' : 'podcasts'} found`
        : '';
  return (
    <>
      <p className="find-podcasts__status muted" role="status" aria-busy={state.kind === 'searching'}>
        {state.kind === 'searching' && <span className="spinner" aria-hidden="true" />}
        {text}
      </p>
      <p className="find-podcasts__error" role="alert">
        {state.kind === 'failed' ? state.error : ''}
      </p>
    </>
  );
}

function ShowResult({
  show,
  onSubscribe,
}: {
  show: DirectoryShow;
  onSubscribe: (show: DirectoryShow) => Promise<string | undefined>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const detailsId = useId();
  const subscribe = async () => {
    setBusy(true);
    setError(undefined);
    const failure = await onSubscribe(show);
    setBusy(false);
    setError(failure);
  };
  return (
    <li className="find-podcasts__show">
      <Artwork sources={[show.artwork]} title={show.title} size="small" />
      <div className="find-podcasts__text" id={detailsId}>
        <span className="find-podcasts__title">{show.title}</span>
        <span className="find-podcasts__meta muted">
          {[show.author, show.episodeCount !== undefined ? episodeCount(show.episodeCount) : undefined]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {error && (
          <span className="find-podcasts__show-error" role="alert">
            {error}
          </span>
        )}
      </div>
      {show.inLibrary ? (
        <span className="badge find-podcasts__in-library">In your library</span>
      ) : (
        // The name stays while busy; the spinner and aria-busy say it is working.
        <button type="button" className="button" disabled={busy} aria-busy={busy} onClick={() => void subscribe()}>
          {busy && <span className="spinner" aria-hidden="true" />}
          Subscribe to {show.title}
        </button>
      )}
    </li>
  );
}

export function FindPodcasts({
  onSubscribe,
  onSubscribed,
  onClose,
}: {
  onSubscribe: (url: string) => Promise<SubscribeAnswer>;
  /** A show was subscribed to: the library turns to it. */
  onSubscribed: (feed: Feed) => void;
  onClose: () => void;
}) {
  const { state, setTerm, searchNow, markInLibrary } = useDirectory();
  const [text, setText] = useState('');
  const box = useRef<HTMLInputElement>(null);
  const headingId = useId();

  useEffect(() => box.current?.focus(), []);

  const subscribe = async (show: DirectoryShow): Promise<string | undefined> => {
    try {
      const answer = await onSubscribe(show.feedUrl);
      if (isFeedChoice(answer)) {
        return `Couldn't subscribe: the directory's address for ${show.title} is a web page offering ${answer.choices.length} feeds. Paste it into Feed URL to pick one.`;
      }
      markInLibrary(show.feedUrl);
      onSubscribed(answer.feed);
      return undefined;
    } catch (error) {
      return `Couldn't subscribe: ${errorText(error)}`;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    // Escape in the search box clears it first (as search boxes do); a second one closes.
    if (event.target === box.current && text !== '') {
      setText('');
      setTerm('');
      return;
    }
    onClose();
  };

  return (
    <section id={FIND_PODCASTS_PANEL_ID} className="find-podcasts" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="find-podcasts__header">
        <h2 id={headingId} className="find-podcasts__heading">
          Find podcasts
        </h2>
        <button
          type="button"
          className="button button--quiet find-podcasts__close"
          aria-label="Close find podcasts"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      <div role="search" className="find-podcasts__search">
        <SearchIcon className="find-podcasts__search-icon" />
        <input
          ref={box}
          type="search"
          className="text-input find-podcasts__input"
          aria-label="Find podcasts"
          placeholder="Search shows by name"
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setText(event.currentTarget.value);
            setTerm(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              searchNow(text);
            }
          }}
        />
      </div>
      <SearchStatus state={state} />
      {state.kind === 'found' && state.shows.length > 0 && (
        <ul className="find-podcasts__results" aria-label="Podcasts found">
          {state.shows.map((show) => (
            <ShowResult key={show.feedUrl} show={show} onSubscribe={subscribe} />
          ))}
        </ul>
      )}
    </section>
  );
}
