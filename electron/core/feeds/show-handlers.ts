import type { SyncResult } from '../../../shared/types.js';
import { EarmarkError, type Handlers } from '../dispatch.js';
import type { EventBus } from '../events.js';
import type { Catalogue } from '../library/catalogue.js';
import type { FeedSync } from './feed-sync.js';
import { buildOpml, OpmlError } from './opml.js';
import { importOpml } from './opml-import.js';

export interface ShowHandlerDeps {
  catalogue: Catalogue;
  sync: FeedSync;
  /** Deletes an episode's download; true when there was one. */
  removeDownload: (episodeId: string) => Promise<boolean>;
  events: EventBus;
  now: () => Date;
  /** Tidies what hangs on the feed besides the catalogue (queue, per-show settings). */
  onUnsubscribed: (feedId: string, episodeIds: string[]) => void;
  /** Background syncs of an import are done; failures are in the results. */
  onImportSynced: (results: SyncResult[]) => void;
}

/** Managing shows: unsubscribe, and OPML import and export. */
export function showHandlers(deps: ShowHandlerDeps) {
  const { catalogue, sync, events } = deps;
  return {
    unsubscribe: async ({ feedId, deleteDownloads }) => {
      const episodeIds = catalogue.removeFeed(feedId);
      if (!episodeIds) throw new EarmarkError('not-found', 'That show is not in your library.');
      let removedDownloads = 0;
      if (deleteDownloads) {
        for (const id of episodeIds) if (await deps.removeDownload(id)) removedDownloads++;
      }
      deps.onUnsubscribed(feedId, episodeIds);
      events.emit('libraryChanged', { feedIds: [feedId] });
      return { removedEpisodes: episodeIds.length, removedDownloads };
    },
    importOpml: async ({ content }) => {
      try {
        const { synced, ...result } = await importOpml(content, { sync });
        void synced.then(deps.onImportSynced);
        return result;
      } catch (error) {
        if (error instanceof OpmlError) throw new EarmarkError('failed', error.message);
        throw error;
      }
    },
    exportOpml: () => {
      const feeds = catalogue.feeds().map((feed) => ({ url: feed.url, title: feed.title, htmlUrl: feed.link }));
      return {
        fileName: 'earmark-subscriptions.opml',
        mimeType: 'text/x-opml',
        content: buildOpml(feeds, { title: 'Earmark subscriptions', now: deps.now() }),
      };
    },
  } satisfies Partial<Handlers>;
}
