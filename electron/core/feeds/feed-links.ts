/**
 * The feeds a web page names in its head: `<link rel="alternate" type="application/rss+xml" href>`
 * (or atom+xml), the autodiscovery convention podcast sites and blogs follow. Read with htmlparser2
 * (a forgiving HTML tokenizer, no DOM), hrefs resolved against the page's address or its <base href>.
 */
import { Parser } from 'htmlparser2';
import type { FeedLink } from '../../../shared/types.js';

const feedTypes: Record<string, FeedLink['kind']> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
};

/** At most this many links are offered: a page listing hundreds is a directory, not a show's page. */
const maxLinks = 50;

/** The page's feed links in document order, absolute http(s) URLs, each once. */
export function findFeedLinks(html: string, pageUrl: string): FeedLink[] {
  let base = pageUrl;
  let baseSeen = false;
  const links: FeedLink[] = [];
  const seen = new Set<string>();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Only the first <base href> counts, as in browsers.
        if (name === 'base' && !baseSeen && attributes.href !== undefined) {
          baseSeen = true;
          base = resolve(attributes.href, pageUrl) ?? pageUrl;
          return;
        }
        if (name !== 'link' || links.length >= maxLinks) return;
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        const type = (attributes.type ?? '').toLowerCase().split(';')[0]!.trim();
        const kind = feedTypes[type];
        const href = attributes.href?.trim();
        if (!rel.includes('alternate') || !kind || !href) return;
        const url = resolve(href, base);
        if (!url || seen.has(url)) return;
        seen.add(url);
        const title = attributes.title?.trim();
        links.push(title ? { url, title, kind } : { url, kind });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return links;
}

/** `href` made absolute against `base`; undefined unless it is http(s). */
function resolve(href: string, base: string): string | undefined {
  try {
    const url = new URL(href, base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
