/** One download in the Downloads view: the episode (opens it), its show, date and state, and its controls. */
import type { Download, EpisodeWithState } from '../../../shared/types';
import { formatDay } from '../../lib/dates';
import { DownloadControl } from './download-control';
import { stateWords } from './download-labels';

interface DownloadItemProps {
  download: Download;
  /** null: no longer in the library; undefined: not known yet. */
  episode: EpisodeWithState | null | undefined;
  showTitle: string;
  onOpenEpisode: (id: string) => void;
}

export function DownloadItem({ download, episode, showTitle, onOpenEpisode }: DownloadItemProps) {
  const title = episode?.title ?? (episode === null ? 'An episode no longer in your library' : 'Loading…');
  const titleId = `download-title-${download.episodeId}`;
  return (
    <li className="download-item" aria-labelledby={titleId}>
      <div className="download-item__text">
        {episode ? (
          <button type="button" id={titleId} className="download-item__title" onClick={() => onOpenEpisode(episode.id)}>
            {title}
          </button>
        ) : (
          <span id={titleId} className="download-item__title">
            {title}
          </span>
        )}
        <p className="download-item__meta">
          <span>{showTitle}</span>
          {episode?.publishedAt && <span>{formatDay(episode.publishedAt)}</span>}
          {download.state !== 'completed' && (
            <span className={`download-item__state download-item__state--${download.state}`}>
              {stateWords(download)}
            </span>
          )}
        </p>
      </div>
      <DownloadControl
        episode={{ id: download.episodeId, download, enclosure: episode?.enclosure ?? { url: download.url } }}
        compact
      />
    </li>
  );
}
