// Contract types for finding a show (issue 12): directory search results, feeds a page links to, subscribe's answers.
import type { Feed, SyncResult } from './library-types.js';

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
