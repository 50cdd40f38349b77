import { afterAll, describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../../electron/core/feeds/decode-body.js';
import { FeedParser } from '../../../electron/core/feeds/feed-parser.js';
import { readFeed } from '../../../electron/core/feeds/read-feed.js';
import { shortHash } from '../../../electron/core/feeds/stable-id.js';
import { fixtureBytes } from './fixtures.js';

const parser = new FeedParser();
afterAll(() => parser.close());

const feedUrl = 'https://anchor.fm/s/1eb6d14/podcast/rss';
const read = (name: string, contentType?: string, url = feedUrl) =>
  readFeed(parser, decodeFeedBody(fixtureBytes(name), contentType), { feedId: 'feed1', feedUrl: url });

describe('mapFeed on an Anchor-like feed', () => {
  it('maps the channel', async () => {
    const { info, newFeedUrl } = await read('anchor-like.xml');
    expect(info).toEqual({
      title: 'The Backend Engineering Show with Hussein Nasser',
      description: '<p>Welcome to the Backend Engineering Show podcast with your host Hussein Nasser.</p>',
      link: 'https://podcasters.spotify.com/pod/show/hnasr',
      artwork: 'https://d3t3ozftmdmh3i.cloudfront.net/production/podcast_uploaded/itunes.jpg',
      author: 'Hussein Nasser',
    });
    expect(newFeedUrl).toBeUndefined();
  });

  it('maps a full item: CDATA HTML notes, HH:MM:SS duration, numbers, artwork, chapters', async () => {
    const [episode] = (await read('anchor-like.xml')).episodes;
    expect(episode).toEqual({
      id: shortHash('feed1\n2f1c9d1e-6f0b-4f43-9a55-1f4a1d6f0a01'),
      feedId: 'feed1',
      guid: '2f1c9d1e-6f0b-4f43-9a55-1f4a1d6f0a01',
      title: 'Socket management and Kernel Data structures',
      publishedAt: '2025-04-04T14:00:00.000Z',
      durationSeconds: 1862,
      enclosure: {
        url: 'https://anchor.fm/s/1eb6d14/podcast/play/100/socket.mp3',
        type: 'audio/mpeg',
        length: 45123456,
      },
      showNotesHtml: expect.stringContaining('<p>1:38 Socket vs Connections</p>'),
      link: 'https://podcasters.spotify.com/pod/show/hnasr/episodes/Socket-management-e31a2b3',
      episodeNumber: 100,
      seasonNumber: 3,
      artwork: 'https://d3t3ozftmdmh3i.cloudfront.net/production/podcast_uploaded/ep100.jpg',
      chaptersUrl: 'https://example.com/ep100/chapters.json',
      pscChapters: [
        { start: 0, title: 'Intro' },
        {
          start: 98.5,
          title: 'Socket vs Connections',
          href: 'https://example.com/sockets',
          image: 'https://example.com/s.png',
        },
        { start: 470, title: 'SYN and Accept Queue' },
      ],
    });
    expect(episode?.id).toMatch(/^[0-9a-f]{16}$/);
    // The description wins over the shorter itunes:summary, and its HTML is kept as given.
    expect(episode?.showNotesHtml.startsWith('<p>Fundamentals of Operating Systems Course</p>')).toBe(true);
  });

  it('reads plain-seconds durations and drops non-integer or non-numeric episode/season numbers', async () => {
    const episode = (await read('anchor-like.xml')).episodes[1];
    expect(episode?.durationSeconds).toBe(612);
    expect(episode?.enclosure).toEqual({
      url: 'https://anchor.fm/s/1eb6d14/podcast/play/101/discipline.m4a',
      type: 'audio/x-m4a',
      length: 9876543,
    });
    expect(episode).not.toHaveProperty('episodeNumber');
    expect(episode).not.toHaveProperty('seasonNumber');
    expect(episode).not.toHaveProperty('link');
  });

  it('gives a GUID-less item a stable id from its enclosure and prefers richer content:encoded', async () => {
    const episode = (await read('anchor-like.xml')).episodes[2];
    expect(episode?.guid).toBeUndefined();
    expect(episode?.id).toBe(shortHash('feed1\nhttps://anchor.fm/s/1eb6d14/podcast/play/90/long-polling.mp3'));
    expect(episode?.durationSeconds).toBe(29 * 60 + 15);
    expect(episode?.showNotesHtml).toContain('<b>do</b> carry richer notes');
    expect(episode?.episodeNumber).toBe(7); // podcast:episode when there is no itunes:episode
    expect(episode?.enclosure).toEqual({
      url: 'https://anchor.fm/s/1eb6d14/podcast/play/90/long-polling.mp3',
      type: 'audio/mpeg',
    });
  });

  it('gives the same ids on every parse, and different ids in another feed', async () => {
    const first = (await read('anchor-like.xml')).episodes.map((e) => e.id);
    const again = (await read('anchor-like.xml')).episodes.map((e) => e.id);
    const other = (
      await readFeed(parser, decodeFeedBody(fixtureBytes('anchor-like.xml')), { feedId: 'feed2', feedUrl })
    ).episodes.map((e) => e.id);
    expect(again).toEqual(first);
    expect(new Set([...first, ...other]).size).toBe(6);
  });
});

describe('non-UTF-8 feeds', () => {
  it('decodes windows-1252 named in the XML declaration', async () => {
    const { info, episodes } = await read('windows-1252.xml', 'application/rss+xml');
    expect(info.title).toBe('Café Crème — “Le podcast”');
    expect(info.description).toBe('Naïve questions, réponses détaillées …');
    expect(episodes[0]?.title).toBe('Épisode 1 – L’été');
    expect(episodes[0]?.showNotesHtml).toBe('<p>Coût : 5 €</p>');
  });

  it('decodes ISO-8859-1 named only in the Content-Type', async () => {
    const { info, episodes } = await read('iso-8859-1.xml', 'text/xml; charset=ISO-8859-1');
    expect(info.title).toBe('Grüße aus Köln');
    expect(info.description).toBe('Über Äpfel und Öl');
    expect(episodes[0]?.title).toBe('Frühstück');
  });

  it('falls back to UTF-8 for an unknown charset label, and honours a BOM', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><t>é</t>');
    expect(decodeFeedBody(bytes, 'text/xml; charset=x-no-such-charset')).toContain('<t>é</t>');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeFeedBody(withBom, 'text/xml; charset=iso-8859-1')).toBe('<?xml version="1.0"?><t>é</t>');
  });
});

