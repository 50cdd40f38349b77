/**
 * One episode in the list. The button's name is exactly the title (tests and screen-reader users
 * find episodes by it); date, duration and listening state describe it via aria-describedby. The
 * button stretches over the whole row so the row is one click target.
 */
import { memo, useMemo } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { formatDuration } from '../../../shared/time';
import { CheckIcon } from '../../components/icons';
import { formatDay, formatFull } from '../../lib/dates';
import { previewText } from '../../lib/plain-text';
import { DownloadBadge } from '../downloads/download-badge';

interface EpisodeRowProps {
  episode: EpisodeWithState;
  showTitle?: string;
  nowPlaying: boolean;
  onOpen: (id: string) => void;
}

type Progress = { kind: 'new' } | { kind: 'played' } | { kind: 'started'; fraction: number; left: string };

function progressOf({ state, durationSeconds }: EpisodeWithState): Progress {
  if (state.played) return { kind: 'played' };
  if (!(state.position >= 1)) return { kind: 'new' };
  const fraction = durationSeconds ? Math.min(1, state.position / durationSeconds) : 0;
  const left = durationSeconds ? formatDuration(Math.max(60, durationSeconds - state.position)) : '';
  return { kind: 'started', fraction, left };
}

export const EpisodeRow = memo(function EpisodeRow({ episode, showTitle, nowPlaying, onOpen }: EpisodeRowProps) {
  const progress = progressOf(episode);
  const preview = useMemo(() => previewText(episode.showNotesHtml), [episode.showNotesHtml]);
  const date = formatDay(episode.publishedAt);
  const duration = formatDuration(episode.durationSeconds);
  const describedBy = `episode-meta-${episode.id}`;

  return (
    <li className={`episode-row episode-row--${progress.kind}${nowPlaying ? ' episode-row--current' : ''}`}>
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
            aria-describedby={describedBy}
            onClick={() => onOpen(episode.id)}
          >
            {episode.title}
          </button>
        </div>
        <p className="episode-row__meta" id={describedBy}>
          {nowPlaying && <span className="episode-row__badge episode-row__badge--current">Now playing</span>}
          {progress.kind === 'new' && !nowPlaying && <span className="episode-row__badge">New</span>}
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
          {showTitle && <span className="episode-row__show">{showTitle}</span>}
        </p>
        {preview && <p className="episode-row__preview">{preview}</p>}
      </div>
    </li>
  );
});
