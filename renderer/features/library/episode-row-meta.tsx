/**
 * The line under a row's title that describes it (the title button's aria-describedby): in the
 * player or New, Up next, played or what is left, date, length, download, offline, and the show.
 */
import type { EpisodeWithState } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';
import { QueueIcon } from '../../components/icons';
import { formatDay, formatFull } from '../../lib/dates';
import { DownloadBadge } from '../downloads/download-badge';

export type Progress = { kind: 'new' } | { kind: 'played' } | { kind: 'started'; fraction: number; left: string };

export function progressOf({ state, durationSeconds }: EpisodeWithState): Progress {
  if (state.played) return { kind: 'played' };
  if (!(state.position >= 1)) return { kind: 'new' };
  const fraction = durationSeconds ? Math.min(1, state.position / durationSeconds) : 0;
  const left = durationSeconds ? formatDuration(Math.max(60, durationSeconds - state.position)) : '';
  return { kind: 'started', fraction, left };
}

interface EpisodeRowMetaProps {
  id: string;
  episode: EpisodeWithState;
  progress: Progress;
  /** What the row says about the episode in the player ("Now playing", "Paused"…), if anything. */
  inPlayer?: string;
  failed: boolean;
  queued: boolean;
  unavailableOffline: boolean;
  showTitle?: string;
}

export function EpisodeRowMeta({
  id,
  episode,
  progress,
  inPlayer,
  failed,
  queued,
  unavailableOffline,
  showTitle,
}: EpisodeRowMetaProps) {
  const date = formatDay(episode.publishedAt);
  const duration = formatDuration(episode.durationSeconds);
  return (
    <p className="episode-row__meta" id={id}>
      {inPlayer && (
        <span
          className={`episode-row__badge episode-row__badge--current${failed ? ' episode-row__badge--failed' : ''}`}
        >
          {inPlayer}
        </span>
      )}
      {progress.kind === 'new' && !inPlayer && <span className="episode-row__badge">New</span>}
      {queued && (
        <span className="episode-row__queued">
          <QueueIcon className="icon icon--inline" />
          Up next
        </span>
      )}
      {progress.kind === 'played' && <span className="episode-row__state">Played</span>}
      {progress.kind === 'started' && (
        <span className="episode-row__state episode-row__state--started">
          <span className="mini-progress" aria-hidden="true">
            <span className="mini-progress__fill" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          </span>
          {progress.left ? `${progress.left} left` : 'In progress'}
        </span>
      )}
      {date && (
        <time dateTime={episode.publishedAt} title={formatFull(episode.publishedAt)}>
          {date}
        </time>
      )}
      {duration && <span>{duration}</span>}
      <DownloadBadge episode={episode} />
      {unavailableOffline && <span className="episode-row__offline">Not downloaded — unavailable offline</span>}
      {showTitle && <span className="episode-row__show">{showTitle}</span>}
    </p>
  );
}