describe('Atom feeds', () => {
  it('maps entries: id as GUID, enclosure link, relative alternate link, published date', async () => {
    const { info, episodes } = await read('atom.xml', 'application/atom+xml', 'https://example.org/feed.atom');
    expect(info).toMatchObject({
      title: 'An Atom Podcast',
      description: 'Episodes published as Atom entries.',
      link: 'https://example.org/',
      artwork: 'https://example.org/logo.png',
    });
    expect(episodes).toEqual([
      {
        id: shortHash('feed1\nurn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a'),
        feedId: 'feed1',
        guid: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
        title: 'First Atom episode',
        publishedAt: '2025-01-02T10:00:00.000Z',
        durationSeconds: 3723,
        enclosure: { url: 'https://example.org/audio/1.mp3', type: 'audio/mpeg', length: 1234567 },
        showNotesHtml: '<p>Notes with <em>HTML</em>.</p>',
        link: 'https://example.org/episodes/1',
      },
    ]);
  });
});

describe('unsafe and odd input', () => {
  it('drops file: and javascript: URLs from a web feed', async () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>E</title><guid>g</guid>
      <link>javascript:alert(1)</link><enclosure url="file:///etc/passwd" type="audio/mpeg"/></item></channel></rss>`;
    const { episodes } = await readFeed(parser, xml, { feedId: 'f', feedUrl });
    expect(episodes[0]).not.toHaveProperty('link');
    expect(episodes[0]).not.toHaveProperty('enclosure');
  });

  it('reports a web page, non-XML, broken XML and non-feed XML in words', async () => {
    const opts = { feedId: 'f', feedUrl };
    await expect(readFeed(parser, '<!DOCTYPE html><html><body>Hi</body></html>', opts)).rejects.toThrow(
      /web page \(HTML\), not a podcast feed/,
    );
    await expect(readFeed(parser, 'just text', opts)).rejects.toThrow(/not XML/);
    await expect(readFeed(parser, '<rss><channel><item></channel></rss>', opts)).rejects.toThrow(
      /^The feed's XML is broken on line 1, column 30: a closing tag does not match/,
    );
    await expect(readFeed(parser, '<?xml version="1.0"?><svg/>', opts)).rejects.toThrow(
      'The address gives XML, but not an RSS or Atom feed.',
    );
  });

  it('parses several feeds at once in the one worker', async () => {
    const results = await Promise.all(['anchor-like.xml', 'atom.xml', 'windows-1252.xml'].map((name) => read(name)));
    expect(results.map((r) => r.episodes.length)).toEqual([3, 1, 1]);
  });
});
