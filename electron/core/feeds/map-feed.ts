import type { Enclosure, Episode, PscChapter, TranscriptLink } from '../../../shared/types.js';
import { parseTimestamp } from '../../../shared/time.js';
import { dropUndefined } from '../objects.js';
import type { RawFeed, RawItem } from './raw-feed.js';
import { shortHash } from './stable-id.js';

/** Feed-level fields a sync writes onto the stored feed. */
export interface FeedInfo {
  title: string;
  description: string;
  link?: string;
  artwork?: string;
  author?: string;
  /** The show's language tag (`en-us`), which transcripts in it are preferred for. */
  language?: string;
}

export interface MappedFeed {
  info: FeedInfo;
  /** itunes:new-feed-url: the publisher moved the feed; later syncs use this address. */
  newFeedUrl?: string;
  episodes: Episode[];
}

export interface MapOptions {
  feedId: string;
  /** Where the feed was fetched from: the base for relative URLs. */
  feedUrl: string;
}

/** Maps rss-parser's output to Earmark's feed info and episodes. Pure: same input, same output. */
export function mapFeed(raw: RawFeed, { feedId, feedUrl }: MapOptions): MappedFeed {
  const url = (value: unknown) => resolveUrl(value, feedUrl);
  const info: FeedInfo = {
    title: text(raw.title) ?? hostOf(feedUrl),
    description: text(raw.description) ?? text(raw.itunesSummary) ?? text(raw.subtitle) ?? '',
    link: url(raw.link),
    artwork: url(attr(raw.itunesImage, 'href')) ?? url(raw.image?.url) ?? url(raw.logo) ?? url(raw.icon),
    author: text(raw.itunesAuthor) ?? text(raw.creator) ?? text(raw.author),
    language: languageTag(raw.language),
  };
  const newFeedUrl = url(raw.itunesNewFeedUrl);
  const episodes = (raw.items ?? []).flatMap((item) => {
    const episode = mapItem(item, feedId, url);
    return episode ? [episode] : [];
  });
  return { info: dropUndefined(info), newFeedUrl, episodes };
}

function mapItem(item: RawItem, feedId: string, url: (value: unknown) => string | undefined): Episode | undefined {
  const guidNode = first(item.guidNodes);
  const guid = text(guidNode) ?? text(item.guid) ?? text(item.id);
  const enclosure = pickEnclosure(item, url);
  const showNotesHtml = pickShowNotes(item);
  // RSS says a GUID is a permalink unless isPermaLink="false"; only trust that when it is a full web URL.
  const guidLink = attr(guidNode, 'isPermaLink')?.toLowerCase() !== 'false' ? webUrl(guid) : undefined;
  const link = url(item.link) ?? guidLink;
  // An item with nothing to play, open, identify or read is noise (podcastparser drops it too).
  if (!guid && !enclosure && !link && !showNotesHtml) return undefined;
  const publishedAt = isoDate(item.isoDate) ?? isoDate(item.pubDate);
  const title = text(item.title) ?? fileTitle(enclosure?.url) ?? 'Untitled episode';
  const key = guid ?? enclosure?.url ?? link ?? `${title}\n${publishedAt ?? ''}`;
  const duration = parseTimestamp(text(item.itunesDuration));
  return dropUndefined({
    id: shortHash(`${feedId}\n${key}`),
    feedId,
    guid,
    title,
    publishedAt,
    durationSeconds: duration === undefined ? undefined : Math.round(duration),
    enclosure,
    showNotesHtml,
    link,
    episodeNumber: positiveInteger(item.itunesEpisode) ?? positiveInteger(item.podcastEpisode),
    seasonNumber: positiveInteger(item.itunesSeason) ?? positiveInteger(item.podcastSeason),
    artwork:
      url(attr(first(item.itunesImage), 'href')) ??
      url(attr(first(item.mediaThumbnail), 'url')) ??
      url(attr(first(field(first(item.mediaGroup), 'media:thumbnail')), 'url')),
    chaptersUrl: url(attr(first(item.podcastChapters), 'url')),
    pscChapters: pscChapters(item.pscChapters, url),
    transcripts: transcriptLinks(item.podcastTranscript, url),
  });
}

/**
 * The enclosure to play: the first audio or video one (feeds sometimes list cover art first),
 * else the first one. Atom enclosure links and Media RSS are used when there is no <enclosure>.
 */
