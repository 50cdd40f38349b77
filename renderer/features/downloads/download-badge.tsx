/**
 * A library row's download, in two parts. The badge in the row's details says the state in words
 * ("Downloaded" with a tick, "Download failed"), so a finished download reads as a state and not as
 * a button. The row's download button is the compact form of the episode page's control, with the
 * same names (docs/architecture.md): "Download" → a progress ring that is "Pause download" / "Resume download"
 * → "Retry download" after a failure; once downloaded it gives way to the badge (removing is for the
 * episode page and the Downloads view, away from a list's quick clicks).
 */
import type { CSSProperties } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { AlertIcon, CheckIcon, DownloadIcon, PauseSmallIcon, ResumeIcon } from '../../components/icons';
import { useDownloadProgress, useDownloads } from './downloads-context';
import { failureText, percentOf } from './download-labels';

type EpisodeLike = Pick<EpisodeWithState, 'id' | 'download'>;

export function DownloadBadge({ episode }: { episode: EpisodeLike }) {
  const download = useDownloads().of(episode);
  if (!download || download.state === 'cancelled') return null;
  if (download.state === 'completed') {
    return (
      <span className="download-badge download-badge--done">
        <CheckIcon className="icon icon--inline" />
        Downloaded
      </span>
    );
  }
  if (download.state === 'failed') {
    return (
      <span className="download-badge download-badge--failed" title={failureText(download)}>
        <AlertIcon />
        Download failed
      </span>
    );
  }
  // The row's button draws the progress; the words are here for screen readers.
  return (
    <RunningWords episodeId={download.episodeId} state={download.state} bytes={download.bytes} total={download.total} />
  );
}

type Running = { episodeId: string; state: 'queued' | 'downloading' | 'paused'; bytes: number; total?: number };

function useRunningWords({ episodeId, state, bytes, total }: Running): { words: string; percent: number } {
  const progress = useDownloadProgress(episodeId);
  const percent = percentOf(progress?.bytes ?? bytes, progress?.total ?? total) ?? 0;
  const words =
    state === 'queued'
      ? 'Waiting to download'
      : state === 'paused'
        ? `Download paused, ${percent}%`
        : `Downloading, ${percent}%`;
  return { words, percent };
}

function RunningWords(running: Running) {
  const { words } = useRunningWords(running);
  return <span className="visually-hidden">{words}</span>;
}

interface RowDownloadButtonProps {
  episode: Pick<EpisodeWithState, 'id' | 'download' | 'enclosure'>;
  /** The row title's id: the button says which episode it is about. */
  describedBy: string;
  /** Part of the list's roving Tab stop. */
  tabbable: boolean;
}

export function RowDownloadButton({ episode, describedBy, tabbable }: RowDownloadButtonProps) {
  const downloads = useDownloads();
  const download = downloads.of(episode);
  const common = {
    type: 'button' as const,
    'aria-describedby': describedBy,
    tabIndex: tabbable ? 0 : -1,
  };
  if (!download || download.state === 'cancelled') {
    return (
      <button
        {...common}
        className="icon-button icon-button--small episode-row__action episode-row__action--quiet"
        aria-label="Download"
        title={episode.enclosure?.url ? 'Download' : 'No audio file'}
        disabled={!episode.enclosure?.url}
        onClick={() => void downloads.download(episode.id)}
      >
        <DownloadIcon />
      </button>
    );
  }
  if (download.state === 'completed') {
    // Keeps the play buttons in one column; the state is the badge's.
    return <span className="episode-row__action-space" aria-hidden="true" />;
  }
  if (download.state === 'failed') {
    return (
      <button
        {...common}
        className="icon-button icon-button--small episode-row__action row-download row-download--failed"
        aria-label="Retry download"
        title={`Retry download: ${failureText(download)}`}
        onClick={() => void downloads.resume(episode.id)}
      >
        <DownloadIcon />
      </button>
    );
  }
  return (
    <RunningButton
      {...common}
      running={{ episodeId: episode.id, state: download.state, bytes: download.bytes, total: download.total }}
      onPause={() => void downloads.pause(episode.id)}
      onResume={() => void downloads.resume(episode.id)}
    />
  );
}

function RunningButton({
  running,
  onPause,
  onResume,
  ...common
}: {
  running: Running;
  onPause: () => void;
  onResume: () => void;
  type: 'button';
  'aria-describedby': string;
  tabIndex: number;
}) {
  const { words, percent } = useRunningWords(running);
  const paused = running.state === 'paused';
  const name = paused ? 'Resume download' : 'Pause download';
  return (
    <button
      {...common}
      className={`icon-button icon-button--small episode-row__action row-download row-download--${running.state}`}
      aria-label={name}
      title={`${words} · ${name}`}
      onClick={paused ? onResume : onPause}
    >
      <span className="row-download__ring" style={{ '--percent': `${percent}%` } as CSSProperties} aria-hidden="true" />
      {paused ? <ResumeIcon /> : <PauseSmallIcon />}
    </button>
  );
}
