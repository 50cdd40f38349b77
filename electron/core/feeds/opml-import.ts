import type { SyncResult } from '../../../shared/types.js';
import type { FeedSync } from './feed-sync.js';
import { parseOpml } from './opml.js';

export interface OpmlImportResult {
  /** Feeds subscribed by this import (they sync in the background). */
  added: number;
  /** Already subscribed, or listed twice in the file. */
  skipped: number;
  /** Entries that could not be subscribed at all, with why in words. */
  failed: { url: string; error: string }[];
}

export interface OpmlImport extends OpmlImportResult {
  /** The background syncs of the added feeds; resolves when all are done (never rejects). */
  synced: Promise<SyncResult[]>;
}

/** Podcast-app schemes that mean "this http feed" (iTunes, Apple Podcasts, feed readers). */
const FEED_SCHEMES = /^(feed|itpc|pcast|podcast):(\/\/)?/i;

/**
 * Subscribes to every new feed of an OPML file without waiting for their syncs: a file of 200 shows
 * would otherwise hold the answer for minutes. The syncs run a few at a time (servers and the parser
 * worker are shared), and their outcomes arrive as the usual syncResult events.
 */
export async function importOpml(
  content: string,
  { sync, concurrency = 4 }: { sync: FeedSync; concurrency?: number },
): Promise<OpmlImport> {
  const entries = await parseOpml(content);
  const result: OpmlImportResult = { added: 0, skipped: 0, failed: [] };
  const seen = new Set<string>();
  const toSync: string[] = [];
  for (const entry of entries) {
    const url = feedUrlOf(entry.url);
    if (typeof url !== 'string') {
      result.failed.push({ url: entry.url, error: url.error });
      continue;
    }
    if (seen.has(url) || sync.findByUrl(url)) {
      result.skipped++;
      seen.add(url);
      continue;
    }
    seen.add(url);
    const { feedId } = sync.add(url, entry.title);
    toSync.push(feedId);
    result.added++;
  }
  return { ...result, synced: runLimited(toSync, concurrency, (feedId) => sync.refresh(feedId).then(([r]) => r)) };
}

/** The http(s) address of an OPML entry, or why there is none. */
export function feedUrlOf(raw: string): string | { error: string } {
  const candidate = raw.trim().replace(FEED_SCHEMES, (_match, _scheme, slashes?: string) => (slashes ? 'http://' : ''));
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { error: 'This is not a web address.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `Only http and https feeds are supported (this one is ${url.protocol.replace(':', '')}).` };
  }
  return url.href;
}

/** Runs task over items with at most `limit` at once; results in item order. */
async function runLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R | undefined>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const value = await task(items[index] as T).catch(() => undefined);
      if (value !== undefined) results[index] = value;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results.filter((r) => r !== undefined);
}
