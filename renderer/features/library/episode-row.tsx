/**
 * One episode in the list. The button's name is exactly the title (tests and screen-reader users
 * find episodes by it); date, duration and listening state describe it via aria-describedby. The
 * button stretches over the whole row so the row is one click target. At the end of the row, like
 * Pocket Casts: the row's play/pause (named with the title, as "Play" and "Pause" alone belong to
 * the player bar) and its download button.
 */
import { inPlayerWords } from '../player/in-player-label';
import { memo, useMemo, type Ref } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { CheckIcon, CircleCheckIcon, PauseIcon, PlayIcon, QueueAddIcon, QueueIcon } from '../../components/icons';
import { previewText } from '../../lib/plain-text';
import { RowDownloadButton } from '../downloads/download-badge';
import { hasAudio } from '../../lib/has-audio';
import { EpisodeRowMeta, progressOf } from './episode-row-meta';

/** What a row's own buttons do; one object for the whole list so rows stay memoized. */
export interface EpisodeRowActions {
  toggleQueued: (episode: EpisodeWithState, queued: boolean) => void;
  togglePlayed: (episode: EpisodeWithState) => void;
}

/** Plays the episode (loading it first if need be) or, with `play` false, pauses it. */
export type PlayEpisode = (episode: EpisodeWithState, play: boolean) => void;

interface EpisodeRowProps {
  ref?: Ref<HTMLLIElement>;
  /** Position in the whole (virtual) list, 0-based. */
  index: number;
  setSize: number;
  /** Pixels from the top of the list (rows are absolutely placed). */
  offset: number;
  /** This row's title is the list's one Tab stop. */
  tabbable: boolean;
  episode: EpisodeWithState;
  showTitle?: string;
  nowPlaying: boolean;
  /** This row's episode is loaded and playing (or about to). */
  playing: boolean;
  /** This row's episode is loaded and its audio failed. */
  failed: boolean;
  /** This row's episode is loaded and the player is past its start (an episode only opened is not). */
  started: boolean;
  /** The network is gone and this episode is not downloaded: it cannot play now. */
  unavailableOffline: boolean;
  queued: boolean;
  onPlay: PlayEpisode;
  onOpen: (id: string) => void;
  actions: EpisodeRowActions;
}

export const EpisodeRow = memo(function EpisodeRow({
  ref,
  index,
  setSize,
  offset,
  tabbable,
  episode,
  showTitle,
  nowPlaying,
  playing,
  failed,
  started,
  unavailableOffline,
  queued,
  onPlay,
  onOpen,
  actions,
}: EpisodeRowProps) {
  const progress = progressOf(episode);
  const preview = useMemo(() => previewText(episode.showNotesHtml), [episode.showNotesHtml]);
  const describedBy = `episode-meta-${episode.id}`;
  const titleId = `episode-title-${episode.id}`;
  const inPlayer = nowPlaying ? inPlayerWords(playing, failed, started || progress.kind !== 'new') : undefined;
  const playVerb = playing ? 'Pause' : progress.kind === 'started' ? 'Resume' : 'Play';

  return (
    <li
      ref={ref}
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={`episode-row episode-row--${progress.kind}${nowPlaying ? ' episode-row--current' : ''}`}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <div className="episode-row__marker" aria-hidden="true">
        {progress.kind === 'played' ? (
          <CheckIcon className="icon icon--inline" />
        ) : (
          <span className="episode-row__dot" />
        )}
      </div>
      <div className="episode-row__body">
        <div className="episode-row__heading">
          <button
            type="button"
            className="episode-row__title"
            id={titleId}
            aria-describedby={describedBy}
            tabIndex={tabbable ? 0 : -1}
            onClick={() => onOpen(episode.id)}
          >
            {episode.title}
          </button>
        </div>
        <EpisodeRowMeta
          id={describedBy}
          episode={episode}
          progress={progress}
          inPlayer={inPlayer}
          failed={failed}
          queued={queued}
          unavailableOffline={unavailableOffline}
          showTitle={showTitle}
        />
      </div>
      {/* Outside the body so it can run on under the buttons (the grid in library.css). */}
      {preview && <p className="episode-row__preview">{preview}</p>}
      <div className="episode-row__actions">
        <button
          type="button"
          className="icon-button icon-button--small episode-row__action episode-row__action--quiet"
          aria-label={queued ? 'Remove from Up next' : 'Add to Up next'}
          aria-describedby={titleId}
          title={queued ? 'Remove from Up next' : 'Add to Up next'}
          tabIndex={tabbable ? 0 : -1}
          onClick={() => actions.toggleQueued(episode, queued)}
        >
          {queued ? <QueueIcon /> : <QueueAddIcon />}
        </button>
        <button
          type="button"
          className="icon-button icon-button--small episode-row__action episode-row__action--quiet"
          aria-label={progress.kind === 'played' ? 'Mark as unplayed' : 'Mark as played'}
          aria-describedby={titleId}
          title={progress.kind === 'played' ? 'Mark as unplayed' : 'Mark as played'}
          tabIndex={tabbable ? 0 : -1}
          onClick={() => actions.togglePlayed(episode)}
        >
          <CircleCheckIcon done={progress.kind === 'played'} />
        </button>
        <RowDownloadButton episode={episode} describedBy={titleId} tabbable={tabbable} />
        <button
          type="button"
          className={`episode-row__play${playing ? ' is-playing' : ''}`}
          aria-label={`${playVerb} ${episode.title}`}
          title={
            !hasAudio(episode) ? 'No audio file' : unavailableOffline ? 'Not downloaded: unavailable offline' : playVerb
          }
          disabled={!hasAudio(episode) || (unavailableOffline && !playing)}
          tabIndex={tabbable ? 0 : -1}
          onClick={() => onPlay(episode, !playing)}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </button>
      </div>
    </li>
  );
});
