/**
 * What rss-parser 3.13 returns with parser-fields.ts's custom fields. Shapes are loose on purpose:
 * feeds put anything anywhere, so map-feed.ts checks every value before it uses it.
 */
export interface RawFeed {
  title?: unknown;
  description?: unknown;
  subtitle?: unknown;
  link?: unknown;
  feedUrl?: unknown;
  image?: { url?: unknown };
  logo?: unknown;
  icon?: unknown;
  creator?: unknown;
  author?: unknown;
  itunesAuthor?: unknown;
  itunesSummary?: unknown;
  itunesImage?: unknown;
  itunesNewFeedUrl?: unknown;
  /** <language> (RSS) or <dc:language>, as rss-parser copies it. */
  language?: unknown;
  items?: RawItem[];
}

export interface RawItem {
  title?: unknown;
  link?: unknown;
  linkNodes?: unknown;
  guid?: unknown;
  guidNodes?: unknown;
  id?: unknown; // Atom
  isoDate?: unknown;
  pubDate?: unknown;
  content?: unknown; // RSS description / Atom content
  summary?: unknown;
  'content:encoded'?: unknown;
  enclosure?: unknown;
  enclosureNodes?: unknown;
  mediaContent?: unknown;
  mediaGroup?: unknown;
  mediaThumbnail?: unknown;
  itunesDuration?: unknown;
  itunesEpisode?: unknown;
  itunesSeason?: unknown;
  itunesSummary?: unknown;
  itunesImage?: unknown;
  podcastEpisode?: unknown;
  podcastSeason?: unknown;
  podcastChapters?: unknown;
  podcastTranscript?: unknown;
  pscChapters?: unknown;
}
