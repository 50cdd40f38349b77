import type { SyncResult } from '../../../shared/types.js';
import type { AppContext } from '../area.js';
import type { LibraryArea } from '../library/library-area.js';
import { downloadHandlers } from './download-handlers.js';
import { DownloadManager } from './download-manager.js';
import { downloadPolicy } from './download-policy.js';
import { downloadsStore } from './download-store.js';

/** Downloads: the queue and its files, the storage rules, and auto-download after a sync. */
export function downloadsArea(context: AppContext, library: LibraryArea) {
  const { events } = context;
  const downloads = new DownloadManager({
    dataDir: context.dataDir,
    store: context.open(downloadsStore),
    // Files whose records were lost are matched back to their episodes (media-sweep.ts).
    knownEpisodes: () => library.catalogue.episodes(),
    onNotice: (text) => context.notices.add('warning', text),
    // Downloads stop themselves on close (paused, to resume), so they get the plain client.
    ...(context.plainFetch ? { fetch: context.plainFetch } : {}),
    now: context.now,
    concurrency: () => library.settings.get().downloadConcurrency,
    onChange: (download) => {
      events.emit('downloadChanged', download);
      if (download.state === 'completed') void policy.applyStorageRules();
    },
    onProgress: (progress) => events.emit('downloadProgress', progress),
    onRemoved: (episodeId) => events.emit('downloadRemoved', { episodeId }),
  });
  const policy = downloadPolicy(downloads, library, context.now, context.log);
  events.subscribe((event, payload) => {
    if (event !== 'syncResult' || !(payload as SyncResult).ok) return;
    policy.autoDownload(payload as SyncResult);
    void policy.applyStorageRules();
  });

  return {
    handlers: downloadHandlers(downloads, library.catalogue),
    downloads,
    policy,
    /** Downloads interrupted by the last close or a crash go on. */
    start: () => downloads.resume(),
    /** Running downloads pause, to resume at the next start. */
    stop: () => downloads.close(),
  };
}

export type DownloadsArea = ReturnType<typeof downloadsArea>;
