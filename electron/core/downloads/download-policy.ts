import type { SyncResult } from '../../../shared/types.js';
import type { LibraryArea } from '../library/library-area.js';
import { storageRulesOf } from './download-handlers.js';
import type { DownloadManager } from './download-manager.js';

/** An episode listened to within this long is in use: no storage rule deletes it. */
const IN_USE_MS = 30 * 60_000;

/**
 * The rules that span the library and the downloads: the storage rules (never touching the episode
 * being listened to) and new episodes of shows set to download by themselves.
 */
export function downloadPolicy(
  downloads: DownloadManager,
  library: LibraryArea,
  now: () => Date,
  log: (error: unknown) => void,
) {
  const { catalogue, listening, settings } = library;
  let inUse: { id: string; at: number } | undefined;
  return {
    /** The listener saved a position in this episode. */
    listening(episodeId: string): void {
      inUse = { id: episodeId, at: now().getTime() };
    },
    applyStorageRules: (): Promise<void> =>
      downloads
        .applyStorageRules(
          storageRulesOf(settings.get()),
          (id) => {
            const episode = catalogue.episode(id);
            const state = listening.get(id);
            return {
              publishedAt: episode?.publishedAt,
              played: state.played,
              playedAt: state.played ? (state.playedAt ?? state.updatedAt) : undefined,
            };
          },
          new Set(inUse && now().getTime() - inUse.at < IN_USE_MS ? [inUse.id] : []),
        )
        .then(() => undefined)
        .catch(log),
    /** New episodes of a show set to download by themselves, newest first. */
    autoDownload(result: SyncResult): void {
      if (result.added === 0 || !settings.get().autoDownloadFeedIds.includes(result.feedId)) return;
      for (const episode of catalogue.episodes(result.feedId).slice(0, result.added)) {
        if (episode.enclosure && !downloads.get(episode.id)) {
          downloads.enqueue({ id: episode.id, feedId: episode.feedId, enclosure: episode.enclosure });
        }
      }
    },
  };
}
