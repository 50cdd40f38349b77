// Contract types for the settings (with their defaults) and the notices Earmark shows outside any request.

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
