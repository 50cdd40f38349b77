/** The data Earmark knows about. Plain JSON: these cross IPC and HTTP unchanged. */

export interface Feed {
  /** Stable id, fixed at subscribe time (survives URL changes). */
  id: string;
  /** Where the feed is fetched from now; follows permanent redirects and itunes:new-feed-url. */
  url: string;
  title: string;
  description: string;
  link?: string;
  artwork?: string;
  /**
   * The show's artwork as kept in the data folder: a path on the app's own origin
   * (`/artwork/<feed id>?v=…`) that works offline. Absent until it has been fetched once.
   */
  localArtwork?: string;
  author?: string;
  /** ISO time of the last sync that reached the server (200 or 304). */
  lastSyncedAt?: string;
  /** Why the last sync failed, in words; absent when it succeeded. */
  lastError?: string;
  /** The server answered 410 Gone: Earmark stops asking. */
  gone?: boolean;
  /** Episodes come from the offline snapshot shipped with the app, not from the network. */
  snapshot?: boolean;
  /**
   * The last sync read the feed only by getting past mistakes in its XML (an undefined entity, a
   * stray "&", a control character): what they were and where, in words. Absent when it was well-formed.
   */
  readWithRepairs?: string;
}

export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

export interface Episode {
  /** Stable id from the feed id + GUID (or enclosure URL when there is no GUID). */
  id: string;
  feedId: string;
  guid?: string;
  title: string;
  /** ISO date. */
  publishedAt?: string;
  durationSeconds?: number;
  enclosure?: Enclosure;
  /** Untrusted HTML from the feed; the renderer sanitizes it before display. */
  showNotesHtml: string;
  link?: string;
  episodeNumber?: number;
  seasonNumber?: number;
  artwork?: string;
  /** podcast:chapters: URL of a JSON chapters file (fetched by the chapters feature, not by sync). */
  chaptersUrl?: string;
  /** Podlove Simple Chapters carried in the feed, sorted by start. */
  pscChapters?: PscChapter[];
  /** The episode is no longer in the feed; kept because local data may hang on it. */
  goneFromFeed?: boolean;
}

/** One Podlove simple chapter (psc:chapter); start in seconds, parsed from Normal Play Time. */
export interface PscChapter {
  start: number;
  title: string;
  href?: string;
  image?: string;
}

/** What the listener did with an episode. */
export interface EpisodeState {
  /** Seconds from the start. */
  position: number;
  played: boolean;
  updatedAt: string;
  /** ISO time it was (last) marked played; absent while unplayed. */
  playedAt?: string;
}

/** An episode as lists show it: catalogue data plus listening state and its download, if any. */
export interface EpisodeWithState extends Episode {
  state: EpisodeState;
  download?: Download;
  /** The listener has written at least one note on this episode. */
  hasNotes: boolean;
}

/** Which episodes listEpisodes / countEpisodes return. */
export type EpisodeStateFilter = 'unplayed' | 'downloaded' | 'has-notes' | 'in-progress';

/** What Earmark remembers between runs: the episode last listened to (absent on a fresh install). */
export interface Session {
  lastEpisode: EpisodeWithState | null;
}

export type Theme = 'system' | 'light' | 'dark';

export interface Settings {
  skipBackSeconds: number;
  skipForwardSeconds: number;
  playbackRate: number;
  theme: Theme;
  /** "Mark what I just heard" stamps a note this many seconds back. */
  markBackSeconds: number;
  /** Downloads running at once. */
  downloadConcurrency: number;
  /** Shows whose new episodes download by themselves (none by default). */
  autoDownloadFeedIds: string[];
  /** Keep only the newest N downloads of each show; null keeps all. */
  keepNewestPerShow: number | null;
  /** Delete a played episode's download this many days after it was played; null never. */
  deletePlayedAfterDays: number | null;
  /** Cap on all downloads together, in MB; played ones go first, oldest-played first. null: no cap. */
  maxStorageMb: number | null;
  /** Mark an episode played when playback reaches its end (or its last 15 seconds). */
  markPlayedAtEnd: boolean;
  /** Refresh every feed in the background this often; 0 turns it off. */
  refreshIntervalMinutes: number;
  /** Show an OS notification when a background sync finds new episodes (the newEpisodes event). */
  notifyNewEpisodes: boolean;
  /** Playback speed per show (feed id → 0.5–3); shows not listed use playbackRate. */
  speedByFeed: Record<string, number>;
  /** Leave played episodes out of the episode list. */
  hidePlayed: boolean;
  /** When an episode ends, play the first one in the queue ("Up next"). */
  autoPlayNext: boolean;
}

export const defaultSettings: Settings = {
  skipBackSeconds: 15,
  skipForwardSeconds: 30,
  playbackRate: 1,
  theme: 'system',
  markBackSeconds: 10,
  downloadConcurrency: 2,
  autoDownloadFeedIds: [],
  keepNewestPerShow: null,
  deletePlayedAfterDays: null,
  maxStorageMb: null,
  markPlayedAtEnd: true,
  refreshIntervalMinutes: 60,
  notifyNewEpisodes: false,
  speedByFeed: {},
  hidePlayed: false,
  autoPlayNext: true,
};

/** A message for the user about something that happened outside a request (e.g. a store was repaired). */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  text: string;
  at: string;
}

export interface SyncResult {
  feedId: string;
  ok: boolean;
  /** Nothing changed on the server (HTTP 304). */
  notModified?: boolean;
  added: number;
  updated: number;
  /** Present when ok is false: what went wrong, in words. */
  error?: string;
}

