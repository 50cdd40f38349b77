/**
 * The contract's method and event names as plain data, without zod, so the Electron preload can
 * expose exactly these and nothing else. shared/api.ts checks at compile time that they match.
 */
export const methodNames = [
  'listFeeds',
  'listEpisodes',
  'countEpisodes',
  'getEpisode',
  'subscribe',
  'searchDirectory',
  'refreshFeeds',
  'setEpisodeState',
  'getSession',
  'unsubscribe',
  'importOpml',
  'exportOpml',
  'getQueue',
  'addToQueue',
  'removeFromQueue',
  'moveInQueue',
  'advanceQueue',
  'getSettings',
  'updateSettings',
  'listNotices',
  'dismissNotice',
  'listDownloads',
  'downloadEpisode',
  'pauseDownload',
  'retryDownload',
  'cancelDownload',
  'removeDownload',
  'getStorageUsage',
  'getChapters',
  'listNotes',
  'addNote',
  'updateNote',
  'deleteNote',
  'restoreNote',
  'search',
  'exportNotes',
  'importNotes',
] as const;

export const eventNames = [
  'syncProgress',
  'syncResult',
  'libraryChanged',
  'notice',
  'notesChanged',
  'downloadChanged',
  'downloadProgress',
  'downloadRemoved',
  'chaptersChanged',
  'openLink',
  'queueChanged',
  'newEpisodes',
  'menuCommand',
  'appQuitting',
] as const;

/** IPC channel of a method; one per method, never a generic one. */
export const methodChannel = (method: string): string => `earmark:${method}`;
/** IPC channel on which main pushes every event. */
export const eventChannel = 'earmark:event';
