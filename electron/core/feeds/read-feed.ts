import { FeedParseError, type FeedParser } from './feed-parser.js';
import { mapFeed, type MapOptions, type MappedFeed } from './map-feed.js';
import { normalizeNamespacePrefixes } from './namespace-prefixes.js';
import { describeRepairs, describeXmlError } from './xml-problems.js';

/** Why a downloaded document could not become a feed, in words for the user. */
export class FeedReadError extends Error {
  override name = 'FeedReadError';
}

/** The document is a web page (HTML), not a feed: subscribe looks in it for the feeds it links to. */
export class WebPageError extends FeedReadError {
  override name = 'WebPageError';
}

export interface ReadFeed extends MappedFeed {
  /** The feed was not well-formed XML and was read loosely: what was repaired, in words. */
  repairs?: string;
}

/**
 * Decoded feed text → Earmark's feed info and episodes: the one pipeline used by sync, the offline
 * snapshot and the conformance tests. Throws FeedReadError with a sentence for the user.
 */
export async function readFeed(parser: FeedParser, xml: string, options: MapOptions): Promise<ReadFeed> {
  const problem = notAFeed(xml);
  if (problem === webPage) throw new WebPageError(problem);
  if (problem) throw new FeedReadError(problem);
  const text = normalizeNamespacePrefixes(xml);
  try {
    const { feed, repairs } = await parser.parse(text);
    const mapped = mapFeed(feed, options);
    return repairs ? { ...mapped, repairs: describeRepairs(repairs) } : mapped;
  } catch (error) {
    throw new FeedReadError(describeParseError(error, text));
  }
}

const webPage = 'The address gives a web page (HTML), not a podcast feed. Look for the RSS link on that page.';

/** Cheap checks before the worker: an empty answer, or a web page where a feed should be. */
function notAFeed(xml: string): string | undefined {
  const head = xml
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!head) return 'The feed server sent an empty answer instead of a feed.';
  const withoutComments = head.replace(/^(<!--[\s\S]*?-->\s*)+/, '');
  if (/^<!doctype\s+html|^<html[\s>]/i.test(withoutComments)) {
    return webPage;
  }
  return undefined;
}

function describeParseError(error: unknown, xml: string): string {
  if (error instanceof FeedParseError) {
    return error.kind === 'not-feed'
      ? 'The address gives XML, but not an RSS or Atom feed.'
      : describeXmlError(error.message, error.position, xml);
  }
  return `The feed could not be read: ${error instanceof Error ? error.message : String(error)}`;
}
