/**
 * The one contract between the renderer and Earmark's services. Each method has a zod input
 * schema (validated once, in dispatch) and an output type. Adding a capability = one entry here
 * + one handler in electron/core + UI. Both transports (Electron IPC, browser-host HTTP) carry
 * exactly these methods and events, nothing else.
 */
import { z } from 'zod';
import type {
  Chapter,
  DirectorySearch,
  Download,
  EpisodeState,
  EpisodeWithState,
  Feed,
  Note,
  Notice,
  SearchGroup,
  Session,
  Settings,
  StorageUsage,
  SubscribeAnswer,
  SyncResult,
  TranscriptResult,
} from './types.js';
import { MAX_QUOTE_CHARS } from './transcript-cues.js';
import { withScheme } from './feed-address.js';

// The events (shared/events.ts) and what crosses a transport (shared/transport.ts) are imported from here.
export type { EarmarkEvents, EventName } from './events.js';
export { eventNames } from './events.js';
export type { EarmarkApi, EarmarkBridge, Envelope, ErrorCode } from './transport.js';

/** The largest request body the browser host reads for a method that declares no limit of its own. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Declares a method: the input schema now, the output type as a phantom for the compiler, and the
 * largest request body the browser host reads for it (a method that takes a whole file sets its own).
 */
const method =
  <Output>() =>
  <Input extends z.ZodType>(input: Input, limits: { maxBodyBytes?: number } = {}) => ({
    input,
    output: undefined as unknown as Output,
    maxBodyBytes: limits.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });

/**
 * A file's text sent as one string field: the body limit follows from the content's limit. zod counts
 * UTF-16 units, and JSON.stringify writes each as at most 3 UTF-8 bytes (an escape such as \" or \n
 * is 2, a character past U+07FF is 3). Only other control characters and lone surrogates take 6
 * (\u0001), and text files don't hold them. Plus 1 KB for the object around the string.
 */
const fileText = (maxChars: number) => ({
  schema: z.object({ content: z.string().max(maxChars) }).strict(),
  limits: { maxBodyBytes: maxChars * 3 + 1024 },
});
const opmlFile = fileText(20_000_000);
const notesExportFile = fileText(50_000_000);

const episodeId = z.string().min(1).max(200);
const noteId = z.string().min(1).max(200);
/** Seconds; 48 hours is longer than any episode. */
const noteTime = z.number().min(0).max(172_800);
const noteText = z.string().max(100_000);
const noteQuote = z.string().max(MAX_QUOTE_CHARS);
const feedId = z.string().min(1).max(200);
/** Playback speed: 0.5–3× (pitch is kept by the player). */
const speed = z.number().min(0.5).max(3);
/** listEpisodes and countEpisodes filter alike. */
const episodeFilter = {
  feedId: feedId.optional(),
  /** Words that must all appear in the title. */
  text: z.string().max(200).optional(),
  state: z.enum(['unplayed', 'downloaded', 'has-notes', 'in-progress']).optional(),
  /** Leave out played episodes (the UI passes the hidePlayed setting). */
  hidePlayed: z.boolean().optional(),
  /** Only these episodes (the Downloads view names the episodes of its downloads); unknown ids are left out. */
  ids: z.array(episodeId).max(10_000).optional(),
};
/** EpisodeWithState[] in queue order. */
type QueueList = EpisodeWithState[];

