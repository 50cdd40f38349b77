/**
 * One episode: title, facts, the main listening action, show notes. Opening an episode puts it
 * in the player unless another one is playing or paused part-way (then the header button loads
 * and plays this one); the header button here is named differently ("Listen now" / "Resume from …") so
 * there is never a second button called "Play". (Other buttons may contain "play" or "pause" only
 * as part of a longer name, e.g. "Pause download": tests match the player's names exactly.)
 */
import { useEffect, useRef, useState } from 'react';
import type { EpisodeState, EpisodeWithState, Feed } from '../../../shared/types';
import { formatDuration, formatTimestamp } from '../../../shared/time';
import { api, errorText } from '../../api';
import { Artwork, showArtwork } from '../../components/artwork';
import { useToast } from '../../components/toast-context';
import { BackIcon, CheckIcon, CircleCheckIcon, PlayIcon, QueueAddIcon, QueueIcon } from '../../components/icons';
import { formatDay, formatFull } from '../../lib/dates';
import { ChapterList } from '../chapters/chapter-list';
import { DownloadControl } from '../downloads/download-control';
import { chapterIndexAt } from '../chapters/chapter-math';
import { useChapters } from '../chapters/use-chapters';
import { NotesPanel } from '../notes/notes-panel';
import { useMark } from '../notes/use-mark';
import { useNotes } from '../notes/use-notes';
import { usePlayerContext } from '../player/player-context';
import { useQueueContext } from '../queue/queue-context';
import { ShowNotes } from './show-notes';
import './episode.css';
import { hasAudio } from '../../lib/has-audio';
import { useOnline } from '../../lib/use-online';
import { useDownloads } from '../downloads/downloads-context';

interface EpisodeViewProps {
  episodeId: string;
  /** What the library already knows, for an instant first paint. */
  initial?: EpisodeWithState;
  /** The shows, to name the episode's. */
  feeds: Feed[];
  onBack: () => void;
  onStateChanged: (id: string, state: EpisodeState) => void;
  markBackSeconds: number;
  /** The "N" shortcut asked for the note box. */
  composeRequested?: boolean;
  onComposeHandled?: () => void;
}

