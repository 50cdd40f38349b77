import type { FeedChoice, SubscribeAnswer } from './types.js';

/**
 * What people type for a feed or web page address, made into an absolute URL: an address without a
 * scheme ("example.com/feed.xml", "//example.com/feed") gets https. Used by the subscribe form and by
 * the contract, so both read an address alike. Anything else is left for the URL check to judge.
 */
export function withScheme(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  if (trimmed.startsWith('//')) return `https:${trimmed}`;
  // A scheme is letters then ":"; "localhost:8080/feed" is a host and port, not the scheme "localhost".
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

/** The page linked to several feeds, and subscribe answered them instead of subscribing. */
export function isFeedChoice(answer: SubscribeAnswer): answer is FeedChoice {
  return 'choices' in answer;
}
