/**
 * Extra fields rss-parser should copy from the XML. keepArray keeps the raw xml2js nodes
 * (attributes under `$`), which map-feed.ts reads; plain strings come back as text.
 * Plain data: it is sent to the parser worker as workerData.
 */
type Field = string | [from: string, to: string] | [from: string, to: string, options: { keepArray: boolean }];

const raw = (name: string, to: string): Field => [name, to, { keepArray: true }];

export const parserCustomFields: { feed: Field[]; item: Field[] } = {
  feed: [
    ['itunes:new-feed-url', 'itunesNewFeedUrl'],
    raw('itunes:image', 'itunesImage'),
    ['itunes:author', 'itunesAuthor'],
    ['itunes:summary', 'itunesSummary'],
    'subtitle', // Atom
    'logo', // Atom
    'icon', // Atom
  ],
  item: [
    // Read directly rather than via rss-parser's `itunes` object, which it fills only when the
    // feed declares xmlns:itunes; many feeds use the prefix without declaring it.
    ['itunes:duration', 'itunesDuration'],
    ['itunes:episode', 'itunesEpisode'],
    ['itunes:season', 'itunesSeason'],
    ['itunes:summary', 'itunesSummary'],
    raw('itunes:image', 'itunesImage'),
    ['podcast:episode', 'podcastEpisode'],
    ['podcast:season', 'podcastSeason'],
    raw('podcast:chapters', 'podcastChapters'),
    raw('podcast:transcript', 'podcastTranscript'),
    raw('psc:chapters', 'pscChapters'),
    raw('guid', 'guidNodes'),
    raw('enclosure', 'enclosureNodes'),
    raw('link', 'linkNodes'),
    raw('media:content', 'mediaContent'),
    raw('media:group', 'mediaGroup'),
    raw('media:thumbnail', 'mediaThumbnail'),
  ],
};
