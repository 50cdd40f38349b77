/**
 * subscribe's whole answer: the address is a feed (subscribed), or a show's web page whose
 * `<link rel="alternate">` names its feed (that one subscribed), or a page naming several (offered
 * to pick from). Only a new address is looked into; a show already in the library keeps its usual
 * answer, with the failure on its status line.
 */
import type { Feed, SubscribeAnswer } from '../../../shared/types.js';
import { EarmarkError } from '../dispatch.js';
import type { StoredFeed } from '../library/catalogue.js';
import { findFeedLinks } from './feed-links.js';
import type { FeedSync } from './feed-sync.js';

/** A feed as the renderer sees it: the HTTP validators stay in the service. */
export function publicFeed({ etag: _etag, lastModified: _lastModified, ...feed }: StoredFeed): Feed {
  return feed;
}

export async function subscribeToAddress(sync: FeedSync, url: string): Promise<SubscribeAnswer> {
  const existed = sync.findByUrl(url) !== undefined;
  const { feed, result, webPage } = await sync.subscribe(url);
  if (result.ok || existed) return { feed: publicFeed(feed), result, alreadySubscribed: existed };
  // The bare reason: the caller says "Couldn't subscribe" in its own words.
  if (!webPage) throw new EarmarkError('failed', result.error ?? 'The feed could not be read.');

  const links = findFeedLinks(webPage.html, webPage.url);
  if (links.length === 0) {
    throw new EarmarkError(
      'failed',
      'The address gives a web page (HTML) that names no podcast feed. Look for the RSS link on that page.',
    );
  }
  if (links.length > 1) return { pageUrl: webPage.url, choices: links };
  const [link] = links as [(typeof links)[0]];
  const linkedExisted = sync.findByUrl(link.url) !== undefined;
  // The linked address is subscribed as it is: a page that links to another page is not followed further.
  const linked = await sync.subscribe(link.url);
  if (!linked.result.ok && !linkedExisted) {
    throw new EarmarkError(
      'failed',
      `The web page names the feed ${link.url}, but it could not be read. ${linked.result.error ?? ''}`.trim(),
    );
  }
  return {
    feed: publicFeed(linked.feed),
    result: linked.result,
    alreadySubscribed: linkedExisted,
    foundOnPage: webPage.url,
  };
}
