import type { StorageRules } from '../../../shared/types.js';
import { dropUndefined } from '../objects.js';
import type { StoredDownload } from './download-store.js';

/** What the rules need to know about one completed download; the app joins catalogue and listening state. */
export interface DownloadFacts {
  episodeId: string;
  feedId: string;
  bytes: number;
  /** ISO: the episode's publication date, which decides "newest". */
  publishedAt?: string;
  /** ISO: when the download completed (stands in for publishedAt when the feed gave none). */
  completedAt?: string;
  played: boolean;
  /** ISO: when it was marked played (the listening state's updatedAt). */
  playedAt?: string;
}

export type EvictionReason = 'played-expired' | 'keep-newest' | 'size-cap';

export interface Eviction {
  episodeId: string;
  reason: EvictionReason;
  bytes: number;
}

export interface EvictionPlan {
  evictions: Eviction[];
  /** Bytes left after the evictions. */
  totalBytesAfter: number;
  /**
   * How far the downloads still exceed maxTotalBytes (0 when within it). Only played episodes are
   * evicted for the cap: unplayed ones are what the listener downloaded to hear, so the app should
   * skip auto-downloads instead while this is positive.
   */
  overCapBytes: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The facts of the completed downloads among `records`, with what `facts` knows of each episode
 * from the catalogue and listening state (publication date, played, when).
 */
export function completedDownloadFacts(
  records: Iterable<StoredDownload>,
  facts: (episodeId: string) => Pick<DownloadFacts, 'publishedAt' | 'played' | 'playedAt'> | undefined,
): DownloadFacts[] {
  const downloads: DownloadFacts[] = [];
  for (const record of records) {
    if (record.state !== 'completed') continue;
    const known = facts(record.episodeId);
    downloads.push(
      dropUndefined({
        episodeId: record.episodeId,
        feedId: record.feedId,
        bytes: record.bytes,
        completedAt: record.completedAt,
        played: known?.played ?? false,
        publishedAt: known?.publishedAt,
        playedAt: known?.playedAt,
      }),
    );
  }
  return downloads;
}

/**
 * Which downloads the storage rules remove, in order: played ones past their days, then the
 * oldest beyond keep-newest-N of each show, then played ones oldest-played first until the total
 * fits the cap. Protected ids (playing now, or with state not yet saved) are never chosen. Pure.
 */
export function planEvictions(
  downloads: readonly DownloadFacts[],
  rules: StorageRules,
  protectedIds: ReadonlySet<string>,
  now: Date,
): EvictionPlan {
  const evicted = new Map<string, Eviction>();
  const evict = (d: DownloadFacts, reason: EvictionReason) => {
    if (!protectedIds.has(d.episodeId) && !evicted.has(d.episodeId))
      evicted.set(d.episodeId, { episodeId: d.episodeId, reason, bytes: d.bytes });
  };

  if (rules.deletePlayedAfterDays !== undefined) {
    const cutoff = now.getTime() - rules.deletePlayedAfterDays * dayMs;
    for (const d of downloads)
      if (d.played && d.playedAt && Date.parse(d.playedAt) <= cutoff) evict(d, 'played-expired');
  }

  if (rules.keepNewestPerShow !== undefined) {
    const byFeed = new Map<string, DownloadFacts[]>();
    for (const d of downloads) byFeed.set(d.feedId, [...(byFeed.get(d.feedId) ?? []), d]);
    for (const list of byFeed.values()) {
      const newestFirst = [...list].sort((a, b) => newness(b) - newness(a));
      for (const d of newestFirst.slice(rules.keepNewestPerShow)) evict(d, 'keep-newest');
    }
  }

  let total = downloads.reduce((sum, d) => sum + (evicted.has(d.episodeId) ? 0 : d.bytes), 0);
  if (rules.maxTotalBytes !== undefined && total > rules.maxTotalBytes) {
    // Never-dated plays sort first: the oldest play we cannot date is still a play.
    const oldestPlayedFirst = downloads
      .filter((d) => d.played && !evicted.has(d.episodeId) && !protectedIds.has(d.episodeId))
      .sort((a, b) => time(a.playedAt) - time(b.playedAt));
    for (const d of oldestPlayedFirst) {
      if (total <= rules.maxTotalBytes) break;
      evict(d, 'size-cap');
      total -= d.bytes;
    }
  }

  return {
    evictions: [...evicted.values()],
    totalBytesAfter: total,
    overCapBytes: rules.maxTotalBytes === undefined ? 0 : Math.max(0, total - rules.maxTotalBytes),
  };
}

function newness(d: DownloadFacts): number {
  return time(d.publishedAt ?? d.completedAt);
}

/** Milliseconds; undated sorts as the distant past. */
function time(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(ms) ? -8.64e15 : ms;
}
