// Contract types for the library: shows, episodes, what the listener did with them, and a sync's result.
import type { Download } from './download-types.js';
import type { TranscriptLink } from './transcript-types.js';

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
  /** The show's language (<language>, BCP 47 such as `en-us`); transcripts in it are preferred. */
  language?: string;
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
  /** Every <podcast:transcript> of the item; the transcripts feature picks one and fetches it. */
  transcripts?: TranscriptLink[];
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