export function EpisodeView({
  episodeId,
  initial,
  feeds,
  onBack,
  onStateChanged,
  markBackSeconds,
  composeRequested,
  onComposeHandled,
}: EpisodeViewProps) {
  const player = usePlayerContext();
  const queue = useQueueContext();
  const toast = useToast();
  const chapters = useChapters(episodeId);
  const notes = useNotes(episodeId);
  const mark = useMark(markBackSeconds, toast);
  const [episode, setEpisode] = useState<EpisodeWithState | undefined>(initial);
  const [error, setError] = useState<string>();
  const feed = feeds.find((show) => show.id === episode?.feedId);

  useEffect(() => {
    let live = true;
    api
      .getEpisode({ id: episodeId })
      .then((fresh) => live && setEpisode(fresh))
      .catch((failure: unknown) => live && setError(errorText(failure)));
    return () => {
      live = false;
    };
  }, [episodeId]);

  // Put the opened episode in the player, unless the listener is in the middle of another one:
  // playing it, or paused part-way (as AntennaPod and Pocket Casts do, browsing never takes the
  // player away from a paused episode; "Listen now" / "Resume from …" here swaps it on purpose).
  const { load, playing } = player;
  useEffect(() => {
    const held = player.episode && player.episode.id !== episode?.id;
    const inTheMiddle =
      held && (playing || (player.status !== 'error' && player.status !== 'ended' && player.position >= 1));
    // An episode without audio would only put an error in the player bar; the header says why instead.
    if (episode && hasAudio(episode) && !inTheMiddle) load(episode);
    // Only when a (different) episode arrives, not on every play/pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [episode?.id, load]);

  const online = useOnline();
  const { completedIds } = useDownloads();

  // Move focus to the title so keyboard and screen-reader users land on the new view.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownId = episode?.id;
  useEffect(() => {
    if (shownId) headingRef.current?.focus();
  }, [shownId]);

  if (!episode) {
    return (
      <main className="episode-view">
        <BackButton onBack={onBack} />
        {error ? (
          <p className="episode-view__error" role="alert">
            Couldn't open this episode: {error}
          </p>
        ) : (
          <p className="muted">Loading episode…</p>
        )}
      </main>
    );
  }

  const isLoaded = player.episode?.id === episode.id;
  const position = isLoaded ? player.position : episode.state.position;
  // Notes stamp the player's time for the episode it is playing, else where this one was left.
  const now = () => (isLoaded ? player.now() : episode.state.position);
  /** Chapters and "Jump to" go there and play, putting this episode in the player if needed. */
  const jump = (seconds: number) => player.load(episode, { autoplay: true, at: seconds });
  const played = isLoaded && player.status === 'ended' ? true : episode.state.played;
  const unavailableOffline = !online && !completedIds.has(episode.id);
  const playable = hasAudio(episode) && !unavailableOffline;

  const togglePlayed = async () => {
    try {
      const state = await api.setEpisodeState(
        played ? { id: episode.id, played: false, position: 0 } : { id: episode.id, played: true },
      );
      setEpisode({ ...episode, state });
      onStateChanged(episode.id, state);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const date = formatDay(episode.publishedAt);
  const duration = formatDuration(episode.durationSeconds);

  return (
    <main className="episode-view">
      <BackButton onBack={onBack} />
      <header className="episode-header">
        <Artwork sources={[episode.artwork, ...showArtwork(feed)]} title={feed?.title ?? episode.title} size="large" />
        <div className="episode-header__text">
          {feed && <p className="episode-header__show">{feed.title}</p>}
          <h1 ref={headingRef} tabIndex={-1}>
            {episode.title}
          </h1>
          <p className="episode-header__meta">
            {date && (
              <time dateTime={episode.publishedAt} title={formatFull(episode.publishedAt)}>
                {date}
              </time>
            )}
            {date && duration && <span aria-hidden="true"> · </span>}
            {duration && <span>{duration}</span>}
            {episode.episodeNumber !== undefined && (
              <>
                <span aria-hidden="true"> · </span>
                <span>Episode {episode.episodeNumber}</span>
              </>
            )}
            {played && (
              <span className="episode-header__played">
                <CheckIcon className="icon icon--inline" /> Played
              </span>
            )}
          </p>
          <div className="episode-header__actions">
            {isLoaded && player.playing ? (
              <span className="now-playing" role="status">
                <span className="now-playing__bars" aria-hidden="true">
                  <span />
                  <span />
                  <span />
                </span>
                Now playing
              </span>
            ) : (
              <button
                type="button"
                className="button button--primary button--large"
                disabled={!playable}
                onClick={() => player.load(episode, { autoplay: true })}
              >
                <PlayIcon />
                {!played && position >= 1 ? `Resume from ${formatTimestamp(position)}` : 'Listen now'}
              </button>
            )}
            <button type="button" className="button" onClick={togglePlayed}>
              <CircleCheckIcon done={played} />
              {played ? 'Mark as unplayed' : 'Mark as played'}
            </button>
          </div>
          {!playable && (
            <p className="episode-header__no-audio">
              {unavailableOffline && hasAudio(episode)
                ? "Not downloaded — unavailable offline. It plays again when you're back online; download episodes to listen offline."
                : feed?.snapshot
                  ? "The offline snapshot saved with Earmark has no audio. This episode plays once Earmark reaches the feed: choose Refresh feeds when you're online."
                  : 'This episode has no audio file.'}
            </p>
          )}
          <div className="episode-header__queue">
            {queue.ids.has(episode.id) ? (
              <>
                <span className="episode-header__queued">
                  <QueueIcon className="icon icon--inline" /> In Up next
                </span>
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => void queue.remove(episode.id)}
                >
                  Remove from Up next
                </button>
              </>
            ) : playable ? (
              <>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    void queue.add(episode.id, 'next');
                    toast({ text: 'Plays after the current episode' });
                  }}
                >
                  <QueueIcon />
                  Play next
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    void queue.add(episode.id, 'end');
                    toast({ text: 'Added to the end of Up next' });
                  }}
                >
                  <QueueAddIcon />
                  Add to Up next
                </button>
              </>
            ) : null}
          </div>
          <DownloadControl episode={episode} />
          {error && (
            <p className="episode-view__error" role="alert">
              {error}
            </p>
          )}
          {episode.goneFromFeed && (
            <p className="muted">This episode is no longer in the feed; Earmark kept it for you.</p>
          )}
        </div>
      </header>
      <div className="episode-body">
        <div className="episode-body__main">
          {chapters.length > 0 && (
            <section className="episode-section" aria-labelledby="chapters-heading">
              <h2 id="chapters-heading" className="section-heading">
                Chapters <span className="section-heading__count">{chapters.length}</span>
              </h2>
              <ChapterList
                chapters={chapters}
                notes={notes.notes}
                currentIndex={isLoaded ? chapterIndexAt(chapters, player.position) : -1}
                onJump={jump}
              />
            </section>
          )}
          <section className="episode-section episode-notes" aria-labelledby="show-notes-heading">
            <h2 id="show-notes-heading" className="section-heading">
              Show notes
            </h2>
            <ShowNotes
              html={episode.showNotesHtml}
              {...(playable && { onPlayFrom: jump })}
              durationSeconds={episode.durationSeconds}
            />
          </section>
        </div>
        <aside className="episode-body__side">
          <NotesPanel
            episodeId={episode.id}
            notes={notes}
            now={now}
            onJump={jump}
            onMark={() => void mark(episode.id, now())}
            markBackSeconds={markBackSeconds}
            focusRequested={composeRequested}
            onFocusHandled={onComposeHandled}
          />
        </aside>
      </div>
    </main>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="button button--quiet back-button" onClick={onBack}>
      <BackIcon />
      Back to library
    </button>
  );
}
