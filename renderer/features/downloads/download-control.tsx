/**
 * An episode's download, as one control that follows its state (names from docs/architecture.md):
 * `button` "Download" → while queued or running a `progressbar` "Download progress" with "Pause
 * download" / "Cancel download" → paused: "Resume download" → failed: the reason in words and
 * "Retry download" → completed: "Downloaded · 48 MB" and "Remove download".
 */
import type { Download, EpisodeWithState } from '../../../shared/types';
import {
  AlertIcon,
  CheckIcon,
  CloseIcon,
  DownloadIcon,
  PauseSmallIcon,
  ResumeIcon,
  TrashIcon,
} from '../../components/icons';
import { useDownloadProgress, useDownloads } from './downloads-context';
import { formatBytes } from '../../../shared/bytes';
import { failureText, percentOf, progressText } from './download-labels';
import './downloads.css';

type EpisodeLike = Pick<EpisodeWithState, 'id' | 'download' | 'enclosure'>;

interface DownloadControlProps {
  episode: EpisodeLike;
  /** The Downloads view's rows: no "Download" button, smaller. */
  compact?: boolean;
}

export function DownloadControl({ episode, compact }: DownloadControlProps) {
  const downloads = useDownloads();
  const download = downloads.of(episode);
  const actionError = downloads.actionErrors.get(episode.id);
  const state = download?.state;
  const className = `download-control${compact ? ' download-control--compact' : ''}`;
  const size = compact ? 'button--small' : '';

  let body;
  if (!download || state === 'cancelled') {
    const known = episode.enclosure?.length;
    body = (
      <div className="download-control__row">
        <button
          type="button"
          className={`button ${size}`}
          disabled={!episode.enclosure?.url}
          onClick={() => void downloads.download(episode.id)}
        >
          <DownloadIcon />
          Download
        </button>
        {known && known > 100_000 ? <span className="download-control__hint">{formatBytes(known)}</span> : null}
      </div>
    );
  } else if (state === 'completed') {
    body = (
      <>
        <div className="download-control__row">
          <span className="download-done" role="status">
            <CheckIcon className="icon icon--inline" />
            Downloaded · {formatBytes(download.bytes)}
          </span>
          <button
            type="button"
            className={`button button--quiet ${size}`}
            onClick={() => void downloads.remove(episode.id)}
          >
            <TrashIcon />
            Remove download
          </button>
        </div>
        {/* The service noticed something about the file worth knowing (a size far from the feed's). */}
        {download.note && <p className="download-control__hint download-control__note">{download.note}</p>}
      </>
    );
  } else if (state === 'failed') {
    body = (
      <>
        <p className="download-control__error" role="alert">
          <AlertIcon />
          <span>
            <strong>Couldn't download this episode.</strong> {failureText(download)}
          </span>
        </p>
        <div className="download-control__row">
          <button type="button" className={`button ${size}`} onClick={() => void downloads.resume(episode.id)}>
            <DownloadIcon />
            Retry download
          </button>
          <button
            type="button"
            className={`button button--quiet ${size}`}
            onClick={() => void downloads.cancel(episode.id)}
          >
            Cancel download
          </button>
        </div>
      </>
    );
  } else {
    body = <RunningDownload episodeId={episode.id} download={download} compact={compact} />;
  }

  return (
    <div className={className}>
      {body}
      {actionError && (
        <p className="download-control__error" role="alert">
          <AlertIcon />
          <span>{actionError}</span>
        </p>
      )}
    </div>
  );
}

/** A queued, running or paused download: its progress bar, Pause or Resume, and Cancel. */
function RunningDownload({
  episodeId,
  download,
  compact,
}: {
  episodeId: string;
  download: Download;
  compact?: boolean;
}) {
  const downloads = useDownloads();
  return (
    <div className="download-control__running">
      <DownloadProgressBar download={download} compact={compact} />
      <div className="download-control__buttons">
        {download.state === 'paused' ? (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Resume download"
            title="Resume download"
            onClick={() => void downloads.resume(episodeId)}
          >
            <ResumeIcon />
          </button>
        ) : (
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Pause download"
            title="Pause download"
            onClick={() => void downloads.pause(episodeId)}
          >
            <PauseSmallIcon />
          </button>
        )}
        <button
          type="button"
          className="icon-button icon-button--small"
          aria-label="Cancel download"
          title="Cancel download"
          onClick={() => void downloads.cancel(episodeId)}
        >
          <CloseIcon />
        </button>
      </div>
    </div>
  );
}

/** The bar and its line of text; progress events (≤ 4/s) move it, the download's state names it. */
export function DownloadProgressBar({ download, compact }: { download: Download; compact?: boolean }) {
  const progress = useDownloadProgress(download.episodeId);
  const bytes = progress?.bytes ?? download.bytes;
  const total = progress?.total ?? download.total;
  const percent = percentOf(bytes, total);
  const running = download.state === 'downloading';
  const detail = progressText(bytes, total, running ? progress : undefined);
  const label =
    download.state === 'queued'
      ? 'Waiting to download'
      : download.state === 'paused'
        ? `Paused at ${detail}`
        : compact
          ? detail // the row already says "Downloading"
          : `Downloading: ${detail}`;
  const valueText = download.state === 'downloading' ? detail : label;
  return (
    <div className="download-progress">
      <div
        className={`download-progress__track download-progress__track--${download.state}${percent === undefined ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-label="Download progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={valueText}
      >
        <span className="download-progress__fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p className="download-progress__text" aria-hidden="true">
        {label}
        {percent !== undefined && download.state !== 'queued' && (
          <span className="download-progress__percent">{percent}%</span>
        )}
      </p>
    </div>
  );
}
