import type { SyncResult } from '../../../shared/types.js';
import { EarmarkError } from '../dispatch.js';
import type { EventBus } from '../events.js';
import type { Catalogue, StoredFeed } from '../library/catalogue.js';
import { decodeFeedBody } from './decode-body.js';
import { FeedParser } from './feed-parser.js';
import { fetchFeed } from './fetch-feed.js';
import { readFeed, WebPageError, type ReadFeed } from './read-feed.js';
import { feedIdFor } from './stable-id.js';

/** A web page found where a feed should be: its final address (after redirects) and its text. */
export interface WebPage {
  url: string;
  html: string;
}

/** One sync's result, and the page it found instead of a feed, if that is why it failed. */
interface SyncOutcome {
  result: SyncResult;
  webPage?: WebPage;
}

export interface FeedSyncOptions {
  catalogue: Catalogue;
  events: EventBus;
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs: number;
  /** Aborted when the app closes: a sync cut short by that is not the feed's failure, so nothing is recorded. */
  closing?: AbortSignal;
}

/**
 * Subscribes to feeds and keeps them in sync: conditional GET, decode, parse in a worker, map,
 * merge into the catalogue. A failed sync changes nothing but the feed's lastError (and `gone`
 * for 410), so a flaky server can never empty the library.
 */
export class FeedSync {
  private readonly parser = new FeedParser();
  /** One sync per feed at a time: a second caller shares the running one. */
  private readonly running = new Map<string, Promise<SyncOutcome>>();

  constructor(private readonly options: FeedSyncOptions) {}

  /**
   * Adds the feed (or finds it, by current or first URL) and syncs it once. When the first sync of
   * a new feed fails, the feed is dropped again so the library is exactly as it was, unless
   * keepOnFailure (the default show on first run, which falls back to the offline snapshot).
   * `webPage`: the address answered a web page instead of a feed (subscribe looks for its feed links).
   */
  async subscribe(
    url: string,
    { keepOnFailure = false } = {},
  ): Promise<{ feed: StoredFeed; result: SyncResult; webPage?: WebPage }> {
    const { catalogue, events } = this.options;
    const { feedId, isNew } = this.add(url);
    const { result, webPage } = await this.sync(feedId);
    const feed = catalogue.feed(feedId) as StoredFeed;
    // Closing mid-way counts as never subscribed: the next start begins the first run again.
    if (isNew && !result.ok && (!keepOnFailure || this.options.closing?.aborted)) {
      catalogue.removeNewFeed(feedId);
      events.emit('libraryChanged', { feedIds: [feedId] });
    }
    return webPage ? { feed, result, webPage } : { feed, result };
  }

  /** The feed with this URL (current or as first subscribed), if subscribed. */
  findByUrl(url: string): StoredFeed | undefined {
    const { catalogue } = this.options;
    return catalogue.feed(feedIdFor(url)) ?? catalogue.feeds().find((feed) => feed.url === url);
  }

  /**
   * Adds a feed without syncing it (OPML import syncs later, a few at a time), titled by the host
   * name until its first sync unless a title is known. An existing feed is found instead, and one
   * marked gone is given another chance: subscribing again is the user asking to try once more.
   */
  add(url: string, title?: string): { feedId: string; isNew: boolean } {
    const { catalogue, events } = this.options;
    const existing = this.findByUrl(url);
    if (existing) {
      if (existing.gone) catalogue.updateFeed(existing.id, { gone: undefined });
      return { feedId: existing.id, isNew: false };
    }
    const id = feedIdFor(url);
    catalogue.addFeed({ id, url, title: title || hostOf(url), description: '' });
    events.emit('libraryChanged', { feedIds: [id] });
    return { feedId: id, isNew: true };
  }

  /** Syncs one feed, or every feed that is not gone. Feed failures come back as results, never as throws. */
  async refresh(feedId?: string): Promise<SyncResult[]> {
    const { catalogue } = this.options;
    if (feedId !== undefined) {
      if (!catalogue.feed(feedId)) throw new EarmarkError('not-found', 'That feed is not in your library.');
      return [(await this.sync(feedId)).result];
    }
    const feeds = catalogue.feeds().filter((feed) => !feed.gone);
    return Promise.all(feeds.map(async (feed) => (await this.sync(feed.id)).result));
  }

  /**
   * Fills a feed from the offline snapshot shipped with the app (used when the first sync fails).
   * Keeps lastError, so the user still sees why the live feed is missing.
   */
  async loadSnapshot(feedId: string, rssXml: string): Promise<void> {
    const feed = this.options.catalogue.feed(feedId);
    if (!feed) throw new Error(`No feed ${feedId} to load a snapshot into.`);
    const mapped = await readFeed(this.parser, rssXml, { feedId, feedUrl: feed.url });
    this.options.catalogue.mergeEpisodes(feedId, mapped.episodes, { ...mapped.info, snapshot: true });
    this.options.events.emit('libraryChanged', { feedIds: [feedId] });
  }

