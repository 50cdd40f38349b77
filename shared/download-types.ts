// Contract types for downloads (issue 3): one episode's download, its progress, storage rules and usage.

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