export const contract = {
  /** All subscribed feeds with their last sync status. */
  listFeeds: method<Feed[]>()(z.object({}).strict()),
  /** Episodes with listening state, newest first (or oldest), optionally filtered by show, title words and state, paged. */
  listEpisodes: method<EpisodeWithState[]>()(
    z
      .object({
        ...episodeFilter,
        sort: z.enum(['newest', 'oldest']).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
  ),
  /** How many episodes listEpisodes would return for these filters without paging. */
  countEpisodes: method<number>()(z.object(episodeFilter).strict()),
  /** One episode with its state, or a not-found error. */
  getEpisode: method<EpisodeWithState>()(z.object({ id: episodeId }).strict()),
  /**
   * Subscribes to a feed by URL (https:// added when the address has no scheme) and syncs it once; a web
   * page's one linked feed is subscribed to instead, and a page linking to several answers them to pick from.
   */
  subscribe: method<SubscribeAnswer>()(
    z
      .object({
        url: z
          .string()
          .max(4000)
          .transform(withScheme)
          .pipe(
            z
              .string()
              .url()
              .refine((u) => /^https?:\/\//i.test(u), 'Only http and https feeds are supported'),
          ),
      })
      .strict(),
  ),
  /** Searches the podcast directory (Apple's iTunes Search API by default) for shows by name. */
  searchDirectory: method<DirectorySearch>()(
    z
      .object({
        term: z.string().trim().min(1).max(200),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  /** Syncs every feed (or one); progress and results also arrive as events. */
  refreshFeeds: method<SyncResult[]>()(z.object({ feedId: z.string().optional() }).strict()),
  /** Saves position / played (position saves set the session's episode; `ended` or the last 15 s mark played per markPlayedAtEnd). */
  setEpisodeState: method<EpisodeState>()(
    z
      .object({
        id: episodeId,
        position: z.number().min(0).max(1e6).optional(),
        played: z.boolean().optional(),
        ended: z.boolean().optional(),
      })
      .strict(),
  ),
  /** What to reopen on start: the episode listened to last (null on a fresh install or when it is gone). */
  getSession: method<Session>()(z.object({}).strict()),
  /** Unsubscribes from a show: its episodes leave the library; notes and listening state are kept; downloads go only if asked. */
  unsubscribe: method<{ removedEpisodes: number; removedDownloads: number }>()(
    z.object({ feedId, deleteDownloads: z.boolean() }).strict(),
  ),
  /** Subscribes to the new feeds of an OPML file; they sync in the background (syncResult events, a notice for failures). */
  importOpml: method<{ added: number; skipped: number; failed: { url: string; error: string }[] }>()(
    opmlFile.schema,
    opmlFile.limits,
  ),
  /** Every subscription as an OPML 2.0 file, ready to save. */
  exportOpml: method<{ fileName: string; mimeType: string; content: string }>()(z.object({}).strict()),

  /** "Up next": the queued episodes in play order. */
  getQueue: method<QueueList>()(z.object({}).strict()),
  /** Queues an episode to play next or last (an episode already queued moves there); returns the queue. */
  addToQueue: method<QueueList>()(z.object({ episodeId, position: z.enum(['next', 'end']).optional() }).strict()),
  /** Takes an episode out of the queue; returns the queue. */
  removeFromQueue: method<QueueList>()(z.object({ episodeId }).strict()),
  /** Moves a queued episode to an index (clamped; drag and drop, or ±1 from the keyboard); returns the queue. */
  moveInQueue: method<QueueList>()(z.object({ episodeId, toIndex: z.number().int().min(0).max(100_000) }).strict()),
  /** Auto-advance: drops the finished episode from the queue, takes the first queued one off it and returns it (null when empty). */
  advanceQueue: method<EpisodeWithState | null>()(z.object({ finishedEpisodeId: episodeId.optional() }).strict()),
  /** The current settings. */
  getSettings: method<Settings>()(z.object({}).strict()),
  /** Changes some settings; returns all of them. */
  updateSettings: method<Settings>()(
    z
      .object({
        skipBackSeconds: z.number().int().min(1).max(300).optional(),
        skipForwardSeconds: z.number().int().min(1).max(300).optional(),
        playbackRate: speed.optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        markBackSeconds: z.number().int().min(0).max(120).optional(),
        downloadConcurrency: z.number().int().min(1).max(6).optional(),
        autoDownloadFeedIds: z.array(z.string().max(200)).max(1000).optional(),
        keepNewestPerShow: z.number().int().min(1).max(500).nullable().optional(),
        deletePlayedAfterDays: z.number().int().min(1).max(365).nullable().optional(),
        maxStorageMb: z.number().int().min(100).max(10_000_000).nullable().optional(),
        markPlayedAtEnd: z.boolean().optional(),
        refreshIntervalMinutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60)
          .optional(),
        notifyNewEpisodes: z.boolean().optional(),
        /** Replaces the whole map: send every show's speed. */
        speedByFeed: z
          .record(feedId, speed)
          .refine((map) => Object.keys(map).length <= 1000, 'At most 1000 shows')
          .optional(),
        hidePlayed: z.boolean().optional(),
        autoPlayNext: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Messages for the user about things that happened outside a request (e.g. a repaired store). */
  listNotices: method<Notice[]>()(z.object({}).strict()),
  /** Dismisses one notice. */
  dismissNotice: method<null>()(z.object({ id: z.string() }).strict()),

  /** Every download: queued, running, paused, failed and completed. */
  listDownloads: method<Download[]>()(z.object({}).strict()),
  /** Downloads an episode for offline listening (queued behind the running ones). */
  downloadEpisode: method<Download>()(z.object({ episodeId }).strict()),
  /** Pauses a running or queued download; the part already fetched is kept. */
  pauseDownload: method<Download>()(z.object({ episodeId }).strict()),
  /** Continues a paused, failed or cancelled download from where it stopped. */
  retryDownload: method<Download>()(z.object({ episodeId }).strict()),
  /** Stops a download and deletes what was fetched. */
  cancelDownload: method<Download>()(z.object({ episodeId }).strict()),
  /** Deletes a downloaded episode's file (notes and listening state stay). */
  removeDownload: method<null>()(z.object({ episodeId }).strict()),
  /** Disk used by downloads, in total and per show. */
  getStorageUsage: method<StorageUsage>()(z.object({}).strict()),

  /** The episode's chapters from the best source it has (chapters JSON, psc, the downloaded file, show notes). */
  getChapters: method<Chapter[]>()(z.object({ episodeId }).strict()),
  /** The episode's transcript (fetched once, then kept offline), why it could not be read, or none. */
  getTranscript: method<TranscriptResult>()(z.object({ episodeId }).strict()),

  /** The episode's notes, in time order. */
  listNotes: method<Note[]>()(z.object({ episodeId }).strict()),
  /**
   * Adds a note at a moment of the episode (text may be empty: "mark what I just heard"). Without a
   * quote, the transcript's words at that moment are quoted when the episode has one.
   */
  addNote: method<Note>()(z.object({ episodeId, at: noteTime, text: noteText, quote: noteQuote.optional() }).strict()),
  /** Changes a note's text or time. */
  updateNote: method<Note>()(z.object({ id: noteId, text: noteText.optional(), at: noteTime.optional() }).strict()),
  /** Deletes a note and returns it, so the UI can offer undo. */
  deleteNote: method<Note>()(z.object({ id: noteId }).strict()),
  /** Puts a deleted note back exactly as it was (undo). */
  restoreNote: method<Note>()(
    z
      .object({
        note: z
          .object({
            id: noteId,
            episodeId,
            at: noteTime,
            text: noteText,
            createdAt: z.string().max(40),
            updatedAt: z.string().max(40),
            enclosureUrl: z.string().max(4000).optional(),
            enclosureLength: z.number().int().min(0).optional(),
            quote: noteQuote.optional(),
          })
          .strict(),
      })
      .strict(),
  ),
  /** Searches note text, show notes, chapter titles and transcripts of every episode; results grouped by episode. */
  search: method<SearchGroup[]>()(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }).strict(),
  ),
  /** Notes of one episode (or all) as Markdown or Earmark's JSON, ready to save as a file. */
  exportNotes: method<{ fileName: string; mimeType: string; content: string }>()(
    z.object({ episodeId: episodeId.optional(), format: z.enum(['markdown', 'json']) }).strict(),
  ),
  /** Imports an Earmark notes JSON export; notes already present are skipped. */
  importNotes: method<{ added: number; skipped: number }>()(notesExportFile.schema, notesExportFile.limits),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (before validation and defaults). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation). */
export type ValidInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Every method's name, in the contract's order: both transports expose exactly these. */
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