  async close(): Promise<void> {
    await this.parser.close();
  }

  private sync(feedId: string): Promise<SyncOutcome> {
    const running = this.running.get(feedId);
    if (running) return running;
    const next = this.syncOnce(feedId).finally(() => this.running.delete(feedId));
    this.running.set(feedId, next);
    return next;
  }

  private async syncOnce(feedId: string): Promise<SyncOutcome> {
    const outcome = await this.fetchAndMerge(feedId);
    this.options.events.emit('syncResult', outcome.result);
    return outcome;
  }

  private async fetchAndMerge(feedId: string): Promise<SyncOutcome> {
    let webPage: WebPage | undefined;
    const result = await this.fetchAndMergeOnce(feedId, (page) => (webPage = page));
    return webPage ? { result, webPage } : { result };
  }

  private async fetchAndMergeOnce(feedId: string, foundWebPage: (page: WebPage) => void): Promise<SyncResult> {
    const { catalogue, events, now } = this.options;
    const feed = catalogue.feed(feedId);
    if (!feed) return failure(feedId, 'That feed is not in your library.');
    const progress = (phase: 'fetching' | 'parsing' | 'saving') =>
      events.emit('syncProgress', { feedId, url: feed.url, phase });
    const fail = (message: string, patch: Partial<StoredFeed> = {}) => {
      if (this.options.closing?.aborted) return failure(feedId, 'Earmark was closing.');
      catalogue.updateFeed(feedId, { ...patch, lastError: message });
      events.emit('libraryChanged', { feedIds: [feedId] });
      return failure(feedId, message);
    };

    progress('fetching');
    const fetched = await fetchFeed(feed.url, {
      fetch: this.options.fetch,
      timeoutMs: this.options.timeoutMs,
      etag: feed.etag,
      lastModified: feed.lastModified,
    });
    if (fetched.kind === 'failed') return fail(fetched.message);
    if (fetched.kind === 'gone') return fail(fetched.message, { gone: true });
    if (fetched.kind === 'not-modified') {
      catalogue.updateFeed(feedId, {
        url: fetched.permanentUrl ?? feed.url,
        lastSyncedAt: now().toISOString(),
        lastError: undefined,
        gone: undefined,
      });
      events.emit('libraryChanged', { feedIds: [feedId] });
      return { feedId, ok: true, notModified: true, added: 0, updated: 0 };
    }

    progress('parsing');
    let mapped: ReadFeed;
    let xml = '';
    try {
      xml = decodeFeedBody(fetched.body, fetched.contentType);
      mapped = await readFeed(this.parser, xml, { feedId, feedUrl: fetched.finalUrl });
    } catch (error) {
      if (error instanceof WebPageError) foundWebPage({ url: fetched.finalUrl, html: xml });
      return fail(error instanceof Error ? error.message : String(error));
    }

    progress('saving');
    // Mapping a big feed took a while; let other calls in before the merge (a 200-show import
    // finishes several syncs at once, and their work back to back stalled everything else).
    await new Promise((resolve) => setImmediate(resolve));
    if (this.options.closing?.aborted) return failure(feedId, 'Earmark was closing.');
    const replacingSnapshot = feed.snapshot === true;
    const patch: Partial<StoredFeed> = {
      ...mapped.info,
      url: mapped.newFeedUrl ?? fetched.permanentUrl ?? feed.url,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastSyncedAt: now().toISOString(),
      lastError: undefined,
      gone: undefined,
      snapshot: undefined,
      // Set or cleared by every sync that reads the feed: a publisher's fix clears it.
      readWithRepairs: mapped.repairs,
    };
    const { added, updated, addedIds } = catalogue.mergeEpisodes(feedId, mapped.episodes, patch, {
      dropMissing: replacingSnapshot,
    });
    events.emit('libraryChanged', { feedIds: [feedId] });
    // New to the listener only when the show had synced before: a first sync (or the snapshot's
    // replacement) "adds" the whole back catalogue, which is no news.
    if (addedIds.length > 0 && feed.lastSyncedAt !== undefined && !replacingSnapshot) {
      const merged = catalogue.feed(feedId);
      events.emit('newEpisodes', {
        feedId,
        feedTitle: merged?.title ?? feed.title,
        episodes: addedIds.map((id) => ({ id, title: catalogue.episode(id)?.title ?? '' })),
      });
    }
    return { feedId, ok: true, added, updated };
  }
}

function failure(feedId: string, error: string): SyncResult {
  return { feedId, ok: false, added: 0, updated: 0, error };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
