/**
 * The events pushed from Earmark's services to every open window, with their payloads, and their names
 * as data. Both transports carry exactly these (IPC on earmark:event, the browser host's SSE stream).
 * Re-exported by shared/api.ts.
 */
import type { Download, DownloadProgress, Notice, SyncResult } from './types.js';
import type { MenuCommand } from './menu-commands.js';

/** Events pushed from services to every open window. */
export interface EarmarkEvents {
  /** A feed sync started or moved on. */
  syncProgress: { feedId: string; url: string; phase: 'fetching' | 'parsing' | 'saving' };
  /** A feed sync finished, well or badly. */
  syncResult: SyncResult;
  /** Feeds or episodes changed; lists should reload. */
  libraryChanged: { feedIds: string[] };
  /** A new notice for the user. */
  notice: Notice;
  /** Notes of an episode changed (added, edited, deleted, imported). */
  notesChanged: { episodeIds: string[] };
  /** A download was queued, started, paused, completed or failed. */
  downloadChanged: Download;
  /** A running download moved on (at most four times a second). */
  downloadProgress: DownloadProgress;
  /** A download and its file are gone (removed by the user or a storage rule). */
  downloadRemoved: { episodeId: string };
  /**
   * An episode's chapters may have changed without a sync: its download completed or was removed, or
   * the chapters embedded in its audio on the web were read after getChapters answered. Ask again.
   */
  chaptersChanged: { episodeId: string };
  /**
   * Transcripts a search had no time to read are in memory now: a search asked again answers more.
   * Ask again.
   */
  searchChanged: Record<string, never>;
  /**
   * A listening action was chosen in the Electron app menu or the tray; the renderer runs it like its
   * key. `byKey`: chosen with a keyboard shortcut rather than a click (ignored while the listener types).
   */
  menuCommand: { command: MenuCommand; byKey?: boolean };
  /** The desktop app is quitting: save what is pending (the listening position) now. */
  appQuitting: Record<string, never>;
  /** An earmark://episode/<id>?t=<seconds> link was opened (Electron): show that episode at that moment. */
  openLink: { episodeId: string; t: number };
  /** The queue ("Up next") changed: its episode ids in play order. */
  queueChanged: { episodeIds: string[] };
  /** A sync of a show synced before found new episodes (notify when the notifyNewEpisodes setting is on). */
  newEpisodes: { feedId: string; feedTitle: string; episodes: { id: string; title: string }[] };
}
export type EventName = keyof EarmarkEvents;

/** Every event's name as data (the browser host subscribes to each); checked against EarmarkEvents. */
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
  'searchChanged',
  'openLink',
  'queueChanged',
  'newEpisodes',
  'menuCommand',
  'appQuitting',
] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const eventNamesMatch: Same<(typeof eventNames)[number], EventName> = true;
void eventNamesMatch;