function pickEnclosure(item: RawItem, url: (value: unknown) => string | undefined): Enclosure | undefined {
  const fromEnclosures = list(item.enclosureNodes).map((node) => ({
    url: url(attr(node, 'url')),
    type: attr(node, 'type'),
    length: attr(node, 'length'),
  }));
  const fromAtom = list(item.linkNodes)
    .filter((node) => attr(node, 'rel') === 'enclosure')
    .map((node) => ({ url: url(attr(node, 'href')), type: attr(node, 'type'), length: attr(node, 'length') }));
  const media = [
    ...list(item.mediaContent),
    ...list(item.mediaGroup).flatMap((group) => list(field(group, 'media:content'))),
  ];
  const fromMedia = media.map((node) => ({
    url: url(attr(node, 'url')),
    type: attr(node, 'type'),
    length: attr(node, 'fileSize'),
  }));
  const candidates = [...fromEnclosures, ...fromAtom];
  const usable = (candidates.length ? candidates : fromMedia).filter((c): c is typeof c & { url: string } => !!c.url);
  const chosen = usable.find((c) => /^(audio|video)\//i.test(c.type ?? '')) ?? usable[0];
  if (!chosen) return undefined;
  const length = positiveInteger(chosen.length);
  return dropUndefined({ url: chosen.url, type: chosen.type?.trim() || undefined, length });
}

/** content:encoded when it says more than the description (Anchor sends only <description>). */
function pickShowNotes(item: RawItem): string {
  const encoded = text(item['content:encoded']);
  const description = text(item.content) ?? text(item.summary) ?? text(item.itunesSummary);
  if (!encoded) return description ?? '';
  if (!description) return encoded;
  const hasTags = (html: string) => /<[a-z][^>]*>/i.test(html);
  const richer = encoded.length >= description.length || (hasTags(encoded) && !hasTags(description));
  return richer ? encoded : description;
}

/** Podlove Simple Chapters: start is Normal Play Time ("01:02:03.400", "62", "1:02"). Sorted by start. */
function pscChapters(value: unknown, url: (value: unknown) => string | undefined): PscChapter[] | undefined {
  const chapters = list(field(first(value), 'psc:chapter')).flatMap((node): PscChapter[] => {
    const start = parseTimestamp(attr(node, 'start'));
    if (start === undefined) return [];
    return [
      dropUndefined({
        start,
        title: attr(node, 'title') ?? '',
        href: url(attr(node, 'href')),
        image: url(attr(node, 'image')),
      }),
    ];
  });
  // Array.prototype.sort is stable, so chapters with the same start keep the feed's order.
  chapters.sort((a, b) => a.start - b.start);
  return chapters.length ? chapters : undefined;
}

/**
 * Every <podcast:transcript> of an item, in feed order, each URL once. Only web addresses: the file is
 * fetched by the app, so a feed must not point it at file: (or anything else) even when read locally.
 */
function transcriptLinks(value: unknown, url: (value: unknown) => string | undefined): TranscriptLink[] | undefined {
  const seen = new Set<string>();
  const links = list(value).flatMap((node): TranscriptLink[] => {
    const address = url(attr(node, 'url'));
    if (!address || !/^https?:/i.test(address) || seen.has(address)) return [];
    seen.add(address);
    // The type is required by the namespace, but a missing one still leaves the file's extension to go by.
    return [
      dropUndefined({
        url: address,
        type: attr(node, 'type') ?? '',
        language: languageTag(attr(node, 'language')),
        rel: attr(node, 'rel'),
      }),
    ];
  });
  return links.length ? links : undefined;
}

/** A BCP 47-looking tag (`en`, `en-US`, `pt_BR`), else undefined: feeds put prose there too ("English"). */
function languageTag(value: unknown): string | undefined {
  const raw = text(value);
  return raw && /^[a-z]{2,8}(?:[-_][a-z0-9]{1,8})*$/i.test(raw) ? raw : undefined;
}

// ---- small readers for xml2js nodes: strings, { _: text, $: attributes } or arrays of them ----

/** Trimmed non-empty text of a string or an xml2js node with text, else undefined. */
export function text(value: unknown): string | undefined {
  const node = Array.isArray(value) ? value[0] : value;
  const raw =
    typeof node === 'string' ? node : typeof field(node, '_') === 'string' ? (field(node, '_') as string) : undefined;
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

function attr(node: unknown, name: string): string | undefined {
  const value = field(field(Array.isArray(node) ? node[0] : node, '$'), name);
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

function field(node: unknown, name: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Integers only ("3", not "3.5" or "-1" or "three"); 0 and below mean "not numbered". */
function positiveInteger(value: unknown): number | undefined {
  const raw = typeof value === 'number' ? String(value) : text(value);
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const number = Number(raw);
  return number >= 1 && Number.isSafeInteger(number) ? number : undefined;
}

function isoDate(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Resolves a possibly relative URL against the feed's address. Only web URLs are kept, or URLs
 * with the feed's own scheme (a relative link in a local file stays local): a remote feed must not
 * point Earmark at file:// or javascript: addresses.
 */
export function resolveUrl(value: unknown, base: string): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  try {
    const resolved = new URL(raw, base);
    const baseProtocol = new URL(base).protocol;
    const allowed =
      resolved.protocol === 'http:' || resolved.protocol === 'https:' || resolved.protocol === baseProtocol;
    return allowed ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

function webUrl(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

/** "https://x/y/Episode%201.mp3" → "Episode 1": a title for items that have none. */
function fileTitle(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const name = decodeURIComponent(new URL(address).pathname.split('/').pop() ?? '');
    return name.replace(/\.[^.]+$/, '').trim() || undefined;
  } catch {
    return undefined;
  }
}

function hostOf(address: string): string {
  try {
    return new URL(address).hostname || address;
  } catch {
    return address;
  }
}
