import type { Settings, StorageRules } from '../../../shared/types.js';
import { EarmarkError, type Handlers } from '../dispatch.js';
import type { Catalogue } from '../library/catalogue.js';
import type { DownloadManager } from './download-manager.js';

const notDownloading = () => new EarmarkError('not-found', 'That episode has no download.');

/** The downloads area of the contract. */
export function downloadHandlers(downloads: DownloadManager, catalogue: Catalogue) {
  return {
    listDownloads: () => downloads.list(),
    downloadEpisode: ({ episodeId }) => {
      const episode = catalogue.episodeOrThrow(episodeId);
      if (!episode.enclosure) throw new EarmarkError('failed', 'This episode has no audio file to download.');
      return downloads.enqueue({ id: episode.id, feedId: episode.feedId, enclosure: episode.enclosure });
    },
    pauseDownload: async ({ episodeId }) => (await downloads.pause(episodeId)) ?? throwIt(notDownloading()),
    retryDownload: ({ episodeId }) => downloads.retry(episodeId) ?? throwIt(notDownloading()),
    cancelDownload: async ({ episodeId }) => (await downloads.cancel(episodeId)) ?? throwIt(notDownloading()),
    removeDownload: async ({ episodeId }) => {
      if (!(await downloads.remove(episodeId))) throw notDownloading();
      return null;
    },
    getStorageUsage: () => downloads.usage(),
  } satisfies Partial<Handlers>;
}

/** The storage rules as the download manager takes them, from the settings. */
export function storageRulesOf(settings: Settings): StorageRules {
  return {
    keepNewestPerShow: settings.keepNewestPerShow ?? undefined,
    deletePlayedAfterDays: settings.deletePlayedAfterDays ?? undefined,
    maxTotalBytes: settings.maxStorageMb === null ? undefined : settings.maxStorageMb * 1024 * 1024,
  };
}

function throwIt(error: Error): never {
  throw error;
}
