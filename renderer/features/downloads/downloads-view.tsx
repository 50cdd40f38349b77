/**
 * The Downloads view: storage used (in total and per show), the queue with live progress and
 * controls, and the downloaded episodes with "Remove download". Everything here is local: it
 * works with the network gone.
 */
import { useEffect, useState } from 'react';
import type { Download, EpisodeWithState, Feed, Settings, StorageUsage } from '../../../shared/types';
import { api } from '../../api';
import { BackIcon, DownloadIcon } from '../../components/icons';
import { DownloadItem } from './download-item';
import { useDownloads } from './downloads-context';
import { StorageCard } from './storage-card';
import './downloads.css';

interface DownloadsViewProps {
  feeds: Feed[];
  settings: Settings;
  onOpenEpisode: (id: string) => void;
  onBack: () => void;
}

/**
 * The episodes of these downloads (titles, dates), asked of the service by id: the library's list
 * holds only the rows it shows. Asked again when the set of downloads changes.
 */
function useEpisodesOf(ids: string[]): ReadonlyMap<string, EpisodeWithState | null> {
  // null: asked, and no longer in the library; missing: not answered yet.
  const [episodes, setEpisodes] = useState<ReadonlyMap<string, EpisodeWithState | null>>(new Map());
  const key = [...ids].sort().join('\n');
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const asked = key.split('\n');
    api
      .listEpisodes({ ids: asked })
      .then((found) => {
        const byId = new Map(found.map((episode) => [episode.id, episode]));
        if (live) setEpisodes(new Map(asked.map((id) => [id, byId.get(id) ?? null])));
      })
      .catch((error: unknown) => console.warn('Could not read the downloaded episodes', error));
    return () => {
      live = false;
    };
  }, [key]);
  return episodes;
}

const order: Record<Download['state'], number> = {
  downloading: 0,
  queued: 1,
  paused: 2,
  failed: 3,
  completed: 4,
  cancelled: 5,
};

export function DownloadsView({ feeds, settings, onOpenEpisode, onBack }: DownloadsViewProps) {
  const { byId, completedIds } = useDownloads();
  const [usage, setUsage] = useState<StorageUsage>();
  const episodeById = useEpisodesOf([...byId.keys()]);

  // Usage changes when a file completes or goes; progress does not count until then.
  useEffect(() => {
    let live = true;
    api
      .getStorageUsage({})
      .then((fresh) => live && setUsage(fresh))
      .catch((error: unknown) => console.warn('Could not read storage usage', error));
    return () => {
      live = false;
    };
  }, [completedIds]);

  const feedTitle = (id: string) => feeds.find((feed) => feed.id === id)?.title ?? 'Unknown show';
  const all = [...byId.values()].filter((download) => download.state !== 'cancelled');
  // Failed ones wait for the listener (Retry), not for the queue: they get their own group.
  const queue = all
    .filter((download) => download.state !== 'completed' && download.state !== 'failed')
    .sort((a, b) => order[a.state] - order[b.state] || a.queuedAt.localeCompare(b.queuedAt));
  const failed = all
    .filter((download) => download.state === 'failed')
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const done = all
    .filter((download) => download.state === 'completed')
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));

  const total = usage?.totalBytes ?? done.reduce((sum, download) => sum + download.bytes, 0);
  const cap = settings.maxStorageMb === null ? undefined : settings.maxStorageMb * 1024 * 1024;
  const perShow = Object.entries(usage?.byFeed ?? {})
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);

  const row = (download: Download) => (
    <DownloadItem
      key={download.episodeId}
      download={download}
      episode={episodeById.get(download.episodeId)}
      showTitle={feedTitle(download.feedId)}
      onOpenEpisode={onOpenEpisode}
    />
  );

  return (
    <main className="downloads-view">
      <button type="button" className="button button--quiet back-button" onClick={onBack}>
        <BackIcon />
        Back to library
      </button>
      <header className="downloads-header">
        <h1 tabIndex={-1}>Downloads</h1>
        <StorageCard
          totalBytes={total}
          downloaded={done.length}
          capBytes={cap}
          perShow={perShow}
          feedTitle={feedTitle}
        />
      </header>

      {all.length === 0 ? (
        <div className="empty-state downloads-empty">
          <DownloadIcon className="icon downloads-empty__icon" />
          <p className="empty-state__title">No downloads yet</p>
          <p className="muted">
            Open an episode and choose Download to listen without a connection. Downloads appear here.
          </p>
        </div>
      ) : (
        <>
          {queue.length > 0 && (
            <section className="downloads-section" aria-labelledby="queue-heading">
              <h2 id="queue-heading" className="section-heading">
                In progress <span className="section-heading__count">{queue.length}</span>
              </h2>
              <ul className="download-list" aria-label="Download queue">
                {queue.map(row)}
              </ul>
            </section>
          )}
          {failed.length > 0 && (
            <section className="downloads-section" aria-labelledby="failed-heading">
              <h2 id="failed-heading" className="section-heading">
                Failed <span className="section-heading__count">{failed.length}</span>
              </h2>
              <ul className="download-list" aria-label="Failed downloads">
                {failed.map(row)}
              </ul>
            </section>
          )}
          <section className="downloads-section" aria-labelledby="done-heading">
            <h2 id="done-heading" className="section-heading">
              Downloaded <span className="section-heading__count">{done.length}</span>
            </h2>
            {done.length > 0 ? (
              <ul className="download-list" aria-label="Downloaded episodes">
                {done.map(row)}
              </ul>
            ) : (
              <p className="muted">Nothing has finished downloading yet.</p>
            )}
          </section>
        </>
      )}
    </main>
  );
}
