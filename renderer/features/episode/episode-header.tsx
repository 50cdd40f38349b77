/**
 * The episode page's header: artwork, show, title, facts (date, length, number, played), the
 * listening actions, Up next, the download, and why the episode can't play when it can't.
 */
import type { RefObject } from 'react';
import type { EpisodeWithState, Feed } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';
import { Artwork, showArtwork } from '../../components/artwork';
import { CheckIcon } from '../../components/icons';
import { formatDay, formatFull } from '../../lib/dates';
import { DownloadControl } from '../downloads/download-control';
import { ListenActions, NoAudioReason, UpNextActions } from './episode-actions';

interface EpisodeHeaderProps {
  episode: EpisodeWithState;
  feed?: Feed;
  /** The title, focused when the page opens. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  played: boolean;
  /** Where listening stopped (the player's position while it holds this episode). */
  position: number;
  isLoaded: boolean;
  playable: boolean;
  unavailableOffline: boolean;
  error?: string;
  onTogglePlayed: () => void;
}

export function EpisodeHeader({
  episode,
  feed,
  headingRef,
  played,
  position,
  isLoaded,
  playable,
  unavailableOffline,
  error,
  onTogglePlayed,
}: EpisodeHeaderProps) {
  return (
    <header className="episode-header">
      <Artwork sources={[episode.artwork, ...showArtwork(feed)]} title={feed?.title ?? episode.title} size="large" />
      <div className="episode-header__text">
        {feed && <p className="episode-header__show">{feed.title}</p>}
        <h1 ref={headingRef} tabIndex={-1}>
          {episode.title}
        </h1>
        <EpisodeFacts episode={episode} played={played} />
        <ListenActions
          episode={episode}
          played={played}
          position={position}
          isLoaded={isLoaded}
          playable={playable}
          onTogglePlayed={onTogglePlayed}
        />
        {!playable && <NoAudioReason episode={episode} feed={feed} unavailableOffline={unavailableOffline} />}
        <UpNextActions episode={episode} playable={playable} />
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
  );
}

function EpisodeFacts({ episode, played }: { episode: EpisodeWithState; played: boolean }) {
  const date = formatDay(episode.publishedAt);
  const duration = formatDuration(episode.durationSeconds);
  return (
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
  );
}
