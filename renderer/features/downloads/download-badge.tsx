/** The library row's small download indicator: an icon, with its meaning in words for screen readers. */
import type { CSSProperties } from 'react';
import type { EpisodeWithState } from '../../../shared/types';
import { AlertIcon, DownloadIcon } from '../../components/icons';
import { useDownloadProgress, useDownloads } from './downloads-context';
import { percentOf } from './download-words';

export function DownloadBadge({ episode }: { episode: Pick<EpisodeWithState, 'id' | 'download'> }) {
  const download = useDownloads().of(episode);
  if (!download || download.state === 'cancelled') return null;
  if (download.state === 'completed') {
    return (
      <span className="download-badge download-badge--done" title="Downloaded">
        <DownloadIcon className="icon icon--inline" />
        <span className="visually-hidden">Downloaded</span>
      </span>
    );
  }
  if (download.state === 'failed') {
    return (
      <span className="download-badge download-badge--failed" title={download.error}>
        <AlertIcon />
        <span className="visually-hidden">Download failed</span>
      </span>
    );
  }
  return (
    <RunningBadge episodeId={download.episodeId} state={download.state} bytes={download.bytes} total={download.total} />
  );
}

function RunningBadge({
  episodeId,
  state,
  bytes,
  total,
}: {
  episodeId: string;
  state: 'queued' | 'downloading' | 'paused';
  bytes: number;
  total?: number;
}) {
  const progress = useDownloadProgress(episodeId);
  const percent = percentOf(progress?.bytes ?? bytes, progress?.total ?? total) ?? 0;
  const words = state === 'queued' ? 'Waiting to download' : state === 'paused' ? 'Download paused' : 'Downloading';
  return (
    <span className={`download-badge download-badge--${state}`} title={`${words}, ${percent}%`}>
      <span
        className="download-badge__ring"
        style={{ '--percent': `${percent}%` } as CSSProperties}
        aria-hidden="true"
      />
      <span className="visually-hidden">
        {words}, {percent}%
      </span>
    </span>
  );
}