// --- Finding a show (issue 12) ---

/** A show found in the podcast directory (Apple's iTunes Search API, or another endpoint answering alike). */
export interface DirectoryShow {
  /** The directory's own id for the show (iTunes collectionId). */
  id: string;
  title: string;
  author?: string;
  /** The feed to subscribe to. Results without one are left out. */
  feedUrl: string;
  artwork?: string;
  /** How many episodes the directory knows of. */
  episodeCount?: number;
  /** The show is already in the library (matched by its feed address). */
  inLibrary: boolean;
}

/** What a directory search found; `term` is the words searched for, as the service read them. */
export interface DirectorySearch {
  term: string;
  shows: DirectoryShow[];
}

/** A feed a web page links to with <link rel="alternate" type="application/rss+xml|atom+xml">. */
export interface FeedLink {
  /** Absolute (resolved against the page). */
  url: string;
  /** The link's title attribute, when it has one. */
  title?: string;
  kind: 'rss' | 'atom';
}

/** subscribe's usual answer: the show subscribed to, or found already in the library. */
export interface Subscribed {
  feed: Feed;
  result: SyncResult;
  /** The show was in the library before this call (its sync ran again). */
  alreadySubscribed: boolean;
  /** The address was a web page; the one feed it links to was subscribed to. */
  foundOnPage?: string;
}

/** subscribe's answer for a web page that links to several feeds: the listener picks one. */
export interface FeedChoice {
  pageUrl: string;
  choices: FeedLink[];
}

export type SubscribeAnswer = Subscribed | FeedChoice;

// --- Downloads (issue 3) ---

/** Where one episode's download stands. "paused" is the listener's choice; an app restart keeps queued ones queued. */
export type DownloadState = 'queued' | 'downloading' | 'paused' | 'completed' | 'failed' | 'cancelled';

/** One episode's download as the UI sees it. File names and HTTP validators stay in the service. */
export interface Download {
  episodeId: string;
  feedId: string;
  /** The enclosure URL as the feed gave it (redirects are followed afresh on every attempt). */
  url: string;
  state: DownloadState;
  /** Bytes on disk so far (the whole file once completed). */
  bytes: number;
  /** The file's size once known (server headers, else the feed's enclosure length). */
  total?: number;
  /** Why it failed, in words; present only in the failed state. */
  error?: string;
  /** A warning about a completed file, in words (its size is far from what the feed announced). */
  note?: string;
  /** ISO time it was (last) queued. */
  queuedAt: string;
  /** ISO time it completed. */
  completedAt?: string;
}

/** A running download's progress, sent at most four times a second per download. */
export interface DownloadProgress {
  episodeId: string;
  bytes: number;
  total?: number;
  /** Smoothed bytes per second. */
  speed: number;
  /** Seconds left at the current speed; absent while the total or speed is unknown. */
  etaSeconds?: number;
}

/** Storage rules (AntennaPod #2077, #5236). An absent rule does nothing. */
export interface StorageRules {
  /** Keep only the newest N completed downloads of each show. */
  keepNewestPerShow?: number;
  /** Delete a played episode's download this many days after it was played. */
  deletePlayedAfterDays?: number;
  /** Total size of all downloads; played ones are evicted, oldest-played first, to get under it. */
  maxTotalBytes?: number;
}

/** Disk used by completed downloads, in total and per show (feed id). */
export interface StorageUsage {
  totalBytes: number;
  byFeed: Record<string, number>;
}

// --- Notes (issue 5) ---

/** A timestamped note, keyed by the episode's stable id; independent of the catalogue (survives re-syncs). */
export interface Note {
  id: string;
  episodeId: string;
  /** Seconds from the start of the episode. */
  at: number;
  /** May be empty: "mark what I just heard" creates a note to fill in later. */
  text: string;
  /** ISO times. */
  createdAt: string;
  updatedAt: string;
  /** The audio the note was taken against, so a changed enclosure can be detected later. */
  enclosureUrl?: string;
  enclosureLength?: number;
}

// --- Chapters (issue 4) ---

/** Where a chapter list came from, in the order the chapters service prefers them. */
export type ChapterSource = 'podcast-chapters' | 'psc' | 'embedded' | 'show-notes';

/** One chapter of an episode; start (and end) in seconds from the start of the audio. */
export interface Chapter {
  start: number;
  title: string;
  /** Where the chapter ends, when the source says so (Podcasting 2.0 endTime, ID3 CHAP, MP4). */
  end?: number;
  /** A web page about the chapter (http/https only). */
  href?: string;
  /** Chapter artwork (http/https only). */
  image?: string;
  source?: ChapterSource;
}

/** Search across notes, show notes and chapter titles: one group per episode. */
export type SearchHitKind = 'note' | 'title' | 'chapter' | 'show-notes';

export interface SearchHit {
  kind: SearchHitKind;
  /** Where to open the episode: the note's time, the chapter's start, or 0 for the title and show notes. */
  at: number;
  /** Text around the match, "…" where cut. */
  snippet: string;
  /** The match's [start, end) within snippet, for highlighting. */
  match: [number, number];
  /** The whole query matched as a phrase (otherwise every word matched somewhere in the item). */
  exact: boolean;
  noteId?: string;
}

export interface SearchGroup {
  episodeId: string;
  /** Absent when the episode is no longer in the library (its notes are kept). */
  title?: string;
  hits: SearchHit[];
  /** Matches in this episode beyond the hits returned. */
  moreHits: number;
}
